"""Each ledger layout of DOMAIN.md is read without --map."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from auditdesk.core.ledger import compute_stats
from auditdesk.ingest import IngestError, parse_ledger
from tests.fixtures.ledgers import JOURNAL_HEADER, journal, write_xlsx

D = Decimal


def test_journal_with_title_rows(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "j.xlsx", {"序时账": journal(6)})
    led = parse_ledger(path, 2024)
    sheet = led.sheets[0]
    assert sheet.layout == "layout.journal"
    assert sheet.header_row == 3
    assert sheet.header[:3] == ("日期", "凭证号", "摘要")
    assert dict(sheet.columns) == {
        "date": "A",
        "voucher": "B",
        "summary": "C",
        "account_code": "D",
        "account_name": "E",
        "debit": "F",
        "credit": "G",
        "attachments": "H",
    }
    assert sheet.double_entry and led.double_entry
    assert len(led.entries) == 6 and not led.problems
    first = led.entries[0]
    assert (first.date, first.voucher, first.account_code, first.account_name) == (
        dt.date(2024, 1, 5),
        "记-1",
        "50105",
        "职工活动支出-会员活动支出",
    )
    assert (first.debit, first.credit, first.attachments, first.row, first.sheet) == (
        D("100.50"),
        0,
        2,
        4,
        "序时账",
    )
    assert led.entries[1].attachments is None
    stats = compute_stats(led.entries)
    assert stats.unbalanced_vouchers == () and stats.debit_total == stats.credit_total
    assert led.format == "xlsx" and led.encoding is None and len(led.sha256) == 64


def test_cash_journal_split_date_year_in_title(tmp_path: Path) -> None:
    rows = [
        ["2024年现金日记账"],
        ["月", "日", "凭证号", "摘要", "收入", "支出", "结余"],
        [1, 1, None, "上年结转", None, None, 500],
        [1, 3, "现付-1", "购买办公用品", None, 120.5, 379.5],
        [1, 8, "现收-1", "提取备用金", 1000, None, 1379.5],
        [None, None, None, "本月合计", 1000, 120.5, 1379.5],
        [2, 2, "现付-2", "慰问困难职工", None, 300, 1079.5],
    ]
    led = parse_ledger(write_xlsx(tmp_path / "c.xlsx", {"Sheet1": rows}), 2024)
    sheet = led.sheets[0]
    assert sheet.layout == "layout.cash_journal" and not sheet.double_entry and not led.double_entry
    assert [e.date for e in led.entries] == [dt.date(2024, 1, 3), dt.date(2024, 1, 8), dt.date(2024, 2, 2)]
    assert {(e.account_code, e.account_name) for e in led.entries} == {("101", "库存现金")}
    assert (led.entries[0].debit, led.entries[0].credit) == (0, D("120.50"))
    assert led.entries[1].debit == D("1000") and led.entries[1].balance == D("1379.50")
    assert [s.key for s in led.skipped] == ["skip.carried_forward", "skip.subtotal"]
    assert len(led.reconciliation) == 1 and led.reconciliation[0].ok


def test_bank_journal_two_row_header_year_over_month_day(tmp_path: Path) -> None:
    rows = [
        ["银行存款日记账"],
        ["2024年", None, "凭证号", "摘要", "收入", "支出", "结余"],
        ["月", "日", None, None, None, None, None],
        [3, 5, "银收-1", "收到拨缴经费", 20000, None, 20000],
        [3, 9, "银付-1", "支付培训费", None, 3500, 16500],
    ]
    led = parse_ledger(
        write_xlsx(tmp_path / "b.xlsx", {"银行": rows}),
        2024,
    )
    sheet = led.sheets[0]
    assert sheet.layout == "layout.bank_journal"
    assert sheet.header_row == 2 and sheet.columns["month"] == "A" and sheet.columns["day"] == "B"
    assert [(e.date, e.voucher, e.account_name) for e in led.entries] == [
        (dt.date(2024, 3, 5), "银收-1", "银行存款"),
        (dt.date(2024, 3, 9), "银付-1", "银行存款"),
    ]
    assert not led.problems


def test_split_date_year_above_differs_from_import_year(tmp_path: Path) -> None:
    rows = [["2023年现金日记账"], ["月", "日", "摘要", "收入", "支出"], [3, 5, "收会费", 100, None]]
    led = parse_ledger(write_xlsx(tmp_path / "c.xlsx", {"现金": rows}), 2024)
    assert not led.entries
    assert [p.key for p in led.problems] == ["ingest.date_outside_year"]


def test_detail_ledger_section_rows(tmp_path: Path) -> None:
    header = ["日期", "凭证号", "摘要", "借方", "贷方", "借或贷", "余额"]
    rows = [
        ["明细分类账"],
        ["科目:5101 职工活动支出"],
        header,
        [None, None, "期初余额", None, None, "借", 0],
        [dt.date(2024, 5, 4), "记-3", "五一慰问品", 800, None, "借", 800],
        [None, None, "本月合计", 800, None, "借", 800],
        ["科目：40101 会费收入"],
        header,
        [dt.date(2024, 5, 6), "记-4", "收到会费", None, 650, "贷", 650],
        [None, None, "本月合计", None, 650, "贷", 650],
        [None, None, "本年累计", None, 650, "贷", 650],
    ]
    led = parse_ledger(write_xlsx(tmp_path / "d.xlsx", {"明细账": rows}), 2024)
    assert led.sheets[0].layout == "layout.detail_ledger"
    assert [(e.account_code, e.account_name, e.debit, e.credit, e.balance) for e in led.entries] == [
        ("5101", "职工活动支出", D("800"), 0, D("800")),
        ("40101", "会费收入", 0, D("650"), D("-650")),
    ]
    keys = [s.key for s in led.skipped]
    assert keys.count("skip.section") == 1 and keys.count("skip.header_repeat") == 1
    assert [(r.label, r.ok) for r in led.reconciliation] == [
        ("本月合计", True),
        ("本月合计", True),
        ("本年累计", True),
    ]


def test_one_sheet_per_month_and_sheet_selection(tmp_path: Path) -> None:
    sheets = {}
    for month in (1, 2, 3):
        sheets[f"{month}月"] = [
            JOURNAL_HEADER,
            [dt.date(2024, month, 10), "记-1", "摘要", "102", "银行存款", 10.0 * month, None, None],
            [dt.date(2024, month, 10), "记-1", "摘要", "401", "会费收入", None, 10.0 * month, None],
        ]
    sheets["说明"] = [["本账簿由代理记账公司导出"], ["请核对"]]
    path = write_xlsx(tmp_path / "m.xlsx", sheets)
    led = parse_ledger(path, 2024)
    assert [s.layout for s in led.sheets] == ["layout.journal"] * 3 + ["layout.none"]
    assert [e.sheet for e in led.entries] == ["1月", "1月", "2月", "2月", "3月", "3月"]
    assert led.sheets[3].header_row == 0
    only = parse_ledger(path, 2024, sheets=["2月"])
    assert [s.name for s in only.sheets] == ["2月"] and len(only.entries) == 2
    with pytest.raises(IngestError) as err:
        parse_ledger(path, 2024, sheets=["说明"])
    assert err.value.key == "ingest.no_header" and err.value.params["sheet"] == "说明"
    with pytest.raises(IngestError) as err:
        parse_ledger(path, 2024, sheets=["13月"])
    assert err.value.key == "ingest.sheet_not_found" and "1月" in err.value.params["available"]


def test_only_sheet_without_header_is_an_error(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "n.xlsx", {"Sheet1": [["会议纪要"], ["2024年3月5日", "讨论预算"]]})
    with pytest.raises(IngestError) as err:
        parse_ledger(path, 2024)
    assert err.value.key == "ingest.no_header" and err.value.params["sheet"] == "Sheet1"


@pytest.mark.parametrize(
    ("cell", "code", "name"),
    [
        ("50105 职工活动支出-会员活动支出", "50105", "职工活动支出-会员活动支出"),
        ("501 职工活动支出/50105 会员活动支出", "50105", "职工活动支出/会员活动支出"),
        ("职工活动支出", "", "职工活动支出"),
        ("50105", "50105", ""),
        ("1002.01 银行存款-工行", "1002.01", "银行存款-工行"),
    ],
)
def test_code_and_name_in_one_column(tmp_path: Path, cell: str, code: str, name: str) -> None:
    rows = [
        ["日期", "凭证号", "摘要", "会计科目", "借方", "贷方"],
        [dt.date(2024, 4, 1), "记-1", "x", cell, 5.0, None],
    ]
    led = parse_ledger(write_xlsx(tmp_path / "a.xlsx", {"凭证列表": rows}), 2024)
    assert led.sheets[0].layout == "layout.voucher_list"
    assert led.sheets[0].columns["account"] == "D"
    assert (led.entries[0].account_code, led.entries[0].account_name) == (code, name)


def test_direction_and_amount_instead_of_debit_credit(tmp_path: Path) -> None:
    rows = [
        ["日期", "凭证号", "摘要", "科目", "方向", "金额"],
        [dt.date(2024, 6, 1), "记-7", "付场地费", "50502 会议", "借", 900.0],
        [dt.date(2024, 6, 1), "记-7", "付场地费", "102 银行存款", "贷", 900.0],
        [dt.date(2024, 6, 2), "记-8", "收利息", "102 银行存款", " 借方 ", "12.30"],
    ]
    led = parse_ledger(write_xlsx(tmp_path / "dir.xlsx", {"s": rows}), 2024)
    assert [(e.debit, e.credit) for e in led.entries] == [(D("900"), 0), (0, D("900")), (D("12.30"), 0)]
    assert led.sheets[0].columns["direction"] == "E" and led.sheets[0].columns["amount"] == "F"


def test_voucher_type_and_number_columns(tmp_path: Path) -> None:
    rows = [
        ["日期", "字", "号", "摘要", "科目名称", "借方", "贷方"],
        [dt.date(2024, 2, 1), "记", 12, "x", "银行存款", 1.0, None],
        [dt.date(2024, 2, 1), "记字", "0012", "x", "会费收入", None, 1.0],
    ]
    led = parse_ledger(write_xlsx(tmp_path / "v.xlsx", {"s": rows}), 2024)
    assert [e.voucher for e in led.entries] == ["记-12", "记-12"]
    assert led.sheets[0].layout == "layout.voucher_list"


@pytest.mark.parametrize("raw", ["记-0012", "记12", "记字第12号", "记 - 12", "记字12号"])
def test_voucher_spellings_normalised(tmp_path: Path, raw: str) -> None:
    rows = [JOURNAL_HEADER, [dt.date(2024, 2, 1), raw, "x", "102", "银行存款", 1.0, None, None]]
    led = parse_ledger(write_xlsx(tmp_path / "v.xlsx", {"s": rows}), 2024)
    assert led.entries[0].voucher == "记-12"


def test_merged_date_and_voucher_forward_filled_within_block(tmp_path: Path) -> None:
    rows = [
        JOURNAL_HEADER,
        [dt.date(2024, 3, 1), "记-1", "买慰问品", "50105", "会员活动支出", 300.0, None, 1],
        [None, None, "买慰问品", "102", "银行存款", None, 300.0, None],
        [None, None, "本月合计", None, None, 300.0, 300.0, None],
        [None, None, "漏了日期", "102", "银行存款", 5.0, None, None],
    ]
    path = write_xlsx(tmp_path / "m.xlsx", {"s": rows}, merges={"s": ["A2:A3", "B2:B3"]})
    led = parse_ledger(path, 2024)
    assert [(e.date, e.voucher) for e in led.entries] == [(dt.date(2024, 3, 1), "记-1")] * 2
    # never across a subtotal: the last row's blank date is a problem, not a guess
    assert [(p.row, p.column, p.key) for p in led.problems] == [(5, "A", "ingest.date_missing")]


def test_blank_date_and_voucher_filled_without_merge_info(tmp_path: Path) -> None:
    rows = [
        JOURNAL_HEADER,
        [dt.date(2024, 3, 1), "记-1", "a", "50105", "会员活动支出", 300.0, None, 1],
        ["", "", "a", "102", "银行存款", None, 300.0, None],
        ["", "记-2", "b", "102", "银行存款", 1.0, None, None],
    ]
    led = parse_ledger(write_xlsx(tmp_path / "f.xlsx", {"s": rows}), 2024)
    assert [(e.date, e.voucher) for e in led.entries] == [(dt.date(2024, 3, 1), "记-1")] * 2
    assert [(p.row, p.key) for p in led.problems] == [(4, "ingest.date_missing")]


def test_header_repeated_on_every_page(tmp_path: Path) -> None:
    rows = journal(4, title=True)
    rows += [
        [None, None, "过次页", None, None, 301.0, 301.0, None],
        ["某某公司工会2024年序时账"],
        list(JOURNAL_HEADER),
        [None, None, "承前页", None, None, 301.0, 301.0],
    ]
    rows += journal(4, title=False)[1:]
    led = parse_ledger(write_xlsx(tmp_path / "p.xlsx", {"s": rows}), 2024)
    assert len(led.entries) == 8 and not led.problems
    assert [s.key for s in led.skipped] == [
        "skip.subtotal",
        "skip.title",
        "skip.header_repeat",
        "skip.carried_forward",
    ]
    assert len(led.reconciliation) == 1 and led.reconciliation[0].ok


def test_yonyou_raw_columns(tmp_path: Path) -> None:
    rows = [
        [
            "iperiod",
            "csign",
            "ino_id",
            "inid",
            "dbill_date",
            "idoc",
            "cdigest",
            "ccode",
            "ccode_name",
            "md",
            "mc",
        ],
        [7, "记", 3, 1, dt.date(2024, 7, 8), 2, "职工书屋购书", "50304", "职工书屋", 860, 0],
        [7, "记", 3, 2, dt.date(2024, 7, 8), 2, "职工书屋购书", "102", "银行存款", 0, 860],
    ]
    led = parse_ledger(write_xlsx(tmp_path / "u.xlsx", {"GL_accvouch": rows}), 2024)
    assert led.sheets[0].layout == "layout.yonyou"
    assert [
        (e.voucher, e.account_code, e.account_name, e.debit, e.credit, e.attachments) for e in led.entries
    ] == [("记-3", "50304", "职工书屋", D("860"), 0, 2), ("记-3", "102", "银行存款", 0, D("860"), 2)]


def test_two_row_header_amount_over_debit_credit(tmp_path: Path) -> None:
    rows = [
        ["日期", "凭证号", "摘要", "科目名称", "金额", None],
        [None, None, None, None, "借方", "贷方"],
        [dt.date(2024, 8, 1), "记-1", "x", "银行存款", 50.0, None],
        [dt.date(2024, 8, 1), "记-1", "x", "会费收入", None, 50.0],
    ]
    led = parse_ledger(write_xlsx(tmp_path / "t.xlsx", {"s": rows}, merges={"s": ["E1:F1"]}), 2024)
    assert led.sheets[0].columns["debit"] == "E" and led.sheets[0].columns["credit"] == "F"
    assert [(e.debit, e.credit) for e in led.entries] == [(D("50"), 0), (0, D("50"))]


def test_counter_account_and_summary_kept(tmp_path: Path) -> None:
    rows = [
        [
            "凭证日期",
            "凭证字号",
            "摘要",
            "科目代码",
            "科目名称",
            "对方科目",
            "借方金额",
            "贷方金额",
            "单据数",
        ],
        ["2024-09-01", "记-5", "  中秋慰问  ", "50105", "会员活动支出", "102 银行存款", "1,200.00", "", "3"],
    ]
    led = parse_ledger(write_xlsx(tmp_path / "c.xlsx", {"s": rows}), 2024)
    e = led.entries[0]
    assert (e.summary, e.counter_account, e.debit, e.attachments) == (
        "中秋慰问",
        "102 银行存款",
        D("1200.00"),
        3,
    )


def test_detail_ledger_two_row_header_with_balance_direction(tmp_path: Path) -> None:
    rows = [
        ["明细分类账"],
        ["总账科目：501 职工活动支出    明细科目：50105 会员活动支出"],
        ["日期", "凭证号", "摘要", "本期发生额", None, "余额", None],
        [None, None, None, "借方", "贷方", "方向", "金额"],
        [dt.date(2024, 9, 10), "记-2", "中秋慰问品", 4800, None, "借", 4800],
        [dt.date(2024, 9, 30), "记-9", "冲回多计", None, 4800, "平", 0],
    ]
    path = write_xlsx(tmp_path / "d.xlsx", {"明细账": rows}, merges={"明细账": ["D3:E3", "F3:G3"]})
    led = parse_ledger(path, 2024)
    sheet = led.sheets[0]
    assert sheet.layout == "layout.detail_ledger" and sheet.header_row == 3
    assert (sheet.columns["debit"], sheet.columns["credit"], sheet.columns["balance"]) == ("D", "E", "G")
    assert sheet.columns["direction"] == "F"
    assert [(e.account_code, e.account_name, e.balance) for e in led.entries] == [
        ("50105", "会员活动支出", D("4800")),
        ("50105", "会员活动支出", 0),
    ]


def test_cash_journal_month_written_once(tmp_path: Path) -> None:
    rows = [
        ["2024年现金日记账"],
        ["月", "日", "摘要", "收入", "支出", "结余"],
        [4, 2, "提现", 500, None, 500],
        [None, 9, "买茶叶", None, 80, 420],
        [None, 21, "买水果", None, 60, 360],
    ]
    led = parse_ledger(write_xlsx(tmp_path / "c.xlsx", {"现金日记账": rows}), 2024)
    assert [e.date for e in led.entries] == [dt.date(2024, 4, 2), dt.date(2024, 4, 9), dt.date(2024, 4, 21)]


def test_explicit_account_name_mapping_is_not_split(tmp_path: Path) -> None:
    rows = [["日期", "摘要", "科目", "借方", "贷方"], [dt.date(2024, 1, 2), "x", "102 银行存款", 1.0, None]]
    path = write_xlsx(tmp_path / "a.xlsx", {"s": rows})
    assert parse_ledger(path, 2024).entries[0].account_code == "102"
    led = parse_ledger(path, 2024, mapping={"科目": "account_name"})
    assert (led.entries[0].account_code, led.entries[0].account_name) == ("", "102 银行存款")


def test_single_account_sheet_without_a_named_account(tmp_path: Path) -> None:
    rows = [["日期", "摘要", "借方", "贷方", "余额"], [dt.date(2024, 1, 2), "x", 1.0, None, 1.0]]
    led = parse_ledger(write_xlsx(tmp_path / "s.xlsx", {"Sheet1": rows}), 2024)
    assert led.sheets[0].layout == "layout.single_account"
    assert [p.key for p in led.problems] == ["ingest.account_unknown"]


def test_fiscal_year_preferred_over_an_export_date_in_the_title(tmp_path: Path) -> None:
    rows = [
        ["导出时间：2025年1月20日", None, "2024年现金日记账"],
        ["月", "日", "摘要", "收入", "支出"],
        [12, 30, "利息", 3.5, None],
    ]
    led = parse_ledger(write_xlsx(tmp_path / "c.xlsx", {"现金": rows}), 2024)
    assert [e.date for e in led.entries] == [dt.date(2024, 12, 30)] and not led.problems

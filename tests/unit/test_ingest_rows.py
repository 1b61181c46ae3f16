"""Row-level reading: dates, amounts, formulas, problems, skipped rows, reconciliation, --map."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from auditdesk.ingest import FIELDS, ParsedLedger, parse_ledger
from tests.fixtures.ledgers import JOURNAL_HEADER, write_csv, write_xlsx

D = Decimal


def _one(tmp_path: Path, *cells: Any, header: list[str] | None = None, **kwargs: Any) -> ParsedLedger:
    rows = [header or JOURNAL_HEADER, list(cells)]
    return parse_ledger(write_xlsx(tmp_path / "r.xlsx", {"s": rows}), 2024, **kwargs)


@pytest.mark.parametrize(
    "value",
    [
        dt.date(2024, 3, 5),
        dt.datetime(2024, 3, 5, 14, 30),
        45356,
        "2024-03-05",
        "2024/3/5",
        "2024.3.5",
        "2024年3月5日",
        "20240305",
        "3月5日",
    ],
)
def test_date_spellings(tmp_path: Path, value: Any) -> None:
    led = _one(tmp_path, value, "记-1", "x", "102", "银行存款", 1.0, None, None)
    assert not led.problems and led.entries[0].date == dt.date(2024, 3, 5)


def test_impossible_date(tmp_path: Path) -> None:
    led = _one(tmp_path, "2024-02-30", "记-1", "x", "102", "银行存款", 1.0, None, None)
    assert not led.entries
    [p] = led.problems
    assert (p.row, p.column, p.header, p.value, p.key) == (2, "A", "日期", "2024-02-30", "date.impossible")


def test_date_outside_year(tmp_path: Path) -> None:
    led = _one(tmp_path, dt.date(2023, 12, 31), "记-1", "x", "102", "银行存款", 1.0, None, None)
    [p] = led.problems
    assert p.key == "ingest.date_outside_year"
    assert p.params == {"value": "2023-12-31", "year": 2024, "found": 2023}


def test_impossible_split_date(tmp_path: Path) -> None:
    rows = [
        ["2024年现金日记账"],
        ["月", "日", "摘要", "收入", "支出"],
        [2, 30, "x", 1, None],
        [13, 1, "y", 1, None],
    ]
    led = parse_ledger(write_xlsx(tmp_path / "c.xlsx", {"现金": rows}), 2024)
    assert [(p.row, p.column, p.key) for p in led.problems] == [
        (3, "B", "date.impossible"),
        (4, "A", "date.impossible"),
    ]


@pytest.mark.parametrize(
    ("debit", "expected"),
    [
        ("(1,200.00)", D("-1200.00")),
        ("￥1,234.50元", D("1234.50")),
        ("-35.5", D("-35.50")),
        (1234.5, D("1234.50")),
        (0.1 + 0.2, D("0.30")),
        ("1 234.56", D("1234.56")),
        (7, D("7")),
    ],
)
def test_amount_spellings(tmp_path: Path, debit: Any, expected: Decimal) -> None:
    led = _one(tmp_path, dt.date(2024, 1, 2), "记-1", "x", "102", "银行存款", debit, None, None)
    assert not led.problems and led.entries[0].debit == expected and led.entries[0].credit == 0


@pytest.mark.parametrize(("debit", "key"), [("abc", "amount.invalid"), (12.345, "amount.too_precise")])
def test_bad_amount(tmp_path: Path, debit: Any, key: str) -> None:
    led = _one(tmp_path, dt.date(2024, 1, 2), "记-1", "x", "102", "银行存款", debit, None, None)
    [p] = led.problems
    assert (p.column, p.header, p.key) == ("F", "借方金额", key)


def test_date_without_amount_and_amount_without_date(tmp_path: Path) -> None:
    rows = [
        JOURNAL_HEADER,
        [dt.date(2024, 1, 2), "记-1", "只有日期", "102", "银行存款", None, None, None],
        ["", "记-2", "只有金额", "102", "银行存款", 5.0, None, None],
        ["备注：以上为一月凭证"],
        [None, None, "   ", None, None, None, None, None],
    ]
    led = parse_ledger(write_xlsx(tmp_path / "r.xlsx", {"s": rows}), 2024)
    assert [(p.row, p.key) for p in led.problems] == [
        (2, "ingest.amount_missing"),
        (3, "ingest.date_missing"),
    ]
    assert [(s.row, s.key) for s in led.skipped] == [(4, "skip.title"), (5, "skip.blank")]


def test_formula_without_cached_value_names_the_cell(tmp_path: Path) -> None:
    rows = [
        JOURNAL_HEADER,
        [dt.date(2024, 1, 2), "记-1", "x", "102", "银行存款", "=100+20", None, None],
        [dt.date(2024, 1, 2), "记-1", "x", "401", "会费收入", None, "=F2", None],
    ]
    led = parse_ledger(write_xlsx(tmp_path / "f.xlsx", {"s": rows}), 2024)
    assert not led.entries
    assert [(p.row, p.column, p.key, p.params["cell"], p.value) for p in led.problems] == [
        (2, "F", "ingest.formula_no_value", "F2", "=100+20"),
        (3, "G", "ingest.formula_no_value", "G3", "=F2"),
    ]


def test_formula_only_row_is_not_lost(tmp_path: Path) -> None:
    rows = [
        JOURNAL_HEADER,
        [dt.date(2024, 1, 2), "记-1", "x", "102", "银行存款", 1.0, None, None],
        [None, None, None, None, None, "=F2*2", None, None],
    ]
    led = parse_ledger(write_xlsx(tmp_path / "f.xlsx", {"s": rows}), 2024)
    assert [(p.row, p.column, p.key) for p in led.problems] == [
        (3, "F", "ingest.formula_no_value"),
        (3, "D", "ingest.account_missing"),
    ]


def test_every_problem_of_a_row_is_reported(tmp_path: Path) -> None:
    led = _one(tmp_path, "2024-02-30", "记-1", "x", "", "", "abc", "(x)", "两张")
    assert not led.entries
    got = [(p.column, p.key) for p in led.problems]
    assert got == [
        ("F", "amount.invalid"),
        ("G", "amount.invalid"),
        ("A", "date.impossible"),
        ("D", "ingest.account_missing"),
        ("H", "ingest.attachments_invalid"),
    ]
    assert all(p.row == 2 and p.sheet == "s" for p in led.problems)
    assert led.problems[0].raw == ("2024-02-30", "记-1", "x", "", "", "abc", "(x)", "两张")


def test_direction_problems(tmp_path: Path) -> None:
    header = ["日期", "摘要", "科目", "方向", "金额"]
    rows = [
        header,
        [dt.date(2024, 1, 2), "x", "102 银行存款", "", 5.0],
        [dt.date(2024, 1, 2), "x", "102", "左", 5.0],
    ]
    led = parse_ledger(write_xlsx(tmp_path / "d.xlsx", {"s": rows}), 2024)
    assert [(p.row, p.column, p.key) for p in led.problems] == [
        (2, "D", "ingest.direction_missing"),
        (3, "D", "ingest.direction_invalid"),
    ]


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("期初余额", "skip.opening_balance"),
        ("年初余额", "skip.opening_balance"),
        ("上年结转", "skip.carried_forward"),
        ("上月结转", "skip.carried_forward"),
        ("承前页", "skip.carried_forward"),
        ("过次页", "skip.subtotal"),
        ("本页合计", "skip.subtotal"),
        ("本月合计", "skip.subtotal"),
        ("本 月 合 计", "skip.subtotal"),
        ("本年累计", "skip.subtotal"),
        ("合计", "skip.subtotal"),
        ("总计", "skip.subtotal"),
        ("小计", "skip.subtotal"),
        ("3月合计", "skip.subtotal"),
    ],
)
def test_non_entry_rows_skipped_and_reported(tmp_path: Path, label: str, key: str) -> None:
    rows = [
        JOURNAL_HEADER,
        [dt.date(2024, 1, 2), "记-1", "x", "102", "银行存款", 1.0, None, None],
        [None, None, label, None, None, 1.0, None, None],
    ]
    led = parse_ledger(write_xlsx(tmp_path / "s.xlsx", {"s": rows}), 2024)
    assert len(led.entries) == 1 and not led.problems
    assert [(s.row, s.key, s.text) for s in led.skipped] == [(3, key, label)]


def test_label_in_the_date_column(tmp_path: Path) -> None:
    rows = [
        JOURNAL_HEADER,
        [dt.date(2024, 1, 2), "记-1", "x", "102", "银行存款", 1.0, None, None],
        ["本月合计", None, None, None, None, 1.0, 0, None],
    ]
    led = parse_ledger(write_xlsx(tmp_path / "s.xlsx", {"s": rows}), 2024)
    assert [s.key for s in led.skipped] == ["skip.subtotal"] and led.reconciliation[0].ok


def test_journal_line_reading_like_a_label_is_kept(tmp_path: Path) -> None:
    led = _one(tmp_path, dt.date(2024, 1, 2), "记-1", "上年结转", "322", "工会资金结余", None, 5.0, None)
    assert len(led.entries) == 1 and not led.skipped


def test_reconciliation_match_and_mismatch(tmp_path: Path) -> None:
    rows = [
        JOURNAL_HEADER,
        [dt.date(2024, 1, 2), "记-1", "a", "102", "银行存款", 100.0, None, None],
        [dt.date(2024, 1, 2), "记-1", "a", "401", "会费收入", None, 100.0, None],
        [None, None, "本月合计", None, None, 100.0, 100.0, None],
        [dt.date(2024, 2, 2), "记-1", "b", "102", "银行存款", 50.0, None, None],
        [dt.date(2024, 2, 2), "记-1", "b", "401", "会费收入", None, 50.0, None],
        [None, None, "本月合计", None, None, 50.0, 55.0, None],
        [None, None, "本年累计", None, None, 150.0, 150.0, None],
        [None, None, "合计", None, None, 150.0, None, None],
    ]
    led = parse_ledger(write_xlsx(tmp_path / "r.xlsx", {"s": rows}), 2024)
    recs = [
        (r.row, r.label, r.stated_debit, r.stated_credit, r.computed_debit, r.computed_credit, r.ok)
        for r in led.reconciliation
    ]
    assert recs == [
        (4, "本月合计", D("100"), D("100"), D("100"), D("100"), True),
        (7, "本月合计", D("50"), D("55"), D("50"), D("50"), False),
        (8, "本年累计", D("150"), D("150"), D("150"), D("150"), True),
        (9, "合计", D("150"), None, D("150"), D("150"), True),
    ]


def test_year_to_date_over_month_sheets(tmp_path: Path) -> None:
    sheets = {}
    for m in (1, 2):
        sheets[f"{m}月"] = [
            JOURNAL_HEADER,
            [dt.date(2024, m, 3), "记-1", "x", "102", "银行存款", 10.0, None, None],
            [None, None, "本月合计", None, None, 10.0, None, None],
            [None, None, "本年累计", None, None, 10.0 * m, None, None],
        ]
    led = parse_ledger(write_xlsx(tmp_path / "y.xlsx", sheets), 2024)
    assert [r.ok for r in led.reconciliation] == [True, True, True, True]


def test_map_by_header_text_and_by_letter(tmp_path: Path) -> None:
    rows = [
        ["发生时间", "编号", "事由", "会计科目", "收款", "付款"],
        [dt.date(2024, 5, 1), "记-9", "x", "102 银行存款", 3.0, None],
    ]
    path = write_xlsx(tmp_path / "m.xlsx", {"s": rows})
    mapping = {"发生时间": "date", "编号": "voucher", "事由": "summary", "E": "debit", "F": "credit"}
    led = parse_ledger(path, 2024, mapping=mapping)
    assert dict(led.sheets[0].columns) == {
        "date": "A",
        "voucher": "B",
        "summary": "C",
        "account": "D",
        "debit": "E",
        "credit": "F",
    }
    assert led.entries[0].debit == D("3") and led.entries[0].voucher == "记-9"


def test_map_overrides_detection(tmp_path: Path) -> None:
    rows = [
        ["日期", "凭证号", "摘要", "科目编码", "科目名称", "借方", "贷方", "附件"],
        [dt.date(2024, 5, 1), "记-9", "x", "102", "银行存款", 3.0, None, "见附表"],
    ]
    path = write_xlsx(tmp_path / "m.xlsx", {"s": rows})
    assert parse_ledger(path, 2024).problems[0].key == "ingest.attachments_invalid"
    led = parse_ledger(path, 2024, mapping={"附件": "ignore", "借方": "credit", "贷方": "debit"})
    assert not led.problems and "attachments" not in led.sheets[0].columns
    assert (led.entries[0].debit, led.entries[0].credit) == (0, D("3"))


def test_map_letters_without_any_header(tmp_path: Path) -> None:
    rows = [["2024-05-01", "记-1", "x", "102 银行存款", "3", ""], ["2024-05-01", "记-1", "x", "401", "", "3"]]
    path = write_csv(tmp_path / "raw.csv", rows)
    mapping = {"A": "date", "B": "voucher", "C": "summary", "D": "account", "E": "debit", "F": "credit"}
    led = parse_ledger(path, 2024, mapping=mapping)
    assert len(led.entries) == 2 and led.sheets[0].header_row == 0 and not led.problems


def test_fields_are_the_map_targets() -> None:
    assert "date" in FIELDS and "ignore" in FIELDS and "counter_account" in FIELDS and len(set(FIELDS)) == 19


def test_dated_row_with_nothing_else_is_blank(tmp_path: Path) -> None:
    led = _one(tmp_path, dt.date(2024, 1, 2), None, None, None, None, None, None, None)
    assert not led.problems and [s.key for s in led.skipped] == ["skip.blank"]


def test_formula_with_cached_value_is_read(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "f.xlsx",
        {"s": [JOURNAL_HEADER, [dt.date(2024, 1, 2), "记-1", "x", "102", "银行存款", "=100+20", None, None]]},
    )
    patched = tmp_path / "cached.xlsx"  # what Excel writes: the formula and its last result
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(patched, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/"):
                # openpyxl writes an empty value as <v></v> with lxml and <v /> without it
                empty = rb"<f>100\+20</f>\s*(?:<v>\s*</v>|<v\s*/>)?"
                data, n = re.subn(empty, b"<f>100+20</f><v>120</v>", data)
                assert n <= 1
            dst.writestr(item, data)
    led = parse_ledger(patched, 2024)
    assert not led.problems and led.entries[0].debit == D("120")

"""Union charts of accounts: resolution by fiscal year, code and name; year-end closing entries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from auditdesk.core.accounts import (
    Account,
    chart,
    chart_for_year,
    closing_flags,
    is_closing_summary,
    resolve_account,
)
from auditdesk.core.ledger import Entry

GRASSROOTS_2021 = {
    "101": "库存现金", "102": "银行存款", "131": "应收上级经费", "135": "其他应收款", "141": "库存物品",
    "162": "固定资产", "163": "累计折旧", "182": "待处理财产损溢", "211": "应付上级经费", "215": "其他应付款",
    "301": "资产基金", "321": "工会资金结转", "322": "工会资金结余", "401": "会费收入", "402": "拨缴经费收入",
    "403": "上级补助收入", "405": "行政补助收入", "408": "其他收入", "501": "职工活动支出",
    "503": "职工服务支出", "504": "维权支出", "505": "业务支出", "507": "资本性支出", "510": "其他支出",
}  # fmt: skip


def code_of(code: str, name: str, year: int) -> str | None:
    account = resolve_account(code, name, year)
    return None if account is None else account.code


# -- the charts ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "chart_id"), [(2010, "2009"), (2021, "2009"), (2022, "2021"), (2030, "2021")]
)
def test_chart_for_year(year: int, chart_id: str) -> None:
    assert chart_for_year(year) == chart_id


def test_2021_chart_has_the_grassroots_accounts() -> None:
    accounts = chart("2021")
    for code, name in GRASSROOTS_2021.items():
        assert accounts[code].name == name
    assert accounts["32203"].name == "本年收支结转"
    assert accounts["50105"] == Account("50105", "会员活动支出", "2021", "expense", "501")
    assert [c for c in accounts if c.startswith("501") and len(c) == 5] == [f"5010{i}" for i in range(1, 7)]
    assert len([c for c in accounts if c.startswith("507") and len(c) == 5]) == 7


def test_2009_chart_first_level() -> None:
    accounts = chart("2009")
    first = {c: a for c, a in accounts.items() if len(c) == 3}
    assert len(first) == 42  # 财会〔2009〕7号 lists 42 first-level accounts
    assert first["221"].name == "应付上级经费" and first["225"].name == "其他应付款"
    assert first["331"].name == "结余" and first["331"].kind == "net_assets"
    assert accounts["50205"].name == "送温暖费"


@pytest.mark.parametrize(
    ("code", "name_2021", "name_2009"),
    [
        ("502", "职工活动组织支出", "维权支出"),
        ("503", "职工服务支出", "业务支出"),
        ("505", "业务支出", "资本性支出"),
    ],
)
def test_same_code_different_meaning(code: str, name_2021: str, name_2009: str) -> None:
    assert chart("2021")[code].name == name_2021
    assert chart("2009")[code].name == name_2009


@pytest.mark.parametrize("chart_id", ["2021", "2009"])
def test_chart_structure(chart_id: str) -> None:
    accounts = chart(chart_id)
    kinds = {"1": "asset", "2": "liability", "3": "net_assets", "4": "income", "5": "expense"}
    for code, account in accounts.items():
        assert account.code == code and account.chart == chart_id
        assert account.kind == kinds[code[0]]
        assert len(code) in (3, 5)
        assert account.parent_code == (code[:3] if len(code) == 5 else None)
        if account.parent_code:
            assert account.parent_code in accounts
    with pytest.raises(TypeError):
        accounts["999"] = accounts["101"]  # type: ignore[index]


# -- rule 1: code in the chart and a matching name -------------------------------------------------


@pytest.mark.parametrize(
    ("code", "name", "year", "expected"),
    [
        ("50105", "会员活动支出", 2024, "50105"),
        ("50105", "职工活动支出-会员活动支出", 2024, "50105"),
        ("50105", "501 职工活动支出/50105 会员活动支出", 2024, "50105"),
        ("50105", "职工活动支出—会员活动支出", 2024, "50105"),  # em dash
        ("５０１０５", "会员活动支出\u3000", 2024, "50105"),  # full-width digits, ideographic space
        ("50105", "会员活动", 2024, "50105"),  # DOMAIN's short form
        ("50105", "会员活动支出（节日慰问）", 2024, "50105"),
        ("102", "银行存款-工商银行", 2024, "102"),
        ("102", "工商银行", 2024, "102"),  # a name that names no other account does not contradict
        ("50301", "培训费", 2021, "50301"),
        ("50101", "职工教育支出", 2021, "50101"),  # 2021 wording of 2009's 职工教育费
        ("201", "应付工资（离退休费）", 2020, "201"),
        ("322", "本年收支结转", 2024, "322"),  # names a sub-account of the code
        ("503", "", 2024, "503"),  # a code alone: the year's chart decides
    ],
)
def test_code_and_matching_name(code: str, name: str, year: int, expected: str) -> None:
    assert code_of(code, name, year) == expected


def test_code_alone_takes_the_years_meaning() -> None:
    assert resolve_account("503", "", 2024) == chart("2021")["503"]
    assert resolve_account("503", "", 2021) == chart("2009")["503"]


# -- rule 2: a unit's own deeper code --------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "name", "year", "expected"),
    [
        ("5010501", "节日慰问", 2024, "50105"),
        ("5010501", "会员活动支出-节日慰问", 2024, "50105"),
        ("50105.01", "节日慰问品", 2024, "50105"),
        ("10201", "工商银行", 2024, "102"),
        ("5020501", "元旦送温暖", 2020, "50205"),
        ("5030101", "业务支出", 2024, None),  # 50301 is 劳动和技能竞赛活动支出 in 2021
        ("5050101", "资本性支出-房屋", 2024, None),  # 505 is 业务支出 in 2021
    ],
)
def test_deeper_code(code: str, name: str, year: int, expected: str | None) -> None:
    assert code_of(code, name, year) == expected


# -- rule 3: by name alone -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("会员活动支出", 2024, "50105"),
        ("职工活动支出-会员活动支出", 2024, "50105"),
        ("职工活动支出/会员活动支出/节日慰问", 2024, "50105"),
        ("工会其他维权支出", 2024, "50406"),  # ends with a chart name: the longest wins
        ("库存物品", 2024, "141"),  # not 资产基金-库存物品 30101
        ("资产基金-库存物品", 2024, "30101"),
        ("工会库存物品", 2024, "141"),
        ("501 职工活动支出/50105 会员活动支出", 2024, "50105"),
        ("职工活动支出　－　会员活动支出", 2024, "50105"),
        ("上级补助收入-一般性转移支付补助", 2024, "40301"),
        ("补助下级支出-一般性转移支付补助", 2024, "50801"),
        ("一般性转移支付补助", 2024, None),  # 40301 or 50801: ambiguous
        ("维权支出", 2024, "504"),
        ("维权支出", 2021, "502"),
        ("业务支出", 2024, "505"),
        ("业务支出", 2021, "503"),
        ("资本性支出", 2024, "507"),
        ("资本性支出", 2021, "505"),
        ("培训费", 2024, "50501"),  # 2009 wording, 2021 chart
        ("业务支出-培训费", 2024, "50501"),
        ("应付工资（离退休费）", 2020, "201"),
        ("结余", 2020, "331"),
        ("固定基金", 2024, None),  # a 2009 account the 2021 chart no longer has
        ("节日慰问", 2024, None),
        ("", 2024, None),
        ("会员活动支出-维权支出", 2024, None),  # a path through unrelated accounts
    ],
)
def test_name_only(name: str, year: int, expected: str | None) -> None:
    assert code_of("", name, year) == expected


@pytest.mark.parametrize(
    ("code", "name", "year", "expected"),
    [
        ("1002", "银行存款", 2024, "102"),  # enterprise-style code: no chart ancestor, by name
        ("2241", "其他应付款", 2024, "215"),
        ("5101", "职工活动支出", 2024, "501"),  # 4 digits: not a sub-code of 510 其他支出
        ("999", "节日慰问", 2024, None),
        ("abc", "银行存款", 2024, "102"),
    ],
)
def test_code_outside_the_chart_falls_back_to_the_name(
    code: str, name: str, year: int, expected: str | None
) -> None:
    assert code_of(code, name, year) == expected


# -- rule 4: contradictions, the 2021 and 2009 meanings of 502/503/505 -----------------------------


@pytest.mark.parametrize(
    ("code", "name", "year", "expected"),
    [
        ("502", "维权支出", 2021, "502"),
        ("502", "维权支出", 2024, None),
        ("502", "职工活动组织支出", 2024, "502"),
        ("502", "职工活动组织支出", 2021, None),
        ("503", "业务支出", 2021, "503"),
        ("503", "业务支出", 2024, None),
        ("503", "职工服务支出", 2024, "503"),
        ("503", "职工服务支出", 2021, None),
        ("505", "资本性支出", 2021, "505"),
        ("505", "资本性支出", 2024, None),
        ("505", "业务支出", 2024, "505"),
        ("505", "业务支出", 2021, None),
        ("50301", "培训费", 2024, None),
        ("50104", "其他活动支出", 2024, None),  # 50104 is 劳模职工疗休养支出 in 2021
        ("50104", "其他活动支出", 2021, "50104"),
        ("221", "应付上级经费", 2021, "221"),
        ("221", "应付上级经费", 2024, None),  # 221 is 代管经费 in 2021; 应付上级经费 is 211
        ("211", "应付上级经费", 2024, "211"),
        ("211", "应付上级经费", 2021, None),  # 211 is 借入款 in 2009
        ("151", "投资收益", 2024, None),
        ("510", "其他收入", 2024, None),
    ],
)
def test_contradicting_names(code: str, name: str, year: int, expected: str | None) -> None:
    assert code_of(code, name, year) == expected


def test_resolution_is_cached() -> None:
    first = resolve_account("5010501", "会员活动支出-生日蛋糕卡", 2024)
    assert first is resolve_account("5010501", "会员活动支出-生日蛋糕卡", 2024)


# -- year-end closing ------------------------------------------------------------------------------


def line(
    day: str,
    voucher: str,
    summary: str,
    code: str,
    name: str,
    debit: str = "0",
    credit: str = "0",
    counter: str = "",
) -> Entry:
    return Entry(
        date=dt.date.fromisoformat(day),
        voucher=voucher,
        summary=summary,
        account_code=code,
        account_name=name,
        debit=Decimal(debit),
        credit=Decimal(credit),
        sheet="序时账",
        row=1,
        counter_account=counter,
    )


def test_closing_voucher_2021_is_flagged_whole() -> None:
    entries = [
        line("2024-12-20", "记-30", "发放节日慰问品", "50105", "会员活动支出", debit="5000"),
        line("2024-12-20", "记-30", "发放节日慰问品", "102", "银行存款", credit="5000"),
        line("2024-12-31", "记-31", "本年收支结转", "401", "会费收入", debit="8000"),
        line("2024-12-31", "记-31", "", "402", "拨缴经费收入", debit="20000"),
        line("2024-12-31", "记-31", "", "32203", "工会资金结余-本年收支结转", credit="28000"),
        line("2024-12-31", "记-32", "结转本年支出", "32203", "本年收支结转", debit="5000"),
        line("2024-12-31", "记-32", "结转本年支出", "50105", "会员活动支出", credit="5000"),
        line("2025-01-03", "记-31", "本年收支结转", "102", "银行存款", debit="1"),  # same number, next month
    ]
    assert closing_flags(entries, 2024) == [False, False, True, True, True, True, True, False]


@pytest.mark.parametrize(
    "summary",
    ["本年收支结转", "结转本年收支", "期末结转", "年末结转", "结转全年收支", "年终结转", "结转本月收入"],
)
def test_closing_phrases(summary: str) -> None:
    assert is_closing_summary(summary)
    entries = [
        line("2024-12-31", "记-40", summary, "322", "工会资金结余", debit="100"),
        line("2024-12-31", "记-40", summary, "50502", "会议支出", credit="100"),
    ]
    assert closing_flags(entries, 2024) == [True, True]


@pytest.mark.parametrize(
    "summary", ["上年结转", "结转工会经费", "结转上年结余", "结转下年", "发放节日慰问品"]
)
def test_not_closing_phrases(summary: str) -> None:
    assert not is_closing_summary(summary)
    entries = [
        line("2024-06-30", "记-9", summary, "102", "银行存款", debit="100"),
        line("2024-06-30", "记-9", summary, "321", "工会资金结转", credit="100"),
    ]
    assert closing_flags(entries, 2024) == [False, False]


def test_closing_phrase_without_a_closing_account_is_not_flagged() -> None:
    entries = [
        line("2024-12-31", "记-50", "期末结转", "211", "应付上级经费", debit="400"),
        line("2024-12-31", "记-50", "期末结转", "102", "银行存款", credit="400"),
    ]
    assert closing_flags(entries, 2024) == [False, False]


def test_closing_without_voucher_numbers_groups_by_date_and_summary() -> None:
    entries = [
        line("2024-12-31", "", "本年收支结转", "", "会费收入", debit="10"),
        line("2024-12-31", "", "本年收支结转", "", "工会资金结余", credit="10"),
        line("2024-12-31", "", "发放慰问品", "", "会员活动支出", debit="10"),
        line("2024-12-30", "", "本年收支结转", "", "会费收入", debit="10"),  # another day: no closing line
    ]
    assert closing_flags(entries, 2024) == [True, True, False, False]


def test_closing_line_known_by_its_counter_account() -> None:
    # a detail ledger of 501 alone: the 322 side of the voucher is not in the file
    entries = [
        line(
            "2024-12-31",
            "记-60",
            "结转本年支出",
            "501",
            "职工活动支出",
            credit="900",
            counter="322 工会资金结余",
        ),
        line(
            "2024-12-31", "记-61", "结转本年支出", "501", "职工活动支出", credit="900", counter="102 银行存款"
        ),
    ]
    assert closing_flags(entries, 2024) == [True, False]


def test_closing_2009_chart_goes_to_331() -> None:
    closing = [
        line("2020-12-31", "记-70", "结转本年收支", "401", "会费收入", debit="100"),
        line("2020-12-31", "记-70", "结转本年收支", "331", "结余", credit="100"),
    ]
    assert closing_flags(closing, 2020) == [True, True]
    # 322 is 后备金 in 2009, not where income and spending are closed
    reserve = [
        line("2020-12-31", "记-71", "本年收支结转", "331", "结余", debit="100"),
        line("2020-12-31", "记-71", "本年收支结转", "322", "后备金", credit="100"),
    ]
    assert closing_flags(reserve, 2020) == [True, True]  # 331 is still on the voucher
    only_reserve = [line("2020-12-31", "记-72", "本年收支结转", "322", "后备金", credit="100")]
    assert closing_flags(only_reserve, 2020) == [False]
    # in FY2024 "322 后备金" does not resolve (a 2009 name), but code 322 is a closing account there
    assert closing_flags(only_reserve, 2024) == [True]


def test_closing_by_unresolved_code_prefix_2021() -> None:
    entries = [line("2024-12-31", "记-80", "本年收支结转", "3220301", "本年结转", credit="5")]
    assert closing_flags(entries, 2024) == [True]


def test_closing_flags_empty_and_length() -> None:
    assert closing_flags([], 2024) == []
    entries = [line("2024-03-01", f"记-{i}", "购买文具", "505", "业务支出", debit="1") for i in range(50)]
    assert closing_flags(entries, 2024) == [False] * 50

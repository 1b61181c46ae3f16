"""Cash, balance, asset and income checks: what each must flag and what it must leave alone."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from auditdesk.core.checks.balances import (
    assets_not_recorded,
    cash_balance_limit,
    negative_cash,
    upward_share_unpaid,
)
from auditdesk.core.checks.cash import cash_condolence, large_cash_payments
from auditdesk.core.checks.income import TOLERANCE, income_completeness
from auditdesk.core.checks.model import CheckContext, CheckEntry, Suspicion
from auditdesk.core.standards import Standards, load_profile
from auditdesk.i18n import CATALOGUE
from auditdesk.i18n.catalog_checks_cash import MESSAGES

ROOT = Path(__file__).resolve().parents[2]
TEXTS = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "templates" / "standards").glob("*.toml")}
NATIONAL = load_profile(TEXTS, "national")
BARE = Standards("bare", "空白", "测试", ("bare",), (), (), (), ())
LIMITED = load_profile(
    {
        **TEXTS,
        "limited": """
extends = "national"
[profile]
name = "测试省"
scope = "测试"
[[rules.cash_balance]]
value = "5000"
province = "测试省"
document = "测试省库存现金限额通知"
effective = 2024-03-01
source = "https://example.org/cash"
strength = "unverified"
""",
    },
    "limited",
)
CASH_JOURNAL = "101 库存现金"
BANK_JOURNAL = "102 银行存款"

Check = Callable[[Sequence[CheckEntry], CheckContext], Iterable[Suspicion]]
_ids = iter(range(1, 1_000_000))


def line(
    day: str,
    summary: str,
    debit: str = "0",
    credit: str = "0",
    *,
    chart: str | None = "50105",
    counter: str = "",
    voucher: str = "",
    balance: str | None = None,
    sheet: str = "",
    row: int = 0,
    name: str = "",
    closing: bool = False,
) -> CheckEntry:
    return CheckEntry(
        id=next(_ids),
        date=dt.date.fromisoformat(day),
        voucher=voucher,
        summary=summary,
        account_code=chart or "",
        account_name=name,
        chart_code=chart,
        counter_account=counter,
        debit=Decimal(debit),
        credit=Decimal(credit),
        is_closing=closing,
        balance=None if balance is None else Decimal(balance),
        sheet=sheet,
        row=row,
    )


def ctx(
    standards: Standards = NATIONAL,
    *,
    double_entry: bool = True,
    year: int = 2024,
    members: int | None = None,
    employees: int | None = None,
    payroll: Decimal | None = None,
    period: tuple[dt.date, dt.date] | None = None,
) -> CheckContext:
    return CheckContext(
        year=year,
        standards=standards,
        members=members,
        double_entry=double_entry,
        period=period,
        employees=employees,
        payroll=payroll,
    )


def run(check: Check, entries: Sequence[CheckEntry], context: CheckContext | None = None) -> list[Suspicion]:
    return list(check(entries, context or ctx()))


# -- condolence money in cash ----------------------------------------------------------------------


def test_condolence_money_paid_out_of_a_cash_journal_is_flagged() -> None:
    paid = line(
        "2024-04-09", "慰问数学组住院教师周玉兰慰问金", "500.00", counter=CASH_JOURNAL, voucher="记-3"
    )
    entries = [
        paid,
        line("2024-04-11", "购买慰问住院会员水果", "254.50", counter=CASH_JOURNAL),  # goods, not money
        line("2024-05-11", "帮扶困难职工郑利军", "2000.00", chart="50404", counter=BANK_JOURNAL),  # by bank
        line(
            "2024-06-11", "提取备用金 慰问金", "0", "1000.00", chart="102", counter=CASH_JOURNAL
        ),  # received
        line("2024-12-31", "结转 慰问金", "500.00", counter=CASH_JOURNAL, closing=True),
        line("2024-06-20", "购买慰问卡片", "37.00", counter=CASH_JOURNAL),
    ]
    found = run(cash_condolence, entries, ctx(double_entry=False))
    assert [(s.entry_ids, s.key, s.severity, s.params["word"]) for s in found] == [
        ((paid.id,), "check.cash_condolence.hit", "medium", "慰问金")
    ]
    assert found[0].basis == "check.basis.keyword_list" and "银行转账" in found[0].basis_params["basis"]
    assert found[0].params["amount"] == "500.00"


def test_condolence_money_in_a_double_entry_voucher_crediting_cash() -> None:
    aid = line("2024-06-12", "慰问因工负伤职工唐宏伟慰问金", "2000.00", chart="50404", voucher="记-28")
    cash = line("2024-06-12", "慰问因工负伤职工唐宏伟慰问金", "0", "2000.00", chart="101", voucher="记-28")
    by_bank = [
        line("2024-07-02", "丧葬补助 张三", "1000.00", chart="50404", voucher="记-3"),
        line("2024-07-02", "丧葬补助 张三", "0", "1000.00", chart="102", voucher="记-3"),
    ]
    fruit = [
        line("2024-06-12", "购买慰问用水果 困难职工帮扶", "300.00", chart="50404", voucher="记-29"),
        line("2024-06-12", "购买慰问用水果", "0", "300.00", chart="101", voucher="记-29"),
    ]
    other_month = line(
        "2024-07-12", "困难补助 李四", "800.00", chart="50404", voucher="记-28"
    )  # 记-28 of July
    named = line("2024-08-01", "救助金 王五", "600.00", chart="50404", counter="101 库存现金")
    found = run(cash_condolence, [aid, cash, *by_bank, *fruit, other_month, named])
    assert [s.entry_ids for s in found] == [tuple(sorted((aid.id, cash.id))), (named.id,)]
    assert [s.params["word"] for s in found] == ["慰问金", "救助"]


def test_without_the_list_only_gift_entries_naming_condolence_money_count() -> None:
    gift = line("2024-04-09", "住院慰问金", "500.00", counter=CASH_JOURNAL)
    aid = line("2024-04-09", "困难补助", "500.00", chart="50404", counter=CASH_JOURNAL)
    found = run(cash_condolence, [gift, aid], ctx(BARE, double_entry=False))
    assert [s.entry_ids for s in found] == [(gift.id,)]
    assert found[0].basis == "check.basis.cash_transfer" and found[0].basis_params == {"profile": "空白"}


# -- large cash payments ---------------------------------------------------------------------------


def test_large_cash_payments_over_the_limit_in_force() -> None:
    over = line("2024-03-01", "购买奖品", "1200.00", chart="50102", counter=CASH_JOURNAL, voucher="记-1")
    entries = [
        over,
        line("2024-03-02", "购买奖品", "1000.00", chart="50102", counter=CASH_JOURNAL),  # at the limit
        line("2024-03-03", "现金存入银行", "5000.00", chart="102", counter=CASH_JOURNAL),  # a deposit
        line("2024-03-04", "收到会费", "0", "3000.00", chart="401", counter=CASH_JOURNAL),  # received
        line("2024-03-05", "购买奖品", "3000.00", chart="50102", counter=BANK_JOURNAL),  # by bank
    ]
    found = run(large_cash_payments, entries, ctx(double_entry=False))
    assert [(s.entry_ids, s.key, s.params["amount"], s.params["limit"]) for s in found] == [
        ((over.id,), "check.large_cash_payments.over", "1,200.00", "1,000.00")
    ]
    assert "现金管理暂行条例" in found[0].basis_params["document"]
    # before the regulation was in force, and with a profile without a limit: nothing
    early = line("1988-09-30", "购买奖品", "1200.00", chart="502", counter=CASH_JOURNAL)
    assert run(large_cash_payments, [early], ctx(double_entry=False, year=1988)) == []
    assert run(large_cash_payments, entries, ctx(BARE, double_entry=False)) == []


def test_large_cash_payments_in_a_double_entry_ledger() -> None:
    allowance = line(
        "2023-12-27",
        "发放工会委员值班补贴",
        "13500.00",
        chart="50504",
        voucher="记-25",
        counter="101 库存现金",
    )
    cash = line("2023-12-27", "发放工会委员值班补贴", "0", "13500.00", chart="101", voucher="记-25")
    deposit = [
        line("2023-12-28", "现金送存银行", "20000.00", chart="102", voucher="记-26"),
        line("2023-12-28", "现金送存银行", "0", "20000.00", chart="101", voucher="记-26"),
    ]
    withdrawal = [
        line("2023-12-29", "提取现金", "5000.00", chart="101", voucher="记-27"),
        line("2023-12-29", "提取现金", "0", "5000.00", chart="102", voucher="记-27"),
    ]
    small = [
        line("2023-12-30", "购买水果", "300.00", voucher="记-28"),
        line("2023-12-30", "购买水果", "0", "300.00", chart="101", voucher="记-28"),
    ]
    found = run(large_cash_payments, [allowance, cash, *deposit, *withdrawal, *small], ctx(year=2023))
    assert len(found) == 1  # the counter-account line does not make a second payment
    assert found[0].entry_ids == tuple(sorted((allowance.id, cash.id)))
    assert found[0].params["summary"] == "发放工会委员值班补贴" and found[0].params["amount"] == "13,500.00"


# -- balances --------------------------------------------------------------------------------------


def test_negative_cash_from_stated_and_derived_balances() -> None:
    journal = [
        line(
            "2024-01-05",
            "期初后第一笔",
            "100.00",
            counter=CASH_JOURNAL,
            balance="300.00",
            sheet="现金",
            row=5,
        ),
        line(
            "2024-01-06", "购买奖品", "400.00", counter=CASH_JOURNAL, balance="-100.00", sheet="现金", row=6
        ),
        line("2024-01-07", "购买水果", "50.00", counter=CASH_JOURNAL, sheet="现金", row=7),  # derived -150
        line(
            "2024-01-08", "提取备用金", "0", "1000.00", chart="102", counter=CASH_JOURNAL, sheet="现金", row=8
        ),
        line("2024-01-09", "购买奖品", "10.00", counter=CASH_JOURNAL, balance="840.00", sheet="现金", row=9),
        line(
            "2024-01-09",
            "收到会费",
            "0",
            "50.00",
            chart="401",
            counter=BANK_JOURNAL,
            balance="900.00",
            sheet="银行",
            row=3,
        ),
    ]
    found = run(negative_cash, journal, ctx(double_entry=False))
    assert [s.entry_ids for s in found] == [(journal[1].id, journal[2].id)]
    s = found[0]
    assert (s.key, s.severity, s.params["lowest"], s.params["count"]) == (
        "check.negative_cash.run",
        "medium",
        "-150.00",
        "2",
    )
    assert s.params["account"] == "101 库存现金" and s.params["first"] == "2024-01-06"


def test_negative_cash_in_a_detail_ledger_and_nothing_without_balances() -> None:
    bank = line("2024-02-01", "支付印刷费", "0", "900.00", chart="102", balance="-200.00", sheet="明细账")
    expense = line("2024-02-01", "支付印刷费", "900.00", chart="50103", balance="-5.00", sheet="明细账")
    found = run(negative_cash, [bank, expense])
    assert [(s.entry_ids, s.params["account"]) for s in found] == [((bank.id,), "102 银行存款")]
    no_balances = [line("2024-02-01", "支付", "0", "900.00", chart="101", voucher="记-1")]
    assert run(negative_cash, no_balances) == []
    assert run(cash_balance_limit, no_balances, ctx(LIMITED)) == []


def test_cash_balance_over_the_limit_at_day_end() -> None:
    cash = [
        line(
            "2024-02-20",
            "提取现金",
            "0",
            "9000.00",
            chart="102",
            counter=CASH_JOURNAL,
            balance="9500.00",
            row=1,
        ),
        line(
            "2024-03-04",
            "提取现金",
            "0",
            "6000.00",
            chart="102",
            counter=CASH_JOURNAL,
            balance="7000.00",
            row=2,
        ),
        line(
            "2024-03-04", "发放奖品", "4000.00", chart="50102", counter=CASH_JOURNAL, balance="3000.00", row=3
        ),
        line(
            "2024-03-05",
            "提取现金",
            "0",
            "3000.00",
            chart="102",
            counter=CASH_JOURNAL,
            balance="6000.00",
            row=4,
        ),
        line(
            "2024-03-06",
            "提取现金",
            "0",
            "1500.00",
            chart="102",
            counter=CASH_JOURNAL,
            balance="7500.00",
            row=5,
        ),
        line(
            "2024-04-01", "购买奖品", "2600.00", chart="50102", counter=CASH_JOURNAL, balance="4900.00", row=6
        ),
    ]
    found = run(cash_balance_limit, cash, ctx(LIMITED, double_entry=False))
    # February is before the limit's effective date; 3 March's peak is gone by day end
    assert [(s.entry_ids, s.params["days"], s.params["highest"], s.params["date"]) for s in found] == [
        ((cash[3].id, cash[4].id), "2", "7,500.00", "2024-03-06")
    ]
    assert (
        found[0].params["month"] == "2024-03"
        and found[0].basis_params["document"] == "测试省库存现金限额通知"
    )
    assert run(cash_balance_limit, cash, ctx(double_entry=False)) == []  # no limit in the national profile


# -- fixed assets ----------------------------------------------------------------------------------


def test_capital_purchases_need_a_fixed_asset_increase() -> None:
    booked = [
        line("2025-03-13", "购置一体机", "6890.00", chart="50702", voucher="记-11"),
        line("2025-03-13", "一体机登记固定资产", "6890.00", chart="162", voucher="记-11"),
    ]
    split = [
        line("2025-04-01", "购置音响两套", "9000.00", chart="50702", voucher="记-2"),
        line("2025-04-01", "音响甲", "4500.00", chart="162", voucher="记-2"),
        line("2025-04-01", "音响乙", "4500.00", chart="162", voucher="记-2"),
    ]
    later = line("2025-05-01", "购置跑步机", "3200.00", chart="50703", voucher="记-1")
    later_asset = line("2025-06-30", "跑步机登记固定资产", "3200.00", chart="162", voucher="记-40")
    missing = line("2025-06-05", "购置数控雕刻机", "28600.00", chart="50703", voucher="记-15")
    twin = line(
        "2025-07-05", "购置跑步机", "3200.00", chart="50703", voucher="记-9"
    )  # one 162 line, two buys
    closing = line("2025-12-31", "结转资本性支出", "0", "50000.00", chart="50703", closing=True)
    entries = [*booked, *split, later, later_asset, missing, twin, closing]
    found = run(assets_not_recorded, entries, ctx(year=2025))
    assert [(s.entry_ids, s.key, s.params["amount"]) for s in found] == [
        ((missing.id,), "check.assets_not_recorded.missing", "28,600.00"),
        ((twin.id,), "check.assets_not_recorded.missing", "3,200.00"),
    ]
    assert found[0].params["asset"] == "162 固定资产" and found[0].basis_params == {
        "system": "财会〔2021〕7号"
    }
    assert run(assets_not_recorded, entries, ctx(year=2025, double_entry=False)) == []


def test_the_2009_chart_capital_account_is_505() -> None:
    bought = line("2021-05-01", "购置电脑", "5000.00", chart="505", voucher="记-1")
    business = line("2024-05-01", "业务支出", "5000.00", chart="505", voucher="记-1")  # 2021 chart: 业务支出
    found = run(assets_not_recorded, [bought], ctx(year=2021))
    assert [(s.entry_ids, s.basis_params["system"]) for s in found] == [((bought.id,), "财会〔2009〕7号")]
    assert run(assets_not_recorded, [business], ctx(year=2024)) == []


# -- upward share ----------------------------------------------------------------------------------


def test_upward_share_left_at_year_end() -> None:
    lines = [
        line("2024-01-10", "收到拨缴经费（40%）", "0", "1000.00", chart="211", voucher="记-1"),
        line("2024-01-20", "上解1月份经费", "600.00", chart="211", voucher="记-9"),
        line("2024-12-31", "结转", "0", "999.00", chart="211", closing=True),
    ]
    found = run(upward_share_unpaid, lines)
    assert [(s.entry_ids, s.params["left"], s.params["account"], s.scope) for s in found] == [
        ((lines[0].id, lines[1].id), "400.00", "211 应付上级经费", "2024")
    ]
    paid = [*lines[:2], line("2024-02-20", "上解补足", "400.00", chart="211", voucher="记-3")]
    assert run(upward_share_unpaid, paid) == []
    assert run(upward_share_unpaid, lines, ctx(double_entry=False)) == []
    # in the 2009 chart 211 is 借入款 and the upward share is 221
    borrowed = [line("2021-01-10", "借入款", "0", "1000.00", chart="211", voucher="记-1")]
    assert run(upward_share_unpaid, borrowed, ctx(year=2021)) == []
    owed = [line("2021-01-10", "应上缴经费", "0", "1000.00", chart="221", voucher="记-1")]
    assert [s.params["account"] for s in run(upward_share_unpaid, owed, ctx(year=2021))] == [
        "221 应付上级经费"
    ]


# -- income completeness ---------------------------------------------------------------------------

FIGURES: dict[str, Any] = {"members": 100, "employees": 100, "payroll": Decimal("6000000")}  # 60,000 a head


def _income(dues: str, allocated: str) -> list[CheckEntry]:
    return [
        line("2024-06-15", "收取会费", "0", dues, chart="401", voucher="记-1"),
        line("2024-12-15", "收到拨缴经费", "0", allocated, chart="402", voucher="记-2"),
        line("2024-12-31", "本年收支结转", dues, chart="401", closing=True),
    ]


def test_income_short_of_the_expected_figures() -> None:
    # expected: dues 100 × 60,000 × 0.5% = 30,000; allocated 6,000,000 × 2% × 60% = 72,000
    entries = _income("20000.00", "71000.00")
    found = run(income_completeness, entries, ctx(**FIGURES))
    assert [(s.key, s.severity) for s in found] == [("check.income_completeness.dues_short", "medium")]
    p = found[0].params
    assert (p["booked"], p["expected"], p["shortfall"], p["percent"]) == (
        "20,000.00",
        "30,000.00",
        "10,000.00",
        "33",
    )
    assert found[0].entry_ids == (entries[0].id,) and found[0].basis == "check.basis.income_dues"
    found = run(income_completeness, _income("30000.00", "50000.00"), ctx(**FIGURES))
    assert [(s.key, s.params["share"]) for s in found] == [
        ("check.income_completeness.allocated_short", "60")
    ]
    within = str(Decimal("30000") * (1 - TOLERANCE))
    assert run(income_completeness, _income(within, "90000.00"), ctx(**FIGURES)) == []


def test_income_is_prorated_to_the_period_and_unresolved_receipts_soften_it() -> None:
    half = ctx(**FIGURES, period=(dt.date(2024, 1, 1), dt.date(2024, 6, 30)))
    assert run(income_completeness, _income("15000.00", "36000.00"), half) == []
    assert run(income_completeness, _income("15000.00", "36000.00"), ctx(**FIGURES))  # a whole year: short
    mixed = line(
        "2024-03-05", "收到学校拨缴经费", "0", "60000.00", chart=None, name="拨缴经费收入、应付上级经费"
    )
    found = run(income_completeness, [*_income("30000.00", "0"), mixed], ctx(**FIGURES))
    assert [(s.key, s.severity, s.params["count"]) for s in found] == [
        ("check.income_completeness.allocated_unresolved", "low", "1")
    ]
    assert mixed.id in found[0].entry_ids


def test_missing_figures_give_one_low_suspicion() -> None:
    found = run(income_completeness, _income("100.00", "100.00"), ctx(members=100))
    assert [(s.key, s.severity, s.entry_ids) for s in found] == [
        ("check.income_completeness.missing", "low", ())
    ]
    p = found[0].params
    assert (p["members"], p["employees"], p["payroll"], p["share"]) == ("100", "—", "—", "60")
    # without a share the dues are still compared, and the missing share is named
    found = run(income_completeness, _income("100.00", "100.00"), ctx(BARE, **FIGURES))
    assert [s.key for s in found] == [
        "check.income_completeness.dues_short",
        "check.income_completeness.missing",
    ]
    assert found[1].params["share"] == "—"
    assert run(income_completeness, [], ctx(**FIGURES)) == []


# -- the catalogue ---------------------------------------------------------------------------------


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_catalogue_part_has_both_languages_with_the_same_placeholders() -> None:
    for key, texts in MESSAGES.items():
        assert key.startswith("check."), key
        assert set(texts) == {"zh", "en"} and _fields(texts["zh"]) == _fields(texts["en"]), key
    for rule in (
        "cash_condolence",
        "large_cash_payments",
        "cash_balance_limit",
        "negative_cash",
        "assets_not_recorded",
        "upward_share_unpaid",
        "income_completeness",
    ):
        assert f"check.{rule}.title" in MESSAGES


def test_every_key_these_checks_name_is_catalogued_and_renders() -> None:
    modules = ("cash.py", "balances.py", "income.py")
    source = "".join((ROOT / "auditdesk/core/checks" / m).read_text(encoding="utf-8") for m in modules)
    literal = set(re.findall(r'"(check\.[a-z_]+\.[a-z_]+)"', source))
    assert literal and not sorted(k for k in literal if k not in CATALOGUE)
    produced: list[Suspicion] = []
    produced += run(
        cash_condolence, [line("2024-01-01", "慰问金", "9.00", counter=CASH_JOURNAL)], ctx(double_entry=False)
    )
    produced += run(
        cash_condolence,
        [line("2024-01-01", "慰问金", "9.00", counter=CASH_JOURNAL)],
        ctx(BARE, double_entry=False),
    )
    produced += run(
        large_cash_payments,
        [line("2024-01-01", "奖品", "1009.00", counter=CASH_JOURNAL)],
        ctx(double_entry=False),
    )
    produced += run(negative_cash, [line("2024-01-01", "x", "9.00", chart="101", balance="-9.00")])
    produced += run(
        cash_balance_limit,
        [line("2024-05-01", "x", "0", "9.00", chart="101", balance="9999.00")],
        ctx(LIMITED),
    )
    produced += run(assets_not_recorded, [line("2024-01-01", "购置", "9.00", chart="50702")])
    produced += run(upward_share_unpaid, [line("2024-01-01", "应上解", "0", "9.00", chart="211")])
    produced += run(income_completeness, _income("1.00", "1.00"), ctx(**FIGURES))
    produced += run(income_completeness, _income("1.00", "1.00"), ctx())
    mixed = line("2024-03-05", "收到", "0", "9.00", chart=None, name="拨缴经费收入、会费收入")
    produced += run(income_completeness, [*_income("1.00", "1.00"), mixed], ctx(**FIGURES))
    assert len({s.key for s in produced}) == 11 and len({s.basis for s in produced}) == 9
    for s in produced:
        for lang in ("zh", "en"):
            assert CATALOGUE[s.key][lang].format(**s.params)
            assert CATALOGUE[s.basis][lang].format(**s.basis_params)


@pytest.mark.parametrize(
    "check",
    [
        cash_condolence,
        large_cash_payments,
        cash_balance_limit,
        negative_cash,
        assets_not_recorded,
        upward_share_unpaid,
        income_completeness,
    ],
)
def test_every_check_is_silent_on_an_empty_ledger(check: Check) -> None:
    assert run(check, [], ctx(LIMITED, **FIGURES)) == []

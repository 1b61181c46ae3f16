"""The analytic checks: each flags what it must and leaves alone what it must not; the runner."""

from __future__ import annotations

import dataclasses
import re
import string
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import MappingProxyType

import pytest

import auditdesk.core.checks as checks_pkg
from auditdesk.core.checks import (
    CHECKS,
    CheckContext,
    CheckEntry,
    CheckFailure,
    Suspicion,
    run_checks,
    title_key,
)
from auditdesk.core.checks.holidays import holiday_words
from auditdesk.core.checks.payments import clean_summary, invoice_number, similar
from auditdesk.core.checks.spending import BANNED_LISTS
from auditdesk.core.checks.vouchers import number_ranges, split_voucher
from auditdesk.core.errors import AuditdeskError
from auditdesk.core.standards import Standards, load_profile
from auditdesk.i18n import CATALOGUE as MESSAGES
from tests.fixtures.check_entries import STANDARDS, entry, profile

ROOT = Path(__file__).resolve().parents[2]
ANHUI = profile("anhui")
NATIONAL = profile("national")


def ctx(standards: Standards = ANHUI, members: int | None = 10, double_entry: bool = True) -> CheckContext:
    return CheckContext(year=2024, standards=standards, members=members, double_entry=double_entry)


def run(rule: str, entries: Sequence[CheckEntry], context: CheckContext | None = None) -> list[Suspicion]:
    return list(CHECKS[rule](entries, context or ctx()))


# -- banned spending and employer costs ----------------------------------------------------------


def test_banned_keywords_flag_spending_naming_a_listed_word() -> None:
    card = entry("2024-02-05", "春节发放超市购物卡", "5000.00")
    banquet = entry("2024-03-05", "宴请上级检查组 白酒", "1200.00", chart="50106")
    tour = entry("2024-05-05", "职工疗休养(三亚6日游旅行社团费)", "8000.00", chart="50104")
    model_workers = entry("2024-08-20", "劳模疗休养补助(市级劳模2人)", "6000.00", chart="50104")
    found = run("banned_keywords", [card, banquet, tour, model_workers])
    by_id = {s.entry_ids: s for s in found}
    assert set(by_id) == {(card.id,), (banquet.id,), (tour.id,)}
    s = by_id[(card.id,)]
    assert (s.key, s.severity, s.params["word"], s.params["amount"]) == (
        "check.banned_keywords.shopping_cards",
        "high",
        "购物卡",
        "5,000.00",
    )
    assert s.basis == "check.basis.keyword_list" and "购物卡" in s.basis_params["basis"]
    # one suspicion per entry: banquets are tried before tobacco and alcohol
    assert by_id[(banquet.id,)].key == "check.banned_keywords.banquets"
    assert by_id[(tour.id,)].key == "check.banned_keywords.tourism"
    assert by_id[(tour.id,)].severity == "medium"


def test_banned_keywords_leave_allowed_words_closings_and_non_spending_alone() -> None:
    entries = [
        entry("2024-02-05", "中秋节发放指定商家月饼提货券", "3000.00"),  # allowed exception
        entry("2024-12-31", "本年收支结转 购物卡", "0", "5000.00", closing=True),
        entry("2024-12-31", "结转 购物卡", "5000.00", closing=True),  # closing, even on the debit side
        entry("2024-02-05", "购物卡退回", "0", "500.00"),  # a credit is not spending
        entry("2024-02-05", "购物卡", "500.00", chart="101"),  # not an expenditure account
        entry("2024-02-05", "购物卡", "500.00", chart=None),  # unresolved account
        entry("2024-02-05", "中秋节慰问品 大米 食用油", "3000.00"),
    ]
    assert run("banned_keywords", entries) == []


def test_banned_keywords_use_only_the_lists_the_profile_gives() -> None:
    assert all(ANHUI.keyword_list(list_id) is not None for list_id, _ in BANNED_LISTS)
    bare = Standards("x", "x", "x", ("x",), (), (), (), ())
    assert run("banned_keywords", [entry("2024-02-05", "购物卡", "1.00")], ctx(bare)) == []


def test_employer_costs() -> None:
    check_up = entry("2024-06-01", "职工年度体检费", "20000.00", chart="50402")
    rent = entry("2024-06-01", "工会活动室房租", "6000.00", chart="50504")
    fine = entry("2024-06-01", "职工篮球赛服装", "3000.00", chart="50102")
    # the staff's pay in either word order; their training is union business
    bonus = entry("2024-12-16", "发放工会专职副主席2024年绩效奖金", "36000.00", chart="50504")
    pay = entry("2024-12-16", "专职工会干部12月工资", "6000.00", chart="50504")
    training = entry("2024-05-06", "工会专职干部业务培训费", "1200.00", chart="50301")
    found = run("employer_costs", [check_up, rent, fine, bonus, pay, training])
    assert [(s.entry_ids, s.key, s.params["word"]) for s in found] == [
        ((check_up.id,), "check.employer_costs.hit", "体检"),
        ((rent.id,), "check.employer_costs.hit", "房租"),
        ((bonus.id,), "check.employer_costs.hit", "工会专职"),
        ((pay.id,), "check.employer_costs.hit", "专职工会干部"),
    ]


# -- holiday gifts -------------------------------------------------------------------------------


def _gifts(total_per_entry: str, n: int, year: int = 2024) -> list[CheckEntry]:
    return [entry(f"{year}-09-1{i}", "中秋慰问品 月饼", total_per_entry) for i in range(n)]


def test_holiday_gift_cap_flags_the_year_over_members_times_cap() -> None:
    gifts = _gifts("8000.00", 2)  # 16,000 against 10 × 1,500 (安徽 2018 version in force on 2024-12-31)
    found = run("holiday_gift_cap", gifts)
    assert len(found) == 1
    s = found[0]
    assert (s.severity, s.key, s.entry_ids) == (
        "high",
        "check.holiday_gift_cap.over",
        tuple(e.id for e in gifts),
    )
    assert (s.params["total"], s.params["cap"], s.params["excess"], s.params["per_capita"]) == (
        "16,000.00",
        "15,000.00",
        "1,000.00",
        "1,600.00",
    )
    assert "安徽" in s.basis_params["document"]


def test_holiday_gift_cap_under_the_cap_and_other_occasions_are_not_counted() -> None:
    entries = [
        *_gifts("7000.00", 2),  # 14,000 ≤ 15,000
        entry("2024-05-01", "会员生日慰问品 蛋糕", "3000.00"),  # a birthday has its own cap
        entry("2024-06-01", "会员活动 篮球赛", "3000.00"),  # no occasion named
        entry("2024-10-01", "国庆慰问品", "2000.00", chart="50102"),  # not the gift account
        entry("2024-12-31", "本年收支结转 慰问品", "9000.00", closing=True),
    ]
    assert run("holiday_gift_cap", entries) == []


def test_holiday_gift_cap_nets_reversals_so_a_corrected_purchase_counts_once() -> None:
    booked = entry("2024-09-10", "中秋慰问品 月饼", "9000.00")
    reversed_red = entry("2024-09-12", "冲销中秋慰问品 月饼（金额有误）", "-9000.00")  # 红字 reversal
    rebooked = entry("2024-09-12", "中秋慰问品 月饼", "6000.00")
    returned = entry("2024-09-20", "中秋慰问品 退货", "0", "1000.00")  # a refund credited
    spring = entry("2024-02-05", "春节慰问品", "9000.00")
    entries = [booked, reversed_red, rebooked, returned, spring]
    # net 14,000 ≤ 10 × 1,500; counting the booked purchase twice (24,000) would have been "over"
    assert run("holiday_gift_cap", entries) == []
    found = run("holiday_gift_cap", [*entries, entry("2024-10-01", "国庆节慰问品", "2000.00")])
    assert [(s.key, s.params["total"], s.params["excess"]) for s in found] == [
        ("check.holiday_gift_cap.over", "16,000.00", "1,000.00")
    ]
    # a year that nets to nothing says nothing, with or without a cap
    assert run("holiday_gift_cap", [booked, reversed_red], ctx(NATIONAL)) == []


def test_holiday_gift_cap_takes_the_version_in_force_at_year_end() -> None:
    gifts = _gifts("10000.00", 2, year=2025)  # 20,000: over 10 × 1,500 but not 10 × 2,200 (2025-08-21)
    context = CheckContext(year=2025, standards=ANHUI, members=10)
    assert list(CHECKS["holiday_gift_cap"](gifts, context)) == []


def test_holiday_gift_cap_says_so_without_a_member_count() -> None:
    gifts = _gifts("100.00", 1)
    found = run("holiday_gift_cap", gifts, ctx(members=None))
    assert [(s.severity, s.key, s.params["per_member"]) for s in found] == [
        ("low", "check.holiday_gift_cap.no_members", "1,500.00")
    ]


def test_without_a_cap_the_year_is_shown_as_not_checked_never_as_within_a_cap() -> None:
    gifts = [*_gifts("500.00", 2), entry("2024-02-05", "春节慰问品", "700.00")]
    found = run("holiday_gift_cap", gifts, ctx(NATIONAL, members=3))
    assert [(s.severity, s.key, s.entry_ids) for s in found] == [
        ("low", "check.holiday_gift_cap.no_cap", tuple(e.id for e in gifts))
    ]
    params = found[0].params
    assert (params["total"], params["count"], params["members"], params["per_capita"]) == (
        "1,700.00",
        "3",
        "3",
        "566.67",
    )
    assert params["profile"] == NATIONAL.title
    unknown = run("holiday_gift_cap", gifts, ctx(NATIONAL, members=None))
    assert [(s.key, "per_capita" in s.params) for s in unknown] == [
        ("check.holiday_gift_cap.no_cap_no_members", False)
    ]
    message = MESSAGES[found[0].key]["zh"].format(**params)
    assert "未作限额核对" in message and "566.67" in message
    # a year with no gift entries says nothing; a profile with a cap never gives the note
    assert run("holiday_gift_cap", [], ctx(NATIONAL)) == []
    assert [s.key for s in run("holiday_gift_cap", gifts, ctx(ANHUI, members=3))] == []


def test_holiday_words_include_short_forms() -> None:
    words = holiday_words(("春节", "中秋节", "清明节"))
    assert {"春节", "中秋", "清明", "节日", "慰问品"} <= set(words)
    assert "春" not in words


# -- days off ------------------------------------------------------------------------------------


def test_meals_and_gifts_on_weekends_and_holidays() -> None:
    national_day = entry("2024-10-01", "国庆节慰问品", "500.00")
    saturday_meal = entry("2024-03-09", "加班工作餐", "300.00", chart="50504")
    makeup_sunday = entry("2024-09-29", "工作餐", "300.00", chart="50504")  # a make-up working day
    weekday = entry("2024-03-08", "宴请", "300.00", chart="50504")
    saturday_other = entry("2024-03-09", "购买书籍", "300.00", chart="50304")
    found = run("weekend_meals_gifts", [national_day, saturday_meal, makeup_sunday, weekday, saturday_other])
    assert [(s.entry_ids, s.key) for s in found] == [
        ((national_day.id,), "check.weekend_meals_gifts.holiday"),
        ((saturday_meal.id,), "check.weekend_meals_gifts.weekend"),
    ]
    assert found[0].params["holiday"] == "国庆节"
    assert all(s.severity == "medium" for s in found)


def test_a_year_without_calendar_data_checks_weekends_and_warns_once() -> None:
    entries = [
        entry("2031-03-08", "工作餐", "100.00", chart="50504"),  # a Saturday
        entry("2031-03-10", "工作餐", "100.00", chart="50504"),  # a Monday
    ]
    found = run("weekend_meals_gifts", entries)
    assert [(s.key, s.severity) for s in found] == [
        ("check.weekend_meals_gifts.weekend", "medium"),
        ("check.weekend_meals_gifts.no_calendar", "low"),
    ]
    assert found[1].params == {"year": "2031", "count": "2"} and found[1].entry_ids == ()


def test_holiday_gifts_capped_at_a_share_of_the_years_income() -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in STANDARDS.glob("*.toml")}
    texts["share"] = """extends = "national"
[profile]
name = "测试"
scope = "节日慰问品不超过当年收入的 30%"
[[rules.holiday_gifts_share]]
value = "30"
province = "测试省"
document = "测试文件"
effective = 2020-01-01
source = "tests"
strength = "unverified"
"""
    profile = load_profile(texts, "share")
    dues = entry("2024-01-10", "收到会员会费", "0", "20000.00", chart="401")
    closing = entry("2024-12-31", "本年收支结转", "0", "99999.00", chart="401", closing=True)
    spring = entry("2024-02-05", "春节慰问品", "5000.00")
    autumn = entry("2024-09-12", "中秋节慰问品", "1500.00")
    found = run("holiday_gift_cap", [dues, closing, spring, autumn], ctx(profile))
    assert [(s.key, s.severity, s.params["limit"], s.params["excess"]) for s in found] == [
        ("check.holiday_gift_cap.over_share", "high", "6,000.00", "500.00")
    ]
    assert run("holiday_gift_cap", [dues, spring], ctx(profile)) == []  # 5,000 ≤ 30% of 20,000


# -- occasion caps -------------------------------------------------------------------------------


def test_occasion_caps_compare_per_person_with_the_cap_in_force() -> None:
    # 安徽 2018: birthday 300, wedding 600, hospital 1,000, member's death 2,000, a relative's 1,000
    cakes = entry("2024-03-05", "3月份会员生日慰问(蛋糕券12张)", "4200.00")  # 350 a person
    cakes_ok = entry("2024-04-05", "4月份会员生日慰问(生日蛋糕10份)", "3000.00")  # 300: not over
    cakes_unknown = entry("2024-05-05", "5月份会员生日慰问", "9000.00")  # how many? left alone
    wedding = entry("2024-06-03", "机加工车间会员张伟结婚慰问", "800.00")  # one person: over 600
    relative = entry("2024-06-04", "会员李娜直系亲属去世慰问", "1500.00")  # over 1,000
    member = entry("2024-06-05", "会员王强病故慰问金", "1500.00")  # member's own death: 2,000
    two = entry("2024-06-06", "会员结婚、住院慰问", "1500.00")  # two occasions: ambiguous
    counts = entry("2024-06-07", "生日蛋糕12份及蛋糕券3张", "9000.00")  # two counts: ambiguous
    other_account = entry("2024-06-08", "会员结婚慰问", "900.00", chart="50404")
    entries = [cakes, cakes_ok, cakes_unknown, wedding, relative, member, two, counts, other_account]
    found = run("occasion_caps", entries)
    assert [
        (s.entry_ids, s.key, s.params["word"], s.params["persons"], s.params["per_person"], s.params["cap"])
        for s in found
    ] == [
        ((cakes.id,), "check.occasion_caps.over", "生日", "12", "350.00", "300.00"),
        ((wedding.id,), "check.occasion_caps.over_one", "结婚", "1", "800.00", "600.00"),
        ((relative.id,), "check.occasion_caps.over_one", "去世", "1", "1,500.00", "1,000.00"),
    ]
    assert "安徽" in found[0].basis_params["document"]
    # the 2025 version (birthday 500 from 2025-08-21) applies to entries from that day
    late = entry("2025-09-05", "9月份会员生日慰问(蛋糕券12张)", "4200.00")
    context = CheckContext(year=2025, standards=ANHUI, members=10)
    assert list(CHECKS["occasion_caps"]([late], context)) == []
    # the national profile has no per-event caps: nothing to test
    assert run("occasion_caps", entries, ctx(NATIONAL)) == []


# -- attachments ---------------------------------------------------------------------------------


def _attached(e: CheckEntry, count: int | None) -> CheckEntry:
    return dataclasses.replace(e, attachments=count)


def test_missing_attachments_judges_each_spending_voucher_by_its_largest_count() -> None:
    def voucher(
        day: str,
        number: str,
        summary: str,
        amount: str,
        counts: tuple[int | None, int | None],
        chart: str = "50105",
        closing: bool = False,
    ) -> list[CheckEntry]:
        debit = entry(day, summary, amount, chart=chart, voucher=number, closing=closing)
        credit = entry(day, summary, "0", amount, chart="102", voucher=number, closing=closing)
        return [_attached(debit, counts[0]), _attached(credit, counts[1])]

    none = voucher("2024-03-01", "记-1", "中秋慰问品", "800.00", (0, 0))
    first_line_only = voucher("2024-03-02", "记-2", "购买篮球", "300.00", (None, 3))
    correction = voucher("2024-03-03", "记-3", "更正记-2金额", "30.00", (0, 0))
    closing = voucher("2024-12-31", "记-9", "结转本年支出", "1100.00", (0, 0), chart="32203", closing=True)
    blank = voucher("2024-04-02", "记-1", "购买茶叶", "260.00", (None, None))  # April's 记-1: another voucher
    income = [_attached(entry("2024-03-05", "收到会费", "0", "500.00", chart="401", voucher="记-4"), 0)]
    entries = [*none, *first_line_only, *correction, *closing, *blank, *income]

    found = run("missing_attachments", entries)
    assert [(s.severity, s.key, s.entry_ids) for s in found] == [
        ("medium", "check.missing_attachments.zero", (none[0].id,)),
        ("low", "check.missing_attachments.blank", (blank[0].id,)),
    ]
    assert (found[0].params["voucher"], found[0].params["total"], found[0].params["lines"]) == (
        "记-1",
        "800.00",
        "1",
    )
    assert found[1].params["count"] == "1" and "购买茶叶" in found[1].params["entries"]
    # a ledger without an attachment column says nothing
    plain = [dataclasses.replace(e, attachments=None) for e in entries]
    assert run("missing_attachments", plain) == []


# -- duplicate payments --------------------------------------------------------------------------


def test_duplicate_payments_are_shown_as_pairs() -> None:
    a = entry("2024-04-01", "支付3月电费", "820.00", chart="50504", voucher="记-3")
    b = entry("2024-04-05", "支付 4 月电费", "820.00", chart="50504", voucher="记-9")
    c = entry("2024-04-21", "支付电费", "820.00", chart="50504", voucher="记-20")  # 16 days later
    d = entry("2024-04-02", "支付电费", "821.00", chart="50504", voucher="记-4")  # another amount
    e = entry("2024-04-03", "购买办公用品", "820.00", chart="50504", voucher="记-5")  # another purpose
    found = run("duplicate_payments", [a, b, c, d, e])
    assert [(s.entry_ids, s.key) for s in found] == [((a.id, b.id), "check.duplicate_payments.pair")]
    assert found[0].params["days"] == "4" and found[0].params["amount"] == "820.00"


def test_duplicate_payments_skip_lines_of_one_voucher_and_chain_runs() -> None:
    same_voucher = [entry("2024-04-01", "慰问品", "200.00", voucher="记-1") for _ in range(2)]
    small = [entry(f"2024-06-0{d}", "转账手续费", "2.00", voucher=f"记-{d}") for d in (1, 2)]
    run_of_three = [entry(f"2024-05-0{d}", "发放慰问品", "300.00", voucher=f"记-{d}") for d in (1, 2, 3)]
    found = run("duplicate_payments", [*same_voucher, *small, *run_of_three])
    assert [s.entry_ids for s in found] == [
        (run_of_three[0].id, run_of_three[1].id),
        (run_of_three[1].id, run_of_three[2].id),
    ]


def test_the_same_invoice_paid_twice_is_high_and_different_invoices_are_no_pair() -> None:
    printing = "支付华艺印务宣传册印刷费(发票号码{})"
    birthday = "{}8月份会员生日慰问(金麦穗蛋糕店蛋糕券10张)"
    a = entry("2024-03-04", printing.format("04512873"), "6480", chart="50103", voucher="记-2")
    b = entry("2024-05-30", printing.format("04512873"), "6480", chart="50103", voucher="记-9")
    c = entry("2024-06-01", printing.format("04519999"), "6480", chart="50103", voucher="记-1")
    d = entry("2024-08-06", birthday.format("行政后勤部"), "2000", chart="50105", voucher="记-4")
    e = entry("2024-08-09", birthday.format("涂装车间"), "2000", chart="50105", voucher="记-20")
    found = run("duplicate_payments", [a, b, c, d, e])
    assert [(s.entry_ids, s.severity, s.params["invoice"]) for s in found] == [
        ((a.id, b.id), "high", "04512873")
    ]
    assert invoice_number("付款(发票号:A1234567)") == "A1234567" and invoice_number("支付电费") is None


def test_similar_summaries() -> None:
    assert clean_summary("支付 3 月电费（１２号）") == "支付月电费号"
    assert similar("报销张三差旅费", "报销张三差旅费用")
    assert not similar("购买办公用品", "支付电费")
    assert not similar("123", "456") and similar("123", "123") and not similar("", " ")


# -- vouchers ------------------------------------------------------------------------------------


def test_voucher_gaps_and_repeats() -> None:
    entries = [
        entry("2024-03-01", "a", "1", chart="50504", voucher="记-1"),
        entry("2024-03-02", "b", "1", chart="50504", voucher="记-2"),
        entry("2024-03-09", "c", "1", chart="50504", voucher="记-0002"),  # 2 again, another day
        entry("2024-03-20", "d", "1", chart="50504", voucher="记-6"),
        entry("2024-03-20", "e", "1", chart="50504", voucher="收-1"),
        entry("2024-04-01", "f", "1", chart="50504", voucher="记-1"),  # numbers restart each month
        entry("2024-04-01", "g", "1", chart="50504", voucher="记-2"),
        entry("2024-04-01", "h", "1", chart="50504", voucher="附件"),
    ]
    found = run("voucher_gaps_repeats", entries)
    assert [(s.key, s.params.get("missing"), s.entry_ids) for s in found] == [
        ("check.voucher_gaps_repeats.gap", "3-5", ()),
        ("check.voucher_gaps_repeats.repeat", None, (entries[1].id, entries[2].id)),
    ]
    assert found[0].params["month"] == "2024-03" and found[0].params["kind"] == "记"
    assert found[1].params["dates"] == "2024-03-02、2024-03-09"
    assert run("voucher_gaps_repeats", entries, ctx(double_entry=False)) == []


def test_voucher_helpers() -> None:
    assert split_voucher("记-0012") == ("记", 12)
    assert split_voucher("12") == ("", 12)
    assert split_voucher("银收 - 3") == ("银收", 3)
    assert split_voucher("记-A1") is None
    assert number_ranges([7, 3, 5, 6, 9]) == "3、5-7、9"


def test_unbalanced_vouchers() -> None:
    entries = [
        entry("2024-03-01", "x", "100.00", chart="50504", voucher="记-1"),
        entry("2024-03-01", "x", "0", "99.99", chart="102", voucher="记-1"),
        entry("2024-03-02", "y", "50.00", chart="50504", voucher="记-2"),
        entry("2024-03-02", "y", "0", "50.00", chart="102", voucher="记-2"),
        entry("2024-03-02", "no voucher", "50.00", chart="50504"),
    ]
    found = run("unbalanced_vouchers", entries)
    assert [(s.entry_ids, s.params["difference"]) for s in found] == [
        ((entries[0].id, entries[1].id), "0.01")
    ]
    assert run("unbalanced_vouchers", entries, ctx(double_entry=False)) == []


# -- the registry and the runner -----------------------------------------------------------------


def _sample() -> list[CheckEntry]:
    return [
        entry("2024-02-05", "春节发放购物卡", "20000.00", voucher="记-1", id=1),
        entry("2024-02-05", "春节发放购物卡", "0", "20000.00", chart="102", voucher="记-1", id=2),
        entry("2024-10-01", "国庆宴请", "900.00", voucher="记-1", id=3),
        entry("2024-10-03", "国庆 宴请", "900.00", voucher="记-4", id=4),
        entry("2024-06-01", "职工体检", "100.00", chart="50402", voucher="记-1", id=5),
    ]


def test_registry_is_immutable_and_titled() -> None:
    assert isinstance(CHECKS, MappingProxyType)
    with pytest.raises(TypeError):
        CHECKS["x"] = CHECKS["banned_keywords"]  # type: ignore[index]
    for rule in CHECKS:
        assert title_key(rule) in MESSAGES


def test_run_checks_is_idempotent_and_selectable() -> None:
    first, failures = run_checks(_sample(), ctx())
    again, _ = run_checks(list(reversed(_sample())), ctx())
    assert failures == ()
    assert {s.rule for s in first} >= {
        "banned_keywords",
        "employer_costs",
        "holiday_gift_cap",
        "weekend_meals_gifts",
        "duplicate_payments",
        "voucher_gaps_repeats",
        "unbalanced_vouchers",
        "income_completeness",  # a low note: the unit's payroll is not known
    }
    assert {s.rule for s in first} <= set(CHECKS)
    assert sorted(s.fingerprint for s in first) == sorted(s.fingerprint for s in again)
    assert len({s.fingerprint for s in first}) == len(first)
    only, _ = run_checks(_sample(), ctx(), only=["unbalanced_vouchers"])
    assert {s.rule for s in only} == {"unbalanced_vouchers"}
    with pytest.raises(AuditdeskError) as err:
        run_checks(_sample(), ctx(), only=["nope"])
    assert err.value.key == "check.unknown_rule"


def test_a_crashing_check_becomes_a_failure_and_the_run_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(entries: Sequence[CheckEntry], context: CheckContext) -> Iterator[Suspicion]:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(checks_pkg, "CHECKS", MappingProxyType({"crash": crash, **CHECKS}))
    seen: list[tuple[int, int, str]] = []
    found, failures = checks_pkg.run_checks(_sample(), ctx(), progress=lambda *a: seen.append(a))
    assert failures == (CheckFailure("crash", "ZeroDivisionError: boom"),)
    total = len(CHECKS) + 1
    assert found and seen[0] == (0, total, "crash") and seen[-1] == (total, total, "")


def test_fingerprint_is_stable_and_ids_sorted() -> None:
    a = Suspicion("r", "low", (3, 1, 3), "check.x")
    b = Suspicion("r", "low", (1, 3), "check.x", params={"different": "figures"})
    assert a.entry_ids == (1, 3) and a.fingerprint == b.fingerprint and a.fingerprint.startswith("r:")
    assert Suspicion("r", "low", (1, 3), "check.y").fingerprint != a.fingerprint
    assert (
        Suspicion("r", "low", (), "check.x", scope="2024").fingerprint
        != Suspicion("r", "low", (), "check.x", scope="2025").fingerprint
    )
    with pytest.raises(ValueError):
        Suspicion("r", "urgent", (), "check.x")  # type: ignore[arg-type]


# -- the catalogue part --------------------------------------------------------------------------


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_catalogue_part_has_both_languages_with_the_same_placeholders() -> None:
    from auditdesk.i18n import catalog_checks

    for key, texts in catalog_checks.MESSAGES.items():
        assert key.startswith("check."), key
        assert set(texts) == {"zh", "en"}, key
        assert _fields(texts["zh"]) == _fields(texts["en"]), key


def test_every_key_the_checks_name_is_catalogued_and_renders() -> None:
    source = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "auditdesk/core/checks").glob("*.py"))
    literal = set(re.findall(r'"(check\.[a-z_]+\.[a-z_]+)"', source)) - {"check.weekend_meals_gifts.{kind}"}
    dynamic = {f"check.banned_keywords.{list_id}" for list_id, _ in BANNED_LISTS}
    dynamic |= {f"check.weekend_meals_gifts.{k}" for k in ("weekend", "holiday", "day_off")}
    dynamic |= {f"check.severity.{s}" for s in ("high", "medium", "low")}
    missing = sorted(k for k in literal | dynamic if k not in MESSAGES)
    assert not missing, missing
    produced = [
        *run_checks(_sample(), ctx())[0],
        *run_checks(_sample(), ctx(members=None))[0],
        *run_checks([entry("2031-03-08", "工作餐", "100.00", voucher="记-3")], ctx())[0],
    ]
    assert len({s.key for s in produced}) >= 9
    for s in produced:
        for lang in ("zh", "en"):
            assert MESSAGES[s.key][lang].format(**s.params)
            assert MESSAGES[s.basis][lang].format(**s.basis_params)

"""Gifts outside the holidays, split payments, cut-off, spending structure, round amounts, first digits:
each flags what it must and leaves alone what it must not."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from decimal import Decimal

from auditdesk.core.checks import CheckContext, CheckEntry, Suspicion, title_key
from auditdesk.core.checks.hints import benford, first_digit, round_amounts, spending_structure
from auditdesk.core.checks.occasions import gifts_outside_holidays, holiday_names, holiday_windows
from auditdesk.core.checks.periods import cutoff
from auditdesk.core.checks.splits import payee, split_payments, stem
from auditdesk.core.standards import KeywordList, Rule, RuleVersion, Standards
from auditdesk.i18n import set_lang, t
from auditdesk.i18n.catalog_checks_hints import MESSAGES
from tests.fixtures.check_entries import entry
from tests.fixtures.check_entries import profile as shipped_profile

ANHUI = shipped_profile("anhui")
RULES = (
    "gifts_outside_holidays",
    "split_payments",
    "cutoff",
    "spending_structure",
    "round_amounts",
    "benford",
)


def payment(day: str, summary: str, amount: str, voucher: str, chart: str = "50302") -> list[CheckEntry]:
    """A voucher paying ``amount`` from the bank: the expense line and the bank line."""
    return [
        entry(day, summary, amount, chart=chart, voucher=voucher),
        entry(day, summary, "0", amount, chart="102", voucher=voucher),
    ]


@dataclass(frozen=True)
class _Profile(Standards):
    """A profile with the rules another part of the standards is adding (collective decision,
    gift occasions), whatever the schema of the day says."""

    decision: Rule | None = None
    occasions: KeywordList | None = None

    def rule(self, rule_id: str) -> Rule | None:
        return self.decision if rule_id == "collective_decision" else super().rule(rule_id)

    def keyword_list(self, list_id: str) -> KeywordList | None:
        return self.occasions if list_id == "gift_occasions" else super().keyword_list(list_id)


def profile(
    threshold: str | None = None, effective: str = "2018-01-01", occasions: Sequence[str] = ()
) -> _Profile:
    base = {f.name: getattr(ANHUI, f.name) for f in fields(Standards)}
    decision = None
    if threshold is not None:
        version = RuleVersion(
            Decimal(threshold), dt.date.fromisoformat(effective), "安徽", "测试文件", "测试", "secondary"
        )
        decision = Rule("collective_decision", (version,))
    words = KeywordList("gift_occasions", tuple(occasions), (), "测试") if occasions else None
    return _Profile(**base, decision=decision, occasions=words)


def ctx(
    standards: Standards = ANHUI, year: int = 2024, period: tuple[dt.date, dt.date] | None = None
) -> CheckContext:
    return CheckContext(year=year, standards=standards, members=10, period=period)


def flat(*groups: Iterable[CheckEntry]) -> list[CheckEntry]:
    return [e for g in groups for e in g]


# -- gifts outside the holidays ---------------------------------------------------------------------


def test_a_named_non_statutory_festival_is_flagged_whatever_the_date() -> None:
    teachers = entry("2024-09-06", "教师节慰问品-洗衣液、毛巾(青陉县惠民超市)", "6300.00")  # in 中秋's window
    nurses = entry("2024-05-10", "5·12护士节慰问品-护理会员(青陉县惠民超市)", "29200.00")
    both = entry("2024-09-10", "中秋节、教师节慰问品", "3000.00")
    found = {s.entry_ids: s for s in gifts_outside_holidays([teachers, nurses, both], ctx())}
    assert set(found) == {(teachers.id,), (nurses.id,), (both.id,)}
    assert (found[(teachers.id,)].severity, found[(teachers.id,)].params["festival"]) == ("high", "教师节")
    assert found[(nurses.id,)].key == "check.gifts_outside_holidays.festival"
    assert found[(both.id,)].severity == "medium"  # it also names a gift holiday


def test_gifts_within_their_holidays_windows_or_with_an_occasion_are_not_flagged() -> None:
    entries = [
        entry("2024-01-20", "春节慰问品-米面油", "8400.00"),  # 30 days before 2024-02-10
        entry("2024-02-17", "春节慰问品-水果", "800.00"),  # the holiday's last day
        entry("2024-12-24", "2025年元旦慰问品-挂面、食用油", "4200.00"),  # next year's 元旦
        entry("2024-09-10", "中秋慰问品-月饼", "6300.00"),  # the short name
        entry("2024-04-28", "五一慰问品", "2000.00"),
        entry("2024-03-05", "3月份会员生日慰问(蛋糕券)", "600.00"),
        entry("2024-07-08", "慰问后勤组住院会员", "400.00"),
        entry("2024-03-05", "购买慰问用水果", "300.00", closing=True),
        entry("2024-03-05", "购买慰问用水果", "0", "300.00"),  # a credit is not a gift
        entry("2024-03-05", "教师节活动场地布置", "900.00", chart="50102"),  # not the gift account
        entry("2024-03-05", "购买慰问用水果", "300.00", chart=None),
    ]
    assert list(gifts_outside_holidays(entries, ctx())) == []


def test_a_gift_naming_a_holiday_outside_its_window_is_flagged() -> None:
    late = entry("2024-03-05", "中秋节慰问品-月饼", "6300.00")
    holiday = entry("2024-07-20", "节日慰问品", "2000.00")
    (named, general) = gifts_outside_holidays([late, holiday], ctx())
    assert (named.key, named.severity, named.entry_ids) == (
        "check.gifts_outside_holidays.named_outside",
        "medium",
        (late.id,),
    )
    assert named.params["holiday"] == "中秋节"
    assert named.params["window"] == "2024-08-16—2024-09-17"  # 中秋 2024: 15–17 September
    assert (general.key, general.entry_ids) == ("check.gifts_outside_holidays.holiday_outside", (holiday.id,))


def test_gifts_without_an_occasion_outside_the_windows_make_one_low_hint_per_year() -> None:
    first = entry("2024-02-25", "购买慰问用水果", "300.00")  # between 春节 (to 17 Feb) and 清明's window
    second = entry("2024-07-20", "购买慰问卡片", "37.50")
    qingming = entry("2024-03-20", "购买慰问用水果", "300.00")  # 30 days before 清明 (4 April)
    inside = entry("2024-01-25", "购买慰问用水果", "200.00")  # Spring Festival's window
    found = list(gifts_outside_holidays([second, first, inside, qingming], ctx()))
    assert len(found) == 1
    s = found[0]
    assert (s.key, s.severity, s.entry_ids, s.scope) == (
        "check.gifts_outside_holidays.no_occasion",
        "low",
        tuple(sorted((first.id, second.id))),
        "2024",
    )
    assert (s.params["count"], s.params["total"]) == ("2", "337.50")
    assert s.params["entries"].startswith("2024-02-25 —“购买慰问用水果”300.00；")


def test_the_standards_gift_occasions_count_as_stated_occasions() -> None:
    moving = entry("2024-07-20", "会员乔迁慰问", "500.00")
    assert len(list(gifts_outside_holidays([moving], ctx()))) == 1
    assert list(gifts_outside_holidays([moving], ctx(profile(occasions=["乔迁"])))) == []


def test_a_year_the_calendar_does_not_cover_is_checked_for_festivals_only() -> None:
    plain = entry("2030-03-01", "购买慰问用水果", "300.00")
    teachers = entry("2030-09-01", "教师节慰问品", "3000.00")
    found = list(gifts_outside_holidays([plain, teachers], ctx(year=2030)))
    assert [(s.key, s.severity) for s in found] == [
        ("check.gifts_outside_holidays.festival", "high"),
        ("check.gifts_outside_holidays.no_calendar", "low"),
    ]
    assert found[1].params == {"year": "2030", "count": "1"}


def test_in_the_2009_chart_only_501_lines_with_a_gift_word_are_gifts() -> None:
    sport = entry("2020-03-02", "职工篮球赛场地费", "3000.00", chart="50102")
    gift = entry("2020-09-02", "教师节慰问品", "3000.00", chart="50104")
    found = list(gifts_outside_holidays([sport, gift], ctx(year=2020)))
    assert [s.entry_ids for s in found] == [(gift.id,)]


def test_a_gift_holiday_the_calendar_does_not_know_is_not_judged_by_date() -> None:
    ethnic = _Profile(
        **{f.name: getattr(ANHUI, f.name) for f in fields(Standards)} | {"gift_holidays": ("古尔邦节",)}
    )
    gift = entry("2024-07-20", "古尔邦节慰问品", "3000.00")
    assert list(gifts_outside_holidays([gift], ctx(ethnic))) == []


def test_holiday_names_and_windows() -> None:
    for name in ANHUI.gift_holidays:  # every statutory gift holiday is known to the calendar
        assert holiday_windows(name, 2024), name
    names = holiday_names(ANHUI.gift_holidays)
    assert "中秋" in names["中秋节"] and "五一" in names["劳动节"] and "劳动" not in names["劳动节"]
    assert (dt.date(2024, 1, 11), dt.date(2024, 2, 17)) in holiday_windows("春节", 2024)
    assert (dt.date(2024, 12, 2), dt.date(2025, 1, 1)) in holiday_windows("元旦", 2024)


# -- split payments ----------------------------------------------------------------------------------


def test_payments_to_one_payee_just_under_a_round_limit_are_one_suspicion() -> None:
    a = payment("2024-06-06", "职工之家购置跑步机(县康力体育器材商行)", "9860.00", "记-8")
    b = payment("2024-06-12", "职工之家购置动感单车(4辆)(县康力体育器材商行)", "9600.00", "记-15")
    c = payment("2024-06-17", "职工之家购置综合训练器(县康力体育器材商行)", "9750.00", "记-25")
    found = list(split_payments(flat(a, b, c), ctx()))
    assert len(found) == 1
    s = found[0]
    assert (s.key, s.severity) == ("check.split_payments.round_no_rule", "low")
    assert s.entry_ids == (a[0].id, b[0].id, c[0].id)  # the expense lines, not the bank lines
    assert (s.params["subject"], s.params["count"], s.params["total"], s.params["threshold"]) == (
        "县康力体育器材商行",
        "3",
        "29,210.00",
        "10,000.00",
    )


def test_payments_for_one_purpose_are_grouped_once_even_when_the_payee_is_the_same() -> None:
    entries = flat(
        payment("2024-04-12", "职工篮球赛运动服(第1批,县动感体育用品店)", "19800.00", "记-32", "50102"),
        payment("2024-04-16", "职工篮球赛运动服(第2批,县动感体育用品店)", "19650.00", "记-43", "50102"),
        payment("2024-04-18", "职工篮球赛运动服(第3批)", "19900.00", "记-54", "50102"),
    )
    found = list(split_payments(entries, ctx()))
    assert len(found) == 1 and found[0].params["threshold"] == "20,000.00"
    assert len(found[0].entry_ids) == 3


def test_payments_that_are_no_split_are_not_flagged() -> None:
    entries = flat(
        payment("2024-03-01", "购置音响(县华声电器商行)", "9500.00", "记-1"),
        payment("2024-03-20", "购置话筒(县华声电器商行)", "9400.00", "记-9"),  # 19 days later
        payment("2024-05-06", "购书(县新华书店)", "3000.00", "记-2"),
        payment("2024-05-08", "购书(县新华书店)", "3000.00", "记-5"),  # under 80% of 5,000 each
        payment("2024-06-03", "购置桌椅(县家具厂)", "12000.00", "记-1"),  # over the limit itself
        payment("2024-06-05", "购置柜子(县家具厂)", "9000.00", "记-3"),
        payment("2024-07-03", "支付印刷费(华艺印务)", "9480.00", "记-2"),  # a duplicate, not a split
        payment("2024-07-09", "支付印刷费(华艺印务)", "9480.00", "记-6"),
        payment("2024-08-05", "装配车间会员生日慰问(金麦穗蛋糕店)", "4600.00", "记-3", "50105"),  # occasions
        payment("2024-08-07", "锻压车间会员生日慰问(金麦穗蛋糕店)", "4800.00", "记-4", "50105"),
        [
            entry(
                "2024-12-31",
                "本年收支结转(县华声电器商行)",
                "9000.00",
                chart="50302",
                closing=True,
                voucher="记-99",
            )
        ],
    )
    assert list(split_payments(entries, ctx())) == []


def test_the_collective_decision_threshold_in_force_is_used_when_the_standards_give_one() -> None:
    entries = flat(
        payment("2024-03-01", "购置乒乓球台(县体育用品商店)", "4000.00", "记-1"),
        payment("2024-03-05", "购置乒乓球拍(县体育用品商店)", "3500.00", "记-4"),
        payment("2024-03-09", "购置乒乓球(县体育用品商店)", "3000.00", "记-7"),
    )
    assert list(split_payments(entries, ctx())) == []  # no threshold, and not just under a round one
    (s,) = split_payments(entries, ctx(profile("10000")))
    assert (s.key, s.severity, s.params["threshold"], s.params["total"]) == (
        "check.split_payments.over_rule",
        "medium",
        "10,000.00",
        "10,500.00",
    )
    assert s.basis == "check.basis.collective_decision" and s.basis_params == {"document": "测试文件"}
    assert list(split_payments(entries, ctx(profile("10000", effective="2024-06-01")))) == []


def test_a_round_limit_is_still_hinted_beside_the_profiles_threshold() -> None:
    entries = flat(
        payment("2024-04-12", "运动服(第1批,县动感体育用品店)", "19800.00", "记-32"),
        payment("2024-04-16", "运动服(第2批,县动感体育用品店)", "19650.00", "记-43"),
    )
    (s,) = split_payments(entries, ctx(profile("5000")))  # each payment is over 5,000 itself
    assert (s.key, s.severity, s.params["rule_threshold"]) == (
        "check.split_payments.round_with_rule",
        "low",
        "5,000.00",
    )


def test_payee_and_stem() -> None:
    assert payee("职工篮球赛运动服(第1批,县动感体育用品店)") == "县动感体育用品店"
    assert payee("职工之家购置动感单车(4辆)(县康力体育器材商行)") == "县康力体育器材商行"
    assert payee("支付华艺印务宣传册印刷费(发票号码04512873)") == "华艺印务"
    assert payee("儿科会员生日慰问(金麦穗蛋糕店蛋糕券3张)") == "金麦穗蛋糕店"
    assert payee("购买办公用品-县文具店") == "县文具店"
    assert payee("报销儿科工会小组季度文体活动费") == ""
    assert stem("职工篮球赛运动服(第2批,县动感体育用品店)") == "职工篮球赛运动服"
    assert stem("3月电费") == "月电费"


# -- cut-off -----------------------------------------------------------------------------------------


def test_entries_outside_the_fiscal_year_or_the_audit_period_are_flagged() -> None:
    early = entry("2023-12-30", "上年费用", "100.00", chart="50504")
    late = entry("2025-01-03", "下年费用", "100.00", chart="50504")
    inside = entry("2024-07-05", "本年费用", "100.00", chart="50504")
    found = {s.key: s for s in cutoff([early, late, inside], ctx())}
    assert set(found) == {"check.cutoff.before", "check.cutoff.after"}
    assert found["check.cutoff.before"].entry_ids == (early.id,)
    assert found["check.cutoff.after"].severity == "medium"
    half = (dt.date(2024, 1, 1), dt.date(2024, 6, 30))
    (narrow,) = (s for s in cutoff([inside], ctx(period=half)))
    assert (narrow.key, narrow.severity, narrow.params["end"]) == ("check.cutoff.after", "low", "2024-06-30")
    assert list(cutoff([inside], ctx())) == []


def test_a_voucher_numbered_later_but_dated_well_before_is_back_dated() -> None:
    one = entry("2024-03-02", "a", "1.00", voucher="记-1")
    two = entry("2024-03-10", "b", "1.00", voucher="记-2")
    back = [
        entry("2024-03-03", "c", "1.00", voucher="记-3"),
        entry("2024-03-03", "c", "0", "1.00", chart="102", voucher="记-3"),
    ]
    close = entry("2024-03-07", "d", "1.00", voucher="记-4")  # 3 days before: within the rule
    other_kind = entry("2024-03-01", "e", "1.00", voucher="收-1")
    next_month = entry("2024-04-01", "f", "1.00", voucher="记-5")
    odd = entry("2024-03-01", "g", "1.00", voucher="补记")
    found = list(cutoff([one, two, *back, close, other_kind, next_month, odd], ctx()))
    assert len(found) == 1
    s = found[0]
    assert (s.key, s.severity, s.entry_ids) == ("check.cutoff.backdated", "low", (back[0].id, back[1].id))
    assert (s.params["other_voucher"], s.params["days"]) == ("记-2", "7")


# -- spending structure, round amounts, first digits ---------------------------------------------------


def test_spending_structure_is_one_table_and_a_hint_when_business_outweighs_members() -> None:
    entries = [
        entry("2024-03-01", "培训", "1000.00", chart="50101"),
        entry("2024-03-01", "慰问品", "3000.00", chart="50105"),
        entry("2024-03-02", "退回", "0", "500.00", chart="50105"),
        entry("2024-03-01", "会议", "500.00", chart="50502"),
        entry("2024-03-01", "其他", "1000.00", chart="510"),
        entry("2024-12-31", "本年收支结转", "0", "5000.00", chart="50105", closing=True),
        entry("2024-03-01", "银行", "0", "5000.00", chart="102"),
    ]
    (table,) = spending_structure(entries, ctx())
    assert (table.key, table.severity, table.entry_ids, table.params["total"]) == (
        "check.spending_structure.table",
        "low",
        (),
        "5,000.00",
    )
    assert "50105 会员活动支出 2,500.00（50.0%）" in table.params["table"]
    assert "505 业务支出 500.00（10.0%）" in table.params["table"]
    more = [*entries, entry("2024-05-01", "专项业务", "4000.00", chart="50503")]
    (_, hint) = spending_structure(more, ctx())
    assert (hint.key, hint.params["business"], hint.params["members"]) == (
        "check.spending_structure.business_over_members",
        "5,500.00",
        "3,500.00",
    )
    assert list(spending_structure([entries[-1]], ctx())) == []


def test_spending_structure_in_the_2009_chart() -> None:
    entries = [
        entry("2020-03-01", "业务", "5000.00", chart="50301"),
        entry("2020-03-01", "活动", "100.00", chart="50102"),
    ]
    found = list(spending_structure(entries, ctx(year=2020)))
    assert [s.key for s in found] == [
        "check.spending_structure.table",
        "check.spending_structure.business_over_members",
    ]
    assert found[1].params["business_accounts"] == "503+508"


def test_round_amounts_are_grouped_per_account_and_year() -> None:
    big = entry("2024-05-01", "购置器材", "10000.00", chart="50302")
    six = entry("2024-06-01", "购置器材", "6000.00", chart="50302")
    five = entry("2024-06-01", "比赛奖品", "5000.00", chart="50102")
    left = [
        entry("2024-06-01", "购置器材", "4000.00", chart="50302"),  # under 5,000
        entry("2024-06-01", "购置器材", "5500.00", chart="50302"),  # not whole thousands
        entry("2024-06-01", "退款", "0", "10000.00", chart="50302"),
        entry("2024-12-31", "结转", "10000.00", chart="50302", closing=True),
        entry("2024-06-01", "提现", "10000.00", chart="101"),
    ]
    found = {s.params["account"]: s for s in round_amounts([big, six, five, *left], ctx())}
    assert set(found) == {"50302 建家活动支出", "50102 文体活动支出"}
    s = found["50302 建家活动支出"]
    assert (s.severity, s.entry_ids, s.params["count"], s.params["total"]) == (
        "low",
        (big.id, six.id),
        "2",
        "16,000.00",
    )


def test_benford_needs_enough_amounts_and_flags_a_skewed_ledger() -> None:
    skewed = [entry("2024-03-01", "慰问", f"{400 + i % 100}.{i // 100}", chart="50105") for i in range(600)]
    assert list(benford(skewed[:499], ctx())) == []
    (s,) = benford(skewed, ctx())
    assert (s.key, s.severity, s.params["digits"], s.params["count"]) == (
        "check.benford.nonconforming",
        "low",
        "4",
        "600",
    )
    assert len(s.entry_ids) == 50
    assert skewed[-1].id in s.entry_ids and skewed[0].id not in s.entry_ids  # the largest are listed


def test_benford_leaves_a_conforming_ledger_alone() -> None:
    amounts = [Decimal(10 ** (1 + 3 * k / 1000)).quantize(Decimal("0.01")) for k in range(1000)]
    entries = [entry("2024-03-01", "支出", str(a), chart="50102") for a in amounts]
    assert list(benford(entries, ctx())) == []
    assert first_digit(Decimal("10.00")) == 1 and first_digit(Decimal("987.65")) == 9


# -- messages ----------------------------------------------------------------------------------------


def test_every_suspicion_renders_in_both_languages_and_every_rule_has_a_title() -> None:
    entries = flat(
        [entry("2024-03-05", "中秋节慰问品", "6300.00"), entry("2024-07-20", "节日慰问品", "200.00")],
        [entry("2024-07-21", "购买慰问用水果", "300.00"), entry("2024-05-10", "护士节慰问品", "2000.00")],
        payment("2024-06-06", "跑步机(县康力体育器材商行)", "9860.00", "记-8"),
        payment("2024-06-12", "动感单车(县康力体育器材商行)", "9600.00", "记-15"),
        [entry("2023-12-30", "x", "1.00", voucher="记-1"), entry("2025-01-02", "y", "1.00", voucher="记-2")],
        [entry("2024-08-20", "x", "1.00", voucher="记-1"), entry("2024-08-01", "y", "1.00", voucher="记-2")],
        [entry("2024-03-01", "业务", "90000.00", chart="50503")],
    )
    found: list[Suspicion] = []
    for context in (ctx(), ctx(profile("5000")), ctx(profile("15000"))):
        for check in (gifts_outside_holidays, split_payments, cutoff, spending_structure, round_amounts):
            found.extend(check(entries, context))
    found.extend(gifts_outside_holidays([entry("2030-03-01", "购买慰问用水果", "1.00")], ctx(year=2030)))
    found.extend(benford([entry("2024-03-01", "慰问", f"{400 + i % 100}") for i in range(600)], ctx()))
    assert {s.key for s in found} == {
        k for k in MESSAGES if not k.startswith("check.basis.") and "title" not in k
    }
    for lang in ("zh", "en"):
        set_lang(lang)
        try:
            for s in found:
                assert t(s.key, **s.params) and t(s.basis, **s.basis_params)
            for rule in RULES:
                assert t(title_key(rule))
        finally:
            set_lang("zh")


def test_the_catalogue_part_is_consistent_and_uses_full_width_punctuation_in_chinese() -> None:
    for key, texts in MESSAGES.items():
        assert set(texts) == {"zh", "en"}, key
        names = [{n for _, n, _, _ in string.Formatter().parse(texts[lang]) if n} for lang in ("zh", "en")]
        assert names[0] == names[1], key
        plain = re.sub(r"\{[a-z_]+\}", "", texts["zh"])
        assert not re.search(r"[,;:()?!]", plain), key

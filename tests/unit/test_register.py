"""The register's pure core: lifecycle moves, deadlines, overdue, finding ids, statistics, repeats."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditdesk.core.errors import AuditdeskError
from auditdesk.core.register import (
    DEFAULT_CATEGORIES,
    FINAL_STATES,
    OPEN_STATES,
    STATUSES,
    TRANSITIONS,
    Move,
    Status,
    allowed_moves,
    check_move,
    days_overdue,
    default_deadline,
    due_within,
    finding_code,
    is_overdue,
    needs,
    parse_finding_code,
    statuses_of,
)
from auditdesk.core.register_stats import (
    SUBJECT_KEYWORDS,
    FindingFact,
    compute_stats,
    normalize_subject,
    rate_percent,
    repeat_key,
    repeat_keys,
    stats_by_unit,
    stats_by_year,
    summary_sentence,
)
from auditdesk.i18n import CATALOGUE, set_lang, t

S = Status
DEADLINE = dt.date(2025, 6, 30)
EXPECTED = {
    S.DRAFT: {S.PENDING, S.WITHDRAWN},
    S.PENDING: {S.IN_PROGRESS, S.REPORTED, S.EXTENDED, S.IMPOSSIBLE},
    S.IN_PROGRESS: {S.REPORTED, S.PARTIAL, S.EXTENDED, S.IMPOSSIBLE},
    S.PARTIAL: {S.IN_PROGRESS, S.REPORTED, S.EXTENDED},
    S.EXTENDED: {S.IN_PROGRESS, S.REPORTED, S.PARTIAL, S.IMPOSSIBLE},
    S.REPORTED: {S.CLOSED, S.IN_PROGRESS, S.PARTIAL},
    S.CLOSED: set(),
    S.IMPOSSIBLE: set(),
    S.WITHDRAWN: set(),
}
PAIRS = [(a, b) for a in STATUSES for b in STATUSES]
LEGAL = [(a, b) for a, b in PAIRS if b in EXPECTED[a]]
ILLEGAL = [(a, b) for a, b in PAIRS if b not in EXPECTED[a]]


def complete(current: Status, target: Status) -> Move:
    """A move carrying exactly what ``current -> target`` needs."""
    need = needs(current, target)
    return Move(
        target,
        note="已核实" if need.note else "",
        deadline=dt.date(2025, 9, 30) if need.deadline else None,
        approver="张主任" if need.approver else None,
    )


def refused(current: Status, move: Move, deadline: dt.date | None = DEADLINE) -> AuditdeskError:
    with pytest.raises(AuditdeskError) as info:
        check_move(current, move, deadline=deadline)
    for lang in ("zh", "en"):  # every error renders in both languages with plain-string params
        set_lang(lang)
        assert all(isinstance(v, str) for v in info.value.params.values())
        assert t(info.value.key, **info.value.params)
    set_lang("zh")
    return info.value


# -- statuses and the transition table ----------------------------------------------------------------


def test_status_values_and_labels_are_catalogued() -> None:
    values = "draft pending in_progress reported partial extended impossible closed withdrawn"
    assert [s.value for s in STATUSES] == values.split()
    labels = [CATALOGUE[s.label_key]["zh"] for s in STATUSES]
    assert labels == [
        "草稿",
        "待整改",
        "整改中",
        "已报整改",
        "部分整改",
        "延期整改",
        "无法整改",
        "已销号",
        "已撤销",
    ]
    assert all(CATALOGUE[s.label_key]["en"] for s in STATUSES)


def test_open_and_final_states() -> None:
    assert OPEN_STATES == {S.PENDING, S.IN_PROGRESS, S.REPORTED, S.PARTIAL, S.EXTENDED}
    assert FINAL_STATES == {S.CLOSED, S.IMPOSSIBLE, S.WITHDRAWN}
    assert all(not allowed_moves(s) for s in FINAL_STATES)


def test_the_table_is_the_briefs() -> None:
    assert {s: set(allowed_moves(s)) for s in STATUSES} == EXPECTED
    assert set(TRANSITIONS) == set(STATUSES)


def test_every_status_is_reachable_and_every_open_one_can_still_be_closed() -> None:
    reach = {S.DRAFT}
    frontier = [S.DRAFT]
    while frontier:
        for nxt in allowed_moves(frontier.pop()):
            if nxt not in reach:
                reach.add(nxt)
                frontier.append(nxt)
    assert reach == set(STATUSES)
    for status in OPEN_STATES:
        seen, todo = {status}, [status]
        while todo:
            for nxt in allowed_moves(todo.pop()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        assert S.CLOSED in seen, status


@pytest.mark.parametrize(("current", "target"), LEGAL, ids=[f"{a}->{b}" for a, b in LEGAL])
def test_every_allowed_move_is_accepted_when_complete(current: Status, target: Status) -> None:
    check_move(current, complete(current, target), deadline=DEADLINE)


@pytest.mark.parametrize(("current", "target"), ILLEGAL, ids=[f"{a}->{b}" for a, b in ILLEGAL])
def test_every_illegal_move_is_refused_naming_the_allowed_ones(current: Status, target: Status) -> None:
    move = Move(target, note="说明", deadline=dt.date(2026, 1, 1), approver="张主任", verified=True)
    error = refused(current, move)
    assert error.params["current"] == current.value
    assert error.params["target"] == target.value
    if current in FINAL_STATES:
        assert error.key == "register.final_status"
    else:
        assert error.key == "register.illegal_move"
        assert statuses_of(error.params["allowed"]) == allowed_moves(current)
        assert error.params["allowed"] == ",".join(s.value for s in allowed_moves(current))


def test_illegal_move_message_lists_the_allowed_moves() -> None:
    error = refused(S.PENDING, Move(S.CLOSED, note="已核实"))
    assert error.params == {
        "current": "pending",
        "target": "closed",
        "allowed": "in_progress,reported,extended,impossible",
    }


# -- what a move needs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.DRAFT, S.WITHDRAWN),
        (S.REPORTED, S.CLOSED),
        (S.REPORTED, S.IN_PROGRESS),
        (S.PENDING, S.EXTENDED),
        (S.IN_PROGRESS, S.IMPOSSIBLE),
    ],
)
@pytest.mark.parametrize("note", ["", "   ", "\n\t"])
def test_a_note_is_required(current: Status, target: Status, note: str) -> None:
    move = complete(current, target)
    error = refused(current, Move(target, note=note, deadline=move.deadline, approver=move.approver))
    assert (error.key, error.params) == ("register.note_required", {"target": target.value})


def test_closing_needs_the_verification_note_not_the_flag() -> None:
    assert refused(S.REPORTED, Move(S.CLOSED, verified=True)).key == "register.note_required"
    check_move(S.REPORTED, Move(S.CLOSED, note="现场复核，已退回款项"), deadline=DEADLINE)


@pytest.mark.parametrize("current", [S.PENDING, S.IN_PROGRESS, S.PARTIAL])
def test_extension_needs_a_later_deadline(current: Status) -> None:
    assert refused(current, Move(S.EXTENDED, note="工程未完工")).key == "register.deadline_required"
    for same_or_earlier in (DEADLINE, DEADLINE - dt.timedelta(days=1)):
        error = refused(current, Move(S.EXTENDED, note="工程未完工", deadline=same_or_earlier))
        assert error.key == "register.deadline_not_later"
        assert error.params == {"deadline": same_or_earlier.isoformat(), "current": "2025-06-30"}
    check_move(
        current,
        Move(S.EXTENDED, note="工程未完工", deadline=DEADLINE + dt.timedelta(days=1)),
        deadline=DEADLINE,
    )
    check_move(current, Move(S.EXTENDED, note="原无期限", deadline=dt.date(2020, 1, 1)), deadline=None)


def test_issuing_a_draft_needs_a_deadline_given_or_already_set() -> None:
    assert refused(S.DRAFT, Move(S.PENDING), deadline=None).key == "register.deadline_required"
    check_move(S.DRAFT, Move(S.PENDING), deadline=DEADLINE)
    check_move(S.DRAFT, Move(S.PENDING, deadline=dt.date(2025, 1, 1)), deadline=None)
    check_move(S.DRAFT, Move(S.PENDING, deadline=dt.date(2025, 1, 1)), deadline=DEADLINE)  # reset at issue


@pytest.mark.parametrize("approver", [None, "", "  "])
def test_impossible_needs_an_approver(approver: str | None) -> None:
    error = refused(S.EXTENDED, Move(S.IMPOSSIBLE, note="单位已注销", approver=approver))
    assert (error.key, error.params) == ("register.approver_required", {"target": "impossible"})


@pytest.mark.parametrize(("current", "target"), [(a, b) for a, b in LEGAL if not needs(a, b).deadline])
def test_a_deadline_or_approver_where_none_belongs_is_refused(current: Status, target: Status) -> None:
    move = complete(current, target)
    late = Move(target, note=move.note, deadline=dt.date(2030, 1, 1), approver=move.approver)
    assert refused(current, late).key == "register.deadline_unexpected"
    if target is not S.IMPOSSIBLE:
        signed = Move(target, note=move.note, approver="张主任")
        assert refused(current, signed).key == "register.approver_unexpected"


# -- deadlines and overdue -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("issued", "period", "due"),
    [
        (dt.date(2025, 1, 31), "1m", dt.date(2025, 2, 28)),
        (dt.date(2024, 1, 31), "1m", dt.date(2024, 2, 29)),
        (dt.date(2024, 1, 31), "3m", dt.date(2024, 4, 30)),
        (dt.date(2024, 11, 30), "3个月", dt.date(2025, 2, 28)),
        (dt.date(2024, 2, 29), "1y", dt.date(2025, 2, 28)),
        (dt.date(2024, 3, 1), "90d", dt.date(2024, 5, 30)),
        (dt.date(2024, 3, 1), "90天", dt.date(2024, 5, 30)),
        (dt.date(2024, 3, 1), " 2 W ", dt.date(2024, 3, 15)),
        (dt.date(2024, 3, 1), "6 months", dt.date(2024, 9, 1)),
        (dt.date(2024, 3, 1), "1年", dt.date(2025, 3, 1)),
    ],
)
def test_default_deadline(issued: dt.date, period: str, due: dt.date) -> None:
    assert default_deadline(issued, period) == due


@pytest.mark.parametrize(
    "period", ["", "m", "0d", "-1m", "1.5m", "3x", "3 m s", "m3", "十天", "12345d", "9999y"]
)
def test_a_bad_period_is_named(period: str) -> None:
    with pytest.raises(AuditdeskError) as info:
        default_deadline(dt.date(2025, 1, 31), period)
    assert (info.value.key, info.value.params) == ("register.bad_period", {"period": period})


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31)), st.integers(1, 120))
def test_months_keep_the_day_or_take_the_month_end(issued: dt.date, months: int) -> None:
    due = default_deadline(issued, f"{months}m")
    assert (due.year * 12 + due.month) - (issued.year * 12 + issued.month) == months
    assert due.day == min(issued.day, calendar.monthrange(due.year, due.month)[1])


def test_overdue_is_open_past_the_deadline() -> None:
    day_after = DEADLINE + dt.timedelta(days=1)
    for status in STATUSES:
        assert is_overdue(status, DEADLINE, day_after) is (status in OPEN_STATES)
        assert not is_overdue(status, DEADLINE, DEADLINE)  # due today is not late
        assert not is_overdue(status, None, day_after)
    assert days_overdue(S.REPORTED, DEADLINE, DEADLINE + dt.timedelta(days=45)) == 45
    assert days_overdue(S.CLOSED, DEADLINE, DEADLINE + dt.timedelta(days=45)) == 0
    assert days_overdue(S.PENDING, DEADLINE, DEADLINE) == 0
    assert days_overdue(S.PENDING, None, DEADLINE) == 0
    assert days_overdue(S.DRAFT, DEADLINE, DEADLINE + dt.timedelta(days=3)) == 0


def test_due_within() -> None:
    today = dt.date(2025, 6, 1)
    assert due_within(S.PENDING, today, today, 0)
    assert due_within(S.IN_PROGRESS, today + dt.timedelta(days=30), today, 30)
    assert not due_within(S.IN_PROGRESS, today + dt.timedelta(days=31), today, 30)
    assert not due_within(S.PENDING, today - dt.timedelta(days=1), today, 30)  # overdue, not due
    assert not due_within(S.CLOSED, today, today, 30)
    assert not due_within(S.DRAFT, today, today, 30)
    assert not due_within(S.PENDING, None, today, 30)


# -- finding ids ---------------------------------------------------------------------------------------


def test_finding_code() -> None:
    assert finding_code(2025, 3, 7) == "2025-03-07"
    assert finding_code(2025, 12, 123) == "2025-12-123"
    assert parse_finding_code(" 2025-03-07 ") == (2025, 3, 7)
    for bad in ((2025, 0, 1), (2025, 1, 0), (25, 1, 1)):
        with pytest.raises(ValueError):
            finding_code(*bad)


@pytest.mark.parametrize(
    "code", ["", "2025-3-7", "2025-003-07", "2025-00-01", "2025/03/07", "2025-03-07x", "25-03-07"]
)
def test_a_bad_code_is_refused(code: str) -> None:
    with pytest.raises(AuditdeskError) as info:
        parse_finding_code(code)
    assert (info.value.key, info.value.params) == ("register.bad_code", {"code": code})


@given(st.integers(1000, 9999), st.integers(1, 500), st.integers(1, 500))
def test_finding_codes_round_trip(year: int, engagement: int, finding: int) -> None:
    assert parse_finding_code(finding_code(year, engagement, finding)) == (year, engagement, finding)


# -- statistics ----------------------------------------------------------------------------------------


def fact(
    category: str = "支出管理",
    amount: str = "0",
    status: Status = S.CLOSED,
    *,
    unit: str = "县供电公司工会",
    year: int = 2024,
    subject: str = "问题",
) -> FindingFact:
    return FindingFact(unit, year, category, subject, Decimal(amount), status)


def test_jingxing_sentence_six_categories_nineteen_problems_all_rectified() -> None:
    counts = dict(zip(DEFAULT_CATEGORIES, (2, 3, 6, 3, 3, 2), strict=True))
    facts = [fact(c, "1000.10") for c, n in counts.items() for _ in range(n)]
    stats = compute_stats([*facts, fact("支出管理", "9.99", S.DRAFT), fact("收入管理", "5", S.WITHDRAWN)])
    assert (stats.categories, stats.findings, stats.rectified, stats.rate) == (6, 19, 19, Decimal("100.0"))
    assert stats.amount == Decimal("19001.90")
    assert stats.by_category[0] == ("预算管理", 2, Decimal("2000.20"))
    assert stats.by_status == ((S.CLOSED, 19),)
    key, params = summary_sentence(stats)
    assert t(key, **params) == "共发现6类19个问题，涉及金额19,001.90元，已整改19个，整改率100%"


def test_reported_is_not_rectified_and_the_rate_rounds_half_up() -> None:
    facts = [fact(status=S.CLOSED)] + [fact(status=S.REPORTED)] * 15  # 1/16 = 6.25% -> 6.3
    stats = compute_stats(facts)
    assert (stats.findings, stats.rectified, stats.rate) == (16, 1, Decimal("6.3"))
    assert stats.by_status == ((S.REPORTED, 15), (S.CLOSED, 1))
    assert summary_sentence(stats)[1]["rate"] == "6.3%"
    impossible = compute_stats([fact(status=S.IMPOSSIBLE), fact(), fact()])
    assert (impossible.findings, impossible.rectified, impossible.rate) == (3, 2, Decimal("66.7"))


def test_no_findings_is_no_rate_not_a_hundred_percent() -> None:
    stats = compute_stats([fact(status=S.DRAFT)])
    assert (stats.categories, stats.findings, stats.amount, stats.rate) == (0, 0, Decimal(0), Decimal("0.0"))
    assert stats.by_category == () and stats.by_status == ()
    key, params = summary_sentence(stats)
    assert params["rate"] == "—"
    assert t(key, **params) == "共发现0类0个问题，涉及金额0.00元，已整改0个，整改率—"


def test_amounts_are_exact_decimals() -> None:
    facts = [fact(amount="0.10"), fact(amount="0.20")] * 5000 + [fact(amount="123456789012.34")]
    stats = compute_stats(facts)
    assert stats.amount == Decimal("123456790512.34")
    assert summary_sentence(stats)[1]["amount"] == "123,456,790,512.34"


def test_categories_follow_the_configured_order_then_others() -> None:
    facts = [fact("财务收支"), fact("内部控制"), fact("预算管理"), fact("工会建设"), fact("内部控制")]
    assert [c for c, _, _ in compute_stats(facts).by_category] == [
        "预算管理",
        "内部控制",
        "工会建设",
        "财务收支",
    ]
    ordered = compute_stats(facts, order=("内部控制", "财务收支"))
    assert [(c, n) for c, n, _ in ordered.by_category] == [
        ("内部控制", 2),
        ("财务收支", 1),
        ("工会建设", 1),
        ("预算管理", 1),
    ]


amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
facts_st = st.lists(
    st.builds(
        fact, st.sampled_from([*DEFAULT_CATEGORIES, "其他"]), amounts.map(str), st.sampled_from(STATUSES)
    ),
    max_size=60,
)


@given(facts_st)
def test_stats_add_up(facts: list[FindingFact]) -> None:
    stats = compute_stats(facts)
    counted = [f for f in facts if f.status not in (S.DRAFT, S.WITHDRAWN)]
    assert (
        stats.findings
        == len(counted)
        == sum(n for _, n, _ in stats.by_category)
        == sum(n for _, n in stats.by_status)
    )
    assert (
        stats.amount
        == sum((f.amount for f in counted), Decimal(0))
        == sum((a for _, _, a in stats.by_category), Decimal(0))
    )
    assert stats.categories == len(stats.by_category) == len({f.category for f in counted})
    assert stats.rectified == sum(f.status is S.CLOSED for f in facts)
    if counted:
        exact = Decimal(str(float(Fraction(stats.rectified * 100, len(counted)))))
        assert abs(stats.rate - exact) <= Decimal("0.05")
        assert Decimal(0) <= stats.rate <= Decimal(100)


@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_rate_is_exact_half_up(rectified: int, findings: int) -> None:
    rectified = min(rectified, findings)
    expected = (Decimal(rectified) * 1000 / Decimal(findings)).quantize(Decimal(1), ROUND_HALF_UP) / 10
    assert rate_percent(rectified, findings) == expected
    assert rate_percent(rectified, findings).as_tuple().exponent == -1


def test_stats_per_unit_and_year() -> None:
    facts = [
        fact(unit="乙", year=2024),
        fact(unit="甲", year=2023, status=S.PENDING),
        fact(unit="甲", year=2024),
    ]
    assert [(u, s.findings, s.rectified) for u, s in stats_by_unit(facts)] == [("乙", 1, 1), ("甲", 2, 1)]
    assert [(y, s.findings, s.rate) for y, s in stats_by_year(facts)] == [
        (2023, 1, Decimal("0.0")),
        (2024, 2, Decimal("100.0")),
    ]


# -- repeat problems (屡审屡犯) --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("2023年春节发放超市购物卡12,000元", "购物卡"),
        ("2024年中秋节违规发放代金券", "购物卡"),
        ("组织职工体检费用由工会经费列支", "体检"),
        ("以会员活动名义宴请外单位人员3次", "宴请"),
        ("ＫＴＶ消费", "高档娱乐"),
        ("2023年度预算未经集体研究", "预算未经集体研究"),
        ("2024年预算未经集体研究。", "预算未经集体研究"),
        ("存在固定资产未入账的问题", "固定资产未入账"),
        ("（1）3月份现金日记账未及时登记", "现金日记账未及时登记"),
        ("2024", ""),
    ],
)
def test_normalize_subject(title: str, subject: str) -> None:
    assert normalize_subject(title) == subject


def test_every_keyword_subject_is_its_own_subject() -> None:
    for subject, _ in SUBJECT_KEYWORDS:
        assert normalize_subject(subject) == subject


@given(
    st.text(
        alphabet=st.sampled_from(
            "2023年度月日元,.。（）存在问题情况现象购物卡体检账外白条 预算超支3笔Ｋtv％%"
        ),
        max_size=30,
    )
)
def test_normalizing_is_idempotent(title: str) -> None:
    once = normalize_subject(title)
    assert normalize_subject(once) == once


@given(st.text(max_size=40))
def test_normalizing_any_text_is_idempotent(title: str) -> None:
    once = normalize_subject(title)
    assert normalize_subject(once) == once


def test_repeat_keys_need_two_distinct_years_of_the_same_unit() -> None:
    unit_a, unit_b = "县供电公司工会", "县第一中学工会"
    facts = [
        fact(unit=unit_a, year=2023, subject="2023年春节发放购物卡5,000元"),
        fact(unit=unit_a, year=2024, subject="2024年中秋节发放超市卡", status=S.PENDING),
        fact(unit=unit_a, year=2024, subject="2024年预算未经集体研究", category="预算管理"),
        fact(
            unit=unit_a, year=2024, subject="预算未经集体研究的问题", category="预算管理"
        ),  # same year twice
        fact(unit=unit_b, year=2022, subject="组织职工体检"),
        fact(unit=unit_a, year=2022, subject="组织职工体检", status=S.WITHDRAWN),
        fact(unit=unit_a, year=2025, subject="职工体检"),
        fact(unit=unit_a, year=2023, subject="2023"),  # blank subject never repeats
        fact(unit=unit_a, year=2024, subject="2024"),
        fact(unit=unit_a, year=2022, subject="发放购物卡", category="内部控制"),  # another category
    ]
    keys = repeat_keys(facts)
    assert keys == {(unit_a, "支出管理", "购物卡")}
    assert repeat_key(facts[1]) in keys and repeat_key(facts[4]) not in keys
    facts.append(fact(unit=unit_a, year=2023, subject="体检费用由工会支付", status=S.DRAFT))
    assert repeat_keys(facts) == {(unit_a, "支出管理", "购物卡"), (unit_a, "支出管理", "体检")}

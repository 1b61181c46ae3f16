"""Engagements: stage gates, reference numbers, milestones on the statutory calendar, key areas."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditdesk.core import engagement, milestones
from auditdesk.core.engagement import (
    DEFAULT_KEY_AREAS,
    KEY_AREAS,
    STAGES,
    GateFacts,
    Stage,
    StepState,
    Unmet,
    check_advance,
    entry_conditions,
    format_reference,
    gate_status,
    next_sequence,
    next_stage,
    normalize_key_areas,
    parse_reference,
    validate_reference_pattern,
)
from auditdesk.core.errors import AuditdeskError
from auditdesk.core.milestones import (
    MILESTONE_FIELDS,
    MilestoneOffsets,
    Milestones,
    Span,
    SpanUnit,
    holiday_data_covers,
    is_working_day,
    milestone_label_key,
    plan_milestones,
    shift,
    shift_working_days,
    validate_milestones,
)
from auditdesk.i18n.catalog_engagement import MESSAGES

PATTERN = "井工经审〔{year}〕{seq}号"

# Everything met for every gate: each test below breaks one thing.
READY = GateFacts(
    plan_approved=True,
    notice_issued=True,
    ledger_years_imported=frozenset({2023, 2024}),
    period_years=(2023, 2024),
    open_suspicions=0,
    opinion_issued=True,
    open_findings=0,
    archived=False,
)


def keys(unmet: tuple[Unmet, ...]) -> list[str]:
    return [u.key for u in unmet]


# -- stages -----------------------------------------------------------------------------------------


def test_stages_run_in_the_fixed_order() -> None:
    assert [s.value for s in STAGES] == ["plan", "fieldwork", "report", "rectify", "archive"]
    assert next_stage(Stage.PLAN) is Stage.FIELDWORK
    assert next_stage(Stage.FIELDWORK) is Stage.REPORT
    assert next_stage(Stage.REPORT) is Stage.RECTIFY
    assert next_stage(Stage.RECTIFY) is Stage.ARCHIVE
    assert next_stage(Stage.ARCHIVE) is None
    assert Stage("rectify").label_key == "engagement.stage.rectify"


# -- gates ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stage", "target"),
    [
        (Stage.PLAN, Stage.FIELDWORK),
        (Stage.FIELDWORK, Stage.REPORT),
        (Stage.REPORT, Stage.RECTIFY),
        (Stage.RECTIFY, Stage.ARCHIVE),
    ],
)
def test_every_move_is_allowed_when_its_gate_is_met(stage: Stage, target: Stage) -> None:
    result = check_advance(stage, READY)
    assert (result.target, result.allowed, result.unmet) == (target, True, ())


def test_into_fieldwork_needs_an_approved_plan_and_an_issued_notice() -> None:
    result = check_advance(Stage.PLAN, dataclasses.replace(READY, plan_approved=False, notice_issued=False))
    assert result.target is Stage.FIELDWORK and not result.allowed
    assert keys(result.unmet) == ["engagement.gate.plan_not_approved", "engagement.gate.notice_not_issued"]
    only_notice = check_advance(Stage.PLAN, dataclasses.replace(READY, notice_issued=False))
    assert keys(only_notice.unmet) == ["engagement.gate.notice_not_issued"]


def test_into_report_needs_each_period_year_imported() -> None:
    facts = dataclasses.replace(
        READY, period_years=(2024, 2022, 2023), ledger_years_imported=frozenset({2023})
    )
    result = check_advance(Stage.FIELDWORK, facts)
    assert not result.allowed
    assert result.unmet == (
        Unmet("engagement.gate.ledger_missing", {"year": 2022}),
        Unmet("engagement.gate.ledger_missing", {"year": 2024}),
    )
    # a ledger of another year does not stand in for the period's
    other = dataclasses.replace(READY, period_years=(2024,), ledger_years_imported=frozenset({2023, 2025}))
    assert keys(check_advance(Stage.FIELDWORK, other).unmet) == ["engagement.gate.ledger_missing"]


def test_into_report_without_a_period_is_refused() -> None:
    facts = dataclasses.replace(READY, period_years=(), ledger_years_imported=frozenset())
    assert keys(check_advance(Stage.FIELDWORK, facts).unmet) == ["engagement.gate.no_period"]


def test_into_report_needs_every_suspicion_reviewed() -> None:
    result = check_advance(Stage.FIELDWORK, dataclasses.replace(READY, open_suspicions=4))
    assert result.unmet == (Unmet("engagement.gate.suspicions_open", {"count": 4}),)


def test_a_missing_feature_is_unmet_with_its_own_key_never_passed() -> None:
    facts = dataclasses.replace(READY, open_suspicions=None, opinion_issued=None, open_findings=None)
    assert keys(check_advance(Stage.FIELDWORK, facts).unmet) == ["engagement.gate.no_suspicion_review"]
    assert keys(check_advance(Stage.REPORT, facts).unmet) == ["engagement.gate.no_opinion_letter"]
    assert keys(check_advance(Stage.RECTIFY, facts).unmet) == ["engagement.gate.no_register"]
    # the first gate depends on nothing missing
    assert check_advance(Stage.PLAN, facts).allowed


def test_into_rectify_needs_the_opinion_letter() -> None:
    result = check_advance(Stage.REPORT, dataclasses.replace(READY, opinion_issued=False))
    assert (result.target, result.allowed) == (Stage.RECTIFY, False)
    assert keys(result.unmet) == ["engagement.gate.opinion_not_issued"]


def test_into_archive_needs_every_finding_closed_or_deferred() -> None:
    result = check_advance(Stage.RECTIFY, dataclasses.replace(READY, open_findings=2))
    assert result.unmet == (Unmet("engagement.gate.findings_open", {"count": 2}),)


def test_a_gate_looks_only_at_its_own_conditions() -> None:
    facts = dataclasses.replace(READY, plan_approved=False, open_suspicions=3)
    assert check_advance(Stage.REPORT, facts).allowed
    assert keys(check_advance(Stage.FIELDWORK, facts).unmet) == ["engagement.gate.suspicions_open"]


def test_archived_is_read_only() -> None:
    result = check_advance(Stage.ARCHIVE, READY)
    assert (result.target, result.allowed) == (None, False)
    assert keys(result.unmet) == ["engagement.gate.archived_read_only"]
    flagged = check_advance(Stage.RECTIFY, dataclasses.replace(READY, archived=True))
    assert (flagged.target, flagged.allowed) == (None, False)
    assert keys(flagged.unmet) == ["engagement.gate.archived_read_only"]


def test_gate_status_lists_what_each_later_stage_still_needs() -> None:
    facts = GateFacts(
        plan_approved=True,
        notice_issued=False,
        ledger_years_imported=frozenset(),
        period_years=(2024,),
        open_suspicions=None,
        opinion_issued=None,
        open_findings=None,
        archived=False,
    )
    steps = gate_status(Stage.PLAN, facts)
    assert [(s.stage, s.state) for s in steps] == [
        (Stage.PLAN, StepState.CURRENT),
        (Stage.FIELDWORK, StepState.AHEAD),
        (Stage.REPORT, StepState.AHEAD),
        (Stage.RECTIFY, StepState.AHEAD),
        (Stage.ARCHIVE, StepState.AHEAD),
    ]
    assert [keys(s.unmet) for s in steps] == [
        [],
        ["engagement.gate.notice_not_issued"],
        ["engagement.gate.ledger_missing", "engagement.gate.no_suspicion_review"],
        ["engagement.gate.no_opinion_letter"],
        ["engagement.gate.no_register"],
    ]
    later = gate_status(Stage.REPORT, READY)
    assert [s.state for s in later] == [StepState.DONE] * 2 + [StepState.CURRENT] + [StepState.AHEAD] * 2
    assert all(s.unmet == () for s in later)
    assert [s.unmet for s in gate_status(Stage.RECTIFY, facts)][-1] == entry_conditions(Stage.ARCHIVE, facts)


# -- reference numbers ------------------------------------------------------------------------------


def test_format_reference() -> None:
    assert format_reference(PATTERN, 2025, 3) == "井工经审〔2025〕3号"
    assert format_reference("经审字〔{year}〕第{seq:03d}号", 2025, 7) == "经审字〔2025〕第007号"
    assert format_reference("{{{year}}}-{seq}", 2025, 12) == "{2025}-12"


@pytest.mark.parametrize(
    "pattern",
    [
        "井工经审〔2025〕3号",
        "井工经审〔{year}〕号",
        "井工经审〔〕{seq}号",
        "{year}{seq}{seq}",
        "{year}-{seq}-{unit}",
        "{year}-{}",
        "{year}-{seq!r}",
        "{year:>6}-{seq}",
        "{year}-{seq:x}",
        "{year}-{seq",
        "{year}}-{seq}",
        "{year.real}-{seq}",
        "",
    ],
)
def test_a_bad_pattern_is_refused_with_its_key(pattern: str) -> None:
    with pytest.raises(AuditdeskError) as caught:
        format_reference(pattern, 2025, 1)
    assert (caught.value.key, caught.value.params) == (
        "engagement.bad_reference_pattern",
        {"pattern": pattern},
    )
    with pytest.raises(AuditdeskError):
        next_sequence([], pattern, 2025)
    with pytest.raises(AuditdeskError):
        validate_reference_pattern(pattern)


@pytest.mark.parametrize(("year", "seq"), [(25, 1), (2025, 0), (2025, -3), (12025, 1)])
def test_impossible_year_or_sequence_is_refused(year: int, seq: int) -> None:
    with pytest.raises(AuditdeskError) as caught:
        format_reference(PATTERN, year, seq)
    assert caught.value.key == "engagement.bad_reference_values"


PATTERNS = st.sampled_from(
    [
        PATTERN,
        "经审字〔{year}〕第{seq:03d}号",
        "{seq}号（{year}）",
        "JG-{year}{seq}",
        "{year}0{seq}",
        "{seq}{year}",
    ]
)


@settings(deadline=None)
@given(pattern=PATTERNS, year=st.integers(1000, 9999), seq=st.integers(1, 10**6))
def test_reference_round_trip(pattern: str, year: int, seq: int) -> None:
    assert parse_reference(format_reference(pattern, year, seq), pattern) == (year, seq)


def test_parse_reads_what_people_type() -> None:
    assert parse_reference("井工经审[2025]12号", PATTERN) == (2025, 12)
    assert parse_reference(" 井工经审【２０２５】 ４号 ", PATTERN) == (2025, 4)
    assert parse_reference("井工经审〔2025〕号", PATTERN) is None
    assert parse_reference("井工审〔2025〕4号", PATTERN) is None
    assert parse_reference("井工经审〔25〕4号", PATTERN) is None


def test_next_sequence_continues_the_year() -> None:
    existing = [
        "井工经审〔2025〕3号",
        "井工经审〔2025〕11号",
        "井工经审〔2024〕40号",
        "高工经审〔2025〕90号",
        "杂项",
    ]
    assert next_sequence(existing, PATTERN, 2025) == 12
    assert next_sequence(existing, PATTERN, 2024) == 41
    assert next_sequence(existing, PATTERN, 2026) == 1
    assert next_sequence([], PATTERN, 2025) == 1
    assert next_sequence(iter(["井工经审[2025]5号"]), PATTERN, 2025) == 6


@settings(deadline=None)
@given(seqs=st.sets(st.integers(1, 500), max_size=12), year=st.integers(2000, 2040))
def test_next_sequence_is_one_past_the_highest(seqs: set[int], year: int) -> None:
    existing = [format_reference(PATTERN, year, s) for s in seqs] + [format_reference(PATTERN, year + 1, 999)]
    assert next_sequence(existing, PATTERN, year) == max(seqs, default=0) + 1


# -- milestones -------------------------------------------------------------------------------------


def test_default_milestones() -> None:
    m = plan_milestones(dt.date(2025, 4, 14))  # a Monday
    assert m == Milestones(
        notice=dt.date(2025, 4, 9),  # three working days before: Wed, Thu, Fri
        fieldwork_start=dt.date(2025, 4, 14),
        fieldwork_end=dt.date(2025, 4, 24),
        draft_report=dt.date(2025, 5, 9),
        final_report=dt.date(2025, 5, 19),
        rectification_due=dt.date(2025, 8, 17),
    )
    assert validate_milestones(m) == ()


def test_notice_lead_skips_spring_festival_and_counts_make_up_days() -> None:
    # 2025 春节: 1-28..2-4 off; Sunday 1-26 is a make-up working day, Saturday 1-25 is not.
    assert is_working_day(dt.date(2025, 1, 26)) and not is_working_day(dt.date(2025, 1, 25))
    m = plan_milestones(dt.date(2025, 2, 5))
    assert m.notice == dt.date(2025, 1, 24)  # 1-27 (Mon), 1-26 (make-up Sun), 1-24 (Fri)


def test_notice_lead_skips_national_day() -> None:
    # 2025 国庆/中秋: 10-1..10-8 off; Sunday 9-28 is a make-up working day.
    m = plan_milestones(dt.date(2025, 10, 9))
    assert m.notice == dt.date(2025, 9, 28)
    assert shift_working_days(dt.date(2025, 9, 30), 1) == dt.date(2025, 10, 9)


def test_years_without_holiday_data_skip_weekends_only() -> None:
    assert holiday_data_covers(2025)
    assert not holiday_data_covers(2040)
    assert is_working_day(dt.date(2040, 1, 2)) and not is_working_day(dt.date(2040, 1, 1))  # Mon, Sun
    m = plan_milestones(dt.date(2040, 1, 3))  # Tuesday: back over Mon 1-2 and a weekend
    assert m.notice == dt.date(2039, 12, 29)
    assert m.rectification_due == m.final_report + dt.timedelta(days=90)


def test_offsets_in_working_days_and_months() -> None:
    offsets = MilestoneOffsets(
        notice_lead=Span(5),
        fieldwork=Span(10, SpanUnit.WORKDAYS),
        draft_after_fieldwork=Span(15),
        reply_window=Span(10),
        rectification=Span(3, SpanUnit.MONTHS),
    )
    m = plan_milestones(dt.date(2025, 9, 22), offsets)  # fieldwork runs into National Day
    assert m.notice == dt.date(2025, 9, 17)
    # working days 9-23..9-30 (incl. make-up Sunday 9-28) are 7, then 10-9, 10-10, 10-11 (make-up Sat)
    assert m.fieldwork_end == dt.date(2025, 10, 11)
    assert m.final_report == dt.date(2025, 11, 5)
    assert m.rectification_due == dt.date(2026, 2, 5)
    assert shift(dt.date(2024, 11, 30), Span(3, SpanUnit.MONTHS)) == dt.date(2025, 2, 28)  # month end clamps
    assert shift(dt.date(2025, 10, 9), Span(1, SpanUnit.WORKDAYS), -1) == dt.date(2025, 9, 30)


def test_a_negative_offset_is_refused() -> None:
    with pytest.raises(AuditdeskError) as caught:
        Span(-1)
    assert (caught.value.key, caught.value.params) == ("engagement.bad_offset", {"amount": -1})


@settings(deadline=None)
@given(start=st.dates(min_value=dt.date(2004, 2, 1), max_value=dt.date(2045, 12, 31)))
def test_default_milestones_always_validate(start: dt.date) -> None:
    m = plan_milestones(start)
    assert validate_milestones(m) == ()
    assert is_working_day(m.notice)


def test_validation_names_each_out_of_order_pair() -> None:
    good = plan_milestones(dt.date(2025, 4, 14))
    bad = dataclasses.replace(
        good,
        fieldwork_end=dt.date(2025, 4, 13),
        final_report=good.draft_report,
        rectification_due=dt.date(2025, 5, 1),
    )
    assert validate_milestones(bad) == (
        Unmet("engagement.milestone.order.fieldwork_end", {"earlier": "2025-04-14", "later": "2025-04-13"}),
        Unmet("engagement.milestone.order.final_report", {"earlier": "2025-05-09", "later": "2025-05-09"}),
        Unmet(
            "engagement.milestone.order.rectification_due", {"earlier": "2025-05-09", "later": "2025-05-01"}
        ),
    )
    one_day = dataclasses.replace(good, fieldwork_end=good.fieldwork_start)
    assert validate_milestones(one_day) == ()


def test_validation_wants_the_notice_three_days_ahead() -> None:
    good = plan_milestones(dt.date(2025, 4, 14))
    late = dataclasses.replace(good, notice=dt.date(2025, 4, 12))
    assert validate_milestones(late) == (
        Unmet(
            "engagement.milestone.notice_too_late",
            {"notice": "2025-04-12", "start": "2025-04-14", "lead": 2, "days": 3},
        ),
    )
    assert validate_milestones(dataclasses.replace(good, notice=dt.date(2025, 4, 11))) == ()
    after = dataclasses.replace(good, notice=dt.date(2025, 4, 14))
    assert keys(validate_milestones(after)) == ["engagement.milestone.order.fieldwork_start"]
    assert keys(validate_milestones(late, min_notice_days=1)) == []


# -- key areas --------------------------------------------------------------------------------------


def test_key_areas_cover_the_domain_rules() -> None:
    ids = [a.id for a in KEY_AREAS]
    assert len(ids) == len(set(ids)) >= 12
    for needed in ("budget", "income_dues", "income_allocation", "member_gifts", "banned_spending"):
        assert needed in ids
    for needed in (
        "employer_costs",
        "cash",
        "fixed_assets",
        "vouchers",
        "collective_decision",
        "upward_share",
    ):
        assert needed in ids
    assert DEFAULT_KEY_AREAS == tuple(ids)


def test_edited_key_areas_are_known_ids_once_each() -> None:
    assert normalize_key_areas(["cash", " budget", "cash"]) == ("cash", "budget")
    assert normalize_key_areas([]) == ()
    with pytest.raises(AuditdeskError) as caught:
        normalize_key_areas(["budget", "golf"])
    assert (caught.value.key, caught.value.params) == ("engagement.unknown_key_area", {"area": "golf"})


# -- the catalogue part -----------------------------------------------------------------------------

_LITERAL = re.compile(r'"(engagement\.[a-z0-9_.]*[a-z0-9_])"')


def used_keys() -> set[str]:
    """Every key the two modules name literally, plus the keys they build from ids and names."""
    used: set[str] = set()
    for module in (engagement, milestones):
        used |= set(_LITERAL.findall(Path(str(module.__file__)).read_text(encoding="utf-8")))
    used |= {s.label_key for s in Stage} | {a.label_key for a in KEY_AREAS}
    used |= {milestone_label_key(name) for name in MILESTONE_FIELDS}
    used |= {f"engagement.milestone.order.{name}" for name in MILESTONE_FIELDS[1:]}
    return used


def test_every_key_used_is_in_the_part_and_every_message_is_used() -> None:
    used = used_keys()
    assert "engagement.gate.no_register" in used and "engagement.bad_reference_pattern" in used
    assert sorted(used - set(MESSAGES)) == []
    assert sorted(set(MESSAGES) - used) == []


def test_every_message_has_zh_and_en_with_the_same_placeholders() -> None:
    for key, texts in MESSAGES.items():
        assert key.startswith("engagement.")
        assert set(texts) == {"zh", "en"}, key
        fields = [{f for _, f, _, _ in string.Formatter().parse(texts[lang]) if f} for lang in ("zh", "en")]
        assert fields[0] == fields[1], key


def test_params_fill_every_placeholder() -> None:
    facts = dataclasses.replace(
        READY, period_years=(2024,), ledger_years_imported=frozenset(), open_suspicions=2, open_findings=1
    )
    late = dataclasses.replace(plan_milestones(dt.date(2025, 4, 14)), notice=dt.date(2025, 4, 13))
    unmet = [u for s in STAGES for u in entry_conditions(s, facts)] + list(validate_milestones(late))
    unmet.append(Unmet("engagement.milestone.order.draft_report", {"earlier": "x", "later": "y"}))
    for u in unmet:
        for lang in ("zh", "en"):
            MESSAGES[u.key][lang].format(**u.params)  # raises KeyError on a missing parameter


def test_the_part_does_not_clash_with_the_catalogue() -> None:
    from auditdesk.i18n import CATALOGUE

    assert all(CATALOGUE.get(key, texts) is texts for key, texts in MESSAGES.items())

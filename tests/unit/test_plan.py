"""Scoring the annual plan: exact points with their reasons, a stable order, the top N selected."""

from __future__ import annotations

from decimal import Decimal

import pytest

from auditdesk.core.errors import AuditdeskError
from auditdesk.core.plan import Candidate, UnitFacts, propose, score_unit, score_units
from auditdesk.core.standards import PlanWeights

W = PlanWeights(
    profile="测试",
    scope="测试",
    size=2,
    never_audited=40,
    per_year_since_audit=8,
    years_cap=32,
    fund_thresholds=(Decimal(200000), Decimal(1000000)),
    fund_points=(10, 20),
    per_open_finding=5,
    per_overdue_finding=5,
    rectification_cap=30,
    per_past_finding=2,
    past_findings_cap=20,
    past_amount_thresholds=(Decimal(10000),),
    past_amount_points=(5,),
    no_ledger=15,
)


def _ledger(name: str, last: int | None, income: str, spending: str, year: int = 2024) -> UnitFacts:
    return UnitFacts(name=name, last_audit_year=last, ledger_years=(year,), latest_year=year,
                     income=Decimal(income), spending=Decimal(spending))


def _keys(c: Candidate) -> list[str]:
    return [r.key for r in c.reasons]


def test_never_audited_ranks_first_even_against_a_long_gap() -> None:
    ranked = score_units([_ledger("乙", 2000, "0", "0"), _ledger("甲", None, "0", "0")], 2025, W)
    assert [c.unit.name for c in ranked] == ["甲", "乙"]
    assert ranked[0].reasons[0].key == "plan.reason.never_audited" and ranked[0].reasons[0].points == 40
    gap = ranked[1].reasons[0]
    assert gap.key == "plan.reason.years_since_audit" and gap.points == 32  # 25 years, capped
    assert gap.params == {"last": 2000, "years": 25}


def test_years_since_the_last_audit() -> None:
    assert score_unit(_ledger("甲", 2022, "0", "0"), 2025, W).reasons[0].points == 24
    recent = score_unit(_ledger("甲", 2025, "0", "0"), 2025, W).reasons[0]
    assert recent.key == "plan.reason.audited_recently" and recent.points == 0


def test_ties_are_ordered_by_name() -> None:
    ranked = score_units([_ledger(n, 2023, "0", "0") for n in ("丙", "甲", "乙")], 2025, W)
    assert {c.score for c in ranked} == {16}
    assert [c.unit.name for c in ranked] == sorted(["丙", "甲", "乙"])


@pytest.mark.parametrize(
    ("income", "spending", "points", "key"),
    [
        ("100000.00", "99999.99", 0, "plan.reason.fund_small"),
        ("100000.00", "100000.00", 10, "plan.reason.fund_size"),  # exactly the threshold
        ("600000.00", "399999.99", 10, "plan.reason.fund_size"),
        ("600000.00", "400000.00", 20, "plan.reason.fund_size"),
        ("9000000.00", "9000000.00", 20, "plan.reason.fund_size"),
    ],
)
def test_fund_size_bands(income: str, spending: str, points: int, key: str) -> None:
    reason = score_unit(_ledger("甲", 2025, income, spending), 2025, W).reasons[1]
    assert (reason.key, reason.points) == (key, points)
    assert reason.params["total"] == Decimal(income) + Decimal(spending)
    assert reason.params["year"] == 2024


def test_a_ledger_without_income_or_spending_lines_is_not_scored_as_zero() -> None:
    facts = UnitFacts(name="甲", last_audit_year=2025, ledger_years=(2024,), latest_year=2024)
    reason = score_unit(facts, 2025, W).reasons[1]
    assert (reason.key, reason.params, reason.points) == ("plan.reason.fund_unknown", {"year": 2024}, 0)


def test_a_unit_without_a_ledger_says_so() -> None:
    c = score_unit(UnitFacts(name="甲", last_audit_year=2025), 2025, W)
    assert _keys(c) == ["plan.reason.audited_recently", "plan.reason.no_ledger", "plan.reason.no_register"]
    assert c.score == 15


def test_unknown_findings_score_nothing_and_say_no_register_exists() -> None:
    c = score_unit(_ledger("甲", 2025, "0", "0"), 2025, W)
    register = c.reasons[-1]
    assert register.key == "plan.reason.no_register" and register.points == 0 and c.score == 0


def test_known_findings_score_with_caps() -> None:
    facts = UnitFacts(
        name="甲", last_audit_year=2025, latest_year=2024, income=Decimal(0), spending=Decimal(0),
        open_findings=4, overdue_findings=3, past_findings=15, past_findings_amount=Decimal("12000"),
    )
    reasons = {r.key: r for r in score_unit(facts, 2025, W).reasons}
    assert reasons["plan.reason.open_findings"].points == 30  # 4*5 + 3*5 = 35, capped at 30
    assert reasons["plan.reason.past_findings"].points == 20 + 5  # 30 capped at 20, amount band 5
    partly = UnitFacts(name="乙", past_findings=1, past_findings_amount=Decimal(0))
    keys = _keys(score_unit(partly, 2025, W))
    assert "plan.reason.no_rectification_facts" in keys and "plan.reason.no_register" not in keys


def test_propose_selects_the_top_n() -> None:
    facts = [_ledger(n, y, "0", "0") for n, y in (("甲", None), ("乙", 2020), ("丙", 2024))]
    ranked = score_units(facts, 2025, W)
    chosen = propose(ranked, 2)
    assert [(c.unit.name, c.selected) for c in chosen] == [("甲", True), ("乙", True), ("丙", False)]
    assert all(c.selected for c in propose(ranked, 10))
    assert not any(c.selected for c in propose(ranked, 0))
    with pytest.raises(AuditdeskError):
        propose(ranked, -1)


def test_scores_are_exact_and_deterministic() -> None:
    facts = [_ledger(f"单位{i}", 2015 + i % 9, f"{i * 37011}.07", f"{i * 51013}.93") for i in range(30)]
    first = propose(score_units(facts, 2025, W), 5)
    again = propose(score_units(list(reversed(facts)), 2025, W), 5)
    assert first == again
    assert all(isinstance(c.score, int) for c in first)
    assert [c.score for c in first] == sorted((c.score for c in first), reverse=True)

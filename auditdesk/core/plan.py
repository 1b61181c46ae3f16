"""Scoring units for the annual audit plan: exact points, each with the reason it was given.

A reason is a message key with its parameters and points; the shells render it. Facts that are
not known yet (no rectification register kept) are ``None`` and score nothing — the reason says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from auditdesk.core.errors import AuditdeskError
from auditdesk.core.standards import PlanWeights


@dataclass(frozen=True)
class UnitFacts:
    """What the plan knows of one unit. Money of the latest ledger year, closing entries excluded."""

    name: str
    code: str | None = None
    members: int | None = None
    last_audit_year: int | None = None
    ledger_years: tuple[int, ...] = ()
    latest_year: int | None = None
    income: Decimal | None = None
    spending: Decimal | None = None
    open_findings: int | None = None  # None: no rectification register yet
    overdue_findings: int | None = None
    past_findings: int | None = None
    past_findings_amount: Decimal | None = None


@dataclass(frozen=True)
class Reason:
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    points: int = 0


@dataclass(frozen=True)
class Candidate:
    unit: UnitFacts
    score: int
    reasons: tuple[Reason, ...]
    selected: bool = False


def _band(
    amount: Decimal, thresholds: Sequence[Decimal], points: Sequence[int]
) -> tuple[int, Decimal | None]:
    """The points of the highest threshold ``amount`` reaches, and that threshold (None: below all)."""
    got, reached = 0, None
    for limit, value in zip(thresholds, points, strict=True):
        if amount >= limit:
            got, reached = value, limit
    return got, reached


def _audit_reason(facts: UnitFacts, plan_year: int, w: PlanWeights) -> Reason:
    if facts.last_audit_year is None:
        return Reason("plan.reason.never_audited", {}, w.never_audited)
    years = plan_year - facts.last_audit_year
    if years <= 0:
        return Reason("plan.reason.audited_recently", {"last": facts.last_audit_year}, 0)
    points = min(years * w.per_year_since_audit, w.years_cap)
    return Reason("plan.reason.years_since_audit", {"last": facts.last_audit_year, "years": years}, points)


def _fund_reasons(facts: UnitFacts, w: PlanWeights) -> list[Reason]:
    if facts.latest_year is None:
        return [Reason("plan.reason.no_ledger", {}, w.no_ledger)]
    if facts.income is None and facts.spending is None:
        return [Reason("plan.reason.fund_unknown", {"year": facts.latest_year}, 0)]
    income = facts.income or Decimal(0)
    spending = facts.spending or Decimal(0)
    total = income + spending
    points, reached = _band(total, w.fund_thresholds, w.fund_points)
    params: dict[str, Any] = {
        "year": facts.latest_year, "income": income, "spending": spending, "total": total
    }
    if reached is None:
        params["threshold"] = w.fund_thresholds[0] if w.fund_thresholds else Decimal(0)
        return [Reason("plan.reason.fund_small", params, 0)]
    params["threshold"] = reached
    return [Reason("plan.reason.fund_size", params, points)]


def _register_reasons(facts: UnitFacts, w: PlanWeights) -> list[Reason]:
    known = (facts.open_findings, facts.overdue_findings, facts.past_findings, facts.past_findings_amount)
    if all(v is None for v in known):
        return [Reason("plan.reason.no_register", {}, 0)]
    reasons: list[Reason] = []
    if facts.open_findings is None:
        reasons.append(Reason("plan.reason.no_rectification_facts", {}, 0))
    else:
        overdue = facts.overdue_findings or 0
        raw = facts.open_findings * w.per_open_finding + overdue * w.per_overdue_finding
        points = min(raw, w.rectification_cap)
        key = "plan.reason.open_findings" if facts.open_findings else "plan.reason.no_open_findings"
        reasons.append(Reason(key, {"open": facts.open_findings, "overdue": overdue}, points))
    if facts.past_findings is None:
        reasons.append(Reason("plan.reason.no_past_facts", {}, 0))
    else:
        count_points = min(facts.past_findings * w.per_past_finding, w.past_findings_cap)
        amount = facts.past_findings_amount or Decimal(0)
        amount_points, _ = _band(amount, w.past_amount_thresholds, w.past_amount_points)
        reasons.append(
            Reason(
                "plan.reason.past_findings",
                {"count": facts.past_findings, "amount": amount},
                count_points + amount_points,
            )
        )
    return reasons


def score_unit(facts: UnitFacts, plan_year: int, weights: PlanWeights) -> Candidate:
    reasons = (
        _audit_reason(facts, plan_year, weights),
        *_fund_reasons(facts, weights),
        *_register_reasons(facts, weights),
    )
    return Candidate(facts, sum(r.points for r in reasons), reasons)


def score_units(facts: Iterable[UnitFacts], plan_year: int, weights: PlanWeights) -> list[Candidate]:
    """Every unit scored, highest score first, ties by name; none selected yet."""
    scored = [score_unit(f, plan_year, weights) for f in facts]
    return sorted(scored, key=lambda c: (-c.score, c.unit.name))


def propose(candidates: Sequence[Candidate], size: int) -> list[Candidate]:
    """The candidates in their order with the first ``size`` selected (and no others)."""
    if size < 0:
        raise AuditdeskError("plan.bad_size", size=size)
    return [replace(c, selected=i < size) for i, c in enumerate(candidates)]

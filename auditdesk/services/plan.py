"""The annual plan: a proposal scored from every unit's facts by the standards' weights, computed each
time; approving it stores the plan (who, when, every item with its reasons) and creates one
engagement per selected unit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from auditdesk.core.money import format_amount, format_thousands, from_fen
from auditdesk.core.plan import Candidate, Reason, UnitFacts, propose, score_units
from auditdesk.core.standards import PlanWeights
from auditdesk.i18n import t
from auditdesk.services.context import Context
from auditdesk.services.engagement_views import EngagementView, engagement_view
from auditdesk.services.engagements import check_years, create_engagements, default_start
from auditdesk.services.errors import ServiceError
from auditdesk.services.office import office_settings
from auditdesk.services.standards import plan_weights
from auditdesk.services.units import find_unit
from auditdesk.store import changelog
from auditdesk.store.models import AuditPlan, Engagement, LedgerEntry, LedgerImport, PlanItem, Unit

MIN_YEAR, MAX_YEAR = 1990, 2100
INCOME, SPENDING = "4", "5"  # first digit of the resolved chart code, in both union charts


@dataclass(frozen=True)
class PlanProposal:
    year: int
    size: int
    weights: PlanWeights
    weights_file: Path
    candidates: tuple[Candidate, ...]

    @property
    def selected(self) -> tuple[Candidate, ...]:
        return tuple(c for c in self.candidates if c.selected)

    def to_json(self) -> dict[str, Any]:
        """The CLI contract of ``auditdesk plan propose --json``."""
        return {
            "year": self.year,
            "size": self.size,
            "items": [
                {
                    "unit": c.unit.name,
                    "score": c.score,
                    "reasons": [render_reason(r) for r in c.reasons],
                    "selected": c.selected,
                }
                for c in self.candidates
            ],
            "weights": weights_json(self.weights),
            "weights_file": str(self.weights_file),
        }


def weights_json(weights: PlanWeights) -> dict[str, Any]:
    """The ``[plan]`` table as used; amounts as strings (``"200000.00"``), points as integers."""
    table: dict[str, Any] = {}
    for key, value in weights.table().items():
        if isinstance(value, list):
            table[key] = [format_amount(v) if isinstance(v, Decimal) else v for v in value]
        else:
            table[key] = value
    return table


def weight_lines(weights: PlanWeights) -> list[str]:
    """One line per weight, in words, for the shells."""
    lines = []
    for key, value in weights.table().items():
        if isinstance(value, list):
            parts = (format_thousands(v) if isinstance(v, Decimal) else str(v) for v in value)
            shown = t("plan.list.sep").join(parts)
        else:
            shown = str(value)
        lines.append(t("plan.weight.line", label=t(f"plan.weight.{key}"), value=shown))
    return lines


def render_reason(reason: Reason) -> str:
    """``reason`` in words with its points, amounts shown with thousands separators."""
    params = {k: format_thousands(v) if isinstance(v, Decimal) else v for k, v in reason.params.items()}
    return t("plan.reason.with_points", text=t(reason.key, **params), points=reason.points)


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ServiceError("plan.bad_year", year=year, first=MIN_YEAR, last=MAX_YEAR)


def _money(session: Session, unit_id: int, year: int) -> tuple[Decimal | None, Decimal | None]:
    """Income (credits − debits on 4xx) and spending (debits − credits on 5xx) of a year's active
    ledger, year-end closing entries excluded; ``None`` when no line is on an income or spending
    account (a cash or bank journal names them only as counter-accounts)."""
    kind = func.substr(col(LedgerEntry.chart_code), 1, 1)
    active = select(LedgerImport.id).where(
        LedgerImport.unit_id == unit_id, LedgerImport.year == year, LedgerImport.status == "active"
    )
    found = session.exec(
        select(kind, func.coalesce(func.sum(LedgerEntry.debit_fen), 0),
               func.coalesce(func.sum(LedgerEntry.credit_fen), 0))
        .where(
            LedgerEntry.unit_id == unit_id,
            LedgerEntry.year == year,
            col(LedgerEntry.import_id).in_(active),
            col(LedgerEntry.is_closing).is_(False),
            kind.in_((INCOME, SPENDING)),
        )
        .group_by(kind)
    ).all()
    sums = {str(k): (int(debit), int(credit)) for k, debit, credit in found}
    if not sums:
        return None, None
    income_debit, income_credit = sums.get(INCOME, (0, 0))
    spend_debit, spend_credit = sums.get(SPENDING, (0, 0))
    return from_fen(income_credit - income_debit), from_fen(spend_debit - spend_credit)


def unit_facts(ctx: Context) -> list[UnitFacts]:
    """Every unit's facts. Findings are ``None``: no rectification register exists yet."""
    with ctx.session() as session:
        units = session.exec(select(Unit).order_by(col(Unit.name))).all()
        years: dict[int, set[int]] = {}
        for unit_id, year in session.exec(
            select(LedgerImport.unit_id, LedgerImport.year).where(LedgerImport.status == "active").distinct()
        ):
            years.setdefault(unit_id, set()).add(year)
        facts = []
        for unit in units:
            assert unit.id is not None
            held = tuple(sorted(years.get(unit.id, ())))
            latest = held[-1] if held else None
            income, spending = _money(session, unit.id, latest) if latest is not None else (None, None)
            facts.append(
                UnitFacts(
                    name=unit.name,
                    code=unit.code,
                    members=unit.members,
                    last_audit_year=unit.last_audit_year,
                    ledger_years=held,
                    latest_year=latest,
                    income=income,
                    spending=spending,
                )
            )
        return facts


def propose_plan(ctx: Context, year: int, size: int | None = None) -> PlanProposal:
    """Score every unit for ``year``'s plan and select the first ``size`` (default: the standards')."""
    _check_year(year)
    if size is not None and size < 0:
        raise ServiceError("plan.bad_size", size=size)
    weights, path = plan_weights()
    chosen = weights.size if size is None else size
    candidates = propose(score_units(unit_facts(ctx), year, weights), chosen)
    return PlanProposal(year, chosen, weights, path, tuple(candidates))


# -- approval -------------------------------------------------------------------------------------

_AMOUNT = re.compile(r"-?\d+\.\d{2}")  # a stored amount parameter ("1250.50"); years and counts are ints


@dataclass(frozen=True)
class PlanItemView:
    rank: int
    unit: str
    unit_id: int
    score: int
    reasons: tuple[str, ...]
    selected: bool
    reference: str | None  # the engagement created for it

    def to_json(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "unit": self.unit,
            "score": self.score,
            "reasons": list(self.reasons),
            "selected": self.selected,
            "reference": self.reference,
        }


@dataclass(frozen=True)
class ApprovedPlan:
    id: int
    year: int
    size: int
    approved_by: str
    approved_at: dt.datetime
    weights: dict[str, Any]
    weights_file: str
    items: tuple[PlanItemView, ...]
    engagements: tuple[EngagementView, ...]
    status: str = "approved"

    @property
    def selected(self) -> tuple[PlanItemView, ...]:
        return tuple(i for i in self.items if i.selected)

    def to_json(self) -> dict[str, Any]:
        """``plan propose --json``'s shape plus who approved it, when, and the engagements created."""
        return {
            "year": self.year,
            "size": self.size,
            "status": self.status,
            "approved": True,
            "approved_by": self.approved_by,
            "approved_at": self.approved_at.isoformat(),
            "items": [i.to_json() for i in self.items],
            "weights": self.weights,
            "weights_file": self.weights_file,
            "engagements": [e.to_json() for e in self.engagements],
        }


def proposal_json(proposal: PlanProposal) -> dict[str, Any]:
    """``plan show --json`` of a year whose plan is not approved yet."""
    return {**proposal.to_json(), "status": "proposed", "approved": False}


def _stored_reason(reason: Reason) -> dict[str, Any]:
    params = {k: format_amount(v) if isinstance(v, Decimal) else v for k, v in reason.params.items()}
    return {"key": reason.key, "params": params, "points": reason.points}


def render_stored_reason(stored: Mapping[str, Any]) -> str:
    params = {
        k: Decimal(v) if isinstance(v, str) and _AMOUNT.fullmatch(v) else v
        for k, v in dict(stored.get("params") or {}).items()
    }
    return render_reason(Reason(str(stored["key"]), params, int(stored.get("points", 0))))


def _approved(session: Session, plan: AuditPlan) -> ApprovedPlan:
    assert plan.id is not None
    engagements = session.exec(
        select(Engagement).where(Engagement.plan_id == plan.id).order_by(col(Engagement.id))
    ).all()
    references = {e.unit_id: e.reference for e in engagements}
    rows = session.exec(
        select(PlanItem, Unit).where(PlanItem.plan_id == plan.id, PlanItem.unit_id == Unit.id)
        .order_by(col(PlanItem.rank))
    ).all()
    items = tuple(
        PlanItemView(item.rank, unit.name, item.unit_id, item.score,
                     tuple(render_stored_reason(r) for r in item.reasons), item.selected,
                     references.get(item.unit_id))
        for item, unit in rows
    )
    return ApprovedPlan(
        id=plan.id, year=plan.year, size=plan.size, approved_by=plan.approved_by,
        approved_at=plan.approved_at, weights=dict(plan.weights), weights_file=plan.weights_file,
        items=items, engagements=tuple(engagement_view(session, e) for e in engagements),
        status=plan.status,
    )


def _chosen(
    session: Session, proposal: PlanProposal, add: Iterable[str], drop: Iterable[str]
) -> set[str]:
    """The names selected once ``add`` and ``drop`` (names or codes) are applied."""
    added = {find_unit(session, name).name for name in add}
    dropped = {find_unit(session, name).name for name in drop}
    both = added & dropped
    if both:
        raise ServiceError("plan.add_and_drop", name="、".join(sorted(both)))
    chosen = ({c.unit.name for c in proposal.selected} | added) - dropped
    if not chosen:
        raise ServiceError("plan.nothing_selected", year=proposal.year)
    return chosen


def approve_plan(
    ctx: Context,
    year: int,
    *,
    add: Iterable[str] = (),
    drop: Iterable[str] = (),
    start: dt.date | None = None,
    size: int | None = None,
    period: Iterable[int] | None = None,
) -> ApprovedPlan:
    """Approve ``year``'s plan: the proposal with ``add``/``drop`` applied, stored with who and when,
    and one engagement per selected unit, all in one transaction.

    An annual plan audits the fiscal year before it (a 2025 plan audits the 2024 accounts, which are
    closed by then), so each engagement's period is ``(year - 1,)`` unless ``period`` says otherwise.
    Fieldwork starts on ``start``, or on the first working day at least the office's
    ``start_after_days`` (14) after today; the other milestones follow from the office's offsets.
    """
    proposal = propose_plan(ctx, year, size)
    office, _ = office_settings()
    years = check_years(period if period is not None else (year - 1,))
    today = dt.date.today()
    first_day = start if start is not None else default_start(today, office.start_after_days)
    with ctx.session() as session, session.begin():
        earlier = session.exec(select(AuditPlan).where(AuditPlan.year == year)).first()
        if earlier is not None:
            raise ServiceError("plan.already_approved", year=year, who=earlier.approved_by,
                               when=f"{earlier.approved_at:%Y-%m-%d %H:%M}")
        chosen = _chosen(session, proposal, add, drop)
        units = {u.name: u for u in session.exec(select(Unit)).all()}
        plan = AuditPlan(year=year, size=proposal.size, approved_by=ctx.actor,
                         weights=weights_json(proposal.weights), weights_file=str(proposal.weights_file))
        session.add(plan)
        session.flush()
        assert plan.id is not None
        for rank, c in enumerate(proposal.candidates, start=1):
            unit_id = units[c.unit.name].id
            assert unit_id is not None
            session.add(PlanItem(plan_id=plan.id, unit_id=unit_id, rank=rank, score=c.score,
                                 reasons=[_stored_reason(r) for r in c.reasons],
                                 selected=c.unit.name in chosen))
        session.flush()
        changelog.record(session, ctx.actor, "audit_plan", plan.id, "approve", None, {
            "year": year, "size": proposal.size, "selected": sorted(chosen),
            "weights_file": plan.weights_file,
        })
        selected = [units[c.unit.name] for c in proposal.candidates if c.unit.name in chosen]
        create_engagements(session, ctx.actor, plan, selected, office, years=years, start=first_day)
        return _approved(session, plan)


def show_plan(ctx: Context, year: int) -> ApprovedPlan | PlanProposal:
    """The approved plan of ``year`` if there is one, else the proposal computed now (not approved)."""
    _check_year(year)
    with ctx.session() as session:
        plan = session.exec(select(AuditPlan).where(AuditPlan.year == year)).first()
        if plan is not None:
            return _approved(session, plan)
    return propose_plan(ctx, year)

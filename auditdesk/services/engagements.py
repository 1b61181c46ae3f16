"""Engagements (审计项目): created by approving a plan; listed, edited, moved through the stage gates;
documents recorded against them. Each action is one transaction with its change-log rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from auditdesk.core.engagement import (
    DEFAULT_KEY_AREAS,
    GateFacts,
    Stage,
    check_advance,
    format_reference,
    gate_status,
    next_sequence,
    normalize_key_areas,
)
from auditdesk.core.milestones import MILESTONE_FIELDS, is_working_day, plan_milestones, validate_milestones
from auditdesk.core.office import OfficeSettings
from auditdesk.i18n import t
from auditdesk.ingest import sha256_file
from auditdesk.services.context import Context
from auditdesk.services.engagement_views import (
    AdvanceResult,
    DocumentView,
    EngagementView,
    StepView,
    as_milestones,
    document_view,
    engagement_of,
    engagement_view,
    step_view,
    stored_milestones,
)
from auditdesk.services.errors import ServiceError
from auditdesk.services.units import find_unit
from auditdesk.store import changelog
from auditdesk.store.models import (
    AuditPlan,
    CheckRun,
    Document,
    Engagement,
    Finding,
    LedgerImport,
    Suspicion,
    Unit,
)

MIN_YEAR, MAX_YEAR = 1990, 2100

__all__ = [
    "AdvanceResult",
    "DocumentView",
    "EngagementView",
    "StepView",
    "advance_engagement",
    "create_engagements",
    "default_start",
    "edit_engagement",
    "gate_facts",
    "get_engagement",
    "list_engagements",
    "record_document",
    "stage_overview",
]


def snapshot(e: Engagement) -> dict[str, Any]:
    fields = ("reference", "unit_id", "plan_id", "years", "lead", "members", "scope", "key_areas",
              "milestones", "stage")
    return {f: getattr(e, f) for f in fields}


def default_start(approved: dt.date, after_days: int) -> dt.date:
    """The first working day at least ``after_days`` days after ``approved``: fieldwork starts then."""
    day = approved + dt.timedelta(days=after_days)
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def check_years(years: Iterable[int]) -> tuple[int, ...]:
    chosen = tuple(sorted(set(years)))
    if not chosen:
        raise ServiceError("engagement.no_years")
    for year in chosen:
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ServiceError("engagement.bad_year", year=year, first=MIN_YEAR, last=MAX_YEAR)
    return chosen


def _milestone_problems(dates: Mapping[str, dt.date]) -> None:
    unmet = validate_milestones(as_milestones(dict(dates)))
    if unmet:
        problems = t("engagement.list_sep").join(t(u.key, **u.params) for u in unmet)
        raise ServiceError("engagement.milestones_invalid", count=len(unmet), problems=problems)


def create_engagements(
    session: Session,
    actor: str,
    plan: AuditPlan,
    units: Sequence[Unit],
    office: OfficeSettings,
    *,
    years: tuple[int, ...],
    start: dt.date,
) -> list[Engagement]:
    """One engagement per unit of an approved ``plan`` (in the caller's transaction), numbered on
    from the year's existing references with the office's pattern."""
    dates = plan_milestones(start, office.offsets)
    iso = {name: getattr(dates, name).isoformat() for name in MILESTONE_FIELDS}
    _milestone_problems({name: getattr(dates, name) for name in MILESTONE_FIELDS})
    existing = list(session.exec(select(Engagement.reference)).all())
    seq = next_sequence(existing, office.reference_pattern, plan.year)
    created = []
    for unit in units:
        assert unit.id is not None
        engagement = Engagement(
            plan_id=plan.id,
            unit_id=unit.id,
            reference=format_reference(office.reference_pattern, plan.year, seq),
            years=list(years),
            lead=office.default_lead,
            members=[],
            scope=office.scope_for(years),
            key_areas=list(DEFAULT_KEY_AREAS),
            milestones=dict(iso),
            stage=Stage.PLAN.value,
        )
        session.add(engagement)
        session.flush()
        changelog.record(session, actor, "engagement", engagement.id, "create", None, snapshot(engagement))
        created.append(engagement)
        seq += 1
    return created


def list_engagements(
    ctx: Context, *, year: int | None = None, unit: str | None = None
) -> list[EngagementView]:
    """Every engagement, by plan year and reference order; ``year`` is the plan's year."""
    with ctx.session() as session:
        query = select(Engagement).order_by(col(Engagement.id))
        if unit is not None:
            query = query.where(Engagement.unit_id == find_unit(session, unit).id)
        views = [engagement_view(session, e) for e in session.exec(query).all()]
    if year is not None:
        views = [v for v in views if v.plan_year == year or (v.plan_year is None and year in v.years)]
    return sorted(views, key=lambda v: (v.plan_year or 0, v.id))


def get_engagement(ctx: Context, wanted: str | int) -> EngagementView:
    with ctx.session() as session:
        return engagement_view(session, engagement_of(session, wanted))


def edit_engagement(
    ctx: Context,
    wanted: str | int,
    *,
    lead: str | None = None,
    members: Sequence[str] | None = None,
    scope: str | None = None,
    key_areas: Sequence[str] | None = None,
    years: Sequence[int] | None = None,
    milestones: Mapping[str, dt.date] | None = None,
) -> EngagementView:
    """Change the given fields (``None`` leaves one as it is; ``lead=""`` clears the lead). Milestones
    are merged into the stored ones and the whole set must still be in order."""
    new_areas = None if key_areas is None else normalize_key_areas(key_areas)
    new_years = None if years is None else check_years(years)
    with ctx.session() as session, session.begin():
        engagement = engagement_of(session, wanted)
        if engagement.stage == Stage.ARCHIVE.value:
            raise ServiceError("engagement.gate.archived_read_only")
        before = snapshot(engagement)
        if lead is not None:
            engagement.lead = " ".join(lead.split()) or None
        if members is not None:
            cleaned = [" ".join(m.split()) for m in members]
            engagement.members = list(dict.fromkeys(m for m in cleaned if m))
        if scope is not None:
            if not scope.strip():
                raise ServiceError("engagement.scope_empty")
            engagement.scope = scope.strip()
        if new_areas is not None:
            engagement.key_areas = list(new_areas)
        if new_years is not None:
            engagement.years = list(new_years)
        if milestones is not None:
            unknown = [name for name in milestones if name not in MILESTONE_FIELDS]
            if unknown:
                raise ServiceError(
                    "engagement.milestone.unknown", name=unknown[0], allowed="、".join(MILESTONE_FIELDS)
                )
            dates = {**stored_milestones(engagement), **milestones}
            _milestone_problems(dates)
            engagement.milestones = {name: dates[name].isoformat() for name in MILESTONE_FIELDS}
        after = snapshot(engagement)
        if after != before:
            session.add(engagement)
            session.flush()
            changelog.record(session, ctx.actor, "engagement", engagement.id, "update", before, after)
        return engagement_view(session, engagement)


def gate_facts(session: Session, engagement: Engagement) -> GateFacts:
    """What the gates look at, from the database: the plan, the notice, the ledgers, the checks and
    the review of their suspicions, the opinion letter, and the findings still open (a draft, or one
    not closed, not formally found impossible and not withdrawn, keeps the engagement from 归档)."""
    plan = session.get(AuditPlan, engagement.plan_id) if engagement.plan_id is not None else None
    notices = session.exec(
        select(func.count()).select_from(Document).where(
            Document.engagement_id == engagement.id, Document.kind == "notice"
        )
    ).one()
    imported = session.exec(
        select(LedgerImport.year)
        .where(LedgerImport.unit_id == engagement.unit_id, LedgerImport.status == "active")
        .distinct()
    ).all()
    years = [int(y) for y in engagement.years]
    open_suspicions = session.exec(
        select(func.count()).select_from(Suspicion).where(
            Suspicion.unit_id == engagement.unit_id, col(Suspicion.year).in_(years),
            Suspicion.status == "open", col(Suspicion.current).is_(True),
        )
    ).one()
    checked = session.exec(
        select(CheckRun.year).where(CheckRun.unit_id == engagement.unit_id, col(CheckRun.year).in_(years))
        .distinct()
    ).all()
    opinions = session.exec(
        select(func.count()).select_from(Document).where(
            Document.engagement_id == engagement.id, Document.kind == "opinion"
        )
    ).one()
    open_findings = session.exec(
        select(func.count()).select_from(Finding).where(
            Finding.engagement_id == engagement.id,
            col(Finding.status).not_in(["closed", "impossible", "withdrawn"]),
        )
    ).one()
    return GateFacts(
        plan_approved=plan is not None and plan.status == "approved",
        notice_issued=notices > 0,
        ledger_years_imported=frozenset(imported),
        period_years=tuple(int(y) for y in engagement.years),
        open_suspicions=int(open_suspicions),
        opinion_issued=opinions > 0,
        open_findings=int(open_findings),
        archived=engagement.stage == Stage.ARCHIVE.value,
        checked_years=frozenset(int(y) for y in checked),
    )


def advance_engagement(ctx: Context, wanted: str | int) -> AdvanceResult:
    """Move to the next stage if its gate is met. A refused move raises nothing: ``moved`` is False
    and ``unmet`` lists every condition still missing, in words."""
    with ctx.session() as session, session.begin():
        engagement = engagement_of(session, wanted)
        stage = Stage(engagement.stage)
        result = check_advance(stage, gate_facts(session, engagement))
        if result.allowed and result.target is not None:
            engagement.stage = result.target.value
            session.add(engagement)
            session.flush()
            changelog.record(session, ctx.actor, "engagement", engagement.id, "advance",
                             {"stage": stage.value}, {"stage": result.target.value})
        return AdvanceResult(
            engagement=engagement_view(session, engagement),
            moved=result.allowed,
            from_stage=stage,
            to_stage=result.target,
            unmet=tuple(t(u.key, **u.params) for u in result.unmet),
            unmet_keys=tuple(u.key for u in result.unmet),
        )


def stage_overview(ctx: Context, wanted: str | int) -> list[StepView]:
    """Every stage for the stepper: passed, current, and what each later gate still needs."""
    with ctx.session() as session:
        engagement = engagement_of(session, wanted)
        steps = gate_status(Stage(engagement.stage), gate_facts(session, engagement))
        return [step_view(s) for s in steps]


def record_document(
    session: Session, actor: str, engagement_id: int, kind: str, path: Path, reference: str | None = None
) -> DocumentView:
    """Record the file at ``path`` as the next version of a ``kind`` document (``"notice"`` …) of the
    engagement, in the caller's transaction: sha256 of the file, who, when; change-logged."""
    engagement = session.get(Engagement, engagement_id)
    if engagement is None:
        raise ServiceError("engagement.not_found", value=str(engagement_id), suggestions="—")
    if engagement.stage == Stage.ARCHIVE.value:
        raise ServiceError("engagement.gate.archived_read_only")
    if not kind.strip():
        raise ServiceError("document.kind_empty")
    try:
        digest = sha256_file(path)
    except OSError as exc:
        raise ServiceError("document.unreadable", file=str(path), reason=str(exc)) from exc
    last = session.exec(
        select(func.max(Document.version)).where(
            Document.engagement_id == engagement_id, Document.kind == kind
        )
    ).one()
    doc = Document(
        engagement_id=engagement_id,
        kind=kind,
        version=(last or 0) + 1,
        file_name=path.name,
        sha256=digest,
        who=actor,
        path=str(path),
        reference=reference,
    )
    session.add(doc)
    session.flush()
    after = {k: getattr(doc, k) for k in ("engagement_id", "kind", "version", "file_name", "sha256", "path")}
    changelog.record(session, actor, "document", doc.id, "create", None, after)
    return document_view(doc)

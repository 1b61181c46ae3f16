"""The rectification register (问题台账): findings listed across engagements, written by hand, moved
through their lifecycle (``core.register``), and counted. Each write is one transaction with its
``FindingEvent`` and change-log rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from auditdesk.core.engagement import Stage
from auditdesk.core.errors import AuditdeskError
from auditdesk.core.milestones import shift
from auditdesk.core.money import ZERO, format_amount, from_fen, parse_amount, to_fen
from auditdesk.core.register import (
    DEFAULT_CATEGORIES,
    OPEN_STATES,
    Move,
    Status,
    allowed_moves,
    check_move,
    days_overdue,
    is_overdue,
)
from auditdesk.core.register_stats import (
    FindingFact,
    compute_stats,
    normalize_subject,
    repeat_key,
    repeat_keys,
    stats_by_unit,
    summary_sentence,
)
from auditdesk.i18n import t
from auditdesk.services.context import Context
from auditdesk.services.errors import ServiceError
from auditdesk.services.evidence import add_evidence
from auditdesk.services.fieldwork import engagement_of
from auditdesk.services.findings import create_finding, snapshot
from auditdesk.services.office import office_settings
from auditdesk.services.register_views import EventView, FindingDetail, RegisterItem, StatsView, status_label
from auditdesk.services.units import find_unit
from auditdesk.store import changelog
from auditdesk.store.models import (
    AuditPlan,
    Engagement,
    Evidence,
    EvidenceLink,
    Finding,
    FindingEntry,
    FindingEvent,
    LedgerEntry,
    Unit,
)

EDITABLE = (
    "category",
    "title",
    "facts",
    "amount",
    "basis",
    "cause",
    "recommendation",
    "responsible",
    "deadline",
)


def categories() -> tuple[str, ...]:
    """The office's finding categories (``office.toml``), the defaults when it cannot be read."""
    try:
        return office_settings()[0].categories
    except AuditdeskError:
        return DEFAULT_CATEGORIES


def check_category(category: str) -> str:
    name = category.strip()
    known = categories()
    if name not in known:
        raise ServiceError("register.unknown_category", category=name, known="、".join(known))
    return name


class _Lookup:
    """Names, plan years and repeat keys for a batch of findings (one query each)."""

    def __init__(self, session: Session) -> None:
        self.units = {u.id: u.name for u in session.exec(select(Unit))}
        self.engagements = {e.id: e for e in session.exec(select(Engagement))}
        self.plans = {p.id: p.year for p in session.exec(select(AuditPlan))}
        facts = [self.fact(f) for f in session.exec(select(Finding))]
        self.repeats = repeat_keys(facts)

    def plan_year(self, f: Finding) -> int | None:
        engagement = self.engagements.get(f.engagement_id)
        if engagement is None or engagement.plan_id is None:
            return None
        return self.plans.get(engagement.plan_id)

    def fact(self, f: Finding) -> FindingFact:
        return FindingFact(
            self.units.get(f.unit_id, ""),
            f.year,
            f.category,
            normalize_subject(f.title),
            from_fen(f.amount_fen),
            Status(f.status),
        )

    def item(self, f: Finding, today: dt.date) -> RegisterItem:
        assert f.id is not None
        status = Status(f.status)
        engagement = self.engagements.get(f.engagement_id)
        return RegisterItem(
            pk=f.id,
            code=f.code,
            engagement=engagement.reference if engagement else "",
            unit=self.units.get(f.unit_id, ""),
            year=f.year,
            plan_year=self.plan_year(f),
            category=f.category,
            title=f.title,
            amount=from_fen(f.amount_fen),
            status=status,
            deadline=f.deadline,
            overdue=is_overdue(status, f.deadline, today),
            days_overdue=days_overdue(status, f.deadline, today),
            repeat=repeat_key(self.fact(f)) in self.repeats and status is not Status.WITHDRAWN,
            days_left=(f.deadline - today).days
            if f.deadline is not None and status in OPEN_STATES and f.deadline >= today
            else None,
        )


def find_finding(session: Session, wanted: str | int) -> Finding:
    text = str(wanted).strip()
    found = session.exec(select(Finding).where(Finding.code == text)).first()
    if found is None and text.isdigit():
        found = session.get(Finding, int(text))
    if found is None:
        raise ServiceError("register.not_found", id=text)
    return found


def list_register(
    ctx: Context,
    *,
    engagement: str | int | None = None,
    unit: str | None = None,
    status: str | None = None,
    category: str | None = None,
    year: int | None = None,
    overdue: bool = False,
    include_drafts: bool = True,
    today: dt.date | None = None,
) -> list[RegisterItem]:
    """Findings across engagements, filtered; ``year`` is the plan year (the year of the audit work)."""
    day = today or dt.date.today()
    wanted = _status(status) if status else None
    with ctx.session() as session:
        query = select(Finding)
        if engagement is not None:
            query = query.where(Finding.engagement_id == engagement_of(session, engagement).id)
        if unit is not None:
            query = query.where(Finding.unit_id == find_unit(session, unit).id)
        if wanted is not None:
            query = query.where(Finding.status == wanted.value)
        if category is not None:
            query = query.where(Finding.category == category.strip())
        rows = session.exec(query.order_by(col(Finding.engagement_id), col(Finding.seq))).all()
        lookup = _Lookup(session)
        items = [lookup.item(f, day) for f in rows]
    if year is not None:
        items = [i for i in items if i.plan_year == year]
    if overdue:
        items = [i for i in items if i.overdue]
    if not include_drafts:
        items = [i for i in items if i.status is not Status.DRAFT]
    return items


def _status(value: str) -> Status:
    text = value.strip()
    for status in Status:
        if text in (status.value, t(status.label_key)):
            return status
    raise ServiceError(
        "register.bad_status",
        status=text,
        allowed="、".join(f"{s.value}（{t(s.label_key)}）" for s in Status),
    )


def get_finding(ctx: Context, wanted: str | int, *, today: dt.date | None = None) -> FindingDetail:
    with ctx.session() as session:
        return detail(session, find_finding(session, wanted), today or dt.date.today())


def detail(session: Session, f: Finding, today: dt.date) -> FindingDetail:
    assert f.id is not None
    events = session.exec(
        select(FindingEvent).where(FindingEvent.finding_id == f.id).order_by(col(FindingEvent.id))
    ).all()
    files = {
        e.id: e
        for e in session.exec(
            select(Evidence)
            .join(EvidenceLink, col(EvidenceLink.evidence_id) == col(Evidence.id))
            .where(EvidenceLink.target == "finding", EvidenceLink.target_id == f.id)
        )
    }
    event_files = {e.evidence_id for e in events if e.evidence_id is not None}
    for evidence_id in event_files - set(files):
        extra = session.get(Evidence, evidence_id)
        if extra is not None:
            files[evidence_id] = extra
    entries = session.exec(
        select(LedgerEntry)
        .join(FindingEntry, col(FindingEntry.entry_id) == col(LedgerEntry.id))
        .where(FindingEntry.finding_id == f.id)
        .order_by(col(LedgerEntry.date), col(LedgerEntry.id))
    ).all()
    return FindingDetail(
        item=_Lookup(session).item(f, today),
        facts=f.facts,
        basis=f.basis,
        cause=f.cause,
        recommendation=f.recommendation,
        responsible=f.responsible,
        measures=f.measures,
        progress=f.progress,
        completed_on=f.completed_on,
        suspicion_id=f.suspicion_id,
        allowed=allowed_moves(Status(f.status)),
        events=tuple(
            EventView(
                e.at,
                e.who,
                e.from_status,
                e.to_status,
                e.note,
                e.deadline,
                e.approver,
                files[e.evidence_id].file_name if e.evidence_id in files else None,
            )
            for e in events
        ),
        evidence=tuple((i, e.file_name, e.sha256) for i, e in sorted(files.items()) if i is not None),
        entries=tuple(
            (e.date.isoformat(), e.voucher, e.summary, format_amount(from_fen(e.debit_fen or e.credit_fen)))
            for e in entries
        ),
    )


def _writable(session: Session, f: Finding) -> Engagement:
    engagement = session.get(Engagement, f.engagement_id)
    assert engagement is not None
    if engagement.stage == Stage.ARCHIVE.value:
        raise ServiceError("engagement.gate.archived_read_only")
    return engagement


def _day(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ServiceError("register.bad_date", value=value) from None


def add_finding(
    ctx: Context,
    engagement: str | int,
    *,
    category: str,
    title: str,
    amount: str | Decimal | None = None,
    year: int | None = None,
    facts: str = "",
    basis: str = "",
    cause: str = "",
    recommendation: str = "",
    responsible: str = "",
    deadline: dt.date | str | None = None,
) -> FindingDetail:
    """A finding written by hand: a draft of the engagement (its first year unless ``year``)."""
    value = (
        ZERO if amount in (None, "") else (amount if isinstance(amount, Decimal) else parse_amount(amount))
    )
    with ctx.session() as session, session.begin():
        found = engagement_of(session, engagement)
        if found.stage == Stage.ARCHIVE.value:
            raise ServiceError("engagement.gate.archived_read_only")
        years = sorted(int(y) for y in found.years)
        fiscal = year if year is not None else (years[0] if years else dt.date.today().year - 1)
        if years and fiscal not in years:
            raise ServiceError("check.year_not_in_engagement", year=fiscal, reference=found.reference)
        finding = create_finding(
            session,
            ctx.actor,
            found,
            year=fiscal,
            category=check_category(category),
            title=title,
            facts=facts,
            amount=value,
            basis=basis,
            recommendation=recommendation,
            note=t("register.written_by_hand"),
        )
        finding.cause, finding.responsible, finding.deadline = (
            cause.strip(),
            responsible.strip(),
            _day(deadline),
        )
        session.add(finding)
        session.flush()
        return detail(session, finding, dt.date.today())


def edit_finding(ctx: Context, wanted: str | int, **fields: Any) -> FindingDetail:
    """Change a finding's text, amount or deadline (None = unchanged); kept in its history."""
    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise ServiceError("register.unknown_field", field="、".join(unknown))
    with ctx.session() as session, session.begin():
        f = find_finding(session, wanted)
        _writable(session, f)
        before = snapshot(f)
        for name, value in fields.items():
            if value is None:
                continue
            if name == "amount":
                amount = value if isinstance(value, Decimal) else parse_amount(str(value))
                if amount < 0:
                    raise ServiceError("finding.negative_amount", amount=format_amount(amount))
                f.amount_fen = to_fen(amount)
            elif name == "deadline":
                f.deadline = _day(value)
            elif name == "category":
                f.category = check_category(str(value))
            elif name == "title":
                title = " ".join(str(value).split())
                if not title:
                    raise ServiceError("finding.no_title")
                f.title = title
            else:
                setattr(f, name, str(value).strip())
        after = snapshot(f)
        if after == before:
            return detail(session, f, dt.date.today())
        f.updated_at = dt.datetime.now(dt.UTC)
        changed = [k for k in after if after[k] != before[k]]
        session.add(
            FindingEvent(
                finding_id=f.id or 0,
                who=ctx.actor,
                from_status=f.status,
                to_status=f.status,
                note=t(
                    "register.edited",
                    fields="、".join(
                        t(f"register.field.{k}") for k in changed if k in EDITABLE or k == "amount_fen"
                    ),
                ),
            )
        )
        session.add(f)
        session.flush()
        changelog.record(session, ctx.actor, "finding", f.id, "edit", before, after)
        return detail(session, f, dt.date.today())


def default_deadline_from(issued: dt.date) -> dt.date:
    """The office's rectification period (``[milestones] rectification``) after ``issued``."""
    return shift(issued, office_settings()[0].offsets.rectification)


def move_finding(
    ctx: Context,
    wanted: str | int,
    target: str,
    *,
    note: str = "",
    deadline: dt.date | str | None = None,
    approver: str | None = None,
    evidence: Path | None = None,
    today: dt.date | None = None,
) -> FindingDetail:
    """One lifecycle move (``core.register`` says which are allowed and what each needs). Issuing a
    draft without a deadline gives it the office's rectification period from ``today``."""
    day = today or dt.date.today()
    with ctx.session() as session:  # refuse a wrong move before any evidence is stored
        f = find_finding(session, wanted)
        engagement = _writable(session, f)
        reference = engagement.reference
        _planned_move(f, target, note, deadline, approver, day)
    evidence_id = None
    if evidence is not None:
        added = add_evidence(
            ctx, reference, evidence, description=note, links=(("finding", f.id or 0),), allow_any_stage=True
        )
        evidence_id = added.id
    with ctx.session() as session, session.begin():
        f = find_finding(session, wanted)
        _writable(session, f)
        current = Status(f.status)
        move, new_deadline = _planned_move(f, target, note, deadline, approver, day)
        goal = move.target
        before = snapshot(f)
        f.status = goal.value
        if new_deadline is not None and goal in (Status.PENDING, Status.EXTENDED):
            f.deadline = new_deadline
        f.updated_at = dt.datetime.now(dt.UTC)
        session.add(f)
        session.add(
            FindingEvent(
                finding_id=f.id or 0,
                who=ctx.actor,
                from_status=current.value,
                to_status=goal.value,
                note=move.note,
                deadline=f.deadline if new_deadline else None,
                approver=move.approver,
                evidence_id=evidence_id,
            )
        )
        session.flush()
        changelog.record(
            session,
            ctx.actor,
            "finding",
            f.id,
            "move",
            before,
            {**snapshot(f), "note": move.note, "approver": move.approver, "evidence": evidence_id},
        )
        return detail(session, f, day)


def _planned_move(
    f: Finding, target: str, note: str, deadline: dt.date | str | None, approver: str | None, day: dt.date
) -> tuple[Move, dt.date | None]:
    """The move asked for, checked against the finding's state (``core.register``)."""
    current, goal = Status(f.status), _status(target)
    new_deadline = _day(deadline)
    if goal is Status.PENDING and new_deadline is None and f.deadline is None:
        new_deadline = default_deadline_from(day)
    move = Move(
        goal,
        note=note.strip(),
        deadline=new_deadline,
        approver=(approver or "").strip() or None,
        verified=goal is Status.CLOSED,
    )
    try:
        check_move(current, move, deadline=f.deadline)
    except AuditdeskError as err:
        raise _in_words(err) from err
    return move, new_deadline


def _in_words(err: AuditdeskError) -> ServiceError:
    params = dict(err.params)
    values = {s.value for s in Status}
    for name in ("current", "target"):
        if name in params and str(params[name]) in values:
            params[name] = status_label(str(params[name]))
    if "allowed" in params:
        allowed = [s for s in str(params["allowed"]).split(",") if s]
        params["allowed"] = "、".join(status_label(s) for s in allowed) or "—"
    return ServiceError(err.key, **params)


def facts_of(items: Iterable[RegisterItem]) -> list[FindingFact]:
    """What the statistics count of each listed finding."""
    return [
        FindingFact(i.unit, i.year, i.category, normalize_subject(i.title), i.amount, i.status) for i in items
    ]


def stats_of(items: Sequence[RegisterItem], *, year: int | None = None, unit: str | None = None) -> StatsView:
    """Findings by category, amounts, rectified count and rate, and the annual summary's sentence, of
    ``items`` (as ``list_register`` gives them for ``year`` and ``unit``)."""
    facts = facts_of(items)
    order = categories()
    stats = compute_stats(facts, order=order)
    key, params = summary_sentence(stats)
    return StatsView(
        year,
        unit,
        stats,
        t(key, **params),
        stats_by_unit(facts, order=order),
        sum(1 for i in items if i.repeat and i.status is not Status.DRAFT),
    )


def register_stats(ctx: Context, *, year: int | None = None, unit: str | None = None) -> StatsView:
    """The statistics for a plan year and/or a unit (all when neither)."""
    return stats_of(list_register(ctx, unit=unit, year=year), year=year, unit=unit)


def due_findings(ctx: Context, within: int = 30, *, today: dt.date | None = None) -> list[RegisterItem]:
    """Findings overdue, then those due within ``within`` days, across all engagements."""
    day = today or dt.date.today()
    items = [
        i
        for i in list_register(ctx, today=day)
        if i.deadline is not None
        and i.status not in (Status.DRAFT, Status.CLOSED, Status.IMPOSSIBLE, Status.WITHDRAWN)
    ]
    chosen = [i for i in items if i.overdue or (i.deadline is not None and (i.deadline - day).days <= within)]
    return sorted(chosen, key=lambda i: (not i.overdue, i.deadline or day))


def findings_for_export(
    session: Session, engagement_id: int | None, unit_id: int | None, open_only: bool
) -> Sequence[Finding]:
    query = select(Finding).where(col(Finding.status).not_in([Status.DRAFT.value, Status.WITHDRAWN.value]))
    if engagement_id is not None:
        query = query.where(Finding.engagement_id == engagement_id)
    if unit_id is not None:
        query = query.where(Finding.unit_id == unit_id)
    if open_only:
        query = query.where(col(Finding.status).not_in([Status.CLOSED.value, Status.IMPOSSIBLE.value]))
    return session.exec(query.order_by(col(Finding.engagement_id), col(Finding.seq))).all()

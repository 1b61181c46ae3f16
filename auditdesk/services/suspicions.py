"""Suspicions (疑点) as the auditor sees and reviews them (triage): listed high severity first with
their entries, confirmed into a draft finding in the unit's engagement for the year, or dismissed
with a required reason. Nothing is deleted; who and when is kept. Each review is one transaction
with its change-log row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, select

from auditdesk.core.checks import (
    DEFAULT_CATEGORY,
    title_key,
)
from auditdesk.core.checks import Suspicion as Hit
from auditdesk.core.money import ZERO, format_amount, from_fen, parse_amount, to_fen
from auditdesk.i18n import CATALOGUE, t
from auditdesk.services.context import Context
from auditdesk.services.errors import ServiceError
from auditdesk.services.fieldwork import (
    engagement_for_year,
    engagement_of,
    entry_rows,
    unit_name,
    writable_engagement,
)
from auditdesk.services.findings import FindingView, create_finding, finding_view
from auditdesk.services.ledger import EntryRow
from auditdesk.services.units import find_unit
from auditdesk.store import changelog
from auditdesk.store.models import Finding, Suspicion, SuspicionEntry, Unit

STATUSES = ("open", "confirmed", "dismissed")


def finding_title(rule: str, key: str) -> str:
    """The title a confirmed suspicion's draft finding gets: ``<message key>.title`` where the
    catalogue has one (a rule whose messages say different things), else the rule's title."""
    own = f"{key}.title"
    return t(own) if own in CATALOGUE else t(title_key(rule))


@dataclass(frozen=True)
class SuspicionView:
    id: int
    unit: str
    year: int
    rule: str
    rule_title: str
    finding_title: str  # the draft finding's title when confirmed: the message's own, else the rule's
    severity: str
    message: str
    basis: str
    status: str
    current: bool
    source: str
    reviewer: str | None
    reviewed_at: dt.datetime | None
    reason: str | None
    finding_id: int | None
    entries: tuple[EntryRow, ...]

    involved: Decimal | None = None  # what the check stated as the amount involved, if anything

    @property
    def amount(self) -> Decimal:
        """The amount involved: what the check stated (a duplicate pair: the payment made twice), else
        its entries' sum."""
        if self.involved is not None:
            return self.involved
        return sum((e.debit if e.debit else e.credit for e in self.entries), ZERO)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule,
            "rule_title": self.rule_title,
            "severity": self.severity,
            "message": self.message,
            "basis": self.basis,
            "status": self.status,
            "current": self.current,
            "source": self.source,
            "unit": self.unit,
            "year": self.year,
            "reviewer": self.reviewer,
            "reviewed_at": self.reviewed_at.isoformat() if self.reviewed_at else None,
            "reason": self.reason,
            "finding": self.finding_id,
            "entries": [
                {
                    "date": e.date.isoformat(),
                    "voucher": e.voucher,
                    "summary": e.summary,
                    "account_code": e.account_code,
                    "debit": format_amount(e.debit),
                    "credit": format_amount(e.credit),
                    "sheet": e.sheet,
                    "row": e.row,
                }
                for e in self.entries
            ],
        }


def _render(key: str, params: dict[str, Any]) -> str:
    return t(key, **params) if key else ""


def suspicion_views(session: Session, rows: Sequence[Suspicion]) -> list[SuspicionView]:
    ids = [s.id for s in rows if s.id is not None]
    links: dict[int, list[int]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for sid, eid in session.exec(
            select(SuspicionEntry.suspicion_id, SuspicionEntry.entry_id).where(
                col(SuspicionEntry.suspicion_id).in_(chunk)
            )
        ):
            links.setdefault(sid, []).append(eid)
    entries = entry_rows(session, (e for v in links.values() for e in v))
    names: dict[int, str] = {}
    out = []
    for s in rows:
        assert s.id is not None
        if s.unit_id not in names:
            names[s.unit_id] = unit_name(session, s.unit_id)
        linked = sorted(
            (entries[e] for e in links.get(s.id, []) if e in entries),
            key=lambda r: (r.date, r.voucher, r.sheet, r.row),
        )
        out.append(
            SuspicionView(
                id=s.id,
                unit=names[s.unit_id],
                year=s.year,
                rule=s.rule,
                rule_title=t(title_key(s.rule)),
                finding_title=finding_title(s.rule, s.key),
                severity=s.severity,
                message=_render(s.key, s.params),
                basis=_render(s.basis, s.basis_params),
                status=s.status,
                current=s.current,
                source=s.source,
                reviewer=s.reviewer,
                reviewed_at=s.reviewed_at,
                reason=s.reason,
                finding_id=s.finding_id,
                entries=tuple(linked),
                involved=None if s.involved_fen is None else from_fen(s.involved_fen),
            )
        )
    return out


def targets(
    session: Session, engagement: str | int | None, unit: str | None, year: int | None
) -> list[tuple[Unit, int]]:
    """The (unit, year) pairs a command means: an engagement's years, or one unit and year."""
    if engagement is not None:
        found = engagement_of(session, engagement)
        owner = session.get(Unit, found.unit_id)
        assert owner is not None
        years = [int(y) for y in found.years if year is None or int(y) == year]
        if not years:
            raise ServiceError("check.year_not_in_engagement", year=year, reference=found.reference)
        return [(owner, y) for y in sorted(years)]
    if unit is None or year is None:
        raise ServiceError("check.need_target")
    return [(find_unit(session, unit), year)]


def _insert(
    session: Session, unit_id: int, year: int, hit: Hit, run_id: int | None, source: str = "check"
) -> Suspicion:
    row = Suspicion(
        unit_id=unit_id,
        year=year,
        rule=hit.rule,
        severity=hit.severity,
        key=hit.key,
        params=dict(hit.params),
        basis=hit.basis,
        basis_params=dict(hit.basis_params),
        scope=hit.scope,
        involved_fen=None if hit.involved is None else to_fen(hit.involved),
        fingerprint=hit.fingerprint,
        source=source,
        first_run_id=run_id,
        last_run_id=run_id,
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    for entry_id in hit.entry_ids:
        session.add(SuspicionEntry(suspicion_id=row.id, entry_id=entry_id))
    return row


def list_suspicions(
    ctx: Context,
    engagement: str | int | None = None,
    *,
    unit: str | None = None,
    year: int | None = None,
    status: str | None = None,
    rule: str | None = None,
    include_stale: bool = False,
) -> list[SuspicionView]:
    """The suspicions of an engagement's years (or of a unit's year), high severity first."""
    if status is not None and status not in STATUSES:
        raise ServiceError("suspicion.bad_status", status=status, allowed="、".join(STATUSES))
    with ctx.session() as session:
        rows: list[Suspicion] = []
        for owner, fiscal in targets(session, engagement, unit, year):
            query = select(Suspicion).where(Suspicion.unit_id == owner.id, Suspicion.year == fiscal)
            if status is not None:
                query = query.where(Suspicion.status == status)
            if rule is not None:
                query = query.where(Suspicion.rule == rule)
            if not include_stale:
                query = query.where(col(Suspicion.current).is_(True))
            rows.extend(session.exec(query.order_by(col(Suspicion.id))).all())
        order = {"high": 0, "medium": 1, "low": 2}
        rows.sort(key=lambda s: (order.get(s.severity, 3), s.year, s.id or 0))
        return suspicion_views(session, rows)


def _get(session: Session, suspicion_id: int) -> Suspicion:
    row = session.get(Suspicion, suspicion_id)
    if row is None:
        raise ServiceError("suspicion.not_found", id=suspicion_id)
    return row


def get_suspicion(ctx: Context, suspicion_id: int) -> SuspicionView:
    with ctx.session() as session:
        return suspicion_views(session, [_get(session, suspicion_id)])[0]


def _review_snapshot(s: Suspicion) -> dict[str, Any]:
    return {"status": s.status, "reviewer": s.reviewer, "reason": s.reason, "finding_id": s.finding_id}


def _open_for_review(session: Session, suspicion_id: int) -> Suspicion:
    row = _get(session, suspicion_id)
    if row.status != "open":
        raise ServiceError(
            "suspicion.already_reviewed",
            id=suspicion_id,
            status=t(f"suspicion.status.{row.status}"),
            who=row.reviewer or "—",
        )
    return row


def confirm_suspicion(
    ctx: Context,
    suspicion_id: int,
    *,
    category: str | None = None,
    title: str | None = None,
    amount: str | Decimal | None = None,
    note: str = "",
) -> FindingView:
    """Confirm the suspicion: a draft finding (category, title, amount, facts and basis prefilled from
    the rule and its entries) in the unit's engagement for the suspicion's year."""
    with ctx.session() as session, session.begin():
        row = _open_for_review(session, suspicion_id)
        engagement = engagement_for_year(session, row.unit_id, row.year)
        if engagement is None:
            raise ServiceError("suspicion.no_engagement", unit=unit_name(session, row.unit_id), year=row.year)
        engagement = writable_engagement(session, engagement.reference)
        view = suspicion_views(session, [row])[0]
        value = view.amount if amount is None else _amount(amount)
        before = _review_snapshot(row)
        finding = create_finding(
            session,
            ctx.actor,
            engagement,
            year=row.year,
            category=category or DEFAULT_CATEGORY.get(row.rule, "支出管理"),
            title=title or view.finding_title,
            facts=view.message,
            amount=value,
            basis=view.basis,
            suspicion_id=row.id,
            entry_ids=tuple(e.id for e in view.entries),
            note=note or t("suspicion.confirmed_note", id=suspicion_id),
        )
        row.status, row.reviewer, row.reviewed_at = "confirmed", ctx.actor, dt.datetime.now(dt.UTC)
        row.reason, row.finding_id = note or None, finding.id
        session.add(row)
        session.flush()
        changelog.record(session, ctx.actor, "suspicion", row.id, "confirm", before, _review_snapshot(row))
        return finding_view(session, finding)


def dismiss_suspicion(ctx: Context, suspicion_id: int, reason: str) -> SuspicionView:
    """Dismiss the suspicion with a reason (required); it is kept with who and when."""
    text = " ".join(reason.split())
    if not text:
        raise ServiceError("suspicion.reason_required")
    with ctx.session() as session, session.begin():
        row = _open_for_review(session, suspicion_id)
        engagement = engagement_for_year(session, row.unit_id, row.year)
        if engagement is not None:
            writable_engagement(session, engagement.reference)
        before = _review_snapshot(row)
        row.status, row.reviewer, row.reviewed_at, row.reason = (
            "dismissed",
            ctx.actor,
            dt.datetime.now(dt.UTC),
            text,
        )
        session.add(row)
        session.flush()
        changelog.record(session, ctx.actor, "suspicion", row.id, "dismiss", before, _review_snapshot(row))
        return suspicion_views(session, [row])[0]


def add_suspicion(session: Session, actor: str, unit_id: int, year: int, hit: Hit) -> Suspicion:
    """A suspicion raised by hand (a failed sample item), in the caller's transaction."""
    existing = session.exec(
        select(Suspicion).where(
            Suspicion.unit_id == unit_id, Suspicion.year == year, Suspicion.fingerprint == hit.fingerprint
        )
    ).first()
    if existing is not None:
        return existing
    row = _insert(session, unit_id, year, hit, None, source="sample")
    changelog.record(
        session,
        actor,
        "suspicion",
        row.id,
        "create",
        None,
        {"rule": hit.rule, "entries": list(hit.entry_ids), "source": "sample"},
    )
    return row


def draft_findings(ctx: Context, engagement: str | int) -> list[FindingView]:
    """The engagement's findings waiting as drafts for the register."""
    with ctx.session() as session:
        found = engagement_of(session, engagement)
        rows = session.exec(
            select(Finding)
            .where(Finding.engagement_id == found.id, Finding.status == "draft")
            .order_by(col(Finding.seq))
        ).all()
        return [finding_view(session, f) for f in rows]


def _amount(value: str | Decimal) -> Decimal:
    amount = value if isinstance(value, Decimal) else parse_amount(value)
    if amount < 0:
        raise ServiceError("finding.negative_amount", amount=format_amount(amount))
    return amount

"""Findings (问题): created as drafts (from a confirmed suspicion, a failed sample item or by hand),
each with its first lifecycle event and change-log row in the caller's transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from auditdesk.core.engagement import parse_reference
from auditdesk.core.money import format_amount, from_fen, to_fen
from auditdesk.core.register import Status, finding_code
from auditdesk.services.errors import ServiceError
from auditdesk.services.fieldwork import reference_pattern, unit_name
from auditdesk.store import changelog
from auditdesk.store.models import Engagement, Finding, FindingEntry, FindingEvent

MAX_TITLE = 200


@dataclass(frozen=True)
class FindingView:
    id: int
    code: str
    engagement_id: int
    reference: str
    unit: str
    year: int
    seq: int
    category: str
    title: str
    facts: str
    amount: Decimal
    basis: str
    recommendation: str
    deadline: dt.date | None
    status: str
    suspicion_id: int | None
    created_by: str
    created_at: dt.datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.code,  # the finding's stable number, as the register shows it
            "pk": self.id,
            "code": self.code,
            "engagement": self.reference,
            "unit": self.unit,
            "year": self.year,
            "category": self.category,
            "title": self.title,
            "facts": self.facts,
            "amount": format_amount(self.amount),
            "basis": self.basis,
            "recommendation": self.recommendation,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "status": self.status,
            "suspicion": self.suspicion_id,
            "created_by": self.created_by,
            "created_at": self.created_at.isoformat(),
        }


def finding_view(session: Session, finding: Finding) -> FindingView:
    assert finding.id is not None
    engagement = session.get(Engagement, finding.engagement_id)
    return FindingView(
        id=finding.id,
        code=finding.code,
        engagement_id=finding.engagement_id,
        reference=engagement.reference if engagement else "",
        unit=unit_name(session, finding.unit_id),
        year=finding.year,
        seq=finding.seq,
        category=finding.category,
        title=finding.title,
        facts=finding.facts,
        amount=from_fen(finding.amount_fen),
        basis=finding.basis,
        recommendation=finding.recommendation,
        deadline=finding.deadline,
        status=finding.status,
        suspicion_id=finding.suspicion_id,
        created_by=finding.created_by,
        created_at=finding.created_at,
    )


def snapshot(f: Finding) -> dict[str, Any]:
    fields = (
        "code",
        "engagement_id",
        "unit_id",
        "year",
        "seq",
        "category",
        "title",
        "facts",
        "amount_fen",
        "basis",
        "cause",
        "recommendation",
        "responsible",
        "deadline",
        "status",
        "suspicion_id",
    )
    return {name: getattr(f, name) for name in fields}


def _engagement_seq(engagement: Engagement) -> tuple[int, int]:
    """(year, sequence) of the engagement's reference; its id when the reference has no such form."""
    pattern = reference_pattern()
    parsed = parse_reference(engagement.reference, pattern) if pattern else None
    if parsed is not None:
        return parsed
    assert engagement.id is not None
    year = min(engagement.years) if engagement.years else engagement.created_at.year
    return int(year), engagement.id


def create_finding(
    session: Session,
    actor: str,
    engagement: Engagement,
    *,
    year: int,
    category: str,
    title: str,
    facts: str = "",
    amount: Decimal = Decimal(0),
    basis: str = "",
    recommendation: str = "",
    suspicion_id: int | None = None,
    entry_ids: tuple[int, ...] = (),
    note: str = "",
) -> Finding:
    """A draft finding numbered next in ``engagement`` (in the caller's transaction)."""
    category, title = category.strip(), " ".join(title.split())
    if not category:
        raise ServiceError("finding.no_category")
    if not title:
        raise ServiceError("finding.no_title")
    if len(title) > MAX_TITLE:
        raise ServiceError("finding.title_too_long", limit=MAX_TITLE)
    if amount < 0:
        raise ServiceError("finding.negative_amount", amount=format_amount(amount))
    assert engagement.id is not None
    last = session.exec(select(func.max(Finding.seq)).where(Finding.engagement_id == engagement.id)).one()
    seq = int(last or 0) + 1
    ref_year, ref_seq = _engagement_seq(engagement)
    finding = Finding(
        engagement_id=engagement.id,
        unit_id=engagement.unit_id,
        year=year,
        seq=seq,
        code=finding_code(ref_year, ref_seq, seq),
        category=category,
        title=title,
        facts=facts,
        amount_fen=to_fen(amount),
        basis=basis,
        recommendation=recommendation,
        status=Status.DRAFT.value,
        suspicion_id=suspicion_id,
        created_by=actor,
        updated_at=dt.datetime.now(dt.UTC),
    )
    if session.exec(select(Finding.id).where(Finding.code == finding.code)).first() is not None:
        raise ServiceError("finding.code_taken", code=finding.code)
    session.add(finding)
    session.flush()
    assert finding.id is not None
    for entry_id in sorted(set(entry_ids)):
        session.add(FindingEntry(finding_id=finding.id, entry_id=entry_id))
    session.add(
        FindingEvent(
            finding_id=finding.id, who=actor, from_status=None, to_status=Status.DRAFT.value, note=note
        )
    )
    session.flush()
    changelog.record(
        session,
        actor,
        "finding",
        finding.id,
        "create",
        None,
        {**snapshot(finding), "entries": sorted(set(entry_ids))},
    )
    return finding


def findings_of(session: Session, engagement_id: int) -> list[Finding]:
    return list(
        session.exec(
            select(Finding).where(Finding.engagement_id == engagement_id).order_by(col(Finding.seq))
        ).all()
    )

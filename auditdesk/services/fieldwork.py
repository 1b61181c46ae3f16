"""What the fieldwork services share: finding the engagement a write belongs to (and refusing one
that is not in fieldwork), and reading stored entries for display."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, col, select

from auditdesk.core.engagement import Stage
from auditdesk.i18n import t
from auditdesk.services.engagement_views import engagement_of, reference_pattern
from auditdesk.services.errors import ServiceError
from auditdesk.services.ledger import EntryRow, entry_row
from auditdesk.store.models import Engagement, LedgerEntry, Unit

__all__ = [
    "FIELDWORK_STAGES",
    "engagement_for_year",
    "engagement_of",
    "entry_rows",
    "reference_pattern",
    "unit_name",
    "writable_engagement",
]

FIELDWORK_STAGES = (Stage.FIELDWORK, Stage.REPORT)
"""Stages in which suspicions are reviewed, samples drawn and papers written (实施, and 报告 for
late corrections); the engagement must be moved into 实施 first (its notice issued)."""


def writable_engagement(session: Session, wanted: str | int) -> Engagement:
    """The engagement ``wanted``, refusing one that is not in 实施 or 报告."""
    engagement = engagement_of(session, wanted)
    stage = Stage(engagement.stage)
    if stage not in FIELDWORK_STAGES:
        raise ServiceError(
            "fieldwork.wrong_stage",
            reference=engagement.reference,
            stage=t(stage.label_key),
            allowed="、".join(t(s.label_key) for s in FIELDWORK_STAGES),
        )
    return engagement


def unit_name(session: Session, unit_id: int) -> str:
    unit = session.get(Unit, unit_id)
    return unit.name if unit else str(unit_id)


def entry_rows(session: Session, ids: Iterable[int]) -> dict[int, EntryRow]:
    wanted = sorted(set(ids))
    found: dict[int, EntryRow] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for entry in session.exec(select(LedgerEntry).where(col(LedgerEntry.id).in_(chunk))):
            assert entry.id is not None
            found[entry.id] = entry_row(entry)
    return found


def engagement_for_year(session: Session, unit_id: int, year: int) -> Engagement | None:
    """The unit's engagement covering ``year`` that findings go to: one in 实施 or 报告 first, then any
    other not archived; the most recent among equals."""
    candidates = [
        e
        for e in session.exec(
            select(Engagement).where(Engagement.unit_id == unit_id).order_by(col(Engagement.id).desc())
        )
        if year in e.years and e.stage != Stage.ARCHIVE.value
    ]
    candidates.sort(key=lambda e: 0 if Stage(e.stage) in FIELDWORK_STAGES else 1)
    return candidates[0] if candidates else None

"""What the shells see of an engagement (审计项目) and its documents, and how one is found by ``E``.

``E`` is an engagement's numeric id or its reference number (文号); a reference typed with other
brackets or full-width digits (``青工经审[2025]1号``) is found too.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from auditdesk.core.engagement import Stage, StageStep, parse_reference
from auditdesk.core.errors import AuditdeskError
from auditdesk.core.milestones import MILESTONE_FIELDS, Milestones, milestone_label_key
from auditdesk.i18n import t
from auditdesk.services.errors import ServiceError
from auditdesk.store.models import AuditPlan, Document, Engagement, Unit


@dataclass(frozen=True)
class DocumentView:
    id: int
    engagement_id: int
    kind: str
    version: int
    file_name: str
    sha256: str
    who: str
    at: dt.datetime
    path: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "engagement_id": self.engagement_id,
            "kind": self.kind,
            "version": self.version,
            "file_name": self.file_name,
            "sha256": self.sha256,
            "who": self.who,
            "at": self.at.isoformat(),
            "path": self.path,
        }


@dataclass(frozen=True)
class EngagementView:
    id: int
    reference: str
    unit: str
    unit_id: int
    plan_id: int | None
    plan_year: int | None
    years: tuple[int, ...]
    lead: str | None
    members: tuple[str, ...]
    scope: str
    key_areas: tuple[str, ...]
    milestones: dict[str, dt.date]  # in MILESTONE_FIELDS order
    stage: Stage
    created_at: dt.datetime
    documents: tuple[DocumentView, ...] = ()

    @property
    def archived(self) -> bool:
        return self.stage is Stage.ARCHIVE

    def to_json(self) -> dict[str, Any]:
        """The CLI contract of ``engagement list/show --json`` (``id``, ``reference``, ``unit``,
        ``years``, ``stage`` and more)."""
        return {
            "id": self.id,
            "reference": self.reference,
            "unit": self.unit,
            "unit_id": self.unit_id,
            "plan_id": self.plan_id,
            "plan_year": self.plan_year,
            "years": list(self.years),
            "stage": self.stage.value,
            "stage_label": t(self.stage.label_key),
            "lead": self.lead,
            "members": list(self.members),
            "scope": self.scope,
            "key_areas": list(self.key_areas),
            "key_area_labels": [t(f"engagement.area.{a}") for a in self.key_areas],
            "milestones": {name: day.isoformat() for name, day in self.milestones.items()},
            "created_at": self.created_at.isoformat(),
            "documents": [d.to_json() for d in self.documents],
        }


@dataclass(frozen=True)
class StepView:
    """One step of the stage stepper; a step ahead lists what its gate still needs, in words."""

    stage: Stage
    state: str  # done | current | ahead
    unmet: tuple[str, ...]
    unmet_keys: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "stage": self.stage.value,
            "label": t(self.stage.label_key),
            "state": self.state,
            "unmet": list(self.unmet),
            "unmet_keys": list(self.unmet_keys),
        }


@dataclass(frozen=True)
class AdvanceResult:
    engagement: EngagementView
    moved: bool
    from_stage: Stage
    to_stage: Stage | None  # the stage asked for; None when there is none after (or archived)
    unmet: tuple[str, ...]
    unmet_keys: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "moved": self.moved,
            "from": self.from_stage.value,
            "to": None if self.to_stage is None else self.to_stage.value,
            "unmet": list(self.unmet),
            "unmet_keys": list(self.unmet_keys),
            "engagement": self.engagement.to_json(),
        }


def step_view(step: StageStep) -> StepView:
    return StepView(
        stage=step.stage,
        state=step.state.value,
        unmet=tuple(t(u.key, **u.params) for u in step.unmet),
        unmet_keys=tuple(u.key for u in step.unmet),
    )


def stored_milestones(engagement: Engagement) -> dict[str, dt.date]:
    stored = engagement.milestones or {}
    return {name: dt.date.fromisoformat(stored[name]) for name in MILESTONE_FIELDS if name in stored}


def as_milestones(dates: dict[str, dt.date]) -> Milestones:
    return Milestones(**{name: dates[name] for name in MILESTONE_FIELDS})


def milestone_label(name: str) -> str:
    return t(milestone_label_key(name))


def document_view(doc: Document) -> DocumentView:
    assert doc.id is not None
    return DocumentView(
        doc.id, doc.engagement_id, doc.kind, doc.version, doc.file_name, doc.sha256, doc.who, doc.at, doc.path
    )


def engagement_view(session: Session, engagement: Engagement) -> EngagementView:
    assert engagement.id is not None
    unit = session.get(Unit, engagement.unit_id)
    plan = session.get(AuditPlan, engagement.plan_id) if engagement.plan_id is not None else None
    docs = session.exec(
        select(Document)
        .where(Document.engagement_id == engagement.id)
        .order_by(col(Document.kind), col(Document.version))
    ).all()
    return EngagementView(
        id=engagement.id,
        reference=engagement.reference,
        unit=unit.name if unit is not None else "",
        unit_id=engagement.unit_id,
        plan_id=engagement.plan_id,
        plan_year=plan.year if plan is not None else None,
        years=tuple(int(y) for y in engagement.years),
        lead=engagement.lead,
        members=tuple(str(m) for m in engagement.members),
        scope=engagement.scope,
        key_areas=tuple(str(a) for a in engagement.key_areas),
        milestones=stored_milestones(engagement),
        stage=Stage(engagement.stage),
        created_at=engagement.created_at,
        documents=tuple(document_view(d) for d in docs),
    )


def find_engagement(session: Session, wanted: str | int, pattern: str | None = None) -> Engagement:
    """The engagement with id or reference ``wanted``; otherwise ``engagement.not_found`` naming the
    closest references. ``pattern`` (the office's) lets a loosely typed reference match."""
    text = str(wanted).strip()
    found: Engagement | None = None
    if text.isdigit():
        found = session.get(Engagement, int(text))
    if found is None and text:
        found = session.exec(select(Engagement).where(Engagement.reference == text)).first()
    if found is not None:
        return found
    references = list(session.exec(select(Engagement.reference)).all())
    if pattern is not None:
        try:
            key = parse_reference(text, pattern)
            match = next((r for r in references if key and parse_reference(r, pattern) == key), None)
        except AuditdeskError:
            match = None
        if match is not None:
            return session.exec(select(Engagement).where(Engagement.reference == match)).one()
    close = difflib.get_close_matches(text, references, n=3, cutoff=0.5)
    raise ServiceError("engagement.not_found", value=text, suggestions="、".join(close) or "—")


def reference_pattern() -> str | None:
    """The office's reference pattern, so that a loosely typed reference is found; None when the
    office file cannot be read (an exact reference or an id still works)."""
    from auditdesk.services.office import office_settings

    try:
        return office_settings()[0].reference_pattern
    except AuditdeskError:
        return None


def engagement_of(session: Session, wanted: str | int) -> Engagement:
    """``find_engagement`` with the office's reference pattern."""
    return find_engagement(session, wanted, reference_pattern())

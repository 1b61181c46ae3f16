"""What the fieldwork panes share: the data they show, and how they ask the screen to write.

A pane never runs a worker itself: it posts ``WriteRequested`` with a job (a service call taking the
``Context``); the screen runs it in its write worker — so a failure lands in the screen's one
``Worker.StateChanged`` handler and its error modal — posts the message the job returns back to the
pane, and reloads the engagement's data.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from rich.text import Text
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget

from auditdesk.core.engagement import Stage
from auditdesk.core.errors import AuditdeskError
from auditdesk.core.money import format_thousands
from auditdesk.i18n import t
from auditdesk.services import checks as check_service
from auditdesk.services import engagements as engagement_service
from auditdesk.services import evidence as evidence_service
from auditdesk.services import papers as paper_service
from auditdesk.services import sampling as sample_service
from auditdesk.services.checks import SuspicionView
from auditdesk.services.context import Context
from auditdesk.services.engagement_views import EngagementView
from auditdesk.services.evidence import EvidenceView
from auditdesk.services.findings import FindingView
from auditdesk.services.papers import PaperView
from auditdesk.services.sampling import SampleView
from auditdesk.tui.localize import category_label as category_label  # the panes' shared label

Job = Callable[[Context], Message | None]
WRITABLE_STAGES = (Stage.FIELDWORK, Stage.REPORT)
PARTS = ("suspicions", "samples", "papers", "evidence", "drafts")


@dataclass(frozen=True)
class FieldworkData:
    """Everything the fieldwork screen shows of one engagement; a reload reads only the parts a write
    changed (re-reading thousands of suspicions after each sample result would be slow)."""

    engagement: EngagementView
    suspicions: tuple[SuspicionView, ...] = ()
    samples: tuple[SampleView, ...] = ()
    papers: tuple[PaperView, ...] = ()
    evidence: tuple[EvidenceView, ...] = ()
    drafts: tuple[FindingView, ...] = ()

    @property
    def writable(self) -> bool:
        return self.engagement.stage in WRITABLE_STAGES

    def count(self, status: str) -> int:
        return sum(1 for s in self.suspicions if s.status == status)


@dataclass(frozen=True)
class Reading:
    """What one reload read: the engagement and the ``parts`` named (the others are unchanged)."""

    engagement: EngagementView
    parts: dict[str, tuple[Any, ...]]

    def merged(self, before: FieldworkData | None) -> FieldworkData:
        if before is None:
            return FieldworkData(self.engagement, **self.parts)
        return replace(before, engagement=self.engagement, **self.parts)


_READERS: dict[str, Callable[[Context, int], Sequence[Any]]] = {
    "suspicions": lambda ctx, e: check_service.list_suspicions(ctx, e),
    "samples": sample_service.list_samples,
    "papers": paper_service.list_papers,
    "evidence": lambda ctx, e: evidence_service.list_evidence(ctx, e),
    "drafts": check_service.draft_findings,
}


def read_fieldwork(ctx: Context, engagement_id: int, parts: Collection[str] = PARTS) -> Reading:
    return Reading(
        engagement_service.get_engagement(ctx, engagement_id),
        {name: tuple(_READERS[name](ctx, engagement_id)) for name in PARTS if name in parts},
    )


@dataclass
class WriteRequested(Message):
    """Run ``job`` in the screen's write worker; post what it returns to ``reply``, then reload the
    ``reload`` parts (and the engagement)."""

    job: Job
    reply: Widget
    busy: str
    reload: frozenset[str] = frozenset(PARTS)


class FieldworkPane(Vertical):
    """One tab of the screen: shown again with the data after each reload touching its parts."""

    def show(self, data: FieldworkData) -> None:
        raise NotImplementedError


@dataclass
class Done(Message):
    """A write finished: the sentence for the status line (and a notification)."""

    note: str


def severity_text(severity: str) -> Text:
    style = {"high": "bold red", "medium": "yellow", "low": "dim"}.get(severity, "")
    label = t(f"check.severity.{severity}") if severity in ("high", "medium", "low") else severity
    return Text(label, style=style)


def money(amount: Decimal) -> Text:
    return Text(format_thousands(amount), justify="right")


def require_int(raw: str, field: str, minimum: int = 0) -> int:
    """``raw`` as a whole number of at least ``minimum``; else an error naming the field."""
    text = raw.strip()
    if not text.isdigit() or int(text) < minimum:
        raise AuditdeskError("tui.fieldwork.bad_number", field=field, value=text or "—", minimum=minimum)
    return int(text)

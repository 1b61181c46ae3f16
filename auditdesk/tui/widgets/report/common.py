"""What the report screen shows of one engagement: its documents by kind and version, its findings
with the unit's latest reply to each, and the next step of the report stage.

A document's kind is ``notice``, ``draft``, ``report``, ``opinion`` or ``rectify`` for the .docx, and
``<kind>-md`` / ``<kind>-pdf`` for the Markdown and PDF files written beside it (same name, other
suffix) — the Markdown one is what the preview shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from auditdesk.core.engagement import Stage
from auditdesk.core.register import Status
from auditdesk.i18n import t
from auditdesk.services import engagements as engagement_service
from auditdesk.services import register as register_service
from auditdesk.services import reports as report_service
from auditdesk.services.context import Context
from auditdesk.services.engagement_views import DocumentView, EngagementView
from auditdesk.services.register_views import RegisterItem

KINDS = ("notice", "draft", "report", "opinion", "rectify")  # in the order they are issued
FORMATS = ("docx", "md", "pdf")
SHA_CHARS = 12  # how much of a sha256 the list shows


@dataclass(frozen=True)
class Reply:
    """The unit's latest reply to one finding of the draft report."""

    verdict: str  # agree | disagree
    note: str
    who: str
    at: dt.datetime


@dataclass(frozen=True)
class ReportData:
    engagement: EngagementView
    findings: tuple[RegisterItem, ...] = ()
    replies: dict[str, Reply] = field(default_factory=dict)  # by finding code

    @property
    def documents(self) -> tuple[DocumentView, ...]:
        return self.engagement.documents

    def latest(self, kind: str) -> DocumentView | None:
        found = [d for d in self.documents if d.kind == kind]
        return max(found, key=lambda d: d.version) if found else None

    @property
    def drafts(self) -> int:
        """Findings still 草稿: what the opinion letter would issue."""
        return sum(1 for f in self.findings if f.status is Status.DRAFT)


def read_report(ctx: Context, engagement_id: int) -> ReportData:
    replies: dict[str, Reply] = {}
    for r in report_service.list_replies(ctx, engagement_id):  # oldest first: the last one wins
        replies[r["finding"]] = Reply(r["verdict"], r["note"], r["who"], dt.datetime.fromisoformat(r["at"]))
    return ReportData(
        engagement_service.get_engagement(ctx, engagement_id),
        tuple(register_service.list_register(ctx, engagement=engagement_id)),
        replies,
    )


def split_kind(kind: str) -> tuple[str, str]:
    """``"draft-md"`` → ``("draft", "md")``; a .docx kind has no suffix."""
    base, _, suffix = kind.rpartition("-")
    if base and suffix in FORMATS:
        return base, suffix
    return kind, "docx"


def kind_label(kind: str) -> str:
    base, _ = split_kind(kind)
    return t(f"tui.report.kind.{base}") if base in KINDS else base


def format_label(kind: str) -> str:
    return t(f"tui.report.format.{split_kind(kind)[1]}")


def ordered(documents: tuple[DocumentView, ...]) -> list[DocumentView]:
    """By kind in issuing order, the newest version first, Word before Markdown before PDF."""

    def key(d: DocumentView) -> tuple[int, str, int, int]:
        base, fmt = split_kind(d.kind)
        rank = KINDS.index(base) if base in KINDS else len(KINDS)
        return rank, base, -d.version, FORMATS.index(fmt)

    return sorted(documents, key=key)


def markdown_of(doc: DocumentView) -> Path:
    """The Markdown file to preview for ``doc``: itself, or the .md written beside its .docx/.pdf."""
    path = Path(doc.path)
    return path if path.suffix.lower() == ".md" else path.with_suffix(".md")


def local_time(at: dt.datetime) -> str:
    """A time stored in UTC (read back without a zone) in the user's local time."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
    return f"{aware.astimezone():%Y-%m-%d %H:%M}"


def kinds_summary(data: ReportData) -> str:
    """One line per kind: its latest version, who issued it and when — or that it is not issued."""
    lines = []
    for kind in KINDS:
        latest = data.latest(kind)
        if latest is None:
            lines.append(t("tui.report.missing", kind=kind_label(kind)))
        else:
            lines.append(t("tui.report.latest", kind=kind_label(kind), version=latest.version,
                           who=latest.who, at=local_time(latest.at)))
    return "\n".join(lines)


def next_step(data: ReportData) -> str:
    stage = data.engagement.stage
    if stage is Stage.REPORT:
        if data.latest("draft") is None:
            return t("tui.report.next.draft")
        if data.latest("report") is None:
            return t("tui.report.next.replies")
        return t("tui.report.next.opinion")
    if stage is Stage.RECTIFY:
        return t("tui.report.next.rectify")
    if stage is Stage.ARCHIVE:
        return t("tui.report.next.archived")
    return t("tui.report.next.before", stage=t(stage.label_key))

"""Issuing the audit notice (审计通知书): render the user's or the shipped template, record the files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from sqlmodel import func, select

from auditdesk.documents.notice import NOTICE_DOCX, NOTICE_MD, NoticeData, render_notice
from auditdesk.documents.render import find_template, shipped_templates_dir
from auditdesk.i18n import t
from auditdesk.services.context import Context
from auditdesk.services.engagement_views import DocumentView, engagement_view, find_engagement
from auditdesk.services.engagements import record_document
from auditdesk.services.errors import ServiceError
from auditdesk.services.office import office_settings
from auditdesk.store.models import Document

NOTICE = "notice"  # the kind the gate into 实施 looks for
NOTICE_TEXT = "notice-md"


@dataclass(frozen=True)
class IssuedNotice:
    reference: str
    unit: str
    documents: tuple[DocumentView, ...]  # the .docx (kind "notice") and the .md
    late: bool  # issued after the planned notice date: fewer working days before fieldwork than planned

    def to_json(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "unit": self.unit,
            "late": self.late,
            "files": [
                {"path": d.path, "kind": d.kind, "version": d.version, "sha256": d.sha256}
                for d in self.documents
            ],
        }


def user_templates_dir() -> Path:
    return platformdirs.user_data_path("auditdesk", appauthor=False) / "templates"


def default_documents_dir() -> Path:
    return platformdirs.user_data_path("auditdesk", appauthor=False) / "documents"


def issue_notice(
    ctx: Context, wanted: str | int, *, out_dir: Path | None = None, today: dt.date | None = None
) -> IssuedNotice:
    """Render the notice of engagement ``wanted`` into ``out_dir`` and record both files as the next
    version, in one transaction. The notice is dated the day it is issued (``today``)."""
    office, _ = office_settings()
    issued = today or dt.date.today()
    docx_template = find_template(NOTICE_DOCX, shipped_templates_dir(), user_templates_dir())
    md_template = find_template(NOTICE_MD, shipped_templates_dir(), user_templates_dir())
    with ctx.session() as session, session.begin():
        engagement = find_engagement(session, wanted, office.reference_pattern)
        view = engagement_view(session, engagement)
        if view.archived:
            raise ServiceError("engagement.gate.archived_read_only")
        if not view.lead:
            raise ServiceError("notice.no_lead", reference=view.reference)
        dates = view.milestones
        data = NoticeData(
            reference=view.reference,
            office=office.name,
            unit=view.unit,
            years=view.years,
            scope=view.scope,
            key_areas=tuple(t(f"engagement.area.{a}") for a in view.key_areas),
            lead=view.lead,
            members=view.members,
            fieldwork_start=dates["fieldwork_start"],
            fieldwork_end=dates["fieldwork_end"],
            notice_date=issued,
            materials=tuple(office.materials),
            contact=" ".join(p for p in (office.contact_person, office.contact_phone) if p),
        )
        last = session.exec(
            select(func.max(Document.version)).where(
                Document.engagement_id == view.id, Document.kind == NOTICE
            )
        ).one()
        stem = f"审计通知书-{view.reference}-v{(last or 0) + 1}".replace("/", "-")
        folder = (out_dir or default_documents_dir() / view.reference.replace("/", "-")).absolute()
        docx_path, md_path = render_notice(
            data, docx_template=docx_template, md_template=md_template, out_dir=folder, stem=stem
        )
        docs = (
            record_document(session, ctx.actor, view.id, NOTICE, docx_path),
            record_document(session, ctx.actor, view.id, NOTICE_TEXT, md_path),
        )
    return IssuedNotice(view.reference, view.unit, docs, late=issued > dates["notice"])

"""The report stage (报告): the draft report issued to the unit, its replies per finding, the final
report, the audit opinion letter (which starts the rectification clock), the rectification notice,
and the county's annual summary. Each generated file is recorded as a versioned document with its
sha256; issuing the opinion letter issues the engagement's draft findings with their deadlines and
moves the engagement into 整改."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import func
from sqlmodel import Session, col, select

from auditdesk.core.engagement import Stage, check_advance, format_reference, next_sequence
from auditdesk.core.errors import AuditdeskError
from auditdesk.core.money import from_fen
from auditdesk.core.register import Status
from auditdesk.documents.pdf import to_pdf
from auditdesk.documents.render import find_template, shipped_templates_dir
from auditdesk.documents.reports import TEMPLATES, TITLES, Kind, ReportData, render_report
from auditdesk.i18n import t
from auditdesk.services.context import Context
from auditdesk.services.engagement_views import DocumentView, engagement_view
from auditdesk.services.engagements import gate_facts, record_document
from auditdesk.services.errors import ServiceError
from auditdesk.services.fieldwork import engagement_of
from auditdesk.services.findings import snapshot
from auditdesk.services.notice import default_documents_dir, user_templates_dir
from auditdesk.services.office import office_settings
from auditdesk.services.register import default_deadline_from, find_finding
from auditdesk.services.report_data import (
    finding_texts,
    first_draft,
    fund_figures,
    issued_findings,
    total,
    withdrawn_since,
)
from auditdesk.store import changelog
from auditdesk.store.models import Document, Engagement, Finding, FindingEvent, FindingReply, Unit

KINDS: tuple[Kind, ...] = ("draft", "report", "opinion", "rectify")
STAGE_OF: dict[str, Stage] = {
    "draft": Stage.REPORT,
    "report": Stage.REPORT,
    "opinion": Stage.REPORT,
    "rectify": Stage.RECTIFY,
}
NEEDS: dict[str, str] = {"report": "draft", "opinion": "report"}
VERDICTS = ("agree", "disagree")
REPLY_DAYS = 10  # DOMAIN.md: the unit replies in writing within 10 days; silence = no objection


@dataclass(frozen=True)
class IssuedDocument:
    reference: str
    unit: str
    kind: str
    documents: tuple[DocumentView, ...]
    pdf_error: str | None = None  # why no PDF was made when one was asked for
    issued_findings: tuple[str, ...] = ()  # the opinion letter: codes moved from 草稿 to 待整改
    stage: str | None = None  # the engagement's stage afterwards
    doc_reference: str = ""  # the document's 文号 (its own, or the engagement's)

    def to_json(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "unit": self.unit,
            "kind": self.kind,
            "files": [
                {"path": d.path, "kind": d.kind, "version": d.version, "sha256": d.sha256}
                for d in self.documents
            ],
            "pdf_error": self.pdf_error,
            "issued_findings": list(self.issued_findings),
            "stage": self.stage,
            "doc_reference": self.doc_reference,
        }


def _stage_check(engagement: Engagement, kind: str) -> None:
    stage = Stage(engagement.stage)
    if stage is Stage.ARCHIVE:
        raise ServiceError("engagement.gate.archived_read_only")
    wanted = STAGE_OF[kind]
    if stage is not wanted:
        raise ServiceError(
            "report.wrong_stage",
            reference=engagement.reference,
            kind=t(f"doc.title.{kind}"),
            stage=t(stage.label_key),
            wanted=t(wanted.label_key),
        )


def _has(session: Session, engagement_id: int, kind: str) -> bool:
    return (
        session.exec(
            select(func.count())
            .select_from(Document)
            .where(Document.engagement_id == engagement_id, Document.kind == kind)
        ).one()
        > 0
    )


def document_reference(session: Session, engagement: Engagement, kind: str, issued: dt.date) -> str | None:
    """The document's own 文号 when the office numbers this kind (``[documents]`` in office.toml): the
    one it already has for this engagement, else the next of the issuing year; None otherwise."""
    pattern = office_settings()[0].document_patterns.get(kind)
    if not pattern:
        return None
    earlier = session.exec(
        select(Document.reference)
        .where(
            Document.engagement_id == engagement.id,
            Document.kind == kind,
            col(Document.reference).is_not(None),
        )
        .order_by(col(Document.version))
    ).first()
    if earlier:
        return earlier
    used = [
        r
        for r in session.exec(
            select(Document.reference).where(Document.kind == kind, col(Document.reference).is_not(None))
        ).all()
        if r
    ]
    return format_reference(pattern, issued.year, next_sequence(used, pattern, issued.year))


def _data(session: Session, engagement: Engagement, kind: Kind, issued: dt.date) -> ReportData:
    office, _ = office_settings()
    view = engagement_view(session, engagement)
    unit = session.get(Unit, engagement.unit_id)
    assert unit is not None and engagement.id is not None
    funds = fund_figures(session, engagement)
    income, spending = funds.income, funds.spending
    draft = first_draft(session, engagement.id)
    since = draft.at if draft is not None and kind == "report" else None
    findings = issued_findings(session, engagement.id, open_only=kind == "rectify")
    rectify = office.offsets.rectification
    report_days = rectify.amount if rectify.unit.value == "days" else None
    dates = view.milestones
    return ReportData(
        kind=kind,
        doc_reference=document_reference(session, engagement, kind, issued) or engagement.reference,
        engagement_reference=engagement.reference,
        office=office.name,
        unit=unit.name,
        years=view.years,
        scope=view.scope,
        lead=view.lead,
        members=view.members,
        fieldwork_start=dates.get("fieldwork_start"),
        fieldwork_end=dates.get("fieldwork_end"),
        issued=issued,
        unit_members=unit.members,
        unit_employees=unit.employees,
        unit_chair=unit.chair,
        payroll=None if unit.payroll_fen is None else from_fen(unit.payroll_fen),
        income=income,
        spending=spending,
        income_total=total(income),
        spending_total=total(spending),
        findings=finding_texts(session, findings, since, office.categories),
        other_changes=withdrawn_since(session, engagement.id, since),
        opening_note=funds.unresolved_note,
        reply_deadline=issued + dt.timedelta(days=REPLY_DAYS) if kind == "draft" else None,
        rectify_deadline=default_deadline_from(issued) if kind in ("opinion", "rectify") else None,
        report_within_days=report_days if kind in ("opinion", "rectify") else None,
        contact=" ".join(p for p in (office.contact_person, office.contact_phone) if p),
    )


def issue_document(
    ctx: Context,
    wanted: str | int,
    kind: str,
    *,
    out_dir: Path | None = None,
    pdf: bool = False,
    today: dt.date | None = None,
) -> IssuedDocument:
    """Render ``kind`` for engagement ``wanted`` into ``out_dir`` and record the files as the next
    version, in one transaction. The order is draft → report → opinion; the opinion letter issues the
    draft findings (deadline: the office's rectification period) and moves the engagement to 整改."""
    if kind not in KINDS:
        raise ServiceError("report.bad_kind", kind=kind, allowed="、".join(KINDS))
    doc_kind = cast(Kind, kind)
    issued = today or dt.date.today()
    docx_name, md_name = TEMPLATES[doc_kind]
    docx_template = find_template(docx_name, shipped_templates_dir(), user_templates_dir())
    md_template = find_template(md_name, shipped_templates_dir(), user_templates_dir())
    with ctx.session() as session, session.begin():
        engagement = engagement_of(session, wanted)
        assert engagement.id is not None
        _stage_check(engagement, kind)
        before = NEEDS.get(kind)
        if before is not None and not _has(session, engagement.id, before):
            raise ServiceError(
                "report.needs_first", kind=t(f"doc.title.{kind}"), first=t(f"doc.title.{before}")
            )
        findings = issued_findings(session, engagement.id)
        if kind in ("opinion", "rectify") and not findings:
            raise ServiceError(
                "report.no_findings", reference=engagement.reference, kind=t(f"doc.title.{kind}")
            )
        data = _data(session, engagement, doc_kind, issued)
        last = session.exec(
            select(func.max(Document.version)).where(
                Document.engagement_id == engagement.id, Document.kind == kind
            )
        ).one()
        stem = f"{TITLES[doc_kind]}-{engagement.reference}-v{(last or 0) + 1}".replace("/", "-")
        folder = (out_dir or default_documents_dir() / engagement.reference.replace("/", "-")).absolute()
        docx_path, md_path = render_report(
            data, docx_template=docx_template, md_template=md_template, out_dir=folder, stem=stem
        )
        number = data.doc_reference
        docs = [
            record_document(session, ctx.actor, engagement.id, kind, docx_path, number),
            record_document(session, ctx.actor, engagement.id, f"{kind}-md", md_path, number),
        ]
        pdf_error = None
        if pdf:
            try:
                docs.append(
                    record_document(
                        session, ctx.actor, engagement.id, f"{kind}-pdf", to_pdf(docx_path, folder), number
                    )
                )
            except AuditdeskError as err:
                pdf_error = t(err.key, **err.params)
        moved: tuple[str, ...] = ()
        stage = None
        if kind == "opinion":
            moved = _issue_findings(session, ctx.actor, findings, data.rectify_deadline, issued)
            stage = _advance_to_rectify(session, ctx.actor, engagement)
        return IssuedDocument(
            engagement.reference, data.unit, kind, tuple(docs), pdf_error, moved, stage, number
        )


def _issue_findings(
    session: Session, actor: str, findings: list[Finding], deadline: dt.date | None, issued: dt.date
) -> tuple[str, ...]:
    moved = []
    for f in findings:
        if f.status != Status.DRAFT.value:
            continue
        before = snapshot(f)
        f.status = Status.PENDING.value
        f.deadline = f.deadline or deadline
        f.updated_at = dt.datetime.now(dt.UTC)
        session.add(f)
        session.add(
            FindingEvent(
                finding_id=f.id or 0,
                who=actor,
                from_status=Status.DRAFT.value,
                to_status=Status.PENDING.value,
                deadline=f.deadline,
                note=t("report.issued_by_opinion", date=issued.isoformat()),
            )
        )
        session.flush()
        changelog.record(session, actor, "finding", f.id, "move", before, snapshot(f))
        moved.append(f.code)
    return tuple(moved)


def _advance_to_rectify(session: Session, actor: str, engagement: Engagement) -> str:
    stage = Stage(engagement.stage)
    result = check_advance(stage, gate_facts(session, engagement))
    if result.allowed and result.target is Stage.RECTIFY:
        engagement.stage = Stage.RECTIFY.value
        session.add(engagement)
        session.flush()
        changelog.record(
            session,
            actor,
            "engagement",
            engagement.id,
            "advance",
            {"stage": stage.value},
            {"stage": engagement.stage},
        )
    return engagement.stage


def record_reply(
    ctx: Context, wanted: str | int, finding: str, verdict: str, note: str = ""
) -> dict[str, Any]:
    """The unit's reply to one finding of the draft report: agree, or disagree with a reason."""
    words = {"agree": "agree", "同意": "agree", "disagree": "disagree", "不同意": "disagree"}
    choice = words.get(verdict.strip())
    if choice is None:
        raise ServiceError("report.bad_verdict", verdict=verdict, allowed="agree（同意）、disagree（不同意）")
    text = " ".join(note.split())
    if choice == "disagree" and not text:
        raise ServiceError("report.reason_required")
    with ctx.session() as session, session.begin():
        engagement = engagement_of(session, wanted)
        assert engagement.id is not None
        _stage_check(engagement, "report")
        draft = session.exec(
            select(Document)
            .where(Document.engagement_id == engagement.id, Document.kind == "draft")
            .order_by(col(Document.version).desc())
        ).first()
        if draft is None:
            raise ServiceError("report.no_draft", reference=engagement.reference)
        f = find_finding(session, finding)
        if f.engagement_id != engagement.id:
            raise ServiceError("report.finding_elsewhere", code=f.code, reference=engagement.reference)
        reply = FindingReply(
            finding_id=f.id or 0, document_id=draft.id, verdict=choice, note=text, who=ctx.actor
        )
        session.add(reply)
        session.flush()
        changelog.record(
            session,
            ctx.actor,
            "finding_reply",
            reply.id,
            "create",
            None,
            {"finding": f.code, "verdict": choice, "note": text, "draft_version": draft.version},
        )
        return {
            "engagement": engagement.reference,
            "finding": f.code,
            "verdict": choice,
            "note": text,
            "draft_version": draft.version,
            "who": ctx.actor,
            "at": reply.at.isoformat(),
        }


def list_replies(ctx: Context, wanted: str | int) -> list[dict[str, Any]]:
    with ctx.session() as session:
        engagement = engagement_of(session, wanted)
        rows = session.exec(
            select(FindingReply, Finding)
            .join(Finding, col(Finding.id) == col(FindingReply.finding_id))
            .where(Finding.engagement_id == engagement.id)
            .order_by(col(FindingReply.id))
        ).all()
        return [
            {
                "finding": f.code,
                "title": f.title,
                "verdict": r.verdict,
                "note": r.note,
                "who": r.who,
                "at": r.at.isoformat(),
            }
            for r, f in rows
        ]


def add_pdf(ctx: Context, wanted: str | int, kind: str, docx: Path) -> tuple[DocumentView | None, str | None]:
    """Convert an issued .docx to PDF and record it as ``<kind>-pdf``; (None, why) when it cannot."""
    try:
        pdf_path = to_pdf(docx, docx.parent)
    except AuditdeskError as err:
        return None, t(err.key, **err.params)
    with ctx.session() as session, session.begin():
        engagement = engagement_of(session, wanted)
        assert engagement.id is not None
        return record_document(session, ctx.actor, engagement.id, f"{kind}-pdf", pdf_path), None

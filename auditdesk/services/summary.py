"""The county's annual summary (年度经审工作总结) for a plan year: units audited with their fund figures,
findings by category, amounts, the rectification rate, repeat problems and the register's sentence —
as .docx/.md from the editable template and the tables as a styled .xlsx, each file recorded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from auditdesk.core.errors import AuditdeskError
from auditdesk.core.register_stats import (
    compute_stats,
    format_rate,
)
from auditdesk.documents.pdf import to_pdf
from auditdesk.documents.render import find_template, shipped_templates_dir
from auditdesk.documents.summary import SUMMARY_TEMPLATES, SummaryData, UnitSummary, render_summary
from auditdesk.documents.summary_workbook import write_summary_workbook
from auditdesk.i18n import t
from auditdesk.ingest import sha256_file
from auditdesk.services.context import Context
from auditdesk.services.errors import ServiceError
from auditdesk.services.notice import default_documents_dir, user_templates_dir
from auditdesk.services.office import office_settings
from auditdesk.services.register import facts_of, list_register, stats_of
from auditdesk.services.register_views import RegisterItem
from auditdesk.services.report_data import fund_figures, total
from auditdesk.store import changelog
from auditdesk.store.models import AuditPlan, Engagement, SummaryDocument, Unit


@dataclass(frozen=True)
class SummaryFile:
    path: str
    kind: str
    version: int
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind, "version": self.version, "sha256": self.sha256}


@dataclass(frozen=True)
class IssuedSummary:
    year: int
    sentence: str
    files: tuple[SummaryFile, ...]
    pdf_error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "sentence": self.sentence,
            "files": [f.to_json() for f in self.files],
            "pdf_error": self.pdf_error,
        }


def _units(session: Session, year: int, items: list[RegisterItem]) -> tuple[UnitSummary, ...]:
    """One row per engagement of the year's plan: its fund totals and its findings' figures."""
    plan = session.exec(select(AuditPlan).where(AuditPlan.year == year)).first()
    if plan is None:
        raise ServiceError("summary.no_plan", year=year)
    engagements = session.exec(
        select(Engagement).where(Engagement.plan_id == plan.id).order_by(col(Engagement.id))
    ).all()
    out = []
    for e in engagements:
        unit = session.get(Unit, e.unit_id)
        funds = fund_figures(session, e)
        stats = compute_stats(facts_of(i for i in items if i.engagement == e.reference))
        out.append(
            UnitSummary(
                unit=unit.name if unit else "",
                reference=e.reference,
                years=tuple(int(y) for y in e.years),
                income_total=total(funds.income),
                spending_total=total(funds.spending),
                findings=stats.findings,
                amount=stats.amount,
                rectified=stats.rectified,
                rate=format_rate(stats),
            )
        )
    return tuple(out)


def _record(session: Session, actor: str, year: int, kind: str, path: Path) -> SummaryFile:
    digest = sha256_file(path)
    last = session.exec(
        select(func.max(SummaryDocument.version)).where(
            SummaryDocument.year == year, SummaryDocument.kind == kind
        )
    ).one()
    doc = SummaryDocument(
        year=year,
        kind=kind,
        version=(last or 0) + 1,
        file_name=path.name,
        sha256=digest,
        who=actor,
        path=str(path),
    )
    session.add(doc)
    session.flush()
    changelog.record(
        session,
        actor,
        "summary_document",
        doc.id,
        "create",
        None,
        {"year": year, "kind": kind, "version": doc.version, "file": path.name, "sha256": digest},
    )
    return SummaryFile(str(path), kind, doc.version, digest)


def issue_summary(
    ctx: Context, year: int, *, out_dir: Path | None = None, pdf: bool = False, today: dt.date | None = None
) -> IssuedSummary:
    """Render the year's summary and its tables and record them as the next version."""
    office, _ = office_settings()
    items = list_register(ctx, year=year)
    stats = stats_of(items, year=year)
    repeats = tuple(
        f"{i.unit}：{i.title}（{i.code}）"
        for i in items
        if i.repeat and i.status.value not in ("draft", "withdrawn")
    )
    with ctx.session() as session, session.begin():
        units = _units(session, year, items)
        s = stats.stats
        data = SummaryData(
            office=office.name,
            year=year,
            issued=today or dt.date.today(),
            units=units,
            categories=tuple((c, n, a) for c, n, a in s.by_category if n),
            sentence=stats.sentence,
            findings=s.findings,
            amount=s.amount,
            rectified=s.rectified,
            rate=format_rate(s),
            repeats=repeats,
        )
        docx_name, md_name = SUMMARY_TEMPLATES
        docx_t = find_template(docx_name, shipped_templates_dir(), user_templates_dir())
        md_t = find_template(md_name, shipped_templates_dir(), user_templates_dir())
        last = session.exec(
            select(func.max(SummaryDocument.version)).where(
                SummaryDocument.year == year, SummaryDocument.kind == "summary"
            )
        ).one()
        stem = f"{year}年度经审工作总结-v{(last or 0) + 1}"
        folder = (out_dir or default_documents_dir() / "summary").absolute()
        docx_path, md_path = render_summary(
            data, docx_template=docx_t, md_template=md_t, out_dir=folder, stem=stem
        )
        xlsx_path = folder / f"{stem}-统计表.xlsx"
        write_summary_workbook(xlsx_path, data)
        files = [
            _record(session, ctx.actor, year, "summary", docx_path),
            _record(session, ctx.actor, year, "summary-md", md_path),
            _record(session, ctx.actor, year, "summary-xlsx", xlsx_path),
        ]
        pdf_error = None
        if pdf:
            try:
                files.append(_record(session, ctx.actor, year, "summary-pdf", to_pdf(docx_path, folder)))
            except AuditdeskError as err:
                pdf_error = t(err.key, **err.params)
        return IssuedSummary(year, stats.sentence, tuple(files), pdf_error)

"""The register's round trip with the audited unit: export a workbook of the unit's findings, read
back what the unit filled in, show the changes, and apply them as lifecycle moves on confirmation.

The unit writes only 整改措施, 整改情况, 完成日期 and 整改状态. On import an unknown or altered finding
number, or a locked column changed (against the database and against the workbook's hidden record),
refuses the whole file. Applying re-reads the file and checks its sha256 against the previewed one
(fava's habit: never apply a file that changed since it was shown).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from auditdesk.core.errors import AuditdeskError
from auditdesk.core.money import from_fen
from auditdesk.core.register import Status, allowed_moves
from auditdesk.documents.register_workbook import (
    RegisterRow,
    ReturnedRow,
    WorkbookMeta,
    altered_columns,
    locked_texts,
    read_register,
    write_register,
)
from auditdesk.i18n import t
from auditdesk.ingest import sha256_file
from auditdesk.services.context import Context
from auditdesk.services.errors import ServiceError
from auditdesk.services.fieldwork import engagement_of
from auditdesk.services.imports import render_problem
from auditdesk.services.office import office_settings
from auditdesk.services.register import find_finding, findings_for_export
from auditdesk.services.register_views import status_label
from auditdesk.services.units import find_unit
from auditdesk.store import changelog
from auditdesk.store.models import Engagement, Finding, FindingEvent, Unit

UNIT_STATUS_MOVES = {
    "已完成整改": Status.REPORTED,
    "部分整改": Status.PARTIAL,
    "正在整改": Status.IN_PROGRESS,
    "无法整改": Status.REPORTED,
}
"""What the unit's 整改状态 asks for. 无法整改 is a report too: only an auditor (with an approver) can
decide that a finding cannot be rectified, so it waits as 已报整改 with the unit's reasons."""
NOTE_KEYS = (
    "workbook.note.columns",
    "workbook.note.measures",
    "workbook.note.date",
    "workbook.note.status",
    "workbook.note.rows",
    "workbook.note.return",
)


@dataclass(frozen=True)
class ExportResult:
    path: str
    sha256: str
    findings: int

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "findings": self.findings}


@dataclass(frozen=True)
class RowChange:
    code: str
    title: str
    unit: str
    status_before: Status
    status_after: Status
    changed: tuple[tuple[str, str, str], ...]  # (column, before, after)

    @property
    def moves(self) -> bool:
        return self.status_after is not self.status_before

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.code,
            "title": self.title,
            "unit": self.unit,
            "status_before": self.status_before.value,
            "status_after": self.status_after.value,
            "changes": [{"column": c, "before": b, "after": a} for c, b, a in self.changed],
        }


@dataclass(frozen=True)
class ImportPreview:
    file: str
    sha256: str
    rows: int
    changes: tuple[RowChange, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sha256": self.sha256,
            "rows": self.rows,
            "unchanged": self.rows - len(self.changes),
            "changes": [c.to_json() for c in self.changes],
        }


def _register_row(session: Session, f: Finding, seq: int, names: dict[int, str]) -> RegisterRow:
    engagement = session.get(Engagement, f.engagement_id)
    description = f.title if not f.facts else f"{f.title}\n{f.facts}"
    return RegisterRow(
        seq=seq,
        code=f.code,
        unit=names.get(f.unit_id, ""),
        engagement=engagement.reference if engagement else "",
        category=f.category,
        description=description,
        amount=from_fen(f.amount_fen),
        requirement=f.recommendation,
        deadline=f.deadline,
        measures=f.measures,
        progress=f.progress,
        completed=f.completed_on,
        unit_status=_unit_status(f),
    )


def _unit_status(f: Finding) -> str:
    return {
        Status.REPORTED.value: "已完成整改",
        Status.PARTIAL.value: "部分整改",
        Status.IN_PROGRESS.value: "正在整改",
    }.get(f.status, "")


def export_register(
    ctx: Context,
    path: Path,
    *,
    engagement: str | int | None = None,
    unit: str | None = None,
    open_only: bool = False,
) -> ExportResult:
    """Write the register workbook of an engagement or of a unit (issued findings; drafts stay home)."""
    if (engagement is None) == (unit is None):
        raise ServiceError("register.export_target")
    path = path.absolute()
    office, _ = office_settings()
    with ctx.session() as session:
        names = {u.id: u.name for u in session.exec(select(Unit)) if u.id is not None}
        if engagement is not None:
            found = engagement_of(session, engagement)
            rows = findings_for_export(session, found.id, None, open_only)
            subject = f"{names.get(found.unit_id, '')} {found.reference}"
        else:
            owner = find_unit(session, unit or "")
            rows = findings_for_export(session, None, owner.id, open_only)
            subject = owner.name
        if not rows:
            raise ServiceError("register.nothing_to_export", subject=subject)
        data = [_register_row(session, f, i, names) for i, f in enumerate(rows, start=1)]
    meta = WorkbookMeta(
        title=t("register.workbook.title", subject=subject),
        office=office.name,
        generated=dt.datetime.now(),
        notes=tuple(t(k) for k in NOTE_KEYS),
        status_error=t("workbook.hint.status_error"),
        date_error=t("workbook.hint.date_error"),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    digest = write_register(path, meta, data)
    with ctx.session() as session, session.begin():
        changelog.record(
            session,
            ctx.actor,
            "register_export",
            digest[:16],
            "export",
            None,
            {"file": path.name, "sha256": digest, "findings": [r.code for r in data]},
        )
    return ExportResult(str(path), digest, len(data))


def _read(path: Path) -> tuple[str, tuple[ReturnedRow, ...]]:
    if not path.is_file():
        raise ServiceError("evidence.no_file", file=str(path))
    digest = sha256_file(path)
    try:
        return digest, read_register(path)
    except AuditdeskError as err:
        if err.key == "workbook.problems":
            lines = "\n".join(render_problem(p) for p in err.params.get("problems", ()))
            raise ServiceError(
                "register.import_problems", file=path.name, count=err.params.get("count", 0), problems=lines
            ) from err
        raise ServiceError(err.key, **err.params) from err


def _changes(session: Session, rows: tuple[ReturnedRow, ...], file: str) -> list[RowChange]:
    unknown, altered, illegal = [], [], []
    changes: list[RowChange] = []
    names = {u.id: u.name for u in session.exec(select(Unit)) if u.id is not None}
    for row in rows:
        try:
            f = find_finding(session, row.code)
        except ServiceError:
            unknown.append(t("register.import_row", code=row.code, row=row.sheet_row))
            continue
        current = locked_texts(_register_row(session, f, 1, names))
        columns = set(altered_columns(row.locked, current))
        if row.recorded is not None:
            columns |= set(altered_columns(row.locked, row.recorded))
        columns.discard("序号")
        if columns:
            altered.append(f"{row.code}：{'、'.join(sorted(columns))}")
            continue
        before = Status(f.status)
        wanted = UNIT_STATUS_MOVES.get(row.unit_status) if row.unit_status else None
        after = wanted if wanted is not None and wanted is not before else before
        if after is not before and after not in allowed_moves(before):
            illegal.append(
                t(
                    "register.import_illegal",
                    code=row.code,
                    current=status_label(before.value),
                    wanted=row.unit_status,
                )
            )
            continue
        changed = tuple(
            (column, old, new)
            for column, old, new in (
                ("整改措施", f.measures, row.measures),
                ("整改情况", f.progress, row.progress),
                (
                    "完成日期",
                    f.completed_on.isoformat() if f.completed_on else "",
                    row.completed.isoformat() if row.completed else "",
                ),
            )
            if old != new
        )
        if changed or after is not before:
            changes.append(RowChange(row.code, f.title, names.get(f.unit_id, ""), before, after, changed))
    if unknown:
        raise ServiceError("register.import_unknown", file=file, codes="；".join(unknown))
    if altered:
        raise ServiceError("register.import_altered", file=file, rows="；".join(altered))
    if illegal:
        raise ServiceError("register.import_refused", file=file, rows="；".join(illegal))
    return changes


def preview_register_import(ctx: Context, path: Path) -> ImportPreview:
    """What importing the unit's workbook would change; nothing is written."""
    digest, rows = _read(path)
    with ctx.session() as session:
        changes = _changes(session, rows, path.name)
    return ImportPreview(path.name, digest, len(rows), tuple(changes))


def apply_register_import(ctx: Context, path: Path, expected_sha256: str | None = None) -> ImportPreview:
    """Apply the unit's workbook in one transaction: the reported texts are stored and each row whose
    整改状态 asks for it moves (to 已报整改, 部分整改 or 整改中), waiting for an auditor to verify."""
    digest, rows = _read(path)
    if expected_sha256 is not None and digest != expected_sha256:
        raise ServiceError("register.import_changed", file=path.name)
    with ctx.session() as session, session.begin():
        changes = _changes(session, rows, path.name)
        by_code = {r.code: r for r in rows}
        for change in changes:
            f = find_finding(session, change.code)
            row = by_code[change.code]
            before = {
                "status": f.status,
                "measures": f.measures,
                "progress": f.progress,
                "completed_on": f.completed_on,
            }
            f.measures, f.progress, f.completed_on = row.measures, row.progress, row.completed
            f.status = change.status_after.value
            f.updated_at = dt.datetime.now(dt.UTC)
            session.add(f)
            note = t(
                "register.import_note",
                file=path.name,
                measures=row.measures or "—",
                progress=row.progress or "—",
            )
            session.add(
                FindingEvent(
                    finding_id=f.id or 0,
                    who=ctx.actor,
                    from_status=change.status_before.value,
                    to_status=change.status_after.value,
                    note=note,
                )
            )
            session.flush()
            changelog.record(
                session,
                ctx.actor,
                "finding",
                f.id,
                "unit_report",
                before,
                {
                    "status": f.status,
                    "measures": f.measures,
                    "progress": f.progress,
                    "completed_on": f.completed_on,
                    "file": path.name,
                    "sha256": digest,
                },
            )
    return ImportPreview(path.name, digest, len(rows), tuple(changes))

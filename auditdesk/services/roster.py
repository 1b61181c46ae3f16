"""Unit roster import: create or update every unit a roster names, in one transaction — or nothing.

A roster row is matched to a stored unit by its name, or by its code when the name is new (a
rename, reported as such). Only the fields the roster gives are changed: an empty cell leaves the
stored value as it is. Strict like the ledger import: any problem in any row and nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from auditdesk.core.ledger import RowProblem, SkippedRow
from auditdesk.core.money import format_amount, format_thousands, from_fen, to_fen
from auditdesk.i18n import t
from auditdesk.ingest.roster import ParsedRoster, RosterRow, parse_roster
from auditdesk.services.context import Context
from auditdesk.services.imports import problem_message
from auditdesk.services.units import unit_snapshot
from auditdesk.store import changelog
from auditdesk.store.models import Unit

# Roster field -> how it is stored (payroll as fen) and shown.
_STORED = ("code", "members", "employees", "payroll", "chair", "contact", "last_audit_year")


@dataclass(frozen=True)
class FieldChange:
    field: str  # "name", "code", "members", "employees", "payroll", "chair", "contact", "last_audit_year"
    before: Any  # payroll as Decimal
    after: Any

    def to_json(self) -> dict[str, Any]:
        return {"before": _json_value(self.before), "after": _json_value(self.after)}


@dataclass(frozen=True)
class UnitUpdate:
    name: str  # the name after the import
    changes: tuple[FieldChange, ...]
    renamed_from: str | None = None  # matched by code, and the roster gives a new name

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "renamed_from": self.renamed_from,
            "changes": {c.field: c.to_json() for c in self.changes},
        }


@dataclass(frozen=True)
class RosterReport:
    status: str  # "imported" | "rejected" | "dry-run"
    file: str
    created: tuple[str, ...]
    updated: tuple[UnitUpdate, ...]
    unchanged: tuple[str, ...]
    errors: tuple[RowProblem, ...]
    skipped: tuple[SkippedRow, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The CLI contract of ``auditdesk units import --json``: exactly these keys."""
        return {
            "status": self.status,
            "created": list(self.created),
            "updated": [u.to_json() for u in self.updated],
            "unchanged": list(self.unchanged),
            "errors": [error_json(p) for p in self.errors],
        }


def error_json(p: RowProblem) -> dict[str, Any]:
    message = problem_message(p)
    return {"sheet": p.sheet, "row": p.row, "column": p.column, "value": p.value, "message": message}


def show_value(value: Any) -> str:
    """A stored or roster value as people read it (payroll with thousands separators)."""
    if value is None or value == "":
        return t("roster.empty_value")
    if isinstance(value, Decimal):
        return format_thousands(value)
    return str(value)


def render_change(change: FieldChange) -> str:
    field = t(f"roster.field.{change.field}")
    return t("roster.change", field=field, before=show_value(change.before), after=show_value(change.after))


def render_update(update: UnitUpdate) -> str:
    """``会员人数 42 → 44；上次审计年度 （空） → 2021``, with the former name when renamed."""
    text = "；".join(render_change(c) for c in update.changes)
    if update.renamed_from:
        text += t("roster.renamed", old=update.renamed_from)
    return text


def _json_value(value: Any) -> Any:
    return format_amount(value) if isinstance(value, Decimal) else value


@dataclass
class _Plan:
    creates: list[RosterRow]
    updates: list[tuple[Unit, RosterRow, UnitUpdate]]
    unchanged: list[str]
    problems: list[RowProblem]


def import_roster(
    ctx: Context, path: Path, *, dry_run: bool = False, sheets: Sequence[str] | None = None
) -> RosterReport:
    """Read the roster at ``path``; unless it has problems or ``dry_run``, store it in one transaction.

    A file that cannot be read at all raises ``IngestError``; bad rows come back as ``errors``."""
    parsed = parse_roster(Path(path), sheets=sheets)
    if parsed.problems:
        return _report(parsed, "rejected", _Plan([], [], [], list(parsed.problems)))
    if dry_run:
        with ctx.session() as session:
            plan = _plan(session, parsed.rows)
        return _report(parsed, "rejected" if plan.problems else "dry-run", plan)
    with ctx.session() as session, session.begin():
        plan = _plan(session, parsed.rows)
        if plan.problems:  # nothing written yet: the transaction ends empty
            return _report(parsed, "rejected", plan)
        _apply(session, ctx.actor, plan)
    return _report(parsed, "imported", plan)


def _report(parsed: ParsedRoster, status: str, plan: _Plan) -> RosterReport:
    rejected = status == "rejected"
    return RosterReport(
        status=status,
        file=parsed.path.name,
        created=() if rejected else tuple(r.name for r in plan.creates),
        updated=() if rejected else tuple(u for _, _, u in plan.updates),
        unchanged=() if rejected else tuple(plan.unchanged),
        errors=tuple(plan.problems),
        skipped=parsed.skipped,
    )


def _plan(session: Session, rows: Sequence[RosterRow]) -> _Plan:
    units = list(session.exec(select(Unit)).all())
    by_name = {u.name: u for u in units}
    by_code: dict[str, Unit] = {}
    for u in units:
        if u.code:
            by_code.setdefault(u.code, u)
    plan = _Plan([], [], [], [])
    claimed: dict[int, RosterRow] = {}
    for row in rows:
        unit = by_name.get(row.name)
        if unit is None and row.code:
            unit = by_code.get(row.code)
        if unit is None:
            plan.creates.append(row)
            continue
        assert unit.id is not None
        first = claimed.setdefault(unit.id, row)
        if first is not row:
            plan.problems.append(
                RowProblem(row.sheet, row.row, "", "", row.name, "roster.same_unit",
                           {"sheet": first.sheet, "row": first.row, "unit": unit.name})
            )
            continue
        changes = _changes(unit, row)
        if changes:
            renamed = unit.name if unit.name != row.name else None
            plan.updates.append((unit, row, UnitUpdate(row.name, tuple(changes), renamed)))
        else:
            plan.unchanged.append(unit.name)
    return plan


def _stored(unit: Unit, field: str) -> Any:
    if field == "payroll":
        return None if unit.payroll_fen is None else from_fen(unit.payroll_fen)
    return getattr(unit, field)


def _changes(unit: Unit, row: RosterRow) -> list[FieldChange]:
    out: list[FieldChange] = []
    if unit.name != row.name:
        out.append(FieldChange("name", unit.name, row.name))
    for field in _STORED:
        new = getattr(row, field)
        if new is None:
            continue  # an empty cell leaves the stored value
        old = _stored(unit, field)
        if old != new:
            out.append(FieldChange(field, old, new))
    return out


def _apply(session: Session, actor: str, plan: _Plan) -> None:
    for unit, _row, update in plan.updates:
        before = unit_snapshot(unit)
        for change in update.changes:
            if change.field == "payroll":
                unit.payroll_fen = to_fen(change.after)
            else:
                setattr(unit, change.field, change.after)
        session.add(unit)
        session.flush()
        changelog.record(session, actor, "unit", unit.id, "update", before, unit_snapshot(unit))
    for row in plan.creates:
        unit = Unit(
            name=row.name,
            code=row.code,
            members=row.members,
            employees=row.employees,
            payroll_fen=None if row.payroll is None else to_fen(row.payroll),
            chair=row.chair,
            contact=row.contact,
            last_audit_year=row.last_audit_year,
        )
        session.add(unit)
        session.flush()
        changelog.record(session, actor, "unit", unit.id, "create", None, unit_snapshot(unit))

"""Units (基层工会): add, edit, list, find with suggestions."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, select

from auditdesk.core.money import from_fen, to_fen
from auditdesk.services.context import Context
from auditdesk.services.errors import ServiceError
from auditdesk.store import changelog
from auditdesk.store.models import LedgerImport, Unit


@dataclass(frozen=True)
class UnitView:
    id: int
    name: str
    code: str | None
    members: int | None
    employees: int | None
    payroll: Decimal | None
    chair: str | None
    contact: str | None
    parent: str | None
    years: tuple[int, ...]
    last_audit_year: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "code": self.code,
            "members": self.members,
            "employees": self.employees,
            "payroll": None if self.payroll is None else f"{self.payroll:.2f}",
            "chair": self.chair,
            "contact": self.contact,
            "parent": self.parent,
            "years": list(self.years),
            "last_audit_year": self.last_audit_year,
        }


_FIELDS = (
    "name", "code", "members", "employees", "payroll_fen", "chair", "contact", "parent", "last_audit_year"
)
MIN_AUDIT_YEAR = 1990


def unit_snapshot(unit: Unit) -> dict[str, Any]:
    return {f: getattr(unit, f) for f in _FIELDS}


def _view(session: Session, unit: Unit) -> UnitView:
    assert unit.id is not None
    years = session.exec(
        select(LedgerImport.year)
        .where(LedgerImport.unit_id == unit.id, LedgerImport.status == "active")
        .distinct()
        .order_by(col(LedgerImport.year))
    ).all()
    return UnitView(
        id=unit.id,
        name=unit.name,
        code=unit.code,
        members=unit.members,
        employees=unit.employees,
        payroll=None if unit.payroll_fen is None else from_fen(unit.payroll_fen),
        chair=unit.chair,
        contact=unit.contact,
        parent=unit.parent,
        years=tuple(years),
        last_audit_year=unit.last_audit_year,
    )


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ServiceError("unit.name_empty")
    return cleaned


def _check_audit_year(year: int | None) -> None:
    last = dt.date.today().year
    if year is not None and not MIN_AUDIT_YEAR <= year <= last:
        raise ServiceError("roster.bad_audit_year", value=year, first=MIN_AUDIT_YEAR, last=last)


def _check_counts(members: int | None, employees: int | None, payroll: Decimal | None) -> None:
    for label, value in (("members", members), ("employees", employees)):
        if value is not None and value < 0:
            raise ServiceError("unit.negative", field=label, value=value)
    if payroll is not None and payroll < 0:
        raise ServiceError("unit.negative", field="payroll", value=payroll)


def find_unit(session: Session, name: str) -> Unit:
    """The unit called ``name`` (or with that code); otherwise an error naming the closest units."""
    wanted = " ".join(name.split())
    unit = session.exec(select(Unit).where(Unit.name == wanted)).first()
    if unit is None and wanted:
        unit = session.exec(select(Unit).where(Unit.code == wanted)).first()
    if unit is not None:
        return unit
    names = list(session.exec(select(Unit.name)).all())
    close = difflib.get_close_matches(wanted, names, n=3, cutoff=0.3)
    close += [n for n in names if wanted and (wanted in n or n in wanted) and n not in close]
    raise ServiceError("unit.not_found", name=wanted, suggestions="、".join(close[:3]) or "—")


def list_units(ctx: Context) -> list[UnitView]:
    with ctx.session() as session:
        units = session.exec(select(Unit).order_by(col(Unit.name))).all()
        return [_view(session, u) for u in units]


def get_unit(ctx: Context, name: str) -> UnitView:
    with ctx.session() as session:
        return _view(session, find_unit(session, name))


def add_unit(
    ctx: Context,
    name: str,
    *,
    code: str | None = None,
    members: int | None = None,
    employees: int | None = None,
    payroll: Decimal | None = None,
    chair: str | None = None,
    contact: str | None = None,
    parent: str | None = None,
    last_audit_year: int | None = None,
) -> UnitView:
    name = _clean_name(name)
    _check_counts(members, employees, payroll)
    _check_audit_year(last_audit_year)
    with ctx.session() as session, session.begin():
        if session.exec(select(Unit).where(Unit.name == name)).first() is not None:
            raise ServiceError("unit.exists", name=name)
        unit = Unit(
            name=name,
            code=code or None,
            members=members,
            employees=employees,
            payroll_fen=None if payroll is None else to_fen(payroll),
            chair=chair or None,
            contact=contact or None,
            parent=parent or None,
            last_audit_year=last_audit_year,
        )
        session.add(unit)
        session.flush()
        changelog.record(session, ctx.actor, "unit", unit.id, "create", None, unit_snapshot(unit))
        return _view(session, unit)


def edit_unit(
    ctx: Context,
    name: str,
    *,
    new_name: str | None = None,
    code: str | None = None,
    members: int | None = None,
    employees: int | None = None,
    payroll: Decimal | None = None,
    chair: str | None = None,
    contact: str | None = None,
    parent: str | None = None,
    last_audit_year: int | None = None,
) -> UnitView:
    """Change the given fields (``None`` leaves a field as it is)."""
    _check_counts(members, employees, payroll)
    _check_audit_year(last_audit_year)
    with ctx.session() as session, session.begin():
        unit = find_unit(session, name)
        before = unit_snapshot(unit)
        if new_name is not None:
            cleaned = _clean_name(new_name)
            clash = session.exec(select(Unit).where(Unit.name == cleaned, Unit.id != unit.id)).first()
            if clash is not None:
                raise ServiceError("unit.exists", name=cleaned)
            unit.name = cleaned
        for field, value in (
            ("code", code),
            ("members", members),
            ("employees", employees),
            ("chair", chair),
            ("contact", contact),
            ("parent", parent),
            ("last_audit_year", last_audit_year),
        ):
            if value is not None:
                setattr(unit, field, value)
        if payroll is not None:
            unit.payroll_fen = to_fen(payroll)
        after = unit_snapshot(unit)
        if after != before:
            session.add(unit)
            session.flush()
            changelog.record(session, ctx.actor, "unit", unit.id, "update", before, after)
        return _view(session, unit)

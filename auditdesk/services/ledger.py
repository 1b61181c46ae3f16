"""Reading stored ledgers: pages of entries with totals over the whole filter, and the imports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import col, select

from auditdesk.core.money import format_amount, from_fen
from auditdesk.services.context import Context
from auditdesk.services.units import find_unit
from auditdesk.store.models import LedgerEntry, LedgerImport, QuarantinedRow, Unit


@dataclass(frozen=True)
class LedgerFilter:
    unit: str
    year: int
    account: str | None = None  # code prefix or part of the account name
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str | None = None  # part of the summary


@dataclass(frozen=True)
class EntryRow:
    id: int
    date: dt.date
    voucher: str
    summary: str
    account_code: str
    account_name: str
    debit: Decimal
    credit: Decimal
    sheet: str
    row: int
    is_closing: bool
    resolved: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "voucher": self.voucher,
            "summary": self.summary,
            "account_code": self.account_code,
            "account_name": self.account_name,
            "debit": format_amount(self.debit),
            "credit": format_amount(self.credit),
            "sheet": self.sheet,
            "row": self.row,
            "closing": self.is_closing,
            "resolved": self.resolved,
        }


@dataclass(frozen=True)
class LedgerPage:
    rows: tuple[EntryRow, ...]
    total: int
    debit_total: Decimal
    credit_total: Decimal
    offset: int
    limit: int


@dataclass(frozen=True)
class ImportView:
    id: int
    unit: str
    year: int
    file: str
    sha256: str
    format: str
    status: str
    entries: int
    quarantined: int
    debit_total: Decimal
    credit_total: Decimal
    who: str
    when: dt.datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "unit": self.unit,
            "year": self.year,
            "file": self.file,
            "sha256": self.sha256,
            "format": self.format,
            "status": self.status,
            "entries": self.entries,
            "quarantined": self.quarantined,
            "debit_total": format_amount(self.debit_total),
            "credit_total": format_amount(self.credit_total),
            "who": self.who,
            "when": self.when.isoformat(),
        }


def _conditions(unit_id: int, flt: LedgerFilter) -> list[Any]:
    active = select(LedgerImport.id).where(LedgerImport.unit_id == unit_id, LedgerImport.status == "active")
    conds: list[Any] = [
        LedgerEntry.unit_id == unit_id,
        LedgerEntry.year == flt.year,
        col(LedgerEntry.import_id).in_(active),
    ]
    if flt.account:
        text = flt.account.strip()
        conds.append(
            or_(
                col(LedgerEntry.account_code).startswith(text, autoescape=True),
                col(LedgerEntry.chart_code).startswith(text, autoescape=True),
                col(LedgerEntry.account_name).contains(text, autoescape=True),
                col(LedgerEntry.chart_name).contains(text, autoescape=True),
            )
        )
    if flt.date_from:
        conds.append(LedgerEntry.date >= flt.date_from)
    if flt.date_to:
        conds.append(LedgerEntry.date <= flt.date_to)
    if flt.text:
        conds.append(col(LedgerEntry.summary).contains(flt.text.strip(), autoescape=True))
    return conds


def query_ledger(ctx: Context, flt: LedgerFilter, *, offset: int = 0, limit: int = 100) -> LedgerPage:
    """One page of entries, and the count and sums over every entry the filter selects."""
    offset = max(0, offset)
    limit = max(1, min(limit, 10_000))
    with ctx.session() as session:
        unit = find_unit(session, flt.unit)
        assert unit.id is not None
        conds = _conditions(unit.id, flt)
        count, debit, credit = session.exec(
            select(
                func.count(col(LedgerEntry.id)),
                func.coalesce(func.sum(LedgerEntry.debit_fen), 0),
                func.coalesce(func.sum(LedgerEntry.credit_fen), 0),
            ).where(*conds)
        ).one()
        found = session.exec(
            select(LedgerEntry)
            .where(*conds)
            .order_by(col(LedgerEntry.date), col(LedgerEntry.id))
            .offset(offset)
            .limit(limit)
        ).all()
        rows = tuple(entry_row(e) for e in found)
    return LedgerPage(rows, int(count), from_fen(int(debit)), from_fen(int(credit)), offset, limit)


def entry_row(e: LedgerEntry) -> EntryRow:
    assert e.id is not None
    return EntryRow(
        id=e.id,
        date=e.date,
        voucher=e.voucher,
        summary=e.summary,
        account_code=e.account_code,
        account_name=e.account_name,
        debit=from_fen(e.debit_fen),
        credit=from_fen(e.credit_fen),
        sheet=e.sheet,
        row=e.row,
        is_closing=e.is_closing,
        resolved=e.chart_code is not None,
    )


def list_imports(ctx: Context, unit: str | None = None) -> list[ImportView]:
    with ctx.session() as session:
        query = select(LedgerImport, Unit.name).join(Unit, col(Unit.id) == LedgerImport.unit_id)
        if unit is not None:
            query = query.where(LedgerImport.unit_id == find_unit(session, unit).id)
        found = session.exec(query.order_by(col(Unit.name), col(LedgerImport.year), col(LedgerImport.id)))
        return [
            ImportView(
                id=imp.id or 0,
                unit=name,
                year=imp.year,
                file=imp.file_name,
                sha256=imp.sha256,
                format=imp.format,
                status=imp.status,
                entries=imp.entries,
                quarantined=imp.quarantined,
                debit_total=from_fen(imp.debit_fen),
                credit_total=from_fen(imp.credit_fen),
                who=imp.who,
                when=imp.at,
            )
            for imp, name in found
        ]


@dataclass(frozen=True)
class QuarantineView:
    import_id: int
    sheet: str
    row: int
    raw: tuple[str, ...]
    problems: tuple[dict[str, Any], ...]  # column, header, value, key, params


def list_quarantine(ctx: Context, unit: str, year: int | None = None) -> list[QuarantineView]:
    """The rows kept aside by ``--quarantine`` imports of a unit's active ledgers."""
    with ctx.session() as session:
        unit_row = find_unit(session, unit)
        query = (
            select(QuarantinedRow)
            .join(LedgerImport, col(LedgerImport.id) == QuarantinedRow.import_id)
            .where(LedgerImport.unit_id == unit_row.id, LedgerImport.status == "active")
        )
        if year is not None:
            query = query.where(LedgerImport.year == year)
        found = session.exec(query.order_by(col(QuarantinedRow.import_id), col(QuarantinedRow.id)))
        return [
            QuarantineView(q.import_id, q.sheet, q.row, tuple(str(v) for v in q.raw), tuple(q.problems))
            for q in found
        ]

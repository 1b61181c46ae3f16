"""Ledger import: parse and validate a file, then store it whole in one transaction — or nothing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, select

from auditdesk.core.accounts import Account, closing_flags, resolve_account
from auditdesk.core.ledger import (
    Entry,
    LedgerStats,
    Reconciliation,
    RowProblem,
    SkippedRow,
    compute_stats,
)
from auditdesk.core.money import format_amount, to_fen
from auditdesk.i18n import t
from auditdesk.ingest import ParsedLedger, SheetReport, collector_paused, parse_ledger
from auditdesk.services.context import Context
from auditdesk.services.errors import ServiceError
from auditdesk.services.units import find_unit
from auditdesk.store import changelog
from auditdesk.store.bulk import insert_entries
from auditdesk.store.models import LedgerImport, QuarantinedRow

MIN_YEAR, MAX_YEAR = 1990, 2100
PREVIEW_ROWS = 20


@dataclass(frozen=True)
class ImportReport:
    status: str  # "imported" | "rejected" | "dry-run"
    import_id: int | None
    unit: str
    year: int
    sha256: str
    file: str
    format: str
    entries: int
    quarantined: int
    vouchers: int
    debit_total: Decimal
    credit_total: Decimal
    date_from: dt.date | None
    date_to: dt.date | None
    skipped: tuple[SkippedRow, ...]
    errors: tuple[RowProblem, ...]
    reconciliation: tuple[Reconciliation, ...]
    sheets: tuple[SheetReport, ...]
    stats: LedgerStats
    unresolved_accounts: tuple[str, ...] = ()
    closing_entries: int = 0
    replaced: int | None = None  # the import this one superseded (--force)
    preview: tuple[Entry, ...] = ()  # the first entries read, for the TUI's preview
    other_year: int | None = None  # most rows are dated in this other year: --year is likely wrong

    def year_hint(self) -> str | None:
        if self.other_year is None:
            return None
        return t("import.other_year", found=self.other_year, year=self.year)

    def to_json(self) -> dict[str, Any]:
        """The CLI contract of ``auditdesk import --json``: exactly these keys."""
        return {
            "status": self.status,
            "import_id": self.import_id,
            "unit": self.unit,
            "year": self.year,
            "entries": self.entries,
            "quarantined": self.quarantined,
            "vouchers": self.vouchers,
            "debit_total": format_amount(self.debit_total),
            "credit_total": format_amount(self.credit_total),
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "skipped": [{"sheet": s.sheet, "row": s.row, "reason": t(s.key)} for s in self.skipped],
            "errors": [
                {
                    "sheet": p.sheet,
                    "row": p.row,
                    "column": p.column,
                    "value": p.value,
                    "message": problem_message(p),
                }
                for p in self.errors
            ],
            "reconciliation": [reconciliation_json(r) for r in self.reconciliation],
            "sha256": self.sha256,
        }


def problem_message(p: RowProblem) -> str:
    reason = t(p.key, **p.params)
    if p.header:
        return t("import.problem_in_column", header=p.header, reason=reason)
    return reason


def stored_problem_message(problem: Mapping[str, Any]) -> str:
    """The reason of a problem as kept with a quarantined row (column, header, value, key, params)."""
    return problem_message(
        RowProblem(
            sheet="",
            row=0,
            column=problem.get("column", ""),
            header=problem.get("header", ""),
            value=problem.get("value", ""),
            key=problem["key"],
            params=problem.get("params", {}),
        )
    )


def render_problem(p: RowProblem) -> str:
    """One line with sheet, row, column, value and reason."""
    column = p.column or "—"
    return t("import.problem_line", sheet=p.sheet, row=p.row, column=column, reason=problem_message(p))


def render_skipped(s: SkippedRow) -> str:
    return t("import.skipped_line", sheet=s.sheet, row=s.row, reason=t(s.key), text=s.text)


def render_reconciliation(r: Reconciliation) -> str:
    key = "import.recon_ok" if r.ok else "import.recon_diff"
    return t(
        key,
        sheet=r.sheet,
        row=r.row,
        label=r.label,
        stated_debit="—" if r.stated_debit is None else format_amount(r.stated_debit),
        stated_credit="—" if r.stated_credit is None else format_amount(r.stated_credit),
        debit=format_amount(r.computed_debit),
        credit=format_amount(r.computed_credit),
    )


def reconciliation_json(r: Reconciliation) -> dict[str, Any]:
    def money(v: Decimal | None) -> str | None:
        return None if v is None else format_amount(v)

    return {
        "sheet": r.sheet,
        "row": r.row,
        "label": r.label,
        "stated_debit": money(r.stated_debit),
        "stated_credit": money(r.stated_credit),
        "computed_debit": format_amount(r.computed_debit),
        "computed_credit": format_amount(r.computed_credit),
        "ok": r.ok,
    }


def preview_import(
    ctx: Context,
    path: Path,
    unit: str,
    year: int,
    *,
    sheets: Sequence[str] | None = None,
    mapping: Mapping[str, str] | None = None,
    force: bool = False,
) -> ImportReport:
    """Parse and validate without writing anything (``force``: a file imported before is no error)."""
    return import_ledger(ctx, path, unit, year, sheets=sheets, mapping=mapping, force=force, dry_run=True)


def import_ledger(
    ctx: Context,
    path: Path,
    unit: str,
    year: int,
    *,
    sheets: Sequence[str] | None = None,
    mapping: Mapping[str, str] | None = None,
    quarantine: bool = False,
    force: bool = False,
    dry_run: bool = False,
) -> ImportReport:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ServiceError("import.bad_year", year=year)
    with ctx.session() as session:
        unit_row = find_unit(session, unit)
        unit_name, unit_id = unit_row.name, unit_row.id
    assert unit_id is not None
    with collector_paused():  # 100,000 entries make millions of objects and no cycles
        parsed = parse_ledger(Path(path), year, sheets=sheets, mapping=mapping)
        prepared = _prepare(parsed, year)
        rejected = bool(parsed.problems) and not quarantine
        status = "rejected" if rejected else ("dry-run" if dry_run else "imported")
        if rejected or dry_run:
            if not rejected:
                _check_duplicate(ctx, unit_id, year, parsed, force=force)
            return _report(parsed, prepared, unit_name, year, status, None, None)
        with ctx.session() as session, session.begin():
            replaced = _check_duplicate_in(session, unit_id, year, parsed, force=force)
            import_id = _store(session, ctx.actor, unit_id, year, parsed, prepared, replaced)
    return _report(parsed, prepared, unit_name, year, status, import_id, replaced)


@dataclass(frozen=True)
class _Prepared:
    stats: LedgerStats
    closing: list[bool]  # per entry: part of a year-end closing
    accounts: dict[tuple[str, str], Account | None]  # per distinct (code, name): the chart's account
    unresolved: tuple[str, ...]


def _prepare(parsed: ParsedLedger, year: int) -> _Prepared:
    """Resolve accounts, flag closing entries and compute the statistics (a hot path: 100,000
    entries in the benchmark, so accounts are resolved once per distinct code and name)."""
    entries = parsed.entries
    flags = closing_flags(entries, year)
    pairs = dict.fromkeys(zip(map(_CODE, entries), map(_NAME, entries), strict=True))
    accounts = {pair: resolve_account(pair[0], pair[1], year) for pair in pairs}
    unresolved = tuple(
        dict.fromkeys(" ".join(p for p in pair if p) for pair, a in accounts.items() if a is None)
    )
    stats = compute_stats(entries, double_entry=parsed.double_entry)
    return _Prepared(stats, flags, accounts, unresolved)


_CODE = attrgetter("account_code")
_NAME = attrgetter("account_name")


def _check_duplicate(ctx: Context, unit_id: int, year: int, parsed: ParsedLedger, *, force: bool) -> None:
    with ctx.session() as session:
        _check_duplicate_in(session, unit_id, year, parsed, force=force)


def _check_duplicate_in(
    session: Session, unit_id: int, year: int, parsed: ParsedLedger, *, force: bool
) -> LedgerImport | None:
    earlier = session.exec(
        select(LedgerImport).where(
            LedgerImport.unit_id == unit_id,
            LedgerImport.year == year,
            LedgerImport.sha256 == parsed.sha256,
            LedgerImport.status == "active",
        )
    ).first()
    if earlier is not None and not force:
        raise ServiceError(
            "import.duplicate",
            file=earlier.file_name,
            import_id=earlier.id,
            when=earlier.at.strftime("%Y-%m-%d %H:%M"),
            who=earlier.who,
        )
    return earlier


def _store(
    session: Session,
    actor: str,
    unit_id: int,
    year: int,
    parsed: ParsedLedger,
    prepared: _Prepared,
    replaced: LedgerImport | None,
) -> int:
    stats = prepared.stats
    record = LedgerImport(
        unit_id=unit_id,
        year=year,
        file_name=parsed.path.name,
        sha256=parsed.sha256,
        format=parsed.format,
        encoding=parsed.encoding,
        layouts=[{"sheet": s.name, "layout": s.layout, "header_row": s.header_row} for s in parsed.sheets],
        who=actor,
        entries=stats.entries,
        quarantined=len({(p.sheet, p.row) for p in parsed.problems}),
        vouchers=stats.vouchers,
        debit_fen=to_fen(stats.debit_total),
        credit_fen=to_fen(stats.credit_total),
        date_from=stats.date_from,
        date_to=stats.date_to,
    )
    session.add(record)
    session.flush()
    import_id = record.id
    assert import_id is not None
    entries = parsed.entries
    insert_entries(session, import_id, unit_id, year, entries, prepared.closing, prepared.accounts)
    quarantined = _quarantine_rows(parsed.problems, import_id)
    if quarantined:
        session.execute(insert(QuarantinedRow), quarantined)
    if replaced is not None:
        before = {"status": replaced.status}
        replaced.status = "superseded"
        replaced.superseded_by = import_id
        session.add(replaced)
        changelog.record(
            session,
            actor,
            "ledger_import",
            replaced.id,
            "supersede",
            before,
            {"status": "superseded", "superseded_by": import_id},
        )
    changelog.record(session, actor, "ledger_import", import_id, "import", None, _summary(record))
    return import_id


def _quarantine_rows(problems: Sequence[RowProblem], import_id: int) -> list[dict[str, Any]]:
    by_row: dict[tuple[str, int], dict[str, Any]] = {}
    for p in problems:
        item = by_row.setdefault(
            (p.sheet, p.row),
            {"import_id": import_id, "sheet": p.sheet, "row": p.row, "raw": list(p.raw), "problems": []},
        )
        item["problems"].append(
            {"column": p.column, "header": p.header, "value": p.value, "key": p.key, "params": dict(p.params)}
        )
    return list(by_row.values())


def _summary(record: LedgerImport) -> dict[str, Any]:
    return {
        "unit_id": record.unit_id,
        "year": record.year,
        "file": record.file_name,
        "sha256": record.sha256,
        "format": record.format,
        "entries": record.entries,
        "quarantined": record.quarantined,
        "debit_fen": record.debit_fen,
        "credit_fen": record.credit_fen,
    }


def _report(
    parsed: ParsedLedger,
    prepared: _Prepared,
    unit: str,
    year: int,
    status: str,
    import_id: int | None,
    replaced: LedgerImport | None,
) -> ImportReport:
    stats = prepared.stats
    stored = status != "rejected"
    return ImportReport(
        status=status,
        import_id=import_id,
        unit=unit,
        year=year,
        sha256=parsed.sha256,
        file=parsed.path.name,
        format=parsed.format,
        entries=stats.entries,
        quarantined=len({(p.sheet, p.row) for p in parsed.problems}) if stored else 0,
        vouchers=stats.vouchers,
        debit_total=stats.debit_total,
        credit_total=stats.credit_total,
        date_from=stats.date_from,
        date_to=stats.date_to,
        skipped=parsed.skipped,
        errors=parsed.problems,
        reconciliation=parsed.reconciliation,
        sheets=parsed.sheets,
        stats=stats,
        unresolved_accounts=prepared.unresolved,
        closing_entries=sum(prepared.closing),
        replaced=None if replaced is None else replaced.id,
        preview=tuple(parsed.entries[:PREVIEW_ROWS]),
        other_year=_other_year(parsed),
    )


def _other_year(parsed: ParsedLedger) -> int | None:
    """The year most rows are dated in, when that is not the year asked for (a likely slip)."""
    found = Counter(p.params["found"] for p in parsed.problems if p.key == "ingest.date_outside_year")
    if not found:
        return None
    year, count = found.most_common(1)[0]
    return int(year) if count > len(parsed.entries) else None

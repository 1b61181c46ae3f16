"""``parse_ledger``: one file -> ParsedLedger (entries, problems, skipped rows, reconciliations)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from auditdesk.core.ledger import Entry, Reconciliation, RowProblem, SkippedRow
from auditdesk.ingest.layout import ColumnMap, Layout, detect
from auditdesk.ingest.model import IngestError, ParsedLedger, SheetReport
from auditdesk.ingest.normalize import SheetResult, parse_sheet
from auditdesk.ingest.readers import RawSheet, read_book
from auditdesk.ingest.totals import Carry


def parse_ledger(
    path: Path, year: int, *, sheets: Sequence[str] | None = None, mapping: Mapping[str, str] | None = None
) -> ParsedLedger:
    """Read every entry of the ledger at ``path`` for fiscal ``year``.

    Raises IngestError when the file as a whole cannot be read; a row that cannot be read is a
    RowProblem in the result, never an exception.
    """
    cmap = ColumnMap.parse(mapping)
    with collector_paused():
        return _parse(Path(path), year, sheets, cmap)


_gc_lock = threading.Lock()
_gc_depth = 0
_gc_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (nested and threaded uses nest: the last one re-enables).

    Reading builds millions of small objects and no cycles; the collector would only traverse them
    again and again (about a quarter of the time on a 100,000-row journal). The import service keeps
    it paused on through resolving, statistics and storing, which build as many objects again.
    Safe when several imports run at once (a TUI worker beside the CLI)."""
    global _gc_depth, _gc_was_enabled
    with _gc_lock:
        if _gc_depth == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_depth += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_depth -= 1
            if _gc_depth == 0 and _gc_was_enabled:
                gc.enable()


def _parse(path: Path, year: int, sheets: Sequence[str] | None, cmap: ColumnMap) -> ParsedLedger:
    book = read_book(path, sheets)
    if all(_empty(s) for s in book.sheets):
        if sheets and book.sheets:
            raise IngestError("ingest.no_header", sheet=book.sheets[0].name)
        raise IngestError("ingest.empty", path=str(path))
    reports: list[SheetReport] = []
    entries: list[Entry] = []
    problems: list[RowProblem] = []
    skipped: list[SkippedRow] = []
    recs: list[Reconciliation] = []
    carry: Carry = {}
    parsed = 0
    for raw in book.sheets:
        if _empty(raw):
            reports.append(_skipped_report(raw.name, "layout.empty"))
            continue
        layout = detect(raw, cmap, year)
        if layout is None:
            if sheets:
                raise IngestError("ingest.no_header", sheet=raw.name)
            reports.append(_skipped_report(raw.name, "layout.none"))
            continue
        parsed += 1
        result = parse_sheet(raw, layout, year, carry)
        kind, double = _kind(raw, layout, result)
        if kind == "layout.single_account":
            result.problems.insert(
                0,
                RowProblem(
                    raw.name, layout.header_row + 1, "", "", "", "ingest.account_unknown", {"sheet": raw.name}
                ),
            )
        reports.append(
            SheetReport(
                name=raw.name,
                layout=kind,
                header_row=layout.header_row + 1,
                header=layout.labels,
                columns=layout.letters(),
                entries=len(result.entries),
                skipped=len(result.skipped),
                problems=len(result.problems),
                double_entry=double,
            )
        )
        entries += result.entries
        problems += result.problems
        skipped += result.skipped
        recs += result.reconciliation
    if not parsed:
        first = next(s.name for s in book.sheets if not _empty(s))
        raise IngestError("ingest.no_header", sheet=first)
    unused = [f"{col}={name}" for col, name in cmap.specs.items() if col not in cmap.used]
    if unused:
        raise IngestError("ingest.bad_map", spec="、".join(unused))
    return ParsedLedger(
        path=path,
        format=book.format,
        encoding=book.encoding,
        sha256=book.sha256,
        sheets=tuple(reports),
        entries=tuple(entries),
        problems=tuple(problems),
        skipped=tuple(skipped),
        reconciliation=tuple(recs),
        double_entry=all(r.double_entry for r in reports if r.layout not in _SKIPPED),
    )


_SKIPPED = ("layout.empty", "layout.none")


def _empty(sheet: RawSheet) -> bool:
    return not any(_filled(v) for row in sheet.rows for v in row)


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _skipped_report(name: str, layout: str) -> SheetReport:
    return SheetReport(name, layout, 0, (), {}, 0, 0, 0, False)


def _kind(raw: RawSheet, layout: Layout, result: SheetResult) -> tuple[str, bool]:
    cols = layout.cols
    if any(f in cols for f in ("account", "account_code", "account_name")):
        if layout.yonyou:
            return "layout.yonyou", True
        if "voucher_type" in cols or "voucher_no" in cols or "凭证" in layout.title or "凭证" in raw.name:
            return "layout.voucher_list", True
        return "layout.journal", True
    if result.sections or layout.section_above:
        return "layout.detail_ledger", False
    if layout.account == ("101", "库存现金"):
        return "layout.cash_journal", False
    if layout.account == ("102", "银行存款"):
        return "layout.bank_journal", False
    return "layout.single_account", False

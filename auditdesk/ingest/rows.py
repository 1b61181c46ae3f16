"""The careful reading of one row: what it is (entry, subtotal, section, title...) and all its problems."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from auditdesk.core.errors import ValueProblem
from auditdesk.core.ledger import Entry, Reconciliation, RowProblem, SkippedRow
from auditdesk.ingest.entry_row import EntryRow
from auditdesk.ingest.layout import Layout, row_section
from auditdesk.ingest.readers import RawSheet
from auditdesk.ingest.synonyms import BALANCE_SIGNS, DIRECTIONS, LABEL_CHARS, label_of, norm_header
from auditdesk.ingest.totals import Carry, Totals
from auditdesk.ingest.values import FormulaCell, amount, cell_text, column_letter, plain_text, split_account

_HEADER_REPEAT = ("skip.header_repeat", "")


@dataclass
class SheetResult:
    entries: list[Entry] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    reconciliation: list[Reconciliation] = field(default_factory=list)
    sections: int = 0


def apply_merges(sheet: RawSheet, layout: Layout) -> None:
    """A date or voucher merged down over a voucher's lines: copy it into the cells below."""
    fill = {
        layout.cols[f]
        for f in ("date", "year", "month", "day", "voucher", "voucher_type", "voucher_no")
        if f in layout.cols
    }
    rows = sheet.rows
    for r0, c0, r1, _c1 in sheet.merges:
        if r1 > r0 and c0 in fill and r0 >= layout.data_start and r0 < len(rows):
            value = rows[r0][c0]
            for r in range(r0 + 1, min(r1, len(rows) - 1) + 1):
                if rows[r][c0] == "" or rows[r][c0] is None:
                    rows[r][c0] = value


def _blank(value: Any) -> bool:
    return value is None or (value.__class__ is str and not value.strip())


class RowReader:
    """State of one sheet's reading (block for forward fill, current account, totals) and the slow path."""

    def __init__(self, sheet: RawSheet, layout: Layout, year: int, result: SheetResult, carry: Carry) -> None:
        self.sheet = sheet
        self.layout = layout
        self.year = year
        self.result = result
        self.width = sheet.width
        self.cols = layout.cols
        self.sheet_year = layout.year or year
        self.label_cache: dict[Any, tuple[str, str] | None] = {}
        self.date_cache: dict[Any, dt.date] = {}
        self.prev_date: dt.date | None = None
        self.prev_voucher: str | None = None
        self.account: tuple[str, str] = layout.account or ("", "")
        self.sides: dict[Any, bool] = dict(DIRECTIONS)
        self.balance_signs: dict[Any, int] = dict(BALANCE_SIGNS)
        width = sheet.width
        self.entry_dir = layout.directions[0] if "amount" in layout.cols and layout.directions else width
        rest = [c for c in layout.directions if c != self.entry_dir]
        self.balance_dir = rest[0] if rest and "balance" in layout.cols else width
        self.has_account = any(f in layout.cols for f in ("account", "account_code", "account_name"))
        key: Hashable = None if self.has_account else self.account
        self.totals = Totals(sheet.name, result.entries, carry, key)
        self._labels: dict[str, tuple[str, str] | None] = {}
        self._norm: dict[str, str] = {}
        self._header_cols = [
            c for c in (*layout.cols.values(), *layout.directions) if layout.header_texts.get(c)
        ]
        summary = layout.cols.get("summary")
        self._summary_headers = (
            layout.header_texts.get(summary, frozenset()) if summary is not None else frozenset()
        )

    # -- helpers used by the fast loop ---------------------------------------------------------------
    def header_label(self, text: str) -> tuple[str, str] | None:
        return _HEADER_REPEAT if norm_header(text) in self._summary_headers else None

    def account_cells(self, code: Any, name: Any) -> tuple[str, str] | None:
        if isinstance(code, FormulaCell) or isinstance(name, FormulaCell):
            return None
        out = (plain_text(code), cell_text(name).strip())
        return out if out[0] or out[1] else None

    # -- the slow path -------------------------------------------------------------------------------
    def slow(self, i: int, row: list[Any]) -> None:
        cells = row[: self.width]
        if all(_blank(v) for v in cells):
            return self.skip(i, "skip.blank", "")
        label = self._label(cells)
        if label is not None and not self._labelled_entry(label[0], cells):
            key, scope, text = label
            if key == "skip.subtotal" and scope:
                debit, credit = self._stated(cells)
                rec = self.totals.stated(i + 1, text, scope, debit, credit)
                if rec is not None:
                    self.result.reconciliation.append(rec)
            return self.skip(i, key, text)
        if self._header_repeat(cells):
            return self.skip(i, "skip.header_repeat", "")
        acct = row_section(cells)
        if acct is not None:
            self.account = split_account(acct)
            self.totals.new_section(self.account)
            self.result.sections += 1
            return self.skip(i, "skip.section", acct)
        self._entry(i, cells)
        return None

    def _labelled_entry(self, key: str, cells: list[Any]) -> bool:
        """A journal line with a voucher and an account whose summary reads like 上年结转 is an entry."""
        if key not in ("skip.opening_balance", "skip.carried_forward", "skip.closing_balance"):
            return False
        if not self.has_account:
            return False
        cols = self.cols
        voucher_cols = [cols[f] for f in ("voucher", "voucher_no") if f in cols]
        account_cols = [cols[f] for f in ("account", "account_code", "account_name") if f in cols]
        return any(not _blank(cells[c]) for c in voucher_cols) and any(
            not _blank(cells[c]) for c in account_cols
        )

    def skip(self, i: int, key: str, text: str) -> None:
        self.result.skipped.append(SkippedRow(self.sheet.name, i + 1, key, text))
        self.prev_date = None
        self.prev_voucher = None

    def _label(self, cells: list[Any]) -> tuple[str, str, str] | None:
        """The label of a non-entry row, in the summary or one of the first three text cells."""
        order: list[Any] = []
        summary = self.cols.get("summary")
        if summary is not None:
            order.append(cells[summary])
        order += [v for v in cells if v.__class__ is str and v][:3]
        for value in order:
            if value.__class__ is str and value:
                if value in self._labels:
                    hit = self._labels[value]
                else:
                    hit = self._labels[value] = None if LABEL_CHARS.isdisjoint(value) else label_of(value)
                if hit is not None:
                    return (hit[0], hit[1], value.strip())
        return None

    def _header_repeat(self, cells: list[Any]) -> bool:
        texts = self.layout.header_texts
        hits = 0
        for c in self._header_cols:
            value = cells[c]
            if value.__class__ is not str or not value:
                continue
            key = self._norm.get(value)
            if key is None:
                key = self._norm[value] = norm_header(value)
            if key in texts[c]:
                hits += 1
        return hits >= 2

    def _stated(self, cells: list[Any]) -> tuple[Decimal | None, Decimal | None]:
        def read(c: int | None) -> Decimal | None:
            if c is None or _blank(cells[c]) or isinstance(cells[c], FormulaCell):
                return None
            try:
                return amount(cells[c])
            except ValueProblem:
                return None

        if "amount" in self.cols:
            return (None, None)
        return read(self.cols.get("debit")), read(self.cols.get("credit"))

    def _entry(self, i: int, cells: list[Any]) -> None:
        EntryRow(self, i, cells).read()

    def problem(
        self, i: int, cells: list[Any], column: int | None, key: str, params: dict[str, Any], value: Any = ""
    ) -> RowProblem:
        letter = column_letter(column) if column is not None else ""
        header = self.layout.labels[column] if column is not None and column < len(self.layout.labels) else ""
        raw = tuple(cell_text(v) for v in cells)
        return RowProblem(self.sheet.name, i + 1, letter, header, cell_text(value), key, params, raw)

    def add_entry(self, entry: Entry) -> None:
        self.result.entries.append(entry)

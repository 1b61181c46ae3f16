"""Read one row that may be an entry, cell by cell, collecting every problem it has."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from auditdesk.core.dates import build_date, parse_date
from auditdesk.core.errors import DateError, ValueProblem
from auditdesk.core.ledger import Entry, RowProblem
from auditdesk.core.money import ZERO
from auditdesk.ingest.synonyms import BALANCE_SIGNS, DIRECTIONS
from auditdesk.ingest.values import (
    FormulaCell,
    amount,
    attachments,
    cell_text,
    plain_text,
    split_account,
    voucher,
    voucher_parts,
)

if TYPE_CHECKING:
    from auditdesk.ingest.rows import RowReader


def _blank(value: Any) -> bool:
    return value is None or (value.__class__ is str and not value.strip())


def _small(value: Any) -> int | None:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = value.strip().removesuffix("月").removesuffix("日").removesuffix("号").strip()
        if text.isascii() and text.isdigit():
            return int(text)
    return None


class EntryRow:
    def __init__(self, reader: RowReader, i: int, cells: list[Any]) -> None:
        self.r = reader
        self.i = i
        self.cells = cells
        self.cols = reader.cols
        self.problems: list[RowProblem] = []

    def bad(self, column: int | None, key: str, raw: Any = "", params: dict[str, Any] | None = None) -> None:
        self.problems.append(self.r.problem(self.i, self.cells, column, key, params or {}, raw))

    def formula(self, column: int | None, cell: FormulaCell) -> None:
        self.bad(column, "ingest.formula_no_value", cell, {"cell": cell.ref, "formula": cell.formula})

    def cell(self, name: str) -> Any:
        c = self.cols.get(name)
        return "" if c is None else self.cells[c]

    def _amount(self, name: str) -> tuple[Decimal, bool]:
        """(value, present); a problem is recorded for an unreadable cell."""
        c = self.cols.get(name)
        if c is None:
            return ZERO, False
        value = self.cells[c]
        if _blank(value):
            return ZERO, False
        if isinstance(value, FormulaCell):
            self.formula(c, value)
            return ZERO, True
        try:
            return amount(value), True
        except ValueProblem as exc:
            self.bad(c, exc.key, value, exc.params)
            return ZERO, True

    def read(self) -> None:
        r = self.r
        debit, credit, present = self._amounts()
        day, date_like, filled = self._date()
        vch = own_voucher = self._voucher()
        if filled:
            if day is None and r.prev_date is not None and (vch == "" or vch == r.prev_voucher):
                day = r.prev_date
                vch = vch or (r.prev_voucher or "")
            elif day is None and present:
                c = self.cols.get("date", self.cols.get("day"))
                self.bad(c, "ingest.date_missing")
        code, name, has_account = self._account()
        if not present:
            given_account = r.has_account and has_account
            described = not _blank(self.cell("summary")) or own_voucher != ""
            if date_like and not described and not given_account:
                return r.skip(self.i, "skip.blank", "")  # a date and nothing else
            if not date_like and not (given_account and described):
                text = next((cell_text(v).strip() for v in self.cells if not _blank(v)), "")
                return r.skip(self.i, "skip.title", text[:60])
            c = self.cols.get("amount", self.cols.get("debit", self.cols.get("credit")))
            self.bad(c, "ingest.amount_missing")
        if r.has_account and not has_account:
            c = self.cols.get("account", self.cols.get("account_code", self.cols.get("account_name")))
            self.bad(c, "ingest.account_missing")
        attach = self._attachments()
        balance = self._balance()
        summary = self.cell("summary")
        counter = self.cell("counter_account")
        for c, value in ((self.cols.get("summary"), summary), (self.cols.get("counter_account"), counter)):
            if isinstance(value, FormulaCell):
                self.formula(c, value)
        if day is not None:
            r.prev_date, r.prev_voucher = day, vch
        if self.problems:
            r.result.problems.extend(self.problems)
            return
        assert day is not None
        r.add_entry(
            Entry(
                day,
                vch,
                cell_text(summary).strip(),
                code,
                name,
                debit,
                credit,
                r.sheet.name,
                self.i + 1,
                cell_text(counter).strip(),
                attach,
                balance,
            )
        )

    # -- amounts ------------------------------------------------------------------------------------
    def _amounts(self) -> tuple[Decimal, Decimal, bool]:
        if "amount" not in self.cols:
            debit, p1 = self._amount("debit")
            credit, p2 = self._amount("credit")
            return debit, credit, p1 or p2
        value, present = self._amount("amount")
        c = self.r.entry_dir if self.r.entry_dir < self.r.width else None
        raw = self.cells[c] if c is not None else ""
        side = DIRECTIONS.get(cell_text(raw).strip().replace(" ", "").lower())
        if not present:
            return ZERO, ZERO, False
        if c is None or _blank(raw):
            self.bad(c, "ingest.direction_missing", raw)
            return ZERO, ZERO, True
        if side is None:
            self.bad(c, "ingest.direction_invalid", raw, {"value": cell_text(raw)})
            return ZERO, ZERO, True
        return (value, ZERO, True) if side else (ZERO, value, True)

    # -- dates --------------------------------------------------------------------------------------
    def _date(self) -> tuple[dt.date | None, bool, bool]:
        """(date, looks like a date, all date cells blank so the date may be filled from above)."""
        r = self.r
        if "date" in self.cols:
            c = self.cols["date"]
            value = self.cells[c]
            if _blank(value):
                return None, False, True
            return self._check(c, value, lambda: parse_date(value, r.sheet_year), cache=value)
        cm, cd = self.cols["month"], self.cols["day"]
        cy = self.cols.get("year")
        m, d = self.cells[cm], self.cells[cd]
        y = self.cells[cy] if cy is not None else ""
        if _blank(m) and _blank(d):
            return None, False, True
        for col, part in ((cy, y), (cm, m), (cd, d)):
            if isinstance(part, FormulaCell):
                self.formula(col, part)
                return None, True, False
        if _blank(d):
            self.bad(cd, "ingest.date_missing")
            return None, True, False
        year_cell = r.sheet_year if _blank(y) else _small(y)
        if year_cell is None or year_cell < 1900:
            self.bad(cy, "date.invalid", y, {"value": cell_text(y)})
            return None, True, False
        year = year_cell
        month: Any = m
        if _blank(m):
            if r.prev_date is None:
                self.bad(cm, "ingest.date_missing")
                return None, True, False
            month = r.prev_date.month
        bad_col = cm if _small(month) is None or not 1 <= (_small(month) or 0) <= 12 else cd
        key = (y, m, d) if cy is not None else (m, d)
        cache = key if not _blank(m) and (cy is None or not _blank(y)) else None
        return self._check(
            bad_col, f"{cell_text(month)}月{cell_text(d)}日", lambda: build_date(year, month, d), cache=cache
        )

    def _check(self, c: int, shown: Any, build: Any, cache: Any) -> tuple[dt.date | None, bool, bool]:
        r = self.r
        if isinstance(shown, FormulaCell):
            self.formula(c, shown)
            return None, True, False
        try:
            day: dt.date = build()
        except DateError as exc:
            self.bad(c, exc.key, shown, exc.params)
            return None, exc.key == "date.impossible", False
        if day.year != r.year:
            params = {"value": cell_text(shown), "year": r.year, "found": day.year}
            self.bad(c, "ingest.date_outside_year", shown, params)
            return None, True, False
        if cache is not None and not isinstance(cache, dt.date):
            r.date_cache[cache] = day
        return day, True, False

    # -- voucher, account, attachments, balance -----------------------------------------------------
    def _voucher(self) -> str:
        cols = self.cols
        if "voucher" in cols:
            value = self.cells[cols["voucher"]]
            if isinstance(value, FormulaCell):
                self.formula(cols["voucher"], value)
                return ""
            return "" if _blank(value) else voucher(value)
        if "voucher_type" in cols or "voucher_no" in cols:
            kind, number = self.cell("voucher_type"), self.cell("voucher_no")
            for name, value in (("voucher_type", kind), ("voucher_no", number)):
                if isinstance(value, FormulaCell):
                    self.formula(cols[name], value)
                    return ""
            if _blank(kind) and _blank(number):
                return ""
            return voucher_parts(kind, number)
        return ""

    def _account(self) -> tuple[str, str, bool]:
        cols = self.cols
        if not self.r.has_account:
            code, name = self.r.account
            return code, name, True
        for name in ("account", "account_code", "account_name"):
            value = self.cell(name)
            if isinstance(value, FormulaCell):
                self.formula(cols[name], value)
                return "", "", True
        if "account" in cols:
            value = self.cells[cols["account"]]
            if _blank(value):
                return "", "", False
            code, name = split_account(plain_text(value))
            return code, name, True
        code, name = plain_text(self.cell("account_code")), cell_text(self.cell("account_name")).strip()
        return code, name, bool(code or name)

    def _attachments(self) -> int | None:
        c = self.cols.get("attachments")
        if c is None or _blank(self.cells[c]):
            return None
        value = self.cells[c]
        if isinstance(value, FormulaCell):
            self.formula(c, value)
            return None
        try:
            return attachments(value)
        except ValueError:
            self.bad(c, "ingest.attachments_invalid", value, {"value": cell_text(value)})
            return None

    def _balance(self) -> Decimal | None:
        c = self.cols.get("balance")
        if c is None or _blank(self.cells[c]):
            return None
        value = self.cells[c]
        if isinstance(value, FormulaCell):
            self.formula(c, value)
            return None
        d = self.r.balance_dir
        sign = 1
        if d < self.r.width:
            raw = cell_text(self.cells[d]).strip()
            got = BALANCE_SIGNS.get(raw)
            if got is None:
                self.bad(d, "ingest.direction_invalid", raw, {"value": raw})
                return None
            sign = got
        if isinstance(value, str) and value.strip() == "平":
            return ZERO
        try:
            number = amount(value)
        except ValueProblem as exc:
            self.bad(c, exc.key, value, exc.params)
            return None
        return number * sign if sign else ZERO

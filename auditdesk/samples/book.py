"""A union's books for one year as double-entry vouchers, with the planted problems of its answer key."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal

from auditdesk.samples import chart

ZERO = Decimal("0")
CENT = Decimal("0.01")
_BANK_FLOOR = Decimal("20000")


@dataclass(frozen=True, slots=True)
class Line:
    summary: str
    code: str
    debit: Decimal = ZERO
    credit: Decimal = ZERO


@dataclass(slots=True, eq=False)
class Voucher:
    date: dt.date
    lines: list[Line]
    attachments: int = 1
    number: int = 0  # restarts each month; set by Book.finalize
    seq: int = 0  # order of creation, the tie-breaker within a day

    @property
    def label(self) -> str:
        return f"记-{self.number}"

    @property
    def total(self) -> Decimal:
        return sum((ln.debit for ln in self.lines), ZERO)

    def balanced(self) -> bool:
        return sum((ln.debit - ln.credit for ln in self.lines), ZERO) == 0


@dataclass(frozen=True, slots=True)
class Plant:
    """A problem an auditor should find: the answer key's row."""

    voucher: Voucher
    rule: str  # stable English id, e.g. "gift_card"
    category: int  # DOMAIN.md problem categories 1..6
    title: str
    detail: str
    basis: str
    amount: Decimal
    also: tuple[Voucher, ...] = ()  # further vouchers of the same problem (split, duplicate)


@dataclass(frozen=True, slots=True)
class Flaw:
    """A cell written unreadably on purpose (the ledger imported with quarantine)."""

    voucher: Voucher
    line: int  # index into voucher.lines; -1 for the voucher's date cell
    field: str  # "date", "debit" or "credit"
    text: str
    reason: str


@dataclass(slots=True)
class Book:
    year: int
    opening: dict[str, Decimal]  # natural-side balances at 1 January
    cash_float: Decimal = Decimal("1000")  # what a cash withdrawal rounds up to
    vouchers: list[Voucher] = field(default_factory=list)
    plants: list[Plant] = field(default_factory=list)
    flaws: list[Flaw] = field(default_factory=list)

    def add(
        self,
        date: dt.date,
        summary: str,
        debits: list[tuple[str, Decimal]],
        credits: list[tuple[str, Decimal]],
        attachments: int = 1,
    ) -> Voucher:
        lines = [Line(summary, code, debit=amount) for code, amount in debits]
        lines += [Line(summary, code, credit=amount) for code, amount in credits]
        return self.add_lines(date, lines, attachments)

    def add_lines(self, date: dt.date, lines: list[Line], attachments: int = 1) -> Voucher:
        if date.year != self.year:
            raise ValueError(f"{date} outside {self.year}")
        lines = [replace(ln, debit=ln.debit.quantize(CENT), credit=ln.credit.quantize(CENT)) for ln in lines]
        voucher = Voucher(date, lines, attachments, seq=len(self.vouchers))
        if not voucher.balanced():
            raise ValueError(f"unbalanced voucher {summary_of(voucher)}")
        self.vouchers.append(voucher)
        return voucher

    def plant(
        self,
        voucher: Voucher,
        rule: str,
        category: int,
        title: str,
        detail: str,
        basis: str,
        amount: Decimal | None = None,
        also: tuple[Voucher, ...] = (),
    ) -> None:
        total = amount if amount is not None else voucher.total
        self.plants.append(Plant(voucher, rule, category, title, detail, basis, total, also))

    def finalize(self) -> None:
        """Order, top up cash, close the year, number the vouchers per month, fix the bank's opening."""
        self.vouchers.sort(key=lambda v: (v.date, v.seq))
        self._top_up_cash()
        self._close_year()
        counters: dict[int, int] = defaultdict(int)
        for v in self.vouchers:
            counters[v.date.month] += 1
            v.number = counters[v.date.month]
        low = running_low(self.vouchers, chart.BANK, self.opening.get(chart.BANK, ZERO))
        if low < _BANK_FLOOR:
            bump = (int(_BANK_FLOOR - low) // 1000 + 11) * 1000
            self.opening[chart.BANK] = self.opening.get(chart.BANK, ZERO) + bump
        assets = self.opening.get(chart.CASH, ZERO) + self.opening.get(chart.BANK, ZERO)
        self.opening["301"] = self.opening.get("162", ZERO)
        self.opening["322"] = assets - self.opening.get("211", ZERO)

    def _top_up_cash(self) -> None:
        balance = self.opening.get(chart.CASH, ZERO)
        out: list[Voucher] = []
        for v in self.vouchers:
            change = sum((ln.debit - ln.credit for ln in v.lines if ln.code == chart.CASH), ZERO)
            if balance + change < 0:
                need = -(balance + change)
                amount = ((need // self.cash_float) + 2) * self.cash_float
                top = Voucher(
                    v.date,
                    [
                        Line("提取备用金", chart.CASH, debit=amount),
                        Line("提取备用金", chart.BANK, credit=amount),
                    ],
                    1,
                    seq=-1,
                )
                out.append(top)
                balance += amount
            balance += change
            out.append(v)
        self.vouchers = out

    def _close_year(self) -> None:
        totals: dict[str, Decimal] = defaultdict(lambda: ZERO)
        for v in self.vouchers:
            for ln in v.lines:
                if chart.is_income(ln.code) or chart.is_spending(ln.code):
                    totals[ln.code] += ln.debit - ln.credit
        end = dt.date(self.year, 12, 31)
        income = sorted(c for c in totals if chart.is_income(c) and totals[c])
        spending = sorted(c for c in totals if chart.is_spending(c) and totals[c])
        in_total = -sum((totals[c] for c in income), ZERO)
        out_total = sum((totals[c] for c in spending), ZERO)
        summary = "结转本年收入"
        lines = [Line(summary, c, debit=-totals[c]) for c in income]
        lines.append(Line(summary, chart.CLOSING, credit=in_total))
        self.vouchers.append(Voucher(end, lines, 0, seq=10**6))
        summary = "结转本年支出"
        lines = [Line(summary, chart.CLOSING, debit=out_total)]
        lines += [Line(summary, c, credit=totals[c]) for c in spending]
        self.vouchers.append(Voucher(end, lines, 0, seq=10**6 + 1))


def summary_of(voucher: Voucher) -> str:
    return voucher.lines[0].summary if voucher.lines else ""


def running_low(vouchers: list[Voucher], code: str, opening: Decimal) -> Decimal:
    """The lowest running balance an account reaches (natural side)."""
    balance = low = opening
    for v in vouchers:
        for ln in v.lines:
            if ln.code == code:
                balance += ln.debit - ln.credit
        low = min(low, balance)
    return low

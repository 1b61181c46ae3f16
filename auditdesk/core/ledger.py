"""Ledger values: entries as read from a file, problems with their source, field statistics."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from auditdesk.core.money import ZERO


@dataclass(frozen=True, slots=True)
class Entry:
    """One ledger line exactly as the file gives it, with where it came from."""

    date: dt.date
    voucher: str  # as normalised by ingest: "记-12", "12", or "" when the file has none
    summary: str
    account_code: str  # as given ("" when the file gives only a name)
    account_name: str  # as given ("" when the file gives only a code)
    debit: Decimal
    credit: Decimal
    sheet: str
    row: int  # 1-based row number as Excel shows it
    counter_account: str = ""
    attachments: int | None = None
    balance: Decimal | None = None  # the running balance the file states, if any


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row that looks like an entry but cannot be read. Errors are data (beancount's habit)."""

    sheet: str
    row: int
    column: str  # Excel column letter, "" when the problem is the whole row
    header: str  # the column's header text, "" when unknown
    value: str  # the raw cell value as text
    key: str  # message key in the catalogue
    params: Mapping[str, Any] = field(default_factory=dict)
    raw: tuple[str, ...] = ()  # the whole row as text, kept with a quarantined row


@dataclass(frozen=True, slots=True)
class SkippedRow:
    """A row recognised as not an entry (opening balance, subtotal, repeated header, blank)."""

    sheet: str
    row: int
    key: str  # message key of the reason, e.g. "skip.subtotal"
    text: str = ""  # the label that identified it, e.g. "本月合计"


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """A total the file states, compared with the sum of the entries it covers."""

    sheet: str
    row: int
    label: str
    stated_debit: Decimal | None
    stated_credit: Decimal | None
    computed_debit: Decimal
    computed_credit: Decimal

    @property
    def ok(self) -> bool:
        return (self.stated_debit is None or self.stated_debit == self.computed_debit) and (
            self.stated_credit is None or self.stated_credit == self.computed_credit
        )


def voucher_key(entry: Entry) -> tuple[int, str]:
    """Voucher numbers restart each month: a voucher is (month, number)."""
    return (entry.date.year * 100 + entry.date.month, entry.voucher)


@dataclass(frozen=True, slots=True)
class LedgerStats:
    """Field statistics as audit tools show them at import."""

    entries: int
    vouchers: int
    date_from: dt.date | None
    date_to: dt.date | None
    debit_total: Decimal
    credit_total: Decimal
    unbalanced_vouchers: tuple[tuple[int, str], ...]
    negatives: int
    zero_amounts: int
    per_account: tuple[tuple[str, int], ...]


def compute_stats(entries: Iterable[Entry], *, double_entry: bool = True) -> LedgerStats:
    """Statistics of ``entries``. Unbalanced vouchers are counted only for double-entry layouts
    (a cash or bank journal shows one side of each voucher by nature)."""
    count = 0
    debit = credit = ZERO
    first: dt.date | None = None
    last: dt.date | None = None
    negatives = zeros = 0
    balance: dict[tuple[int, str], Decimal] = {}
    per_account: Counter[str] = Counter()
    for e in entries:
        count += 1
        debit += e.debit
        credit += e.credit
        if first is None or e.date < first:
            first = e.date
        if last is None or e.date > last:
            last = e.date
        if e.debit < 0 or e.credit < 0:
            negatives += 1
        if e.debit == 0 and e.credit == 0:
            zeros += 1
        per_account[account_label(e)] += 1
        if e.voucher:
            key = voucher_key(e)
            balance[key] = balance.get(key, ZERO) + e.debit - e.credit
    unbalanced = tuple(sorted(k for k, v in balance.items() if v != 0)) if double_entry else ()
    return LedgerStats(
        entries=count,
        vouchers=len(balance),
        date_from=first,
        date_to=last,
        debit_total=debit,
        credit_total=credit,
        unbalanced_vouchers=unbalanced,
        negatives=negatives,
        zero_amounts=zeros,
        per_account=tuple(sorted(per_account.items())),
    )


def account_label(entry: Entry) -> str:
    return " ".join(p for p in (entry.account_code, entry.account_name) if p)

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
    (a cash or bank journal shows one side of each voucher by nature).

    Written as a few tight passes rather than one loop of many branches: it runs over every
    entry of every import (100,000 in the benchmark)."""
    items = entries if isinstance(entries, list | tuple) else list(entries)
    debits = [e.debit for e in items]
    credits = [e.credit for e in items]
    dates = [e.date for e in items]
    negatives = 0
    if debits and (min(debits) < 0 or min(credits) < 0):  # rare: count only when there are any
        negatives = sum(1 for d, c in zip(debits, credits, strict=True) if d < 0 or c < 0)
    zeros = sum(1 for d, c in zip(debits, credits, strict=True) if not d and not c)
    per_pair = Counter((e.account_code, e.account_name) for e in items)
    per_account: Counter[str] = Counter()
    for (code, name), n in per_pair.items():
        per_account[" ".join(p for p in (code, name) if p)] += n
    balance: dict[tuple[int, str], Decimal] = {}
    get = balance.get
    for e, d, c, day in zip(items, debits, credits, dates, strict=True):
        if e.voucher:
            key = (day.year * 100 + day.month, e.voucher)
            balance[key] = get(key, ZERO) + d - c
    unbalanced = tuple(sorted(k for k, v in balance.items() if v)) if double_entry else ()
    return LedgerStats(
        entries=len(items),
        vouchers=len(balance),
        date_from=min(dates) if dates else None,
        date_to=max(dates) if dates else None,
        debit_total=sum(debits, ZERO),
        credit_total=sum(credits, ZERO),
        unbalanced_vouchers=unbalanced,
        negatives=negatives,
        zero_amounts=zeros,
        per_account=tuple(sorted(per_account.items())),
    )


def account_label(entry: Entry) -> str:
    return " ".join(p for p in (entry.account_code, entry.account_name) if p)

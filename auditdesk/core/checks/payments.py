"""Duplicate payments, shown as pairs of spending entries of the same amount on two vouchers.

- **Same invoice** (high): both summaries name the same invoice number (``发票号码04512873``,
  ``发票号 …``, ``票号 …``) anywhere in the year — one invoice paid twice.
- **Same summary** (medium): the very same summary (spaces aside), at most ``WINDOW_DAYS`` apart.
- **Same purpose** (low): summaries equal once digits, spaces and punctuation are removed (``3月电费``
  and ``4月电费``: a monthly bill paid early looks like this too, hence low), at most ``WINDOW_DAYS``
  apart. Summaries that only look alike (``外科…`` and ``儿科…`` birthday gifts of two departments)
  are two payments, not a pair.
  Neither when both name invoice numbers and these differ (two invoices are two debts).
  Amounts under ``MIN_AMOUNT`` (bank charges of a few yuan recur by nature) are left out.
Two lines of one voucher are never a pair (a duplicate payment is a second voucher). Each entry is
paired only with the nearest earlier entry it duplicates, so a run of n identical payments gives
n - 1 pairs, not n·(n - 1)/2; it is compared with at most ``LOOKBACK`` earlier same-amount entries
of the window (bounded time on large ledgers). ``MIN_AMOUNT`` and ``WINDOW_DAYS`` are this check's
working thresholds, not regulation. A pair's amount involved is the payment made twice.

``similar`` (``difflib`` ratio of the cleaned texts at least ``SIMILARITY``) is no longer used by this
check — near-equal summaries were too often two departments' payments; only its tests call it now.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from difflib import SequenceMatcher
from functools import lru_cache

from auditdesk.core.checks.model import CheckContext, CheckEntry, Severity, Suspicion, is_spending, money

WINDOW_DAYS = 15
SIMILARITY = 0.9
MIN_AMOUNT = Decimal(100)
LOOKBACK = 50  # at most this many earlier same-amount entries are compared with each entry
_NOISE = re.compile(r"[\d\s\W_]+", re.UNICODE)
_INVOICE = re.compile(r"(?:发票号码|发票号|发票|票号)[:：\s#№]*([0-9A-Za-z]{6,})")


def invoice_number(summary: str) -> str | None:
    """The invoice number a summary names (``发票号码04512873`` → ``04512873``), or None."""
    found = _INVOICE.search(summary)
    return found.group(1) if found else None


@lru_cache(maxsize=65536)
def clean_summary(summary: str) -> str:
    """The summary without digits, whitespace and punctuation (full-width digits included)."""
    return _NOISE.sub("", summary)


def similar(a: str, b: str) -> bool:
    ca, cb = clean_summary(a), clean_summary(b)
    if not ca or not cb:  # nothing but digits and spaces: only the very same text counts
        return bool(a.strip()) and a.strip() == b.strip()
    if ca == cb:
        return True
    matcher = SequenceMatcher(None, ca, cb, autojunk=False)
    return (  # the cheap upper bounds first
        matcher.real_quick_ratio() >= SIMILARITY
        and matcher.quick_ratio() >= SIMILARITY
        and matcher.ratio() >= SIMILARITY
    )


def _same_voucher(a: CheckEntry, b: CheckEntry) -> bool:
    return bool(a.voucher) and a.voucher == b.voucher and a.month == b.month


def duplicate_payments(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    by_amount: dict[Decimal, list[CheckEntry]] = {}
    for e in entries:
        if is_spending(e) and e.debit >= MIN_AMOUNT:
            by_amount.setdefault(e.debit, []).append(e)
    for group in by_amount.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda e: (e.date, e.id))
        invoices: dict[str, CheckEntry] = {}
        for i, later in enumerate(group):
            number = invoice_number(later.summary)
            first = invoices.get(number) if number else None
            if first is not None and not _same_voucher(first, later):
                yield _pair(first, later, "high", "check.duplicate_payments.invoice", number or "")
                continue
            if number and first is None:
                invoices[number] = later
            for j in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
                earlier = group[j]
                if (later.date - earlier.date).days > WINDOW_DAYS:
                    break
                if _same_voucher(earlier, later):
                    continue
                same = "".join(earlier.summary.split()) == "".join(later.summary.split())
                if not same and clean_summary(earlier.summary) != clean_summary(later.summary):
                    continue
                if not clean_summary(later.summary) and not same:
                    continue
                other = invoice_number(earlier.summary)
                if number and other and number != other:
                    continue
                yield _pair(earlier, later, "medium" if same else "low", "check.duplicate_payments.pair", "")
                break


def _pair(earlier: CheckEntry, later: CheckEntry, severity: Severity, key: str, invoice: str) -> Suspicion:
    return Suspicion(
        rule="duplicate_payments",
        severity=severity,
        entry_ids=(earlier.id, later.id),
        key=key,
        params={
            "amount": money(later.debit),
            "date1": earlier.date.isoformat(),
            "voucher1": earlier.voucher or "—",
            "summary1": earlier.summary,
            "date2": later.date.isoformat(),
            "voucher2": later.voucher or "—",
            "summary2": later.summary,
            "days": str((later.date - earlier.date).days),
            "invoice": invoice,
        },
        basis="check.basis.duplicate",
        involved=later.debit,  # the payment made twice, not both
    )

"""Duplicate payments: two spending entries of the same amount, with the same or a similar summary,
dated at most ``WINDOW_DAYS`` apart — shown as pairs.

Summaries are similar when equal after removing digits, spaces and punctuation (``3月电费`` and
``4月电费`` are equal then, which is why the dates must be close), or when ``difflib``'s ratio of the
cleaned texts is at least ``SIMILARITY``. Two lines of one voucher are never a pair (a duplicate
payment is a second voucher). Each entry is paired only with the nearest earlier entry it
duplicates, so a run of n identical payments gives n - 1 pairs, not n·(n - 1)/2; it is compared
with at most ``LOOKBACK`` earlier same-amount entries of the window (bounded time on large ledgers).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from auditdesk.core.checks.model import CheckContext, CheckEntry, Suspicion, is_spending, money

WINDOW_DAYS = 7
SIMILARITY = 0.8
LOOKBACK = 50  # at most this many earlier same-amount entries are compared with each entry
_NOISE = re.compile(r"[\d\s\W_]+", re.UNICODE)


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
    by_amount: dict[object, list[CheckEntry]] = {}
    for e in entries:
        if is_spending(e):
            by_amount.setdefault(e.debit, []).append(e)
    for group in by_amount.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda e: (e.date, e.id))
        for i, later in enumerate(group):
            for j in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
                earlier = group[j]
                if (later.date - earlier.date).days > WINDOW_DAYS:
                    break
                if _same_voucher(earlier, later) or not similar(earlier.summary, later.summary):
                    continue
                yield Suspicion(
                    rule="duplicate_payments",
                    severity="medium",
                    entry_ids=(earlier.id, later.id),
                    key="check.duplicate_payments.pair",
                    params={
                        "amount": money(later.debit),
                        "date1": earlier.date.isoformat(),
                        "voucher1": earlier.voucher or "—",
                        "summary1": earlier.summary,
                        "date2": later.date.isoformat(),
                        "voucher2": later.voucher or "—",
                        "summary2": later.summary,
                        "days": str((later.date - earlier.date).days),
                    },
                    basis="check.basis.duplicate",
                )
                break

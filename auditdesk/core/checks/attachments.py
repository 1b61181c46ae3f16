"""Spending vouchers without original documents: ``missing_attachments``.

Only where the ledger has an attachment column (附件张数, 用友 ``idoc``): some entry states a count.
Ledgers give the count per voucher — on every line, or on the first line only (merged cells) — so
the count of a voucher (month, number) is the largest stated on any of its lines; an entry without a
voucher number is its own voucher. A voucher is judged when it has a spending line
(``model.is_spending``) and is neither a closing nor a correction: the rule it rests on exempts the
vouchers of closing and of correcting errors (更正, 冲销, 红字 … in a summary).

- count 0: medium, one suspicion per voucher, its spending lines and their sum;
- no count on any line: low, ONE suspicion per year listing such vouchers (a blank cell may just be
  a layout that keeps the count elsewhere — worth a look, not a flood).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from auditdesk.core.checks.hints import yearly_lists
from auditdesk.core.checks.model import CheckContext, CheckEntry, Suspicion, entry_params, is_spending, money
from auditdesk.core.money import ZERO

CORRECTION_WORDS = ("更正", "冲销", "冲回", "冲减", "红字", "调账", "调整", "错账")
_RULE = "missing_attachments"
_BASIS = "check.basis.attachments"


def _key(entry: CheckEntry) -> tuple[int, int, str] | int:
    """The voucher of an entry: (year, month, number) — numbers restart each month —, or the entry's
    own id when it has no number."""
    return (entry.date.year, entry.date.month, entry.voucher) if entry.voucher else entry.id


def _vouchers(entries: Sequence[CheckEntry]) -> list[list[CheckEntry]]:
    """The vouchers worth a look: those with a spending line that states no count or 0 (a voucher
    whose spending lines all state a positive count has its documents). A hot path: the common
    case costs one attribute test per entry."""
    candidates = {_key(e) for e in entries if e.spending and not e.attachments}
    if not candidates:
        return []
    numbers = {k[2] for k in candidates if isinstance(k, tuple)}
    groups: dict[tuple[int, int, str] | int, list[CheckEntry]] = {}
    for e in entries:
        if e.voucher and e.voucher not in numbers:
            continue
        key = _key(e)
        if key in candidates:
            groups.setdefault(key, []).append(e)
    return list(groups.values())


def _exempt(lines: Sequence[CheckEntry]) -> bool:
    return any(e.is_closing or any(w in e.summary for w in CORRECTION_WORDS) for e in lines)


def missing_attachments(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    if all(e.attachments is None for e in entries):
        return  # no attachment column: nothing to judge
    blank: dict[int, list[CheckEntry]] = {}
    for lines in _vouchers(entries):
        spending = [e for e in lines if is_spending(e)]
        if not spending or _exempt(lines):
            continue
        counts = [e.attachments for e in lines if e.attachments is not None]
        if not counts:
            blank.setdefault(spending[0].date.year, []).extend(spending)
            continue
        if max(counts) > 0:
            continue
        first = spending[0]
        yield Suspicion(
            rule=_RULE,
            severity="medium",
            entry_ids=tuple(e.id for e in spending),
            key="check.missing_attachments.zero",
            params={
                **entry_params(first),
                "lines": str(len(spending)),
                "total": money(sum((e.debit for e in spending), ZERO)),
            },
            basis=_BASIS,
        )
    yield from yearly_lists(_RULE, "check.missing_attachments.blank", _BASIS, blank)

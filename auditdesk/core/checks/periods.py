"""Cut-off: ``cutoff`` — entries dated outside the audit period, and back-dated vouchers.

- **Outside the period.** The period is ``ctx.period`` or, when None, the fiscal year (1 January to
  31 December of ``ctx.year``). Entries dated before its first day make one suspicion, entries after
  its last day another, each listing all its entries: medium when the period is the fiscal year (an
  entry booked in the wrong year), low when it is a narrower audit period the auditor chose (the
  entries are then only outside the audit's scope).
- **Back-dated vouchers.** Voucher numbers restart each month and follow the order of booking, so
  within one month and voucher type (``记`` of ``记-12``, as ``vouchers.split_voucher``) a voucher
  numbered after another is expected on the same day or later. A voucher dated more than
  ``BACKDATE_DAYS`` (5) days before the latest date of the lower-numbered vouchers of its month and
  type is flagged (low), naming that lower-numbered voucher: it was booked after it but dated
  earlier. A voucher whose lines bear different dates is left to ``voucher_gaps_repeats`` (its
  earliest date is used here); vouchers whose number is not a whole number are left alone. Works on
  one-sided cash and bank journals too (they show a subset of one numbering).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from auditdesk.core.checks.hints import entry_list
from auditdesk.core.checks.model import CheckContext, CheckEntry, Suspicion
from auditdesk.core.checks.vouchers import split_voucher

BACKDATE_DAYS = 5
_RULE = "cutoff"


def audit_period(ctx: CheckContext) -> tuple[dt.date, dt.date]:
    return ctx.period or (dt.date(ctx.year, 1, 1), dt.date(ctx.year, 12, 31))


def cutoff(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    start, end = audit_period(ctx)
    before: list[CheckEntry] = []
    after: list[CheckEntry] = []
    vouchers: dict[tuple[int, int, str], list[CheckEntry]] = {}
    for e in entries:
        day = e.date
        if day < start:
            before.append(e)
        elif day > end:
            after.append(e)
        if e.voucher:
            vouchers.setdefault((day.year, day.month, e.voucher), []).append(e)
    yield from _outside(before, after, start, end, ctx.period is not None)
    yield from _backdated(vouchers)


def _outside(
    before: list[CheckEntry], after: list[CheckEntry], start: dt.date, end: dt.date, chosen: bool
) -> Iterator[Suspicion]:
    for side, found in (("before", before), ("after", after)):
        if not found:
            continue
        found.sort(key=lambda e: (e.date, e.id))
        yield Suspicion(
            rule=_RULE,
            severity="low" if chosen else "medium",
            entry_ids=tuple(e.id for e in found),
            key=f"check.cutoff.{side}",  # check.cutoff.before / check.cutoff.after
            params={
                "start": start.isoformat(),
                "end": end.isoformat(),
                "count": str(len(found)),
                "first": found[0].date.isoformat(),
                "last": found[-1].date.isoformat(),
                "entries": entry_list(found),
            },
            basis="check.basis.cutoff_period",
            scope=side,
        )


def _backdated(vouchers: dict[tuple[int, int, str], list[CheckEntry]]) -> Iterator[Suspicion]:
    """``vouchers``: the lines of each (year, month, voucher number as written)."""
    numbered: dict[tuple[int, int, str], list[tuple[int, dt.date, list[CheckEntry]]]] = {}
    for (year, month, voucher), lines in vouchers.items():
        parsed = split_voucher(voucher)
        if parsed is not None:
            kind, number = parsed
            numbered.setdefault((year, month, kind), []).append((number, min(e.date for e in lines), lines))
    gap = dt.timedelta(days=BACKDATE_DAYS)
    for _, found in sorted(numbered.items()):
        found.sort(key=lambda item: item[0])
        latest: tuple[dt.date, list[CheckEntry]] | None = None
        for _number, day, lines in found:
            if latest is not None and latest[0] - day > gap:
                other = latest[1][0]
                yield Suspicion(
                    rule=_RULE,
                    severity="low",
                    entry_ids=tuple(e.id for e in lines),
                    key="check.cutoff.backdated",
                    params={
                        "voucher": lines[0].voucher,
                        "date": day.isoformat(),
                        "summary": lines[0].summary,
                        "other_voucher": other.voucher,
                        "other_date": latest[0].isoformat(),
                        "days": str((latest[0] - day).days),
                        "limit": str(BACKDATE_DAYS),
                    },
                    basis="check.basis.backdated",
                )
            if latest is None or day > latest[0]:
                latest = (day, lines)

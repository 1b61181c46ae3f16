"""Voucher numbering and balance, for double-entry ledgers only (a cash or bank journal shows only
the vouchers that touch cash or the bank, and one side of each).

``voucher_gaps_repeats``: per month and voucher type (``记`` of ``记-12``; ``""`` for a bare ``12``),
the numbers missing between the smallest and the largest used (one suspicion per month and type),
and each number used on two or more different dates (one suspicion per number). Vouchers whose
number is not a whole number are left alone.

``unbalanced_vouchers``: per voucher (month, number), debits ≠ credits. Closing vouchers are
included: a closing must balance like any other voucher.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from auditdesk.core.checks.model import CheckContext, CheckEntry, Suspicion, money
from auditdesk.core.money import ZERO

_NUMBERED = re.compile(r"^(?:(.*?)\s*[-－—]\s*)?0*(\d+)$")


@lru_cache(maxsize=65536)
def split_voucher(voucher: str) -> tuple[str, int] | None:
    """``记-0012`` → ("记", 12); ``12`` → ("", 12); anything else → None."""
    match = _NUMBERED.match(voucher.strip())
    if match is None:
        return None
    return (match.group(1) or "").strip(), int(match.group(2))


def number_ranges(numbers: Sequence[int]) -> str:
    """``[3, 5, 6, 7]`` → ``3、5-7``."""
    parts: list[str] = []
    start = prev = None
    for n in sorted(numbers):
        if prev is not None and n == prev + 1:
            prev = n
            continue
        if start is not None:
            parts.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = n
    if start is not None:
        parts.append(str(start) if start == prev else f"{start}-{prev}")
    return "、".join(parts)


def _month_text(month: int) -> str:
    return f"{month // 100}-{month % 100:02d}"


def voucher_gaps_repeats(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    if not ctx.double_entry:
        return
    numbers: dict[tuple[int, str], dict[int, list[CheckEntry]]] = {}
    for e in entries:
        parsed = split_voucher(e.voucher) if e.voucher else None
        if parsed is not None:
            kind, number = parsed
            numbers.setdefault((e.month, kind), {}).setdefault(number, []).append(e)
    basis = "check.basis.voucher_numbers"
    for (month, kind), used in sorted(numbers.items()):
        month_text = _month_text(month)
        missing = [n for n in range(min(used), max(used) + 1) if n not in used]
        if missing:
            yield Suspicion(
                rule="voucher_gaps_repeats",
                severity="low",
                entry_ids=(),
                key="check.voucher_gaps_repeats.gap",
                params={
                    "month": month_text,
                    "kind": kind or "—",
                    "missing": number_ranges(missing),
                    "count": str(len(missing)),
                    "first": str(min(used)),
                    "last": str(max(used)),
                },
                basis=basis,
                scope=f"{month}|{kind}|{number_ranges(missing)}",
            )
        for number, lines in sorted(used.items()):
            first = lines[0].date
            if all(e.date == first for e in lines):
                continue
            dates = sorted({e.date for e in lines})
            yield Suspicion(
                rule="voucher_gaps_repeats",
                severity="medium",
                entry_ids=tuple(e.id for e in lines),
                key="check.voucher_gaps_repeats.repeat",
                params={
                    "month": month_text,
                    "voucher": lines[0].voucher,
                    "dates": "、".join(d.isoformat() for d in dates),
                },
                basis=basis,
                scope=f"{month}|{kind}|{number}",
            )


def unbalanced_vouchers(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    if not ctx.double_entry:
        return
    vouchers: dict[tuple[int, str], list[CheckEntry]] = {}
    for e in entries:
        if e.voucher:
            vouchers.setdefault((e.month, e.voucher), []).append(e)
    unbalanced = []
    for key, lines in vouchers.items():
        debit = sum((e.debit for e in lines), ZERO)
        credit = sum((e.credit for e in lines), ZERO)
        if debit != credit:
            unbalanced.append((key, lines, debit, credit))
    for (month, voucher), lines, debit, credit in sorted(unbalanced, key=lambda u: u[0]):
        yield Suspicion(
            rule="unbalanced_vouchers",
            severity="medium",
            entry_ids=tuple(e.id for e in lines),
            key="check.unbalanced_vouchers.unbalanced",
            params={
                "month": _month_text(month),
                "voucher": voucher,
                "debit": money(debit),
                "credit": money(credit),
                "difference": money(debit - credit),
            },
            basis="check.basis.double_entry",
        )

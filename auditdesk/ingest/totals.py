"""Stated totals (本月合计, 本年累计, 合计, 本页合计/过次页) against the entries they cover.

Scopes are kept as positions in the sheet's entry list, so nothing is summed unless a file states
a total. Year-to-date carries over earlier sheets of the same account (one sheet per month).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from decimal import Decimal

from auditdesk.core.ledger import Entry, Reconciliation
from auditdesk.core.money import ZERO
from auditdesk.ingest.synonyms import SCOPE_ALL, SCOPE_MONTH, SCOPE_PAGE, SCOPE_PREVIOUS, SCOPE_YEAR

Range = tuple[Sequence[Entry], int, int]
Carry = dict[Hashable, list[Range]]


def _sum(ranges: Sequence[Range]) -> tuple[Decimal, Decimal]:
    debit = credit = ZERO
    for entries, a, b in ranges:
        for i in range(a, b):
            e = entries[i]
            debit += e.debit
            credit += e.credit
    return debit, credit


class Totals:
    def __init__(self, sheet: str, entries: list[Entry], carry: Carry, key: Hashable) -> None:
        self.sheet = sheet
        self.entries = entries
        self.carry = carry
        self.key = key
        self.section = self.month = self.page = self.previous = 0

    def new_section(self, key: Hashable) -> None:
        self.close()
        self.key = key
        self.section = self.month = self.page = self.previous = len(self.entries)

    def close(self) -> None:
        end = len(self.entries)
        if end > self.section:
            self.carry.setdefault(self.key, []).append((self.entries, self.section, end))
        self.section = end

    def stated(
        self, row: int, label: str, scope: str, debit: Decimal | None, credit: Decimal | None
    ) -> Reconciliation | None:
        now = len(self.entries)
        here: Range = (self.entries, self.section, now)
        year_ranges: list[Range] = [*self.carry.get(self.key, []), here]
        candidates: list[list[Range]]
        if scope == SCOPE_MONTH:
            candidates = [[(self.entries, self.month, now)]]
            self.month = now
        elif scope == SCOPE_YEAR:
            candidates = [year_ranges, [here]]
        elif scope == SCOPE_ALL:
            candidates = [[here]]
        elif scope == SCOPE_PAGE:
            candidates = [[(self.entries, self.page, now)], [(self.entries, self.month, now)], year_ranges]
            self.page = now
        elif scope == SCOPE_PREVIOUS:
            candidates = [[(self.entries, self.previous, now)]]
        else:
            return None
        self.previous = now
        if debit is None and credit is None:
            return None
        first: tuple[Decimal, Decimal] | None = None
        for ranges in candidates:
            got = _sum(ranges)
            first = first or got
            if (debit is None or debit == got[0]) and (credit is None or credit == got[1]):
                first = got
                break
        assert first is not None
        return Reconciliation(self.sheet, row, label, debit, credit, first[0], first[1])

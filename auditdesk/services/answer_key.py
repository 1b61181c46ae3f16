"""Scoring the checks against a sample folder's answer key (``[[answer_key]]`` in its manifest):
which planted problems the checks flag, and what else they raise (false alarms).

A planted problem counts as flagged when a current suspicion of its unit and year concerns an entry
of its voucher (same date and voucher number; for a problem spread over several vouchers, every
voucher named in ``also`` too). A suspicion that touches no planted voucher is a false alarm; the
figures are kept per severity. Problems the importer finds (``unreadable_cell``: a cell that cannot
be read, quarantined at import) are not the checks' to find and are left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditdesk.services.checks import SuspicionView, list_suspicions
from auditdesk.services.context import Context
from auditdesk.services.demo import read_manifest

IMPORTER_RULES = frozenset({"unreadable_cell"})


@dataclass(frozen=True)
class Planted:
    id: int
    ledger: str
    unit: str
    year: int
    rule: str
    title: str
    vouchers: tuple[tuple[dt.date, str], ...]
    flagged_by: tuple[str, ...] = ()  # rule ids of the suspicions that found it


@dataclass(frozen=True)
class LedgerScore:
    ledger: str
    unit: str
    year: int
    planted: tuple[Planted, ...]
    suspicions: int
    false_alarms: dict[str, int] = field(default_factory=dict)  # severity -> count

    @property
    def flagged(self) -> int:
        return sum(1 for p in self.planted if p.flagged_by)

    @property
    def missed(self) -> tuple[Planted, ...]:
        return tuple(p for p in self.planted if not p.flagged_by)


def _vouchers(item: dict[str, Any]) -> tuple[tuple[dt.date, str], ...]:
    found = [(item["date"], str(item["voucher"]))]
    for other in item.get("also", []):
        day, _, voucher = str(other).partition(" ")
        found.append((dt.date.fromisoformat(day), voucher.strip()))
    return tuple(found)


def score(ctx: Context, folder: Path) -> list[LedgerScore]:
    """Compare the stored suspicions of each ledger in the manifest with its answer key."""
    data = read_manifest(folder)
    keys = [k for k in data.get("answer_key", []) if k["rule"] not in IMPORTER_RULES]
    out = []
    for ledger in data.get("ledger", []):
        unit, year = str(ledger["unit"]), int(ledger["year"])
        mine = [k for k in keys if k["ledger"] == ledger["file"]]
        views = list_suspicions(ctx, unit=unit, year=year)
        planted = tuple(_planted(k, views) for k in mine)
        touched = {v for p in planted for v in p.vouchers}
        alarms: dict[str, int] = {}
        for view in views:
            if not any((e.date, e.voucher) in touched for e in view.entries):
                alarms[view.severity] = alarms.get(view.severity, 0) + 1
        out.append(LedgerScore(str(ledger["file"]), unit, year, planted, len(views), alarms))
    return out


def _planted(item: dict[str, Any], views: list[SuspicionView]) -> Planted:
    vouchers = _vouchers(item)
    touched: dict[str, set[tuple[dt.date, str]]] = {}
    for view in views:
        touched.setdefault(view.rule, set()).update((e.date, e.voucher) for e in view.entries)
    rules = sorted(rule for rule, found in touched.items() if set(vouchers) <= found)
    return Planted(int(item["id"]), str(item["ledger"]), str(item["unit"]), int(item["year"]),
                   str(item["rule"]), str(item["title"]), vouchers, tuple(rules))

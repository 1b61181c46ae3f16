"""The values the checks work on and produce: entries, the run's context, suspicions, failures.

Pure data. A check is a plain function ``(entries, context) -> suspicions`` (beancount's habit);
a suspicion carries message keys and parameters, never rendered text (core does not import i18n).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from auditdesk.core.money import format_thousands
from auditdesk.core.standards import Standards

Severity = Literal["high", "medium", "low"]
SEVERITIES: tuple[Severity, ...] = ("high", "medium", "low")


@dataclass(frozen=True, slots=True)
class CheckEntry:
    """One stored ledger line as the checks see it. ``chart_code`` is the account resolved in the
    fiscal year's chart (None when unresolved); ``is_closing`` marks a year-end closing line."""

    id: int
    date: dt.date
    voucher: str
    summary: str
    account_code: str
    account_name: str
    chart_code: str | None
    counter_account: str
    debit: Decimal
    credit: Decimal
    attachments: int | None = None
    is_closing: bool = False
    balance: Decimal | None = None  # the running balance the file states, when it has one
    sheet: str = ""  # the source sheet (a cash journal and a bank journal are separate sheets)
    row: int = 0
    spending: bool = field(init=False, default=False)  # see ``is_spending``; computed once

    def __post_init__(self) -> None:
        spending = (
            not self.is_closing
            and self.debit > 0
            and self.chart_code is not None
            and self.chart_code.startswith("5")
        )
        object.__setattr__(self, "spending", spending)

    @property
    def month(self) -> int:
        """``yyyymm``: voucher numbers restart each month (as ``ledger.voucher_key``)."""
        return self.date.year * 100 + self.date.month


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What a run knows beside the entries: the fiscal year, the standards in force, the unit's
    member count (None when unknown) and whether the ledger is double-entry (a journal of both
    sides) rather than a one-sided cash or bank journal; the audit period, the unit's employees
    and last year's payroll when known."""

    year: int
    standards: Standards
    members: int | None = None
    double_entry: bool = True
    period: tuple[dt.date, dt.date] | None = None  # the audit period; None: the fiscal year
    employees: int | None = None
    payroll: Decimal | None = None  # the unit's payroll of the year before (for allocated funds)


@dataclass(frozen=True, slots=True)
class Suspicion:
    """A check's hit (疑点). ``key``/``params`` are the message with its figures; ``basis``/
    ``basis_params`` the regulation it rests on (catalogue keys). ``scope`` tells apart hits of one
    rule that concern no entry (a voucher gap, a per-year note). ``fingerprint`` is stable for the
    same rule, key, scope and entries, so that re-running the checks does not duplicate a hit."""

    rule: str
    severity: Severity
    entry_ids: tuple[int, ...]
    key: str
    params: Mapping[str, str] = field(default_factory=dict)
    basis: str = ""
    basis_params: Mapping[str, str] = field(default_factory=dict)
    scope: str = ""
    involved: Decimal | None = None  # the amount involved when it is not its entries' sum (a duplicate pair)
    fingerprint: str = field(init=False, default="")

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(self.severity)
        ids = tuple(sorted(set(self.entry_ids)))
        object.__setattr__(self, "entry_ids", ids)
        text = "|".join((self.rule, self.key, self.scope, ",".join(map(str, ids))))
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
        object.__setattr__(self, "fingerprint", f"{self.rule}:{digest}")


@dataclass(frozen=True, slots=True)
class CheckFailure:
    """A check that raised: the run goes on, the failure is reported as data."""

    rule: str
    error: str


Check = Callable[[Sequence[CheckEntry], CheckContext], Iterable[Suspicion]]


# -- helpers shared by the checks ----------------------------------------------------------------


def is_spending(entry: CheckEntry) -> bool:
    """A positive debit on an expenditure account (5xx), not a year-end closing line."""
    return entry.spending


def money(amount: Decimal) -> str:
    """Amounts in messages: ``1,234.50``."""
    return format_thousands(amount)


def entry_params(entry: CheckEntry) -> dict[str, str]:
    """The figures every one-entry message names."""
    return {
        "date": entry.date.isoformat(),
        "voucher": entry.voucher or "—",
        "summary": entry.summary,
        "amount": money(entry.debit if entry.debit else entry.credit),
    }

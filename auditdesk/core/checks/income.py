"""Income completeness: dues and allocated funds booked against what the unit's figures imply.

Expected, for the months covered (the audit period's months within the fiscal year, else January to
the month of the last entry; a fraction ``months / 12`` of a year's figure):

- dues (401 会费收入): members × average yearly wage × 0.5%, the average wage being last year's payroll
  ÷ employees (members pay 0.5% of their wage);
- allocated funds (402 拨缴经费收入): last year's payroll × 2% × the ``retained_share`` in force at the
  end of the covered months (the grassroots union books only its own share on 402).

Booked: credits minus debits of the account's lines, closing lines left out (a one-sided journal's
mirrored receipts are credits too). A shortfall of more than ``TOLERANCE`` (20%) of the expected
figure is a medium suspicion: dues are paid on the basic wage, which is below the total wage, and the
payroll is last year's, so smaller gaps say little. When the ledger also has receipts whose account
could not be resolved but whose account name names the income (``会费`` / ``拨缴``, e.g. one line for
402 and 211 together), the shortfall is a low suspicion asking to look at them, never a medium one.
Where a figure is missing (members, employees, payroll or the share), one low suspicion per ledger
lists the figures known and unknown, like ``holiday_gift_cap`` without members. Income above the
expected figure is not flagged. A ledger with no entries gives nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from decimal import Decimal

from auditdesk.core.checks.model import CheckContext, CheckEntry, Suspicion, money
from auditdesk.core.money import ZERO
from auditdesk.core.standards import RuleVersion

DUES_RATE = Decimal("0.005")
ALLOCATION_RATE = Decimal("0.02")
TOLERANCE = Decimal("0.20")
KINDS = (("dues", "401", "会费"), ("allocated", "402", "拨缴"))
"""(kind, account, the word an unresolved account name gives for it)."""
KEYS = {
    ("dues", False): "check.income_completeness.dues_short",
    ("dues", True): "check.income_completeness.dues_unresolved",
    ("allocated", False): "check.income_completeness.allocated_short",
    ("allocated", True): "check.income_completeness.allocated_unresolved",
}
BASIS = {"dues": "check.basis.income_dues", "allocated": "check.basis.income_allocated"}
_CENT = Decimal("0.01")


def _share_text(share: RuleVersion | None) -> str:
    return "—" if share is None else format(share.value.normalize(), "f")


def covered_months(entries: Sequence[CheckEntry], ctx: CheckContext) -> tuple[int, dt.date] | None:
    """How many months of the fiscal year the figures cover, and the last day covered."""
    if ctx.period is not None:
        start = max(ctx.period[0], dt.date(ctx.year, 1, 1))
        end = min(ctx.period[1], dt.date(ctx.year, 12, 31))
        if end < start:
            return None
        return (end.year - start.year) * 12 + end.month - start.month + 1, end
    last = max((e.date for e in entries if not e.is_closing and e.date.year == ctx.year), default=None)
    return None if last is None else (last.month, last)


def _figure(value: object) -> str:
    if value is None:
        return "—"
    return money(value) if isinstance(value, Decimal) else str(value)


def income_completeness(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    covered = covered_months(entries, ctx)
    if covered is None:
        return
    months, last_day = covered
    fraction = Decimal(months) / Decimal(12)
    lines: dict[str, list[CheckEntry]] = {kind: [] for kind, _, _ in KINDS}
    unresolved: dict[str, list[CheckEntry]] = {kind: [] for kind, _, _ in KINDS}
    by_code = {code: kind for kind, code, _ in KINDS}
    for e in entries:
        if e.is_closing:
            continue
        if e.chart_code is None:
            if e.credit > 0:
                for kind, _, word in KINDS:
                    if word in e.account_name:
                        unresolved[kind].append(e)
        elif e.chart_code[:3] in by_code:
            lines[by_code[e.chart_code[:3]]].append(e)
    booked = {kind: sum((e.credit - e.debit for e in own), ZERO) for kind, own in lines.items()}
    share = ctx.standards.value("retained_share", last_day)
    members, employees, payroll = ctx.members, ctx.employees, ctx.payroll
    expected: dict[str, Decimal] = {}
    if members and employees and payroll is not None and payroll > 0:
        expected["dues"] = members * payroll / employees * DUES_RATE * fraction
    if payroll is not None and payroll > 0 and share is not None:
        expected["allocated"] = payroll * ALLOCATION_RATE * share.value / 100 * fraction
    basis_params = {"share_document": share.document if share is not None else "—"}
    common = {"months": str(months), "year": str(ctx.year)}
    for kind, _, _ in KINDS:
        if kind not in expected:
            continue
        want = expected[kind].quantize(_CENT)
        got = booked[kind]
        if got >= want * (1 - TOLERANCE):
            continue
        doubtful = unresolved[kind]
        params = {
            **common,
            "booked": money(got),
            "expected": money(want),
            "shortfall": money(want - got),
            "percent": str(((want - got) / want * 100).quantize(Decimal("1"))) if want else "—",
            "members": _figure(members),
            "employees": _figure(employees),
            "payroll": _figure(payroll),
            "share": _share_text(share),
        }
        if doubtful:
            total = sum((e.credit for e in doubtful), ZERO)
            params |= {"count": str(len(doubtful)), "unresolved": money(total),
                       "name": doubtful[0].account_name}
        yield Suspicion(
            rule="income_completeness",
            severity="low" if doubtful else "medium",
            entry_ids=tuple(e.id for e in (*lines[kind], *doubtful)),
            key=KEYS[kind, bool(doubtful)],
            params=params,
            basis=BASIS[kind],
            basis_params=basis_params,
            scope=f"{kind}|{ctx.year}",
        )
    if len(expected) < len(KINDS):
        yield Suspicion(
            rule="income_completeness",
            severity="low",
            entry_ids=(),
            key="check.income_completeness.missing",
            params={
                **common,
                "members": _figure(members),
                "employees": _figure(employees),
                "payroll": _figure(payroll),
                "share": _share_text(share),
                "dues": money(booked["dues"]),
                "allocated": money(booked["allocated"]),
            },
            basis=BASIS["allocated"],
            basis_params=basis_params,
            scope=str(ctx.year),
        )

"""Balances and asset records: cash over its limit, negative cash or bank balances, capital purchases
never booked as fixed assets, and the upward share of the allocated funds left unpaid at year end.

*Balances* are those the file states (``CheckEntry.balance``), never guessed: the opening balance of a
ledger is not among its entries. In a one-sided cash or bank journal (``ctx.double_entry`` False) the
journal's lines are those whose ``counter_account`` names 101 or 102, and their balance is the
journal's; in a double-entry ledger they are the lines on 101 or 102 (a detail ledger states each
account's running balance). A line without a stated balance that follows one with it gets a derived
balance (the last stated one plus the line's movement); lines before the first stated balance get
none. Lines are taken per account and sheet, in the file's order (sheet row, then date).

``cash_balance_limit``: the day-end 101 balance (the last line of a day) above the ``cash_balance``
limit in force that day; one suspicion per month and sheet. Nothing without a limit in force.

``negative_cash``: a 101 or 102 balance below zero; one suspicion per run of consecutive negative
lines. Nothing for a ledger that states no balances.

``assets_not_recorded`` (double-entry only: a journal shows one side): a capital expenditure (507
资本性支出 in the 2021 chart, 505 in the 2009 chart) with no matching fixed-asset increase — its
voucher's debits on 162 固定资产 cover the voucher's capital spending, or else a 162 debit of the same
amount elsewhere in the year (each 162 line matches one purchase). One suspicion per purchase line.

``upward_share_unpaid`` (double-entry only): the year's credits minus debits of 应付上级经费 (211 in the
2021 chart, 221 in the 2009 chart), closing lines left out, above zero: the upward share booked this
year and not passed up by year end. One suspicion per ledger, citing the account's lines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from auditdesk.core.accounts import chart, chart_for_year
from auditdesk.core.checks.cash import BANK, BANK_NAME, CASH, names_cash, voucher_groups
from auditdesk.core.checks.model import CheckContext, CheckEntry, Suspicion, entry_params, is_spending, money
from auditdesk.core.money import ZERO
from auditdesk.core.standards import RuleVersion

CAPITAL_ACCOUNT = {"2021": "507", "2009": "505"}
FIXED_ASSETS = "162"
UPWARD_SHARE_ACCOUNT = {"2021": "211", "2009": "221"}
ACCOUNTING_SYSTEM = {"2021": "财会〔2021〕7号", "2009": "财会〔2009〕7号"}


def account_text(code: str, year: int) -> str:
    """``101 库存现金``: the code and its name in the fiscal year's chart."""
    found = chart(chart_for_year(year)).get(code)
    return f"{code} {found.name}" if found else code


@dataclass(frozen=True, slots=True)
class BalanceLine:
    entry: CheckEntry
    account: str  # "101" or "102"
    balance: Decimal
    stated: bool  # False: derived from the last stated balance


def _journal_account(entry: CheckEntry, double_entry: bool) -> tuple[str, Decimal] | None:
    """The cash or bank account a line moves and by how much (+ in, - out), or None."""
    if entry.is_closing:
        return None
    if double_entry:
        code = (entry.chart_code or "")[:3]
        return (code, entry.debit - entry.credit) if code in (CASH, BANK) else None
    counter = entry.counter_account.strip()
    if names_cash(counter):
        return CASH, entry.credit - entry.debit  # mirrored: the credit was received
    if counter.startswith(BANK) or BANK_NAME in counter:
        return BANK, entry.credit - entry.debit
    return None


Balances = dict[tuple[str, str], list[BalanceLine]]


def balance_lines(entries: Sequence[CheckEntry], ctx: CheckContext) -> Balances:
    """Per (account, sheet): the lines with a stated or derived balance, in the file's order."""
    if ctx.double_entry:
        mine = [e for e in entries if e.chart_code and e.chart_code[:3] in (CASH, BANK)]
    else:
        mine = [e for e in entries if e.counter_account]
    if all(e.balance is None for e in mine):
        return {}  # nothing stated: nothing to start from
    grouped: dict[tuple[str, str], list[tuple[CheckEntry, Decimal]]] = {}
    for e in mine:
        found = _journal_account(e, ctx.double_entry)
        if found is not None:
            grouped.setdefault((found[0], e.sheet), []).append((e, found[1]))
    out: Balances = {}
    for key, lines in grouped.items():
        if all(e.balance is None for e, _ in lines):
            continue
        lines.sort(key=lambda pair: (pair[0].row, pair[0].date, pair[0].id))
        running: Decimal | None = None
        kept: list[BalanceLine] = []
        for e, movement in lines:
            if e.balance is not None:
                running = e.balance
                kept.append(BalanceLine(e, key[0], running, True))
            elif running is not None:
                running += movement
                kept.append(BalanceLine(e, key[0], running, False))
        out[key] = kept
    return out


def cash_balance_limit(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    if ctx.standards.rule("cash_balance") is None:
        return
    for (account, sheet), lines in sorted(balance_lines(entries, ctx).items()):
        if account != CASH:
            continue
        day_end: dict[dt.date, BalanceLine] = {}
        for line in lines:
            day_end[line.entry.date] = line  # the day's last line in the file's order
        over: dict[int, list[tuple[BalanceLine, RuleVersion]]] = {}
        for day, line in sorted(day_end.items()):
            version = ctx.standards.value("cash_balance", day)
            if version is not None and line.balance > version.value:
                over.setdefault(day.year * 100 + day.month, []).append((line, version))
        for month, hits in sorted(over.items()):
            top, version = max(hits, key=lambda h: (h[0].balance, -h[0].entry.date.toordinal()))
            yield Suspicion(
                rule="cash_balance_limit",
                severity="medium",
                entry_ids=tuple(h[0].entry.id for h in hits),
                key="check.cash_balance_limit.over",
                params={
                    "month": f"{month // 100}-{month % 100:02d}",
                    "days": str(len(hits)),
                    "limit": money(version.value),
                    "highest": money(top.balance),
                    "date": top.entry.date.isoformat(),
                    "account": account_text(CASH, ctx.year),
                },
                basis="check.basis.cash_balance",
                basis_params={"document": version.document},
                scope=f"{sheet}|{month}",
            )


def negative_cash(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    for (account, sheet), lines in sorted(balance_lines(entries, ctx).items()):
        run: list[BalanceLine] = []
        for line in [*lines, None]:
            if line is not None and line.balance < 0:
                run.append(line)
                continue
            if run:
                yield _negative_run(run, account, sheet, ctx.year)
                run = []


def _negative_run(run: list[BalanceLine], account: str, sheet: str, year: int) -> Suspicion:
    lowest = min(run, key=lambda line: line.balance)
    return Suspicion(
        rule="negative_cash",
        severity="medium",
        entry_ids=tuple(line.entry.id for line in run),
        key="check.negative_cash.run",
        params={
            **entry_params(lowest.entry),
            "account": account_text(account, year),
            "first": run[0].entry.date.isoformat(),
            "last": run[-1].entry.date.isoformat(),
            "count": str(len(run)),
            "lowest": money(lowest.balance),
        },
        basis="check.basis.negative_cash",
        scope=sheet,
    )


def assets_not_recorded(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    if not ctx.double_entry:
        return
    chart_id = chart_for_year(ctx.year)
    capital_code = CAPITAL_ACCOUNT[chart_id]
    purchases = [
        e for e in entries if e.chart_code and e.chart_code.startswith(capital_code) and is_spending(e)
    ]
    if not purchases:
        return
    assets = [
        e for e in entries
        if not e.is_closing and e.debit > 0 and (e.chart_code or "").startswith(FIXED_ASSETS)
    ]
    used: set[int] = set()
    unmatched: list[CheckEntry] = []
    groups = voucher_groups(purchases + assets)
    purchase_ids = {e.id for e in purchases}
    covered: set[tuple[int, str]] = set()
    for key, lines in groups.items():
        spent = sum((e.debit for e in lines if e.id in purchase_ids), ZERO)
        booked = [e for e in lines if (e.chart_code or "").startswith(FIXED_ASSETS)]
        if spent > 0 and sum((e.debit for e in booked), ZERO) >= spent:
            covered.add(key)
            used.update(e.id for e in booked)
    by_amount: dict[Decimal, list[CheckEntry]] = {}
    for e in assets:
        if e.id not in used:
            by_amount.setdefault(e.debit, []).append(e)
    for p in sorted(purchases, key=lambda e: (e.date, e.id)):
        if p.voucher and (p.month, p.voucher) in covered:
            continue
        same_amount = by_amount.get(p.debit, ())
        candidates = [a for a in same_amount if a.id not in used and a.date.year == p.date.year]
        if candidates:
            best = min(candidates, key=lambda a: (not _same_voucher(a, p), abs((a.date - p.date).days), a.id))
            used.add(best.id)
            continue
        unmatched.append(p)
    basis_params = {"system": ACCOUNTING_SYSTEM[chart_id]}
    for p in unmatched:
        yield Suspicion(
            rule="assets_not_recorded",
            severity="medium",
            entry_ids=(p.id,),
            key="check.assets_not_recorded.missing",
            params={**entry_params(p), "asset": account_text(FIXED_ASSETS, ctx.year)},
            basis="check.basis.fixed_assets",
            basis_params=basis_params,
        )


def _same_voucher(a: CheckEntry, b: CheckEntry) -> bool:
    return bool(a.voucher) and a.voucher == b.voucher and a.month == b.month


def upward_share_unpaid(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    if not ctx.double_entry:
        return
    code = UPWARD_SHARE_ACCOUNT[chart_for_year(ctx.year)]
    lines = [e for e in entries if not e.is_closing and (e.chart_code or "").startswith(code)]
    credit = sum((e.credit for e in lines), ZERO)
    debit = sum((e.debit for e in lines), ZERO)
    if credit - debit <= 0:
        return
    yield Suspicion(
        rule="upward_share_unpaid",
        severity="medium",
        entry_ids=tuple(e.id for e in lines),
        key="check.upward_share_unpaid.left",
        params={
            "year": str(ctx.year),
            "account": account_text(code, ctx.year),
            "credit": money(credit),
            "debit": money(debit),
            "left": money(credit - debit),
        },
        basis="check.basis.upward_share",
        scope=str(ctx.year),
    )

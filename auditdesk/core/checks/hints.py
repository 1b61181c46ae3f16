"""Low-severity analytic hints over the year's spending: its structure, round amounts, first digits.

None of these is a breach by itself; each points at where to look.

``spending_structure``: the net (debit - credit) of the non-closing lines on each expenditure
account — the 501 sub-accounts one by one (50101 … 50106), the other first-level accounts whole (503,
504, 505, 507, 510; in the 2009 chart every first-level 5xx account) — and its share of the year's
net spending, as ONE low informational suspicion (scope: the year) with the table. The standards hold
no share rule today, so no share is judged against a number (none is invented here). A second low
suspicion when business and other spending (2021 chart: 505 业务支出 + 510 其他支出; 2009 chart:
503 业务支出 + 508 其他支出) exceeds the spending on members (2021: 501 + 503 + 504; 2009: 501 职工活动
+ 502 维权): an audit office's rule of thumb (the funds are meant mainly for the members), not a
regulation. Lines on accounts that were not resolved in the chart are left out.

``round_amounts``: spending lines (``is_spending``) whose amount is a whole multiple of
``ROUND_UNIT`` (1,000) and at least ``ROUND_MIN`` (5,000), grouped per account and calendar year into
one low suspicion each (one per line would be too noisy), all lines listed in ``entry_ids``.

``benford``: the first digits of spending amounts ≥ ``BENFORD_MIN_AMOUNT`` (10 yuan), tested only
when there are at least ``BENFORD_MIN_COUNT`` (500) such lines. Conformity is measured by the mean
absolute deviation (MAD) of the nine digit shares from Benford's; above ``BENFORD_MAD_LIMIT`` (0.015,
Nigrini's "nonconformity" cut-off for first digits) one low suspicion lists the over-represented
digits (observed share above Benford's with a z statistic above 1.96) and, of their lines, the
``BENFORD_LIST_LIMIT`` (50) largest. Proportions are floats (statistics, not money).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from decimal import Decimal

from auditdesk.core.accounts import chart, chart_for_year
from auditdesk.core.checks.model import CheckContext, CheckEntry, Suspicion, is_spending, money
from auditdesk.core.money import ZERO

LIST_LIMIT = 20
"""At most this many entries are written out in a message that lists entries (all are linked)."""

MEMBER_ACCOUNTS = {"2021": ("501", "503", "504"), "2009": ("501", "502")}
BUSINESS_ACCOUNTS = {"2021": ("505", "510"), "2009": ("503", "508")}
SPLIT_FIRST_LEVEL = {"2021": ("501",), "2009": ()}  # shown by sub-account in the structure table

ROUND_UNIT = Decimal(1000)
ROUND_MIN = Decimal(5000)

BENFORD_MIN_AMOUNT = Decimal(10)
BENFORD_MIN_COUNT = 500
BENFORD_MAD_LIMIT = 0.015  # Nigrini (2012), first-digit test: MAD above 0.015 is nonconformity
BENFORD_Z = 1.96
BENFORD_LIST_LIMIT = 50
BENFORD_SHARES = {d: math.log10(1 + 1 / d) for d in range(1, 10)}

_HUNDRED = Decimal(100)
_TENTH = Decimal("0.1")


def amount_of(entry: CheckEntry) -> Decimal:
    return entry.debit if entry.debit else entry.credit


def entry_line(entry: CheckEntry) -> str:
    """``2024-06-06 记-8“购置跑步机”9,860.00`` (language-neutral: the message says 元)."""
    return f"{entry.date.isoformat()} {entry.voucher or '—'}“{entry.summary}”{money(amount_of(entry))}"


def entry_list(entries: Sequence[CheckEntry], limit: int = LIST_LIMIT) -> str:
    """The first ``limit`` entries, one ``entry_line`` each, joined by ``；`` (``…`` when cut)."""
    lines = [entry_line(e) for e in entries[:limit]]
    if len(entries) > limit:
        lines.append("…")
    return "；".join(lines)


def yearly_lists(
    rule: str, key: str, basis: str, by_year: dict[int, list[CheckEntry]], **params: str
) -> Iterator[Suspicion]:
    """One low suspicion per calendar year listing its entries (by date), with their count and
    total debit — for hits too common and too small to review one by one. ``params`` add figures."""
    for year, found in sorted(by_year.items()):
        found.sort(key=lambda e: (e.date, e.voucher, e.id))
        yield Suspicion(
            rule=rule,
            severity="low",
            entry_ids=tuple(e.id for e in found),
            key=key,
            params={
                "year": str(year),
                "count": str(len(found)),
                "total": money(sum((e.debit for e in found), ZERO)),
                "entries": entry_list(found),
                **params,
            },
            basis=basis,
            scope=str(year),
        )


def percent(part: Decimal, whole: Decimal) -> str:
    return f"{(part * _HUNDRED / whole).quantize(_TENTH)}%"


# -- spending structure ---------------------------------------------------------------------------


def _structure_code(code: str, chart_id: str) -> str:
    head = code[:3]
    return code[:5] if head in SPLIT_FIRST_LEVEL[chart_id] and len(code) >= 5 else head


def spending_structure(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    chart_id = chart_for_year(ctx.year)
    accounts = chart(chart_id)
    totals: dict[str, Decimal] = {}
    for e in entries:
        code = e.chart_code
        if e.is_closing or code is None or not code.startswith("5"):
            continue
        key = _structure_code(code, chart_id)
        totals[key] = totals.get(key, ZERO) + e.debit - e.credit
    total = sum(totals.values(), ZERO)
    if total <= 0:
        return
    rows = []
    for code in sorted(totals):
        name = accounts[code].name if code in accounts else ""
        rows.append(f"{code} {name} {money(totals[code])}（{percent(totals[code], total)}）")
    year = str(ctx.year)
    basis = "check.basis.spending_structure"
    yield Suspicion(
        rule="spending_structure",
        severity="low",
        entry_ids=(),
        key="check.spending_structure.table",
        params={"year": year, "total": money(total), "table": "；".join(rows)},
        basis=basis,
        scope=f"{year}|table",
    )
    members = sum((v for k, v in totals.items() if k[:3] in MEMBER_ACCOUNTS[chart_id]), ZERO)
    business = sum((v for k, v in totals.items() if k[:3] in BUSINESS_ACCOUNTS[chart_id]), ZERO)
    if business > members:
        yield Suspicion(
            rule="spending_structure",
            severity="low",
            entry_ids=(),
            key="check.spending_structure.business_over_members",
            params={
                "year": year,
                "business": money(business),
                "business_accounts": "+".join(BUSINESS_ACCOUNTS[chart_id]),
                "business_share": percent(business, total),
                "members": money(members),
                "member_accounts": "+".join(MEMBER_ACCOUNTS[chart_id]),
                "members_share": percent(members, total),
            },
            basis=basis,
            scope=f"{year}|business",
        )


# -- round amounts --------------------------------------------------------------------------------


def round_amounts(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    groups: dict[tuple[int, str], list[CheckEntry]] = {}
    for e in entries:
        if is_spending(e) and e.debit >= ROUND_MIN and e.debit % ROUND_UNIT == 0:
            groups.setdefault((e.date.year, e.chart_code or ""), []).append(e)
    accounts = chart(chart_for_year(ctx.year))
    for (year, code), found in sorted(groups.items()):
        found.sort(key=lambda e: (-e.debit, e.date, e.id))
        name = accounts[code].name if code in accounts else found[0].account_name
        yield Suspicion(
            rule="round_amounts",
            severity="low",
            entry_ids=tuple(e.id for e in found),
            key="check.round_amounts.group",
            params={
                "year": str(year),
                "account": f"{code} {name}".strip(),
                "count": str(len(found)),
                "total": money(sum((e.debit for e in found), ZERO)),
                "unit": money(ROUND_UNIT),
                "minimum": money(ROUND_MIN),
                "entries": entry_list(found),
            },
            basis="check.basis.analytic_hint",
            scope=f"{year}|{code}",
        )


# -- first digits (Benford) -----------------------------------------------------------------------


def first_digit(amount: Decimal) -> int:
    """The first significant digit of an amount of at least 1 (``str`` has no leading zero then)."""
    return int(str(amount)[0])


def benford_mad(counts: dict[int, int], n: int) -> float:
    return sum(abs(counts.get(d, 0) / n - p) for d, p in BENFORD_SHARES.items()) / 9


def _z(observed: float, expected: float, n: int) -> float:
    """Nigrini's z statistic for one digit's share, with the continuity correction."""
    gap = abs(observed - expected) - 1 / (2 * n)
    return max(gap, 0.0) / math.sqrt(expected * (1 - expected) / n)


def benford(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    by_digit: dict[int, list[CheckEntry]] = {}
    for e in entries:
        if is_spending(e) and e.debit >= BENFORD_MIN_AMOUNT:
            by_digit.setdefault(first_digit(e.debit), []).append(e)
    n = sum(len(v) for v in by_digit.values())
    if n < BENFORD_MIN_COUNT:
        return
    counts = {d: len(v) for d, v in by_digit.items()}
    mad = benford_mad(counts, n)
    if mad <= BENFORD_MAD_LIMIT:
        return
    over = [
        d
        for d, p in BENFORD_SHARES.items()
        if counts.get(d, 0) / n > p and _z(counts.get(d, 0) / n, p, n) > BENFORD_Z
    ]
    listed = sorted((e for d in over for e in by_digit[d]), key=lambda e: (-e.debit, e.date, e.id))[
        :BENFORD_LIST_LIMIT
    ]
    shares = "；".join(f"{d}：{counts.get(d, 0) / n:.1%}／{BENFORD_SHARES[d]:.1%}" for d in range(1, 10))
    yield Suspicion(
        rule="benford",
        severity="low",
        entry_ids=tuple(e.id for e in listed),
        key="check.benford.nonconforming",
        params={
            "year": str(ctx.year),
            "count": str(n),
            "mad": f"{mad:.4f}",
            "limit": f"{BENFORD_MAD_LIMIT:.3f}",
            "digits": "、".join(map(str, over)) or "—",
            "shares": shares,
            "listed": str(len(listed)),
        },
        basis="check.basis.benford",
        scope=str(ctx.year),
    )

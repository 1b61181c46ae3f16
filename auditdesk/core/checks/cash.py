"""Money paid out of cash (库存现金, account 101): condolence money that should go by bank transfer, and
single cash payments over the cash payment limit (现金结算起点).

*A cash payment.* In a one-sided cash journal the service hands over mirrored entries: the entry's
account is the counter account and ``counter_account`` names 101; the amount paid out is the debit.
In a double-entry ledger the cash side is a line crediting 101 (``chart_code`` 101), so a payment is
the credit of a 101 line, and the lines it paid for are the voucher's (same month and number) other
debit lines; a line whose ``counter_account`` names 101 also counts as paid in cash. Moving money
between cash and the bank (提现, 存现: the other side is 101 or 102) is not a payment. Year-end
closing lines are never payments.

``cash_condolence``: a spending entry whose summary names a word of the profile's ``condolence`` list
(慰问金, 困难补助, 帮扶, 救助, 丧葬 ... — unless it names one of the list's ``allowed`` words, such as
购买 or 水果: buying goods for a visit in cash is not personal money), or a gift entry (member-activity
account) naming 慰问金, paid in cash. One suspicion per such entry, citing it and the voucher's 101
credit lines. Without the list: only the 慰问金 gift entries. Amount is not considered.

``large_cash_payments``: a single cash payment above the ``cash_payment`` limit in force on its date
(nothing when the profile has none in force). One suspicion per payment: a one-sided journal line,
or a double-entry 101 credit line (citing the voucher's debit lines it paid for). It does not add up
several payments of a day (the split-payment check looks at that) and does not judge whether the
payment belongs to the cash uses the regulation allows (wages, travel advances): the auditor does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from auditdesk.core.checks.holidays import is_gift_entry
from auditdesk.core.checks.model import CheckContext, CheckEntry, Suspicion, entry_params, is_spending, money
from auditdesk.core.standards import KeywordList, RuleVersion

CASH = "101"
BANK = "102"
CASH_NAME = "库存现金"
BANK_NAME = "银行存款"
GIFT_CONDOLENCE_WORD = "慰问金"


def names_cash(text: str) -> bool:
    """A counter account text that names 101 库存现金 (``101``, ``101 库存现金``, ``库存现金``)."""
    text = text.strip()
    return text.startswith(CASH) or CASH_NAME in text


def _names_bank(text: str) -> bool:
    text = text.strip()
    return text.startswith(BANK) or BANK_NAME in text


def _is_transfer(entry: CheckEntry) -> bool:
    """The other side of a cash line is cash or the bank (提现, 存现): no payment."""
    code = entry.chart_code or ""
    if code.startswith((CASH, BANK)):
        return True
    return not code and (names_cash(entry.account_name) or _names_bank(entry.account_name))


def _is_cash_credit(entry: CheckEntry) -> bool:
    return not entry.is_closing and entry.credit > 0 and (entry.chart_code or "").startswith(CASH)


@dataclass(frozen=True, slots=True)
class CashPayment:
    """Money paid out of cash: ``line`` states the payment (a one-sided journal line, or the 101 credit
    line of a double-entry voucher); ``paid`` are the lines it paid for (for a journal line: itself)."""

    amount: Decimal
    line: CheckEntry
    paid: tuple[CheckEntry, ...]


def voucher_groups(
    entries: Sequence[CheckEntry], keys: set[tuple[int, str]] | None = None
) -> dict[tuple[int, str], list[CheckEntry]]:
    """Lines of each voucher (only of ``keys`` when given), by (``yyyymm``, voucher number); lines without
    a number are left out."""
    wanted = None if keys is None else {voucher for _, voucher in keys}
    groups: dict[tuple[int, str], list[CheckEntry]] = {}
    for e in entries:
        voucher = e.voucher
        if not voucher or (wanted is not None and voucher not in wanted):
            continue
        day = e.date
        key = (day.year * 100 + day.month, voucher)  # CheckEntry.month, without the property call
        if keys is None or key in keys:
            groups.setdefault(key, []).append(e)
    return groups


def cash_payments(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[CashPayment]:
    """Every payment out of cash, in the entries' order (see the module docstring)."""
    double = ctx.double_entry
    lines = [  # the lines that may state a payment, in the entries' order
        e for e in entries
        if e.counter_account or (double and e.credit and e.chart_code and e.chart_code[:3] == CASH)
    ]
    credits = [e for e in lines if double and _is_cash_credit(e)]
    groups = voucher_groups(entries, {(e.month, e.voucher) for e in credits if e.voucher})
    credit_ids = {e.id for e in credits}
    for e in lines:
        if e.is_closing:
            continue
        if e.counter_account and names_cash(e.counter_account) and not (e.chart_code or "").startswith(CASH):
            # a mirrored cash-journal line, or a double-entry line naming cash as its counter account
            # (when its voucher has no 101 line of its own, which then states the payment)
            if e.debit > 0 and not _is_transfer(e) and (e.month, e.voucher) not in groups:
                yield CashPayment(e.debit, e, (e,))
            continue
        if e.id in credit_ids:
            others = [x for x in groups.get((e.month, e.voucher), ()) if x is not e and x.debit > 0]
            paid = tuple(x for x in others if not x.is_closing and not _is_transfer(x))
            if others and not paid:
                continue  # the voucher only moves cash into the bank
            yield CashPayment(e.credit, e, paid)


class _Words:
    """A keyword list as a matcher: the first listed word a summary names, unless it names an allowed one."""

    def __init__(self, keywords: KeywordList | None) -> None:
        self.words = _pattern(keywords.words) if keywords else None
        self.allowed = _pattern(keywords.allowed) if keywords else None

    def word(self, summary: str) -> str | None:
        if self.words is None:
            return None
        found = self.words.search(summary)
        if found is None or (self.allowed is not None and self.allowed.search(summary)):
            return None
        return found.group(0)


def _pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    ordered = sorted(set(words), key=lambda w: (-len(w), w))  # the longest word is named
    return re.compile("|".join(re.escape(w) for w in ordered))


def cash_condolence(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    keywords = ctx.standards.keyword_list("condolence")
    words = _Words(keywords)
    basis, basis_params = "check.basis.cash_transfer", {"profile": ctx.standards.title}
    if keywords is not None:
        basis, basis_params = "check.basis.keyword_list", {**basis_params, "basis": keywords.basis}
    cash_lines: dict[int, list[CheckEntry]] = {}  # id of a paid line -> the 101 lines that paid it
    paid_in_cash: dict[int, CheckEntry] = {}
    for payment in cash_payments(entries, ctx):
        for line in payment.paid:
            paid_in_cash[line.id] = line
            if payment.line is not line:
                cash_lines.setdefault(line.id, []).append(payment.line)
    for e in entries:
        if e.id not in paid_in_cash or not is_spending(e):
            continue
        word = words.word(e.summary)
        if word is None and GIFT_CONDOLENCE_WORD in e.summary and is_gift_entry(e, ctx.year):
            word = GIFT_CONDOLENCE_WORD
        if word is None:
            continue
        yield Suspicion(
            rule="cash_condolence",
            severity="medium",
            entry_ids=(e.id, *(c.id for c in cash_lines.get(e.id, ()))),
            key="check.cash_condolence.hit",
            params={**entry_params(e), "word": word},
            basis=basis,
            basis_params=basis_params,
        )


def large_cash_payments(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    limits: dict[dt.date, RuleVersion | None] = {}
    for payment in cash_payments(entries, ctx):
        day = payment.line.date
        if day not in limits:
            limits[day] = ctx.standards.value("cash_payment", day)
        version = limits[day]
        if version is None or payment.amount <= version.value:
            continue
        line = payment.line
        summary = line.summary or next((p.summary for p in payment.paid if p.summary), "")
        yield Suspicion(
            rule="large_cash_payments",
            severity="medium",
            entry_ids=(line.id, *(p.id for p in payment.paid)),
            key="check.large_cash_payments.over",
            params={
                "date": day.isoformat(),
                "voucher": line.voucher or "—",
                "summary": summary,
                "amount": money(payment.amount),
                "limit": money(version.value),
            },
            basis="check.basis.cash_payment",
            basis_params={"document": version.document},
        )

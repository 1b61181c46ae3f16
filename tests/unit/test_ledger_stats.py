"""Field statistics at import: counts, totals, vouchers, unbalanced vouchers, per account."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from auditdesk.core.ledger import Entry, Reconciliation, account_label, compute_stats, voucher_key

D = Decimal


def entry(
    day: str,
    voucher: str,
    code: str,
    name: str,
    debit: str = "0",
    credit: str = "0",
    row: int = 1,
) -> Entry:
    return Entry(
        date=dt.date.fromisoformat(day),
        voucher=voucher,
        summary="摘要",
        account_code=code,
        account_name=name,
        debit=D(debit),
        credit=D(credit),
        sheet="序时账",
        row=row,
    )


LEDGER = [
    # 记-1 in March: balanced
    entry("2024-03-05", "记-1", "50105", "会员活动支出", debit="1200.00", row=5),
    entry("2024-03-05", "记-1", "102", "银行存款", credit="1200.00", row=6),
    # 记-1 again in April (numbers restart each month): unbalanced by 0.01
    entry("2024-04-02", "记-1", "50102", "文体活动支出", debit="300.01", row=7),
    entry("2024-04-02", "记-1", "101", "库存现金", credit="300.00", row=8),
    # a red reversal (negative) and a zero line, in 记-2 of April: balanced
    entry("2024-04-20", "记-2", "50102", "文体活动支出", debit="-50.00", row=9),
    entry("2024-04-20", "记-2", "101", "库存现金", credit="-50.00", row=10),
    entry("2024-04-20", "记-2", "", "其他应付款", row=11),
    # no voucher number (a cash journal line): counted, not a voucher
    entry("2024-01-15", "", "101", "库存现金", debit="10.00", row=12),
]


def test_compute_stats_fields() -> None:
    stats = compute_stats(LEDGER)
    assert stats.entries == 8
    assert stats.vouchers == 3
    assert stats.date_from == dt.date(2024, 1, 15)
    assert stats.date_to == dt.date(2024, 4, 20)
    assert stats.debit_total == D("1460.01")
    assert stats.credit_total == D("1450.00")
    assert stats.unbalanced_vouchers == ((202404, "记-1"),)
    assert stats.negatives == 2
    assert stats.zero_amounts == 1
    assert dict(stats.per_account) == {
        "50105 会员活动支出": 1,
        "102 银行存款": 1,
        "50102 文体活动支出": 2,
        "101 库存现金": 3,
        "其他应付款": 1,
    }
    assert [label for label, _ in stats.per_account] == sorted(label for label, _ in stats.per_account)


def test_single_sided_journal_has_no_unbalanced_vouchers() -> None:
    stats = compute_stats(LEDGER, double_entry=False)
    assert stats.unbalanced_vouchers == ()
    assert stats.vouchers == 3


def test_empty_ledger() -> None:
    stats = compute_stats([])
    assert stats.entries == 0 and stats.vouchers == 0
    assert stats.date_from is None and stats.date_to is None
    assert stats.debit_total == 0 and stats.credit_total == 0
    assert stats.per_account == ()


def test_compute_stats_accepts_a_generator() -> None:
    assert compute_stats(e for e in LEDGER).entries == len(LEDGER)


def test_voucher_key_restarts_each_month() -> None:
    assert voucher_key(LEDGER[0]) == (202403, "记-1")
    assert voucher_key(LEDGER[2]) == (202404, "记-1")


def test_account_label() -> None:
    assert account_label(entry("2024-01-01", "", "101", "库存现金")) == "101 库存现金"
    assert account_label(entry("2024-01-01", "", "", "库存现金")) == "库存现金"
    assert account_label(entry("2024-01-01", "", "101", "")) == "101"


def test_reconciliation_ok() -> None:
    def rec(stated_debit: str | None, stated_credit: str | None) -> Reconciliation:
        return Reconciliation(
            sheet="序时账",
            row=40,
            label="本月合计",
            stated_debit=None if stated_debit is None else D(stated_debit),
            stated_credit=None if stated_credit is None else D(stated_credit),
            computed_debit=D("100.00"),
            computed_credit=D("80.00"),
        )

    assert rec("100.00", "80.00").ok
    assert rec(None, "80.00").ok
    assert rec(None, None).ok
    assert not rec("100.01", "80.00").ok
    assert not rec("100.00", "0").ok


cents = st.integers(min_value=-(10**9), max_value=10**9).map(lambda f: D(f) / 100)


@given(st.lists(st.tuples(st.integers(1, 12), st.integers(1, 3), cents), max_size=40))
def test_balanced_pairs_are_never_unbalanced(lines: list[tuple[int, int, Decimal]]) -> None:
    entries: list[Entry] = []
    for month, number, amount in lines:
        day = f"2024-{month:02d}-01"
        entries.append(entry(day, f"记-{number}", "501", "职工活动支出", debit=str(amount)))
        entries.append(entry(day, f"记-{number}", "102", "银行存款", credit=str(amount)))
    stats = compute_stats(entries)
    assert stats.unbalanced_vouchers == ()
    assert stats.debit_total == stats.credit_total == sum((a for _, _, a in lines), D(0))
    assert stats.vouchers == len({(m, n) for m, n, _ in lines})
    assert stats.entries == 2 * len(lines)

"""The ledger as the checks see it: stored entries of a unit's active imports turned into
``CheckEntry`` values, with one-sided cash and bank journals mirrored onto their counter accounts.

A 现金日记账/银行存款日记账 line is stored on 101/102 with the expense or income account as its
counter account. The checks look at spending accounts, so such a line is handed over *mirrored*:
the account is the counter account (resolved in the year's chart), ``counter_account`` names the
journal's own account ("101 库存现金"), and the amount paid out (the stored credit) becomes the
debit. The entry's id stays the stored one, so suspicions point at the line the auditor sees.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from auditdesk.core.accounts import resolve_account
from auditdesk.core.checks import CheckEntry
from auditdesk.core.money import from_fen
from auditdesk.store.models import LedgerEntry, LedgerImport

ONE_SIDED_LAYOUTS = frozenset({"layout.cash_journal", "layout.bank_journal"})
_JOURNAL_ACCOUNT = {"101": "101 库存现金", "102": "102 银行存款"}


@dataclass(frozen=True)
class LedgerForChecks:
    entries: tuple[CheckEntry, ...]
    double_entry: bool  # False when any sheet is a one-sided cash or bank journal
    imports: tuple[int, ...]


def _one_sided_sheets(imports: list[LedgerImport]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for imp in imports:
        assert imp.id is not None
        sheets = {
            str(layout.get("sheet", ""))
            for layout in imp.layouts
            if isinstance(layout, dict) and layout.get("layout") in ONE_SIDED_LAYOUTS
        }
        found[imp.id] = sheets
    return found


def load_check_entries(session: Session, unit_id: int, year: int) -> LedgerForChecks:
    """Every entry of the unit's active imports for ``year``, in date, voucher, sheet, row order."""
    imports = list(
        session.exec(
            select(LedgerImport).where(
                LedgerImport.unit_id == unit_id, LedgerImport.year == year, LedgerImport.status == "active"
            )
        ).all()
    )
    one_sided = _one_sided_sheets(imports)
    ids = [imp.id for imp in imports if imp.id is not None]
    if not ids:
        return LedgerForChecks((), True, ())
    columns = (
        LedgerEntry.id,
        LedgerEntry.import_id,
        LedgerEntry.date,
        LedgerEntry.voucher,
        LedgerEntry.summary,
        LedgerEntry.account_code,
        LedgerEntry.account_name,
        LedgerEntry.chart_code,
        LedgerEntry.counter_account,
        LedgerEntry.debit_fen,
        LedgerEntry.credit_fen,
        LedgerEntry.balance_fen,
        LedgerEntry.attachments,
        LedgerEntry.is_closing,
        LedgerEntry.sheet,
        LedgerEntry.row,
    )
    rows = session.exec(
        select(*columns)  # type: ignore[call-overload]
        .where(col(LedgerEntry.import_id).in_(ids))
        .order_by(LedgerEntry.date, LedgerEntry.voucher, LedgerEntry.sheet, LedgerEntry.row)
    ).all()
    out: list[CheckEntry] = []
    any_one_sided = False
    for (
        eid,
        imp,
        day,
        voucher,
        summary,
        code,
        name,
        chart_code,
        counter,
        debit,
        credit,
        balance,
        attachments,
        closing,
        sheet,
        row,
    ) in rows:
        mirrored = sheet in one_sided.get(imp, set()) and (chart_code or "")[:3] in _JOURNAL_ACCOUNT
        if mirrored:
            any_one_sided = True
            out.append(
                _mirror(
                    eid,
                    day,
                    voucher,
                    summary,
                    chart_code,
                    counter,
                    debit,
                    credit,
                    balance,
                    attachments,
                    closing,
                    sheet,
                    row,
                    year,
                )
            )
            continue
        out.append(
            CheckEntry(
                id=eid,
                date=day,
                voucher=voucher,
                summary=summary,
                account_code=code,
                account_name=name,
                chart_code=chart_code,
                counter_account=counter,
                debit=from_fen(debit),
                credit=from_fen(credit),
                attachments=attachments,
                is_closing=bool(closing),
                balance=None if balance is None else from_fen(balance),
                sheet=sheet,
                row=row,
            )
        )
    return LedgerForChecks(tuple(out), not any_one_sided, tuple(ids))


def _mirror(
    eid: int,
    day: dt.date,
    voucher: str,
    summary: str,
    chart_code: str,
    counter: str,
    debit: int,
    credit: int,
    balance: int | None,
    attachments: int | None,
    closing: bool,
    sheet: str,
    row: int,
    year: int,
) -> CheckEntry:
    account = resolve_account("", counter, year) if counter else None
    own = _JOURNAL_ACCOUNT[chart_code[:3]]
    return CheckEntry(
        id=eid,
        date=day,
        voucher=voucher,
        summary=summary,
        account_code=account.code if account else "",
        account_name=counter,
        chart_code=account.code if account else None,
        counter_account=own,
        debit=from_fen(credit),
        credit=from_fen(debit),
        attachments=attachments,
        is_closing=bool(closing),
        balance=None if balance is None else from_fen(balance),
        sheet=sheet,
        row=row,
    )

"""Rows of one sheet -> entries, row problems, skipped rows and reconciliations.

The layout is decided once per sheet (layout.py); then a tight loop reads each row through a
precomputed itemgetter. Ordinary rows (a date cell, float amounts, known labels) take the fast path;
anything unusual goes to ``RowReader.slow`` (rows.py), the single place that decides what a row is
and reports every problem of it. The fast path only accepts rows the slow path would read the same
way (tests run both over the same files and compare).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from operator import itemgetter
from typing import Any

from auditdesk.core.ledger import Entry
from auditdesk.core.money import ZERO
from auditdesk.ingest.layout import Layout
from auditdesk.ingest.readers import RawSheet
from auditdesk.ingest.rows import RowReader, SheetResult, apply_merges
from auditdesk.ingest.synonyms import LABEL_CHARS, label_of
from auditdesk.ingest.totals import Carry
from auditdesk.ingest.values import split_account, text_amount, voucher, voucher_parts

ORDER = tuple(
    "date year month day voucher voucher_type voucher_no summary account account_code account_name"
    " debit credit amount balance attachments counter_account".split()
)
_MISS = object()
FAST_PATH = True  # tests turn it off to check that the fast path agrees with the careful one
_DATE = dt.date
_DATETIME = dt.datetime
_FLOAT = float
_STR = str
_FEN = Decimal(1).scaleb(-2)


_ENTRY_FIELDS = tuple(
    "date voucher summary account_code account_name debit credit sheet row counter_account attachments"
    " balance".split()
)


def _entry_setters() -> tuple[Any, ...] | None:
    """Slot setters of Entry, to build 100,000 frozen entries without 1.2 million ``object.__setattr__``.

    Only used while Entry is exactly the slotted dataclass this module knows (no __post_init__);
    otherwise entries are built through the constructor.
    """
    names = tuple(f.name for f in dataclasses.fields(Entry))
    if names != _ENTRY_FIELDS or hasattr(Entry, "__post_init__") or not hasattr(Entry, "__slots__"):
        return None
    return tuple(getattr(Entry, n).__set__ for n in names)


_SETTERS = _entry_setters()


def parse_sheet(sheet: RawSheet, layout: Layout, year: int, carry: Carry) -> SheetResult:
    """Read every row after the header."""
    result = SheetResult()
    reader = RowReader(sheet, layout, year, result, carry)
    apply_merges(sheet, layout)
    _loop(sheet, layout, year, reader, result)
    reader.totals.close()
    return result


def _loop(sheet: RawSheet, layout: Layout, year: int, reader: RowReader, result: SheetResult) -> None:
    width = sheet.width
    idx = [layout.cols.get(f, width) for f in ORDER]
    entry_dir = layout.directions[0] if "amount" in layout.cols and layout.directions else width
    balance_dir = width
    if layout.directions and "balance" in layout.cols:
        rest = [c for c in layout.directions if c != entry_dir]
        balance_dir = rest[0] if rest else width
    get = itemgetter(*idx, entry_dir, balance_dir)
    has = {f: f in layout.cols for f in ORDER}
    split_date = not has["date"]
    with_year = has["year"]
    amount_mode = has["amount"]
    acct_mode = 2 if has["account"] else (1 if has["account_code"] or has["account_name"] else 0)
    voucher_mode = 1 if has["voucher"] else (2 if has["voucher_type"] or has["voucher_no"] else 0)
    has_balance, has_attach = has["balance"], has["attachments"]
    entries = result.entries
    append = entries.append
    labels = reader.label_cache
    dcache = reader.date_cache
    vcache: dict[Any, str] = {}
    acache: dict[Any, tuple[str, str]] = {}
    sheet_name = sheet.name
    signs = reader.balance_signs
    sides = reader.sides
    slow = reader.slow
    careful = not FAST_PATH
    fast_new = _SETTERS is not None
    new = object.__new__
    (
        s_date,
        s_voucher,
        s_summary,
        s_code,
        s_name,
        s_debit,
        s_credit,
        s_sheet,
        s_row,
        s_counter,
        s_attach,
        s_balance,
    ) = _SETTERS or (None,) * 12
    no_label = LABEL_CHARS.isdisjoint
    for i in range(layout.data_start, len(sheet.rows)):
        row = sheet.rows[i]
        row.append("")
        if careful:
            slow(i, row)
            continue
        (dv, yv, mv, dayv, vv, vtv, vnv, sv, av, cv, nv, dbv, crv, amv, balv, attv, ctv, edv, bdv) = get(row)
        # -- labels (本月合计, 期初余额, a repeated header...) and the date -----------------------
        if sv.__class__ is _STR:
            if sv:
                lab = labels.get(sv, _MISS)
                if lab is _MISS:
                    lab = labels[sv] = label_of(sv) or reader.header_label(sv)
                if lab is not None:
                    slow(i, row)
                    continue
        else:
            slow(i, row)
            continue
        if split_date:
            d = dcache.get((yv, mv, dayv) if with_year else (mv, dayv))
        else:
            t = dv.__class__
            if t is _DATE:
                d = dv if dv.year == year else None
            elif t is _DATETIME:
                d = dv.date() if dv.year == year else None
            else:
                d = dcache.get(dv)
        filled = False
        if d is None:
            # a date merged down (or printed once) over a voucher's lines: the careful path's rule
            if dv == "" if not split_date else (mv == "" and dayv == "" and (not with_year or yv == "")):
                d = reader.prev_date
                filled = True
            if d is None:
                slow(i, row)
                continue
        # -- amounts: float cells, plain text (CSV) or empty ----------------------------------------
        debit: Decimal | None
        credit: Decimal | None
        if amount_mode:
            side = sides.get(edv)
            if amv.__class__ is _FLOAT and -1e13 < amv < 1e13:
                x = amv * 100
                c = round(x)
                value = Decimal(c) * _FEN if -1e-6 < x - c < 1e-6 else None
            else:
                value = text_amount(amv)
            if side is None or value is None:
                slow(i, row)
                continue
            if side:
                debit, credit = value, ZERO
            else:
                debit, credit = ZERO, value
        else:
            if dbv.__class__ is _FLOAT and -1e13 < dbv < 1e13:
                x = dbv * 100
                c = round(x)
                if not -1e-6 < x - c < 1e-6:
                    slow(i, row)
                    continue
                debit = Decimal(c) * _FEN
            elif dbv == "":
                debit = None
            else:
                debit = text_amount(dbv)
                if debit is None:
                    slow(i, row)
                    continue
            if crv.__class__ is _FLOAT and -1e13 < crv < 1e13:
                x = crv * 100
                c = round(x)
                if not -1e-6 < x - c < 1e-6:
                    slow(i, row)
                    continue
                credit = Decimal(c) * _FEN
            elif crv == "":
                if debit is None:
                    slow(i, row)  # no amount at all
                    continue
                credit = ZERO
            else:
                credit = text_amount(crv)
                if credit is None:
                    slow(i, row)
                    continue
            if debit is None:
                debit = ZERO
        assert debit is not None and credit is not None
        # -- voucher, account, attachments, balance ------------------------------------------------
        if voucher_mode == 1:
            if vv == "":
                vch = ""
            else:
                vch = vcache.get(vv)  # type: ignore[assignment]
                if vch is None:
                    if (
                        vv.__class__ is not _FLOAT
                        and vv.__class__ is not int
                        and (vv.__class__ is not _STR or not (no_label(vv) or label_of(vv) is None))
                    ):
                        slow(i, row)
                        continue
                    vch = vcache[vv] = voucher(vv)
        elif voucher_mode == 2:
            key = (vtv, vnv)
            vch = vcache.get(key)  # type: ignore[assignment]
            if vch is None:
                if not (vtv.__class__ is _STR and vnv.__class__ in (_STR, _FLOAT, int)):
                    slow(i, row)
                    continue
                vch = vcache[key] = voucher_parts(vtv, vnv)
        else:
            vch = ""
        if filled:
            if vch == "":
                vch = reader.prev_voucher  # type: ignore[assignment]
            elif vch != reader.prev_voucher:
                slow(i, row)  # another voucher without a date
                continue
        if acct_mode == 2:
            acct = acache.get(av)
            if acct is None:
                if av.__class__ is not _STR or not av.strip():
                    slow(i, row)
                    continue
                acct = acache[av] = split_account(av)
            code, name = acct
        elif acct_mode == 1:
            acct = acache.get((cv, nv))
            if acct is None:
                acct = reader.account_cells(cv, nv)
                if acct is None:
                    slow(i, row)
                    continue
                acache[(cv, nv)] = acct
            code, name = acct
        else:
            code, name = reader.account
        attach: int | None = None
        if has_attach and attv != "":
            if attv.__class__ is _FLOAT and attv.is_integer() and attv >= 0:
                attach = int(attv)
            elif attv.__class__ is _STR and attv.isdigit() and attv.isascii():
                attach = int(attv)
            else:
                slow(i, row)
                continue
        balance: Decimal | None = None
        if has_balance and balv != "":
            sign = signs.get(bdv)
            if balv.__class__ is _FLOAT and -1e13 < balv < 1e13:
                x = balv * 100
                c = round(x)
                balance = Decimal(c * sign) * _FEN if -1e-6 < x - c < 1e-6 and sign is not None else None
            else:
                balance = text_amount(balv)
                if balance is not None and sign is not None:
                    balance = balance * sign if sign else ZERO
            if balance is None or sign is None:
                slow(i, row)
                continue
        if ctv.__class__ is not _STR:
            slow(i, row)
            continue
        counter = ctv.strip()
        if fast_new:
            e = new(Entry)
            s_date(e, d)
            s_voucher(e, vch)
            s_summary(e, sv.strip())
            s_code(e, code)
            s_name(e, name)
            s_debit(e, debit)
            s_credit(e, credit)
            s_sheet(e, sheet_name)
            s_row(e, i + 1)
            s_counter(e, counter)
            s_attach(e, attach)
            s_balance(e, balance)
            append(e)
        else:
            append(
                Entry(
                    d, vch, sv.strip(), code, name, debit, credit, sheet_name, i + 1, counter, attach, balance
                )
            )
        reader.prev_date = d
        reader.prev_voucher = vch

"""Books with running balances: cash and bank journals (日记账) and the detail ledger (明细账)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from openpyxl.worksheet.worksheet import Worksheet

from auditdesk.samples import chart, xlsx
from auditdesk.samples.book import ZERO, Book, Line, Voucher
from auditdesk.samples.common import Unit

Locations = dict[int, tuple[str, int]]  # id(voucher) -> (sheet, row of its first line)
_FIXED_ASSET_PAIR = ("162", "301")


def write_cash_book(book: Book, unit: Unit, path: Path, when: dt.datetime) -> Locations:
    """现金日记账 and 银行存款日记账 as two sheets: 月/日 under "2024年", 收入/支出/结余, monthly totals."""
    wb = xlsx.new_workbook()
    found: Locations = {}
    for code, name in ((chart.CASH, "现金日记账"), (chart.BANK, "银行存款日记账")):
        ws = wb.create_sheet(name)
        _cash_sheet(ws, book, unit, code, name, found)
    xlsx.save(wb, path, when, "工会会计")
    return found


def _cash_sheet(ws: Worksheet, book: Book, unit: Unit, code: str, name: str, found: Locations) -> None:
    xlsx.title(ws, 1, name, 8)
    ws.cell(2, 1, f"单位:{unit.name}")
    xlsx.merge(ws, 2, 1, 2, 4)
    ws.cell(2, 5, f"科目:{code} {chart.name(code)}")
    ws.cell(2, 8, "金额单位:元")
    ws.cell(3, 1, f"{book.year}年").alignment = xlsx.CENTER
    xlsx.merge(ws, 3, 1, 3, 2)
    xlsx.header(ws, 4, ["月", "日", "凭证号数", "摘要", "对方科目", "收入", "支出", "结余"])
    money = {6: xlsx.AMOUNT, 7: xlsx.AMOUNT, 8: xlsx.AMOUNT}
    balance = book.opening.get(code, ZERO)
    xlsx.body(ws, 5, [1, 1, None, "上年结转", None, None, None, balance], money)
    row = 6
    year_in = year_out = ZERO
    for month in range(1, 13):
        month_in = month_out = ZERO
        last_day = 0
        for v in book.vouchers:
            if v.date.month != month:
                continue
            for ln in v.lines:
                if ln.code != code:
                    continue
                balance += ln.debit - ln.credit
                month_in += ln.debit
                month_out += ln.credit
                last_day = v.date.day
                values = [
                    month,
                    v.date.day,
                    v.label,
                    ln.summary,
                    _counter(v, ln),
                    ln.debit or None,
                    ln.credit or None,
                    balance,
                ]
                xlsx.body(ws, row, values, money)
                found.setdefault(id(v), (ws.title, row))
                row += 1
        if not last_day:
            continue
        year_in += month_in
        year_out += month_out
        xlsx.body(
            ws,
            row,
            [month, _month_end(book.year, month), None, "本月合计", None, month_in, month_out, balance],
            money,
        )
        xlsx.body(ws, row + 1, [None, None, None, "本年累计", None, year_in, year_out, balance], money)
        row += 2
    xlsx.widths(ws, [5, 5, 10, 44, 22, 13, 13, 14])
    ws.freeze_panes = "A5"


def _counter(voucher: Voucher, line: Line) -> str:
    """对方科目: the names on the other side of the same voucher (not the fixed-asset pair)."""
    names: list[str] = []
    for other in voucher.lines:
        if other is line or other.code in _FIXED_ASSET_PAIR or other.code == line.code:
            continue
        if (other.debit > 0) != (line.debit > 0) and chart.name(other.code) not in names:
            names.append(chart.name(other.code))
    return "、".join(names)


def write_detail_ledger(book: Book, unit: Unit, path: Path, when: dt.datetime) -> Locations:
    """科目明细账: a section per account (`科目:50105 会员活动支出`), monthly totals, 借或贷 and 余额."""
    wb = xlsx.new_workbook()
    ws = wb.create_sheet("明细账")
    xlsx.title(ws, 1, "明细账", 7)
    ws.cell(2, 1, f"核算单位:{unit.name}")
    xlsx.merge(ws, 2, 1, 2, 3)
    ws.cell(2, 4, f"期间:{book.year}年1月-{book.year}年12月")
    ws.cell(2, 7, "单位:元")
    xlsx.header(ws, 3, ["日期", "凭证字号", "摘要", "借方", "贷方", "借或贷", "余额"])
    fmt = {1: xlsx.DATE, 4: xlsx.AMOUNT, 5: xlsx.AMOUNT, 7: xlsx.AMOUNT}
    by_account: dict[str, list[tuple[Voucher, Line]]] = defaultdict(list)
    for v in book.vouchers:
        for ln in v.lines:
            by_account[ln.code].append((v, ln))
    found: Locations = {}
    row = 4
    for code in sorted(set(by_account) | {c for c, amount in book.opening.items() if amount}):
        ws.cell(row, 1, f"科目:{code} {chart.name(code)}").font = xlsx.HEAD_FONT
        xlsx.merge(ws, row, 1, row, 7)
        sign = 1 if chart.debit_natured(code) else -1
        balance = book.opening.get(code, ZERO)
        xlsx.body(
            ws, row + 1, [dt.date(book.year, 1, 1), None, "期初余额", None, None, *_shown(balance, sign)], fmt
        )
        row += 2
        year_dr = year_cr = ZERO
        for month in range(1, 13):
            lines = [(v, ln) for v, ln in by_account[code] if v.date.month == month]
            if not lines:
                continue
            for v, ln in lines:
                balance += sign * (ln.debit - ln.credit)
                xlsx.body(
                    ws,
                    row,
                    [
                        v.date,
                        v.label,
                        ln.summary,
                        ln.debit or None,
                        ln.credit or None,
                        *_shown(balance, sign),
                    ],
                    fmt,
                )
                if ln is v.lines[0]:  # where a reader looks for it: the line the voucher is about
                    found[id(v)] = (ws.title, row)
                row += 1
            month_dr = sum((ln.debit for _, ln in lines), ZERO)
            month_cr = sum((ln.credit for _, ln in lines), ZERO)
            year_dr += month_dr
            year_cr += month_cr
            end = dt.date(book.year, month, _month_end(book.year, month))
            xlsx.body(ws, row, [end, None, "本月合计", month_dr, month_cr, *_shown(balance, sign)], fmt)
            xlsx.body(ws, row + 1, [end, None, "本年累计", year_dr, year_cr, *_shown(balance, sign)], fmt)
            row += 2
    xlsx.widths(ws, [12, 10, 46, 14, 14, 7, 15])
    ws.freeze_panes = "A4"
    xlsx.save(wb, path, when, "工会会计")
    return found


def _shown(balance: Decimal, sign: int) -> list[object]:
    """借或贷 and the balance's absolute value, from a natural-side balance."""
    if balance == 0:
        return ["平", ZERO]
    debit_side = (balance > 0) == (sign > 0)
    return ["借" if debit_side else "贷", abs(balance)]


def _month_end(year: int, month: int) -> int:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day

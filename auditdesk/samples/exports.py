"""Journals as accounting software exports them: 序时账 by month, 用友 raw columns, 金蝶 CSV in GBK."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

from openpyxl.worksheet.worksheet import Worksheet

from auditdesk.samples import chart, xlsx
from auditdesk.samples.book import ZERO, Book, Voucher
from auditdesk.samples.common import Unit
from auditdesk.samples.ledgers import Locations

PAGE_ROWS = 40  # table rows per printed page, the header included

_JOURNAL_HEAD = ["日期", "凭证字", "凭证号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额", "附件数"]
_UFIDA_HEAD = [
    "iperiod",
    "dbill_date",
    "csign",
    "ino_id",
    "inid",
    "cdigest",
    "ccode",
    "ccode_name",
    "md",
    "mc",
    "idoc",
    "cbill",
]
_KINGDEE_HEAD = ["日期", "凭证字号", "分录号", "摘要", "科目", "方向", "金额", "附件数"]


def write_monthly_journal(book: Book, unit: Unit, path: Path, when: dt.datetime) -> Locations:
    """序时账, a sheet per month, the header repeated per printed page, date, 字, 号 merged down."""
    wb = xlsx.new_workbook()
    flaws = {(id(f.voucher), f.line, f.field): f.text for f in book.flaws}
    found: Locations = {}
    for month in range(1, 13):
        ws = wb.create_sheet(f"{month}月")
        xlsx.title(ws, 1, "序时账", len(_JOURNAL_HEAD))
        ws.cell(2, 1, f"单位名称:{unit.name}")
        xlsx.merge(ws, 2, 1, 2, 4)
        ws.cell(2, 5, f"会计期间:{book.year}年{month:02d}月")
        ws.cell(2, 9, "单位:元")
        xlsx.header(ws, 3, _JOURNAL_HEAD)
        row, used = 4, 1
        debit = credit = ZERO
        for v in (v for v in book.vouchers if v.date.month == month):
            if used + len(v.lines) > PAGE_ROWS:  # the next page starts with the header again
                xlsx.header(ws, row, _JOURNAL_HEAD)
                row, used = row + 1, 1
            found[id(v)] = (ws.title, row)
            _journal_voucher(ws, row, v, flaws)
            row += len(v.lines)
            used += len(v.lines)
            debit += v.total
            credit += sum((ln.credit for ln in v.lines), ZERO)
        xlsx.body(
            ws,
            row,
            [None, None, None, "本月合计", None, None, debit, credit, None],
            {7: xlsx.AMOUNT, 8: xlsx.AMOUNT},
        )
        xlsx.widths(ws, [12, 7, 7, 46, 10, 20, 14, 14, 7])
        ws.freeze_panes = "A4"
    xlsx.save(wb, path, when, "工会会计")
    return found


def _journal_voucher(ws: Worksheet, row: int, v: Voucher, flaws: dict[tuple[int, int, str], str]) -> None:
    fmt = {1: xlsx.DATE, 7: xlsx.AMOUNT, 8: xlsx.AMOUNT}
    for i, ln in enumerate(v.lines):
        debit: object = flaws.get((id(v), i, "debit"), ln.debit or None)
        credit: object = flaws.get((id(v), i, "credit"), ln.credit or None)
        head: list[object] = (
            [flaws.get((id(v), -1, "date"), v.date), "记", v.number] if i == 0 else [None] * 3
        )
        xlsx.body(
            ws,
            row + i,
            [
                *head,
                ln.summary,
                ln.code,
                chart.name(ln.code),
                debit,
                credit,
                v.attachments if i == 0 else None,
            ],
            fmt,
        )
    if len(v.lines) > 1:
        last = row + len(v.lines) - 1
        for col in (1, 2, 3, 9):
            xlsx.merge(ws, row, col, last, col)
            ws.cell(row, col).alignment = xlsx.CENTER


def write_ufida(book: Book, unit: Unit, path: Path, when: dt.datetime, clerk: str) -> Locations:
    """用友 U8 凭证表 raw columns (dbill_date, csign, ino_id, cdigest, ccode, md, mc…) under title rows."""
    wb = xlsx.new_workbook()
    ws = wb.create_sheet("GL_accvouch")
    ws.cell(1, 1, f"{unit.name} 凭证列表").font = xlsx.TITLE_FONT
    ws.cell(2, 1, f"会计期间:{book.year}.01-{book.year}.12    导出时间:{when:%Y-%m-%d %H:%M}")
    xlsx.header(ws, 4, _UFIDA_HEAD)
    fmt = {2: xlsx.DATE, 9: xlsx.AMOUNT, 10: xlsx.AMOUNT}
    found: Locations = {}
    row = 5
    for v in book.vouchers:
        found[id(v)] = (ws.title, row)
        for i, ln in enumerate(v.lines, start=1):
            values: list[object] = [
                v.date.month,
                v.date,
                "记",
                v.number,
                i,
                ln.summary,
                ln.code,
                chart.name(ln.code),
                ln.debit,
                ln.credit,
                v.attachments,
                clerk,
            ]
            xlsx.body(ws, row, values, fmt, styled=False)
            row += 1
    xlsx.widths(ws, [7, 12, 6, 7, 5, 46, 8, 20, 14, 14, 5, 8])
    ws.freeze_panes = "A5"
    xlsx.save(wb, path, when, "UFIDA")
    return found


def write_kingdee_csv(book: Book, path: Path) -> Locations:
    """金蝶 voucher list as CSV in GBK: `50105 职工活动支出-会员活动支出` in one column, 方向 + 金额."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(_KINGDEE_HEAD)
    found: Locations = {}
    row = 2
    for v in book.vouchers:
        found[id(v)] = (path.stem, row)
        for i, ln in enumerate(v.lines, start=1):
            side, amount = ("借", ln.debit) if ln.debit else ("贷", ln.credit)
            writer.writerow(
                [
                    v.date.isoformat(),
                    v.label,
                    i,
                    ln.summary,
                    f"{ln.code} {chart.full_name(ln.code)}",
                    side,
                    _plain(amount),
                    v.attachments,
                ]
            )
            row += 1
    path.write_bytes(out.getvalue().encode("gbk"))
    return found


def _plain(amount: Decimal) -> str:
    return f"{amount:.2f}"

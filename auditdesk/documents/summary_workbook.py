"""The annual summary's tables as a styled workbook: ``单位汇总`` (one row per audited unit) and
``问题分类`` (one row per problem category), each with a title, a frozen header, number formats and a
合计 row whose figures are the exact sums of the rows above (values, not formulas, so the file says
the same in every spreadsheet program and can be checked without one).

Styled like the register workbook (``register_workbook``); the words in it are document text.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from auditdesk.core.money import ZERO
from auditdesk.documents.notice import period_text
from auditdesk.documents.render import write_outputs
from auditdesk.documents.reports import DASH, clean
from auditdesk.documents.summary import SummaryData, check_totals

__all__ = ["CATEGORY_COLUMNS", "CATEGORY_SHEET", "UNIT_COLUMNS", "UNIT_SHEET", "write_summary_workbook"]

UNIT_SHEET = "单位汇总"
CATEGORY_SHEET = "问题分类"
UNIT_COLUMNS: tuple[str, ...] = (
    "序号", "被审计单位", "审计项目文号", "审计期间", "经费收入（元）", "经费支出（元）",
    "问题个数", "涉及金额（元）", "已整改个数", "整改率",
)  # fmt: skip
CATEGORY_COLUMNS: tuple[str, ...] = ("序号", "问题类别", "问题个数", "涉及金额（元）", "占比")
TOTAL = "合计"
HEADER_ROW = 3  # title, subtitle, header

_AMOUNT_FORMAT = "#,##0.00"
_COUNT_FORMAT = "0"
_SHARE_FORMAT = "0.0%"
_SHARE_PLACES = Decimal("0.0001")
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
_WIDTHS = {"序号": 6, "被审计单位": 34, "审计项目文号": 22, "审计期间": 16, "经费收入（元）": 18,
           "经费支出（元）": 18, "问题个数": 10, "涉及金额（元）": 16, "已整改个数": 11, "整改率": 10,
           "问题类别": 24, "占比": 10}  # fmt: skip
_FORMATS = {"经费收入（元）": _AMOUNT_FORMAT, "经费支出（元）": _AMOUNT_FORMAT,
            "涉及金额（元）": _AMOUNT_FORMAT, "问题个数": _COUNT_FORMAT, "已整改个数": _COUNT_FORMAT,
            "占比": _SHARE_FORMAT}  # fmt: skip
_LEFT = ("被审计单位", "问题类别", "审计项目文号")
_CENTRED = ("序号", "问题个数", "已整改个数")


def write_summary_workbook(path: Path, data: SummaryData) -> str:
    """Write the summary workbook to ``path`` (atomically) and return the file's sha256.

    Raises ``summary.totals_mismatch`` when the rows do not add up to the year's figures and
    ``documents.write_failed`` when the file cannot be written.
    """
    check_totals(data)
    wb = Workbook()
    units = wb.active
    assert units is not None
    units.title = UNIT_SHEET
    title = f"{data.year}年度经费审查审计情况汇总表"
    subtitle = f"{clean(data.office)}　{data.issued.year}年{data.issued.month}月{data.issued.day}日"
    _write_sheet(units, f"{title}（按单位）", subtitle, UNIT_COLUMNS, _unit_rows(data))
    categories = wb.create_sheet(CATEGORY_SHEET)
    _write_sheet(categories, f"{title}（按问题类别）", subtitle, CATEGORY_COLUMNS, _category_rows(data))
    wb.properties.creator = "auditdesk"
    wb.properties.title = title
    buffer = io.BytesIO()
    wb.save(buffer)
    content = buffer.getvalue()
    target = Path(path)
    write_outputs(target.parent, {target.name: content})
    return hashlib.sha256(content).hexdigest()


def _unit_rows(data: SummaryData) -> list[list[Any]]:
    rows: list[list[Any]] = [
        [i, clean(u.unit), clean(u.reference), period_text(u.years) if u.years else "", u.income_total,
         u.spending_total, u.findings, u.amount, u.rectified, clean(u.rate) or DASH]
        for i, u in enumerate(data.units, start=1)
    ]  # fmt: skip
    rows.append([
        TOTAL, "", "", "",
        sum((u.income_total for u in data.units), ZERO), sum((u.spending_total for u in data.units), ZERO),
        sum(u.findings for u in data.units), sum((u.amount for u in data.units), ZERO),
        sum(u.rectified for u in data.units), clean(data.rate) or DASH,
    ])  # fmt: skip
    return rows


def _category_rows(data: SummaryData) -> list[list[Any]]:
    total = sum((c[2] for c in data.categories), ZERO)
    rows: list[list[Any]] = [
        [i, clean(name), count, amount, (amount / total).quantize(_SHARE_PLACES) if total else DASH]
        for i, (name, count, amount) in enumerate(data.categories, start=1)
    ]
    rows.append([TOTAL, "", sum(c[1] for c in data.categories), total, Decimal(1) if total else DASH])
    return rows


def _write_sheet(
    ws: Worksheet, title: str, subtitle: str, columns: Sequence[str], rows: list[list[Any]]
) -> None:
    last = get_column_letter(len(columns))
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = 30
    ws["A2"] = subtitle
    ws["A2"].alignment = Alignment(horizontal="right")
    ws.merge_cells(f"A2:{last}2")
    for col, name in enumerate(columns, start=1):
        head = ws.cell(HEADER_ROW, col, name)
        head.font = Font(bold=True)
        head.fill = _HEADER_FILL
        head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        head.border = _BORDER
        ws.column_dimensions[get_column_letter(col)].width = _WIDTHS[name]
    ws.row_dimensions[HEADER_ROW].height = 30
    for r, values in enumerate(rows, start=HEADER_ROW + 1):
        is_total = r == HEADER_ROW + len(rows)
        for col, (name, value) in enumerate(zip(columns, values, strict=True), start=1):
            cell = ws.cell(r, col, None if value == "" else value)
            if isinstance(value, str) and value:
                cell.data_type = "s"  # a unit named "=…" stays text
            cell.border = _BORDER
            cell.number_format = _FORMATS.get(name, "General")
            left = name in _LEFT and not is_total
            centred = name in _CENTRED or isinstance(value, str)
            horizontal = "left" if left else "center" if centred else "right"
            cell.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=left)
            if is_total:
                cell.font = Font(bold=True)
                cell.fill = _TOTAL_FILL
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_options.horizontalCentered = True
    footer = ws.oddFooter
    if footer is not None:
        footer.center.text = "&P / &N"

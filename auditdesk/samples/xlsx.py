"""Workbook helpers: a few styles, and a save that gives the same bytes on every run."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from copy import copy
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet

AMOUNT = "#,##0.00"
DATE = "yyyy-mm-dd"
TEXT = "General"

TITLE_FONT = Font(name="宋体", size=16, bold=True)
HEAD_FONT = Font(name="宋体", size=10, bold=True)
_BODY_FONT = Font(name="宋体", size=10)
_HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
CENTER = Alignment(horizontal="center", vertical="center")

# Styling a cell through openpyxl's descriptors hashes every style object; copying the style array of
# a cell styled once is an order of magnitude cheaper. Keyed by workbook identity and number format.
_TEMPLATES: dict[tuple[int, str], StyleArray] = {}


def new_workbook() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    _TEMPLATES.clear()
    return wb


def _style(cell: Cell, number_format: str) -> None:
    key = (id(cell.parent.parent), number_format)
    template = _TEMPLATES.get(key)
    if template is None:
        cell.font = _BODY_FONT
        cell.border = _BOX
        cell.number_format = number_format
        _TEMPLATES[key] = copy(cell._style)  # type: ignore[attr-defined]
    else:
        cell._style = copy(template)  # type: ignore[attr-defined]


def title(ws: Worksheet, row: int, text: str, width: int) -> None:
    ws.cell(row, 1, text).font = TITLE_FONT
    ws.cell(row, 1).alignment = CENTER
    merge(ws, row, 1, row, width)
    ws.row_dimensions[row].height = 26


def header(ws: Worksheet, row: int, names: list[str]) -> None:
    for col, text in enumerate(names, start=1):
        cell = ws.cell(row, col, text)
        cell.font = HEAD_FONT
        cell.fill = _HEAD_FILL
        cell.border = _BOX
        cell.alignment = CENTER


def body(
    ws: Worksheet,
    row: int,
    values: Sequence[Any],
    formats: dict[int, str] | None = None,
    *,
    styled: bool = True,
) -> None:
    """One table row; formats maps a 1-based column to the number format of its numbers."""
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row, col, value)
        if formats and col in formats and not isinstance(value, str):
            _style(cell, formats[col])
        elif styled:
            _style(cell, TEXT)


def merge(ws: Worksheet, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
    """Merge a range; the covered cells are left empty by the caller (cheaper than ws.merge_cells)."""
    ws.merged_cells.add(CellRange(min_col=first_col, min_row=first_row, max_col=last_col, max_row=last_row))


def widths(ws: Worksheet, sizes: list[float]) -> None:
    for col, size in enumerate(sizes, start=1):
        ws.column_dimensions[get_column_letter(col)].width = size


def save(wb: Workbook, path: Path, when: dt.datetime, author: str) -> None:
    """Save with fixed document dates and fixed zip timestamps, so a rerun does not churn git."""
    wb.properties.creator = author
    wb.properties.lastModifiedBy = author
    wb.properties.created = when
    buffer = io.BytesIO()
    wb.save(buffer)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(<)", rb"\g<1>" + stamp + rb"\g<2>", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            out.writestr(fixed, data)

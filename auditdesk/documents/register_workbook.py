"""The register workbook (问题台账) sent to the audited unit and read back when it returns.

Sheet ``整改台账`` holds one row per finding. The unit writes only the four shaded columns
(``UNIT_COLUMNS``); every other cell is locked by a password-less sheet protection, which guides the
unit but is no security measure: anyone may lift it. What makes a change visible is the very hidden
sheet ``_auditdesk`` recording, per row, the code and the exact texts of the locked columns
(``locked_texts``) as JSON under a format version. The reader returns what the cells say now and what
was recorded, so the service can compare cell, record and database.

Reading uses openpyxl, the library that wrote the file: registers are small (tens to hundreds of
rows), and openpyxl keeps integers as ``int``, turns date-formatted cells into dates and reads the
very hidden sheet, with no second library's conversions to reconcile. Column names are the contract
with the unit and Chinese by nature; every other text in the workbook is passed in by the caller.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import math
import os
import tempfile
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from auditdesk.core.dates import parse_date
from auditdesk.core.errors import AmountError, AuditdeskError, DateError
from auditdesk.core.ledger import RowProblem
from auditdesk.core.money import format_amount, parse_amount

COLUMNS: tuple[str, ...] = (
    "序号", "问题编号", "被审计单位", "审计项目", "问题类别", "问题描述", "涉及金额",
    "整改要求", "整改期限", "整改措施", "整改情况", "完成日期", "整改状态",
)  # fmt: skip
UNIT_COLUMNS: tuple[str, ...] = ("整改措施", "整改情况", "完成日期", "整改状态")
UNIT_STATUSES: tuple[str, ...] = ("已完成整改", "部分整改", "正在整改", "无法整改")
LOCKED_COLUMNS: tuple[str, ...] = tuple(c for c in COLUMNS if c not in UNIT_COLUMNS)

SHEET = "整改台账"
NOTES_SHEET = "填写说明"
RECORD_SHEET = "_auditdesk"
RECORD_MARKER = "auditdesk-register-workbook"
FORMAT_VERSION = 1
HEADER_ROW = 3  # title, subtitle, header
CELL_LIMIT = 32767  # Excel's longest cell text
_CHUNK = 32000  # a recorded row's JSON is split over cells of at most this many characters
_SCAN_ROWS = 30  # the header is looked for in this many top rows

_AMOUNT_FORMAT = "#,##0.00"
_DATE_FORMAT = "yyyy-mm-dd"
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_UNIT_FILL = PatternFill("solid", fgColor="FFF2CC")  # light yellow: where the unit writes
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_CENTER_TOP = Alignment(horizontal="center", vertical="top", wrap_text=True)
_CENTERED = ("序号", "问题编号", "问题类别", "整改期限", "完成日期", "整改状态")
# Widths in Excel character units (a CJK character takes two); short columns grow with their content.
_WIDTHS = {"序号": 6, "问题编号": 12, "被审计单位": 16, "审计项目": 16, "问题类别": 12, "问题描述": 46,
           "涉及金额": 14, "整改要求": 34, "整改期限": 12, "整改措施": 34, "整改情况": 34, "完成日期": 12,
           "整改状态": 12}  # fmt: skip
_GROWING = ("问题编号", "被审计单位", "审计项目", "问题类别")
_MAX_GROWN = 30
_LINE_HEIGHT = 15.0  # points per wrapped line at the default 11pt font
_MIN_LINES = 3  # room for the unit to write
_EPOCH = dt.date(1899, 12, 30)


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One finding as the unit sees it. ``description`` is the finding's title and facts."""

    seq: int
    code: str
    unit: str
    engagement: str
    category: str
    description: str
    amount: Decimal
    requirement: str
    deadline: dt.date | None
    measures: str = ""
    progress: str = ""
    completed: dt.date | None = None
    unit_status: str = ""


@dataclass(frozen=True, slots=True)
class WorkbookMeta:
    title: str  # e.g. "青陉县实验小学工会委员会 审计发现问题整改台账"
    office: str
    generated: dt.datetime
    notes: tuple[str, ...]  # the lines of the notes sheet (how to fill the register in)
    status_error: str = ""  # Excel's message when a typed 整改状态 is not in the list ("" = Excel's own)
    date_error: str = ""  # Excel's message when 完成日期 is not a date ("" = Excel's own)


@dataclass(frozen=True, slots=True)
class ReturnedRow:
    """One data row of a returned register. ``locked`` holds the cells of every column not in
    ``UNIT_COLUMNS`` in the ``locked_texts`` representation; ``recorded`` is what the hidden sheet
    recorded for ``code`` at export (``None`` when the code is not recorded there)."""

    sheet_row: int
    code: str
    locked: dict[str, str]
    measures: str
    progress: str
    completed: dt.date | None
    unit_status: str
    recorded: dict[str, str] | None = None


def clean_text(value: str) -> str:
    """The one text form of both directions: no XML-illegal characters, ``\\n`` line ends, stripped."""
    return ILLEGAL_CHARACTERS_RE.sub("", value).replace("\r\n", "\n").replace("\r", "\n").strip()


def locked_texts(row: RegisterRow) -> dict[str, str]:
    """Column name -> the exact text of every locked column as written (amount ``"1234.50"``, ISO dates)."""
    return {
        "序号": str(row.seq),
        "问题编号": clean_text(row.code),
        "被审计单位": clean_text(row.unit),
        "审计项目": clean_text(row.engagement),
        "问题类别": clean_text(row.category),
        "问题描述": clean_text(row.description),
        "涉及金额": format_amount(row.amount),
        "整改要求": clean_text(row.requirement),
        "整改期限": row.deadline.isoformat() if row.deadline else "",
    }


def altered_columns(locked: Mapping[str, str], reference: Mapping[str, str]) -> tuple[str, ...]:
    """The locked columns whose text differs between ``locked`` and ``reference`` (the hidden record,
    or ``locked_texts`` of the database's row), in column order."""
    return tuple(c for c in LOCKED_COLUMNS if locked.get(c, "") != reference.get(c, ""))


# -- writing ------------------------------------------------------------------------------------------


def write_register(path: Path, meta: WorkbookMeta, rows: Sequence[RegisterRow]) -> str:
    """Write the register workbook to ``path`` (atomically) and return the file's sha256."""
    _check_rows(rows)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    _write_register_sheet(ws, meta, rows)
    _write_notes(wb.create_sheet(NOTES_SHEET), meta)
    _write_record(wb.create_sheet(RECORD_SHEET), meta, rows)
    wb.security = WorkbookProtection(lockStructure=True)  # no renaming, adding or unhiding sheets
    wb.properties.creator = "auditdesk"
    buffer = io.BytesIO()
    wb.save(buffer)
    data = buffer.getvalue()
    _save_atomically(path, data)
    return hashlib.sha256(data).hexdigest()


def _check_rows(rows: Sequence[RegisterRow]) -> None:
    seen: set[str] = set()
    for row in rows:
        code = clean_text(row.code)
        if not code or code in seen:
            raise ValueError(f"register rows need distinct non-empty codes: {row.code!r}")
        seen.add(code)
        if row.unit_status and row.unit_status not in UNIT_STATUSES:
            raise ValueError(f"unit status {row.unit_status!r} is not one of {UNIT_STATUSES}")
        texts = {**locked_texts(row), "整改措施": row.measures, "整改情况": row.progress}
        for column, text in texts.items():
            if len(text) > CELL_LIMIT:
                raise AuditdeskError("workbook.text_too_long", code=code, column=column,
                                     length=len(text), limit=CELL_LIMIT)


def _write_register_sheet(ws: Worksheet, meta: WorkbookMeta, rows: Sequence[RegisterRow]) -> None:
    last = get_column_letter(len(COLUMNS))
    ws["A1"] = clean_text(meta.title)
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = 30
    day = meta.generated
    ws["A2"] = f"{clean_text(meta.office)}　{day.year}年{day.month}月{day.day}日"
    ws["A2"].alignment = Alignment(horizontal="right")
    ws.merge_cells(f"A2:{last}2")
    for col, name in enumerate(COLUMNS, start=1):
        cell = ws.cell(HEADER_ROW, col, name)
        cell.font = Font(bold=True)
        cell.fill = _UNIT_FILL if name in UNIT_COLUMNS else _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BORDER
    ws.row_dimensions[HEADER_ROW].height = 30
    widths = _column_widths(rows)
    for col, name in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = widths[name]
    for i, row in enumerate(rows):
        _write_data_row(ws, HEADER_ROW + 1 + i, row, widths)
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    if rows:
        _add_validations(ws, meta, HEADER_ROW + 1, HEADER_ROW + len(rows))
    ws.protection.sheet = True  # password-less: a guide for the unit, not a security measure
    ws.protection.formatRows = False  # the unit may still resize rows and columns to read
    ws.protection.formatColumns = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    footer = ws.oddFooter
    if footer is not None:
        footer.center.text = "&P / &N"


def _write_data_row(ws: Worksheet, r: int, row: RegisterRow, widths: Mapping[str, float]) -> None:
    texts = locked_texts(row)
    values: dict[str, Any] = {**texts, "序号": row.seq, "涉及金额": row.amount, "整改期限": row.deadline,
                              "整改措施": clean_text(row.measures), "整改情况": clean_text(row.progress),
                              "完成日期": row.completed, "整改状态": row.unit_status}
    for col, name in enumerate(COLUMNS, start=1):
        value = values[name]
        cell = ws.cell(r, col, None if value == "" else value)
        if isinstance(value, str) and value:
            cell.data_type = "s"  # "=..." or "#N/A" stays text, never a formula or an error
        cell.border = _BORDER
        cell.alignment = _CENTER_TOP if name in _CENTERED else _WRAP_TOP
        if name == "涉及金额":
            cell.number_format = _AMOUNT_FORMAT
        elif name in ("整改期限", "完成日期"):
            cell.number_format = _DATE_FORMAT
        if name in UNIT_COLUMNS:
            cell.fill = _UNIT_FILL
            cell.protection = Protection(locked=False)
    lines = max(_lines(str(values[name] or ""), widths[name]) for name in COLUMNS)
    ws.row_dimensions[r].height = min(409.0, max(lines, _MIN_LINES) * _LINE_HEIGHT)


def _add_validations(ws: Worksheet, meta: WorkbookMeta, first: int, last: int) -> None:
    status_col = get_column_letter(COLUMNS.index("整改状态") + 1)
    status = DataValidation(type="list", formula1='"' + ",".join(UNIT_STATUSES) + '"', allow_blank=True,
                            showDropDown=False, showErrorMessage=True, error=meta.status_error or None)
    status.add(f"{status_col}{first}:{status_col}{last}")
    date_col = get_column_letter(COLUMNS.index("完成日期") + 1)
    low, high = (_serial(dt.date(2000, 1, 1)), _serial(dt.date(2099, 12, 31)))
    date = DataValidation(type="date", operator="between", formula1=str(low), formula2=str(high),
                          allow_blank=True, showErrorMessage=True, error=meta.date_error or None)
    date.add(f"{date_col}{first}:{date_col}{last}")
    ws.add_data_validation(status)
    ws.add_data_validation(date)


def _write_notes(ws: Worksheet, meta: WorkbookMeta) -> None:
    ws.column_dimensions["A"].width = 100
    for i, line in enumerate(meta.notes, start=1):
        cell = ws.cell(i, 1, clean_text(line) or None)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if isinstance(cell.value, str):
            cell.data_type = "s"
    if meta.notes:
        ws["A1"].font = Font(bold=True, size=14)


def _write_record(ws: Worksheet, meta: WorkbookMeta, rows: Sequence[RegisterRow]) -> None:
    ws.append([RECORD_MARKER, FORMAT_VERSION, meta.generated.replace(microsecond=0).isoformat()])
    ws.append(["code", "locked"])
    for row in rows:
        text = json.dumps(locked_texts(row), ensure_ascii=False, sort_keys=True)
        chunks = [text[i:i + _CHUNK] for i in range(0, len(text), _CHUNK)]
        ws.append([clean_text(row.code), *chunks])
        for cell in ws[ws.max_row]:
            cell.data_type = "s"
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True


def _column_widths(rows: Sequence[RegisterRow]) -> dict[str, float]:
    widths: dict[str, float] = dict(_WIDTHS)
    for name in _GROWING:
        longest = max((_display_width(locked_texts(r)[name]) for r in rows), default=0)
        widths[name] = min(_MAX_GROWN, max(widths[name], longest + 2))
    return widths


def _display_width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _lines(text: str, width: float) -> int:
    room = max(1.0, width - 1)
    return sum(max(1, math.ceil(_display_width(part) / room)) for part in text.split("\n"))


def _serial(day: dt.date) -> int:
    return (day - _EPOCH).days


def _save_atomically(path: Path, data: bytes) -> None:
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".register-", suffix=".xlsx", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise AuditdeskError("workbook.write_failed", path=str(target), reason=reason) from exc


# -- reading ------------------------------------------------------------------------------------------


def read_register(path: Path) -> tuple[ReturnedRow, ...]:
    """The data rows of a returned register, each with the hidden record of its code.

    Refuses a file that is not a register (``workbook.not_register``, ``workbook.columns_missing``,
    ``workbook.unreadable``); every unreadable unit cell, missing or repeated code is collected and
    raised together as one ``workbook.problems`` with ``problems`` (``RowProblem``s) and ``details``.
    """
    wb = _open(path)
    try:
        recorded = _read_record(wb, path)
        ws, header_row, header = _find_header(wb, path)
        rows, problems = _read_rows(ws, header_row + 1, header)
    finally:
        wb.close()
    if problems:
        details = "\n".join(
            f"{p.sheet}!{p.column}{p.row}（{p.header}）“{p.value}”" if p.column else f"{p.sheet}!{p.row}"
            for p in problems
        )
        raise AuditdeskError("workbook.problems", file=Path(path).name, count=len(problems),
                             problems=tuple(problems), details=details)
    return tuple(
        ReturnedRow(r.sheet_row, r.code, r.locked, r.measures, r.progress, r.completed, r.unit_status,
                    recorded.get(r.code))
        for r in rows
    )


def recorded_locks(path: Path) -> dict[str, dict[str, str]]:
    """Code -> the locked texts the hidden sheet recorded at export ({} when the sheet is gone)."""
    wb = _open(path)
    try:
        return _read_record(wb, path)
    finally:
        wb.close()


def _open(path: Path) -> Any:
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, SyntaxError,
            OSError) as exc:  # SyntaxError: a malformed XML part (ElementTree's ParseError)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise AuditdeskError("workbook.unreadable", file=Path(path).name, reason=reason) from exc


def _read_record(wb: Any, path: Path) -> dict[str, dict[str, str]]:
    if RECORD_SHEET not in wb.sheetnames:
        return {}
    rows = list(wb[RECORD_SHEET].iter_rows(values_only=True))
    if not rows or not rows[0] or rows[0][0] != RECORD_MARKER:
        raise AuditdeskError("workbook.record_damaged", file=Path(path).name)
    version = rows[0][1] if len(rows[0]) > 1 else None
    if version != FORMAT_VERSION:
        raise AuditdeskError("workbook.format_version", file=Path(path).name, found=str(version),
                             supported=str(FORMAT_VERSION))
    out: dict[str, dict[str, str]] = {}
    for values in rows[2:]:
        if not values or values[0] is None:
            continue
        try:
            data = json.loads("".join(str(v) for v in values[1:] if v is not None))
        except json.JSONDecodeError:
            data = None
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise AuditdeskError("workbook.record_damaged", file=Path(path).name)
        out[str(values[0])] = {str(k): v for k, v in data.items()}
    return out


def _find_header(wb: Any, path: Path) -> tuple[Any, int, dict[str, int]]:
    """The register sheet, its header row and column name -> 0-based index; ``整改台账`` first, then
    any sheet (the unit may have renamed it). Extra columns and rows above the header are ignored."""
    names = [SHEET] if SHEET in wb.sheetnames else []
    names += [n for n in wb.sheetnames if n not in (SHEET, RECORD_SHEET)]
    partial: tuple[str, ...] = ()
    for name in names:
        ws = wb[name]
        for i, values in enumerate(ws.iter_rows(max_row=_SCAN_ROWS, values_only=True), start=1):
            texts = [clean_text(str(v)) if v is not None else "" for v in values]
            found = {t: texts.index(t) for t in COLUMNS if t in texts}
            if len(found) == len(COLUMNS):
                return ws, i, found
            if len(found) > len(COLUMNS) // 2 and not partial:
                partial = tuple(c for c in COLUMNS if c not in found)
    if partial:
        raise AuditdeskError("workbook.columns_missing", file=Path(path).name, columns="、".join(partial))
    raise AuditdeskError("workbook.not_register", file=Path(path).name)


def _read_rows(ws: Any, first: int, header: Mapping[str, int]) -> tuple[list[ReturnedRow], list[RowProblem]]:
    rows: list[ReturnedRow] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    for r, values in enumerate(ws.iter_rows(min_row=first, values_only=True), start=first):
        if any(_text_of(v) for v in values):
            rows.append(_read_row(ws.title, r, values, header, seen, problems))
    return rows, problems


def _read_row(sheet: str, r: int, values: Sequence[object], header: Mapping[str, int],
              seen: dict[str, int], problems: list[RowProblem]) -> ReturnedRow:
    cells = {name: values[i] if i < len(values) else None for name, i in header.items()}
    raw = tuple(_text_of(v) for v in values)

    def problem(name: str, key: str, params: Mapping[str, Any]) -> None:
        letter = get_column_letter(header[name] + 1)
        problems.append(RowProblem(sheet, r, letter, name, _text_of(cells[name]), key, dict(params), raw))

    locked = {name: _locked_text(name, cells[name]) for name in LOCKED_COLUMNS}
    code = locked["问题编号"]
    if not code:
        problem("问题编号", "workbook.missing_code", {})
    elif code in seen:
        problem("问题编号", "workbook.duplicate_code", {"code": code, "first_row": seen[code]})
    else:
        seen[code] = r
    completed: dt.date | None = None
    if _text_of(cells["完成日期"]):
        try:
            completed = parse_date(cells["完成日期"])
        except DateError as exc:
            problem("完成日期", exc.key, exc.params)
    status = _text_of(cells["整改状态"])
    if status and status not in UNIT_STATUSES:
        problem("整改状态", "workbook.bad_status", {"value": status, "allowed": "、".join(UNIT_STATUSES)})
    measures, progress = _text_of(cells["整改措施"]), _text_of(cells["整改情况"])
    return ReturnedRow(r, code, locked, measures, progress, completed, status)


def _locked_text(name: str, value: object) -> str:
    """A locked cell in the ``locked_texts`` form; a value that cannot be read so stays as its text."""
    if name == "涉及金额":
        try:
            return format_amount(parse_amount(value))
        except AmountError:
            return _text_of(value)
    if name == "整改期限" and value is not None and not isinstance(value, str | bool):
        try:
            return parse_date(value).isoformat()
        except DateError:
            return _text_of(value)
    return _text_of(value)


def _text_of(value: object) -> str:
    """A cell as text: integral numbers without ``.0``, dates ISO, text cleaned."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_text(str(value))


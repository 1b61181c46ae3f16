"""A roster of grassroots unions (基层工会名册): one unit per row, every bad cell a problem.

The header is found by synonyms, as for ledgers (title rows above it are fine); blank rows, repeated
headers and 合计 rows are skipped; every other row must name its unit. Counts are whole numbers
(``310人`` reads as 310), payroll an exact amount (a ``万元`` header multiplies by 10,000 exactly),
the last audit year a year, a date, or empty / ``从未审计`` for never. Errors are data: each bad cell
is a ``RowProblem`` with its sheet, Excel row, column letter, header and value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from auditdesk.core.dates import parse_date
from auditdesk.core.errors import AuditdeskError
from auditdesk.core.ledger import RowProblem, SkippedRow
from auditdesk.core.money import parse_amount
from auditdesk.ingest.model import IngestError
from auditdesk.ingest.readers import RawSheet, read_book
from auditdesk.ingest.synonyms import norm_header
from auditdesk.ingest.values import cell_text, column_letter, plain_text

SCAN_ROWS = 30
FIRST_AUDIT_YEAR = 1990
ROSTER_FIELDS = ("name", "code", "members", "employees", "payroll", "chair", "contact", "last_audit_year")

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("名称", "单位名称", "工会名称", "基层工会名称", "基层工会", "工会组织名称"),
    "code": ("代码", "单位代码", "组织机构代码", "统一社会信用代码", "单位编码", "编码", "工会代码"),
    "members": ("会员人数", "会员数", "会员"),
    "employees": ("职工人数", "职工数", "在职职工人数", "职工总数"),
    "payroll": ("上年工资总额", "工资总额", "上年度工资总额", "上年职工工资总额"),
    "chair": ("工会主席", "主席", "主席姓名"),
    "contact": ("联系电话", "电话", "联系方式", "联系人及电话"),
    "last_audit_year": ("上次审计年度", "最近审计年度", "上次审计时间", "上次审计", "最近审计时间"),
    "ignore": ("序号", "备注", "编号", "说明"),
}
_HEADER: dict[str, str] = {norm_header(s): f for f, names in _SYNONYMS.items() for s in names}
_PAREN = re.compile(r"\(.*?\)")
_TOTALS = frozenset({"合计", "总计", "小计", "合计数", "总合计"})
_NOTE = re.compile(r"^(?:注|说明|备注|填表|制表|审核|负责人|联系人)")
_NEVER = frozenset({"从未审计", "未审计", "从未", "未曾审计", "无", "-", "—", "--", "——", "/"})
_FULLWIDTH = str.maketrans("０１２３４５６７８９，．", "0123456789,.")
_COUNT = re.compile(r"^(\d+)\s*(?:人|名)?$")
_YEAR = re.compile(r"^(\d{4})\s*(?:年度?)?$")
_YEAR_MONTH = re.compile(r"^(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*月?份?$")
_WAN_TEXT = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class RosterRow:
    sheet: str
    row: int  # 1-based, as Excel shows it
    name: str
    code: str | None
    members: int | None
    employees: int | None
    payroll: Decimal | None
    chair: str | None
    contact: str | None
    last_audit_year: int | None


@dataclass(frozen=True)
class RosterSheet:
    name: str
    header_row: int  # 1-based; 0 when the sheet holds no roster
    columns: dict[str, str]  # field -> Excel column letter
    rows: int


@dataclass(frozen=True)
class ParsedRoster:
    path: Path
    format: str
    sha256: str
    sheets: tuple[RosterSheet, ...]
    rows: tuple[RosterRow, ...]
    problems: tuple[RowProblem, ...]
    skipped: tuple[SkippedRow, ...]


@dataclass(frozen=True)
class _Header:
    row: int  # 0-based
    cols: dict[str, int]
    labels: dict[int, str]
    wan: bool  # payroll in 万元
    texts: frozenset[str]


def header_field(text: str) -> str | None:
    """The roster field a header cell names (``上年工资总额（万元）`` -> payroll), or None."""
    key = norm_header(text)
    if not key:
        return None
    return _HEADER.get(key) or _HEADER.get(_PAREN.sub("", key))


def _find_header(sheet: RawSheet) -> _Header | None:
    for i, row in enumerate(sheet.rows[:SCAN_ROWS]):
        cols: dict[str, int] = {}
        labels: dict[int, str] = {}
        for c, value in enumerate(row):
            if not isinstance(value, str):
                continue
            found = header_field(value)
            if found is not None and found != "ignore" and found not in cols:
                cols[found] = c
                labels[c] = value.strip()
        if "name" in cols and len(cols) >= 2:
            wan = "payroll" in cols and "万" in labels[cols["payroll"]]
            texts = frozenset(norm_header(v) for v in row if isinstance(v, str) and v.strip())
            return _Header(i, cols, labels, wan, texts)
    return None


def parse_roster(path: Path, *, sheets: Sequence[str] | None = None) -> ParsedRoster:
    """Read every sheet holding a roster (``sheets``: only these, each must hold one)."""
    book = read_book(Path(path), sheets)
    rows: list[RosterRow] = []
    problems: list[RowProblem] = []
    skipped: list[SkippedRow] = []
    reports: list[RosterSheet] = []
    named: list[_Named] = []  # every row with a name, also rows with problems (for duplicates)
    for raw in book.sheets:
        header = _find_header(raw)
        if header is None:
            if sheets:
                raise IngestError("roster.no_header", sheet=raw.name)
            reports.append(RosterSheet(raw.name, 0, {}, 0))
            continue
        before = len(rows)
        _read_sheet(raw, header, rows, problems, skipped, named)
        letters = {f: column_letter(c) for f, c in sorted(header.cols.items(), key=lambda kv: kv[1])}
        reports.append(RosterSheet(raw.name, header.row + 1, letters, len(rows) - before))
    if not any(r.header_row for r in reports):
        raise IngestError("roster.no_header", sheet="、".join(book.sheet_names) or Path(path).name)
    problems += _duplicates(named)
    problems.sort(key=lambda p: (_sheet_order(book.sheet_names, p.sheet), p.row))
    return ParsedRoster(
        Path(path), book.format, book.sha256, tuple(reports), tuple(rows), tuple(problems), tuple(skipped)
    )


def _sheet_order(names: list[str], sheet: str) -> int:
    return names.index(sheet) if sheet in names else len(names)


def _read_sheet(
    raw: RawSheet,
    header: _Header,
    rows: list[RosterRow],
    problems: list[RowProblem],
    skipped: list[SkippedRow],
    named: list[_Named],
) -> None:
    for i in range(header.row + 1, len(raw.rows)):
        cells = raw.rows[i]
        texts = [cell_text(v).strip() for v in cells]
        filled = [t for t in texts if t]
        if not filled:
            continue
        label = "".join(filled[0].split())
        if label in _TOTALS or "".join(texts[header.cols["name"]].split()) in _TOTALS:
            skipped.append(SkippedRow(raw.name, i + 1, "skip.subtotal", filled[0]))
            continue
        if frozenset(norm_header(t) for t in filled) <= header.texts:
            skipped.append(SkippedRow(raw.name, i + 1, "skip.header_repeat", filled[0]))
            continue
        if len(filled) == 1 and _NOTE.match(filled[0]):
            skipped.append(SkippedRow(raw.name, i + 1, "skip.title", filled[0]))
            continue
        row = _read_row(raw.name, i + 1, cells, texts, header, problems, named)
        if row is not None:
            rows.append(row)


def _read_row(
    sheet: str,
    excel_row: int,
    cells: list[Any],
    texts: list[str],
    header: _Header,
    problems: list[RowProblem],
    named: list[_Named],
) -> RosterRow | None:
    found: dict[str, Any] = {}
    start = len(problems)

    def problem(field: str, key: str, **params: Any) -> None:
        c = header.cols[field]
        letter, label = column_letter(c), header.labels[c]
        problems.append(RowProblem(sheet, excel_row, letter, label, texts[c], key, params, tuple(texts)))

    for field, c in header.cols.items():
        value = cells[c] if c < len(cells) else None
        if not texts[c]:
            found[field] = None
            continue
        try:
            found[field] = _READERS[field](value, header.wan)
        except AuditdeskError as err:
            problem(field, err.key, **err.params)
    name: str = found.get("name") or ""
    if not name:
        problem("name", "roster.name_missing")
    else:
        named.append(_Named(sheet, excel_row, name, found.get("code")))
    if len(problems) > start:
        return None
    return RosterRow(
        sheet=sheet,
        row=excel_row,
        name=name,
        code=found.get("code"),
        members=found.get("members"),
        employees=found.get("employees"),
        payroll=found.get("payroll"),
        chair=found.get("chair"),
        contact=found.get("contact"),
        last_audit_year=found.get("last_audit_year"),
    )


@dataclass(frozen=True)
class _Named:
    sheet: str
    row: int
    name: str
    code: str | None


def _duplicates(rows: list[_Named]) -> list[RowProblem]:
    """A name (or a code) given twice: a problem on each later row, naming the first."""
    out: list[RowProblem] = []
    seen_name: dict[str, _Named] = {}
    seen_code: dict[str, _Named] = {}
    for r in rows:
        first = seen_name.setdefault(r.name, r)
        if first is not r:
            out.append(RowProblem(r.sheet, r.row, "", "", r.name, "roster.duplicate_name",
                                  {"name": r.name, "sheet": first.sheet, "row": first.row}))
        if r.code:
            first = seen_code.setdefault(r.code, r)
            if first is not r:
                out.append(RowProblem(r.sheet, r.row, "", "", r.code, "roster.duplicate_code",
                                      {"code": r.code, "sheet": first.sheet, "row": first.row}))
    return out


# -- cell readers -----------------------------------------------------------------------------------
def read_text(value: Any, _wan: bool = False) -> str:
    return " ".join(plain_text(value).split())


def read_count(value: Any, _wan: bool = False) -> int:
    """A head count: a whole non-negative number, ``310`` or ``310人``."""
    if isinstance(value, bool):
        raise AuditdeskError("roster.bad_count", value=cell_text(value))
    if isinstance(value, int) and value >= 0:
        return value
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    if isinstance(value, str):
        m = _COUNT.match(value.strip().translate(_FULLWIDTH).replace(",", ""))
        if m:
            return int(m.group(1))
    raise AuditdeskError("roster.bad_count", value=cell_text(value))


def read_payroll(value: Any, wan: bool = False) -> Decimal:
    """Last year's payroll in yuan (exact); ``wan``: the column is in 万元."""
    if wan:
        amount = _wan_amount(value)
    else:
        amount = parse_amount(value)
    if amount < 0:
        raise AuditdeskError("roster.negative_payroll", value=cell_text(value))
    return amount


def _wan_amount(value: Any) -> Decimal:
    number: Decimal | None = None
    if isinstance(value, bool):
        raise AuditdeskError("amount.invalid", value=cell_text(value))
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip().translate(_FULLWIDTH).replace(",", "").removesuffix("万元").removesuffix("万")
        if _WAN_TEXT.match(text.strip()):
            number = Decimal(text.strip())
    if number is None:
        return parse_amount(value) * 10000
    try:
        return parse_amount(number.scaleb(4))
    except (AuditdeskError, InvalidOperation):
        raise AuditdeskError("amount.too_precise", value=cell_text(value)) from None


def read_audit_year(value: Any, _wan: bool = False) -> int | None:
    """A year (``2021``, ``2021年``), a date (its year), or never (empty, ``从未审计``) -> None."""
    if isinstance(value, dt.date):  # a datetime is a date too
        year = value.year
    elif isinstance(value, bool):
        raise bad_audit_year(cell_text(value))
    elif isinstance(value, int | float):
        if not float(value).is_integer():
            raise bad_audit_year(cell_text(value))
        year = int(value)
    else:
        text = "".join(str(value).translate(_FULLWIDTH).split())
        if text in _NEVER:
            return None
        year = _year_of_text(text)
    if not FIRST_AUDIT_YEAR <= year <= dt.date.today().year:
        raise bad_audit_year(cell_text(value))
    return year


def bad_audit_year(value: object) -> AuditdeskError:
    """The error for a last audit year that is not one (the valid range is in its message)."""
    last = dt.date.today().year
    return AuditdeskError("roster.bad_audit_year", value=value, first=FIRST_AUDIT_YEAR, last=last)


def _year_of_text(text: str) -> int:
    m = _YEAR.match(text) or _YEAR_MONTH.match(text)
    if m:
        return int(m.group(1))
    try:
        return parse_date(text).year
    except AuditdeskError:
        raise bad_audit_year(text) from None


_READERS: dict[str, Callable[[Any, bool], Any]] = {
    "name": read_text,
    "code": read_text,
    "members": read_count,
    "employees": read_count,
    "payroll": read_payroll,
    "chair": read_text,
    "contact": read_text,
    "last_audit_year": read_audit_year,
}

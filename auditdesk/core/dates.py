"""Strict dates: date cells, Excel serials and the spellings Chinese ledgers use. Never a guess."""

from __future__ import annotations

import datetime as dt
import math
import re

from auditdesk.core.errors import DateError

_EXCEL_EPOCH = dt.date(1899, 12, 30)  # 1900 date system, Lotus leap-year bug absorbed
_FULLWIDTH = str.maketrans("０１２３４５６７８９／－．：　", "0123456789/-.: ")

_FULL = re.compile(
    r"^(?P<y>\d{4})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})\s*(?:日|号)?"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_COMPACT = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$")
_MONTH_DAY = re.compile(r"^(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})\s*(?:日|号)?$")
_SERIAL_TEXT = re.compile(r"^\d+(?:\.0*)?$")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:年|年度)")


def parse_date(value: object, year: int | None = None) -> dt.date:
    """Read one date cell. ``year`` lets a month/day spelling (``3月5日``, ``3-5``) be completed."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool) or value is None:
        raise DateError("date.invalid", value="" if value is None else str(value))
    if isinstance(value, int | float):
        return _from_number(value)
    if isinstance(value, str):
        return _from_text(value, year)
    raise DateError("date.invalid", value=str(value))


def _from_number(value: float) -> dt.date:
    if not math.isfinite(value):
        raise DateError("date.invalid", value=str(value))
    if float(value).is_integer() and 19000101 <= value <= 29991231:
        return _from_text(str(int(value)), None)
    if 1 <= value < 2958466:  # Excel's last day is 9999-12-31
        days = int(value)
        if days == 60:  # Excel's fictitious 1900-02-29 (the Lotus leap-year bug)
            raise DateError("date.impossible", value=_show(value))
        if days < 60:  # before the fictitious day Excel's serials run one ahead: 1 is 1900-01-01
            days += 1
        return _EXCEL_EPOCH + dt.timedelta(days=days)
    raise DateError("date.invalid", value=_show(value))


def _from_text(raw: str, year: int | None) -> dt.date:
    text = raw.strip().translate(_FULLWIDTH).strip()
    match = _FULL.match(text) or _COMPACT.match(text)
    if match:
        return _build(int(match["y"]), int(match["m"]), int(match["d"]), raw)
    match = _MONTH_DAY.match(text)
    if match and year is not None:
        return _build(year, int(match["m"]), int(match["d"]), raw)
    if _SERIAL_TEXT.match(text):  # a serial number written as text (not "1.5e3", "nan", "1_0")
        return _from_number(float(text))
    raise DateError("date.invalid", value=raw)


def _build(year: int, month: int, day: int, raw: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError("date.impossible", value=raw) from None


def build_date(year: int, month: object, day: object) -> dt.date:
    """A date from split 月/日 cells (numbers or text) and a known year."""
    m = _small_int(month)
    d = _small_int(day)
    raw = f"{year}-{month}-{day}"
    if m is None or d is None:
        raise DateError("date.invalid", value=raw)
    return _build(year, m, d, raw)


def _small_int(value: object) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip().translate(_FULLWIDTH).strip().removesuffix("月").removesuffix("日")
        if text.isdigit() and len(text) <= 2:
            return int(text)
    return None


def find_year(text: str) -> int | None:
    """The fiscal year written in a title such as ``2024年现金日记账`` or ``（2024年度）``."""
    match = _YEAR.search(text.translate(_FULLWIDTH))
    return int(match.group(1)) if match else None


def _show(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)

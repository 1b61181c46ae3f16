"""Strict dates: every spelling a ledger uses reads back to the same day; nothing is guessed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditdesk.core.dates import build_date, find_year, parse_date
from auditdesk.core.errors import DateError

DAYS = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
FULLWIDTH = str.maketrans("0123456789-/.", "０１２３４５６７８９－／．")


def excel_serial(day: dt.date) -> int:
    """Excel's 1900 date system, fictitious 1900-02-29 (serial 60) included."""
    serial = (day - dt.date(1899, 12, 30)).days
    return serial if serial >= 61 else serial - 1


def spellings(d: dt.date) -> list[str]:
    y, m, day = d.year, d.month, d.day
    return [
        f"{y}-{m:02d}-{day:02d}",
        f"{y}-{m}-{day}",
        f"{y}/{m}/{day}",
        f"{y}/{m:02d}/{day:02d}",
        f"{y}.{m}.{day}",
        f"{y}年{m}月{day}日",
        f"{y}年{m:02d}月{day:02d}日",
        f"{y}年{m}月{day}号",
        f"{y}{m:02d}{day:02d}",
        f"{y}-{m:02d}-{day:02d} 00:00:00",
        f"{y}-{m:02d}-{day:02d}T13:45",
        f" {y}/{m}/{day} ",
        f"{y}-{m:02d}-{day:02d}".translate(FULLWIDTH),
    ]


@given(DAYS)
def test_every_spelling_reads_back(day: dt.date) -> None:
    for text in spellings(day):
        assert parse_date(text) == day, text


@given(DAYS)
def test_month_day_spellings_with_the_year_of_the_title(day: dt.date) -> None:
    for text in (f"{day.month}月{day.day}日", f"{day.month}-{day.day}", f"{day.month:02d}/{day.day:02d}"):
        assert parse_date(text, year=day.year) == day, text


@given(DAYS)
def test_excel_serial_reads_back(day: dt.date) -> None:
    serial = excel_serial(day)
    assert parse_date(serial) == day
    assert parse_date(float(serial)) == day
    assert parse_date(serial + 0.75) == day  # a time of day
    assert parse_date(str(serial)) == day  # a serial written as text


@given(DAYS)
def test_compact_number_and_date_objects(day: dt.date) -> None:
    assert parse_date(day.year * 10000 + day.month * 100 + day.day) == day
    assert parse_date(day) == day
    assert parse_date(dt.datetime(day.year, day.month, day.day, 9, 30)) == day


@given(DAYS)
def test_build_date_from_split_columns(day: dt.date) -> None:
    y, m, d = day.year, day.month, day.day
    assert build_date(y, m, d) == day
    assert build_date(y, float(m), float(d)) == day
    assert build_date(y, f"{m}月", f"{d}日") == day
    assert build_date(y, f"{m:02d}", f" {d} ") == day


def test_excel_serial_landmarks() -> None:
    assert parse_date(1) == dt.date(1900, 1, 1)
    assert parse_date(59) == dt.date(1900, 2, 28)
    assert parse_date(61) == dt.date(1900, 3, 1)
    assert parse_date(45356) == dt.date(2024, 3, 5)
    assert parse_date(2958465) == dt.date(9999, 12, 31)


# -- errors ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["2024-02-30", "2023-02-29", "2024年13月1日", "2024/4/31", "20240230", "2024-00-10", 20240230],
)
def test_impossible_dates(value: object) -> None:
    with pytest.raises(DateError) as info:
        parse_date(value)
    assert info.value.key == "date.impossible"
    assert info.value.params["value"] == str(value)


def test_excel_fictitious_leap_day_is_impossible() -> None:
    with pytest.raises(DateError) as info:
        parse_date(60)
    assert info.value.key == "date.impossible"


def test_month_day_impossible_in_the_year() -> None:
    with pytest.raises(DateError) as info:
        parse_date("2月29日", year=2023)
    assert info.value.key == "date.impossible"
    assert parse_date("2月29日", year=2024) == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    "value",
    [
        "abc",
        "",
        "   ",
        "2024-3",
        "2024-03-05x",
        "3月5日",  # no year given
        "45356.5",  # a fractional serial as text is not a date spelling
        "1.5e3",
        "1_0",
        "nan",
        "inf",
        None,
        True,
        False,
        0,
        -5,
        2958466,
        float("nan"),
        float("inf"),
        object(),
    ],
)
def test_invalid_dates(value: object) -> None:
    with pytest.raises(DateError) as info:
        parse_date(value)
    assert info.value.key == "date.invalid"


@pytest.mark.parametrize(("month", "day"), [("x", 1), (3, None), (True, 1), (3.5, 1), ("123", 1)])
def test_build_date_invalid(month: object, day: object) -> None:
    with pytest.raises(DateError) as info:
        build_date(2024, month, day)
    assert info.value.key == "date.invalid"


def test_build_date_impossible() -> None:
    with pytest.raises(DateError) as info:
        build_date(2024, 2, 30)
    assert info.value.key == "date.impossible"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2024年现金日记账", 2024),
        ("某某公司工会（2023年度）", 2023),
        ("２０２２年银行存款日记账", 2022),
        ("序时账 2021 年", 2021),
        ("凭证列表", None),
        ("12024年", None),
        ("第2024号", None),
    ],
)
def test_find_year(text: str, year: int | None) -> None:
    assert find_year(text) == year

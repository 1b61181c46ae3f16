"""Small deterministic helpers for the sample books: amounts, working days, festivals, people."""

from __future__ import annotations

import datetime as dt
import functools
import random
from decimal import Decimal

import chinese_calendar

CENT = Decimal("0.01")

# The festival day itself (the lunar ones move); gifts are bought a few working days before.
FESTIVALS: dict[int, dict[str, tuple[int, int]]] = {
    2023: {
        "元旦": (1, 1),
        "春节": (1, 22),
        "清明": (4, 5),
        "劳动节": (5, 1),
        "端午": (6, 22),
        "中秋": (9, 29),
        "国庆": (10, 1),
    },
    2024: {
        "元旦": (1, 1),
        "春节": (2, 10),
        "清明": (4, 4),
        "劳动节": (5, 1),
        "端午": (6, 10),
        "中秋": (9, 17),
        "国庆": (10, 1),
    },
    2025: {
        "元旦": (1, 1),
        "春节": (1, 29),
        "清明": (4, 4),
        "劳动节": (5, 1),
        "端午": (5, 31),
        "中秋": (10, 6),
        "国庆": (10, 1),
    },
}

_SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
)
_GIVEN = "建国秀英志强丽娜海燕伟东红梅晓明凤霞玉兰春生立新桂芝文静俊峰雪莲宏伟淑华振华金凤永胜爱民丽华利军"


def festival(year: int, name: str) -> dt.date:
    month, day = FESTIVALS[year][name]
    return dt.date(year, month, day)


def cn_date(day: dt.date) -> str:
    return f"{day.month}月{day.day}日"


def money(rng: random.Random, low: float, high: float, step: str = "0.01") -> Decimal:
    """A random amount between low and high, a multiple of step (e.g. "10" for round sums)."""
    unit = Decimal(step)
    lo = int(Decimal(str(low)) / unit)
    hi = int(Decimal(str(high)) / unit)
    return (rng.randint(lo, hi) * unit).quantize(CENT)


def is_workday(day: dt.date) -> bool:
    return bool(chinese_calendar.is_workday(day))


def workday(rng: random.Random, year: int, month: int, first: int = 1, last: int = 31) -> dt.date:
    """A random statutory working day of the month between first and last (inclusive)."""
    days = [d for d in _workdays(year, month) if first <= d.day <= last] or list(_workdays(year, month))
    return rng.choice(days)


def workday_before(day: dt.date, count: int) -> dt.date:
    """The count-th working day before day, never leaving day's year."""
    current = day
    while count > 0:
        current -= dt.timedelta(days=1)
        if current.year != day.year:
            return current + dt.timedelta(days=1)
        if is_workday(current):
            count -= 1
    return current


def workday_after(day: dt.date, count: int) -> dt.date:
    current = day
    while count > 0:
        current += dt.timedelta(days=1)
        if current.year != day.year:
            return current - dt.timedelta(days=1)
        if is_workday(current):
            count -= 1
    return current


def rest_saturday(rng: random.Random, year: int, month: int) -> dt.date:
    """A Saturday of the month that is a rest day (not a make-up working day)."""
    days = [d for d in _month_days(year, month) if d.weekday() == 5 and not is_workday(d)]
    return rng.choice(days)


@functools.cache
def _workdays(year: int, month: int) -> tuple[dt.date, ...]:
    return tuple(d for d in _month_days(year, month) if is_workday(d))


def person(rng: random.Random) -> str:
    given = rng.choice(range(0, len(_GIVEN) - 1, 2))
    if rng.random() < 0.3:
        return rng.choice(_SURNAMES) + _GIVEN[given]
    return rng.choice(_SURNAMES) + _GIVEN[given : given + 2]


def spread(rng: random.Random, total: Decimal, parts: int) -> list[Decimal]:
    """Split total into parts of similar size, exact to the fen."""
    weights = [rng.uniform(0.8, 1.2) for _ in range(parts)]
    scale = sum(weights)
    amounts = [(total * Decimal(w / scale)).quantize(Decimal("1")) for w in weights[:-1]]
    amounts.append(total - sum(amounts, Decimal("0")))
    return amounts


def _month_days(year: int, month: int) -> list[dt.date]:
    first = dt.date(year, month, 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return [first + dt.timedelta(days=i) for i in range((nxt - first).days)]

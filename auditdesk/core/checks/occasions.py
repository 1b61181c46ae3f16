"""Gifts outside the statutory gift holidays: ``gifts_outside_holidays``.

Gift entries are those of ``holidays.is_gift_entry`` (spending on 50105 会员活动支出; in the 2009
chart, 501 职工活动支出 lines whose summary has a gift word of ``GIFT_WORDS_2009``). Each is judged in
this order, at most one suspicion per entry:

1. The summary names a non-statutory festival (``FESTIVALS``: 教师节, 护士节, 妇女节/三八节, 重阳 …):
   flagged whatever the date — high, or medium when the summary also names a gift holiday
   (``中秋节、教师节慰问品``: part of it may be allowed).
2. It names a gift holiday of the profile (``gift_holidays``; 中秋 for 中秋节, 五一 for 劳动节 …):
   medium when dated outside every window of that holiday (a holiday ``chinese_calendar`` does not
   know, such as an ethnic holiday a province adds, has no window: not flagged).
3. It names another occasion with its own cap (the standards' ``gift_occasions`` list when the
   profile has one, with ``holidays.OTHER_OCCASIONS``: 生日, 结婚, 住院, 去世, 退休 …): not flagged.
4. It has a general holiday word (``holidays.HOLIDAY_WORDS``: 节日, 过节, 慰问品 …): medium when
   dated outside every gift holiday's window.
5. Otherwise (no occasion stated): dated outside every gift holiday's window, it joins ONE low
   suspicion per calendar year listing all such entries (small purchases such as 慰问用水果 are
   common and would flood the review one by one).

A holiday's *window* runs from ``WINDOW_BEFORE_DAYS`` (30) days before its first day off to its
last day off, the days off as ``chinese_calendar`` gives them (make-up working days are not days
off); a holiday split by another (国庆 around 中秋 in 2025) has one window per run of days. For a
year ``chinese_calendar`` does not cover, only 元旦 (1 January) has a window (the lunar holidays'
dates are unknown): steps 2, 4 and 5 are skipped for entries of such a year, and one low note per
year says so. Closing entries and credits are never gifts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import chinese_calendar

from auditdesk.core.accounts import chart_for_year
from auditdesk.core.checks.hints import yearly_lists
from auditdesk.core.checks.holidays import GIFT_ACCOUNT, HOLIDAY_WORDS, OTHER_OCCASIONS, is_gift_entry
from auditdesk.core.checks.model import CheckContext, CheckEntry, Suspicion, entry_params
from auditdesk.core.milestones import holiday_data_covers

WINDOW_BEFORE_DAYS = 30
FESTIVALS = (
    "教师节", "护士节", "医师节", "记者节", "妇女节", "三八节", "女神节", "儿童节", "青年节", "重阳",
    "敬老节", "老人节", "建军节", "建党节", "元宵节", "七夕", "情人节", "圣诞", "平安夜", "冬至", "腊八",
    "父亲节", "母亲节", "植树节",
)
"""Festivals that are not statutory gift holidays (a national fact, not a provincial number)."""
HOLIDAY_ALIASES = {
    "劳动节": ("五一", "五·一"), "元旦": ("新年",), "春节": ("新年", "新春"), "国庆节": ("十一长假",),
}
"""Other words naming a gift holiday (新年 may mean 元旦 or 春节: either window will do)."""
GIFT_WORDS_2009 = ("慰问", "礼品", "礼物", "纪念品", "节日", "过节", "购物卡", "提货券", "福利")
_CALENDAR_NAMES = {h.value: h.chinese for h in chinese_calendar.Holiday}
_RULE = "gifts_outside_holidays"
_BASIS = "check.basis.gift_holidays"

Window = tuple[dt.date, dt.date]


def holiday_names(gift_holidays: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Each gift holiday of the profile with the words that name it (中秋节: 中秋节, 中秋)."""
    out: dict[str, tuple[str, ...]] = {}
    for name in gift_holidays:
        words = [name, *HOLIDAY_ALIASES.get(name, ())]
        if name.endswith("节") and len(name) >= 3 and name != "劳动节":
            words.append(name[:-1])
        out[name] = tuple(dict.fromkeys(words))
    return out


def _same_holiday(profile_name: str, calendar_name: str) -> bool:
    short = profile_name.removesuffix("节")
    return calendar_name in (profile_name, short) or profile_name == calendar_name + "节"


@lru_cache(maxsize=64)
def _runs(year: int) -> tuple[tuple[str, dt.date, dt.date], ...]:
    """The runs of consecutive days off of ``year`` with one holiday name: (name, first, last)."""
    if not holiday_data_covers(year):
        return (("元旦", dt.date(year, 1, 1), dt.date(year, 1, 1)),)
    runs: list[tuple[str, dt.date, dt.date]] = []
    day = dt.date(year, 1, 1)
    while day.year == year:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
        label = _CALENDAR_NAMES.get(name, "") if on_holiday and name else ""
        if label:
            if runs and runs[-1][0] == label and runs[-1][2] == day - dt.timedelta(days=1):
                runs[-1] = (label, runs[-1][1], day)
            else:
                runs.append((label, day, day))
        day += dt.timedelta(days=1)
    return tuple(runs)


@lru_cache(maxsize=4096)
def holiday_windows(profile_name: str, year: int) -> tuple[Window, ...]:
    """The windows of a gift holiday that may contain a date of ``year`` (this year's and next)."""
    before = dt.timedelta(days=WINDOW_BEFORE_DAYS)
    return tuple(
        (first - before, last)
        for y in (year, year + 1)
        for name, first, last in _runs(y)
        if _same_holiday(profile_name, name) and first - before <= dt.date(year, 12, 31) and last.year >= year
    )


def _inside(day: dt.date, windows: Sequence[Window]) -> bool:
    return any(start <= day <= end for start, end in windows)


def _nearest(day: dt.date, windows: Sequence[Window]) -> Window | None:
    return min(windows, key=lambda w: min(abs((w[0] - day).days), abs((w[1] - day).days)), default=None)


def occasion_words(ctx: CheckContext) -> tuple[str, ...]:
    """The standards' ``gift_occasions`` words (when the profile has the list) and ``OTHER_OCCASIONS``."""
    try:
        found = ctx.standards.keyword_list("gift_occasions")
    except KeyError:  # a standards schema without the list
        found = None
    return tuple(dict.fromkeys((*(found.words if found is not None else ()), *OTHER_OCCASIONS)))


def _first(summary: str, words: Sequence[str]) -> str | None:
    return next((w for w in words if w in summary), None)


@lru_cache(maxsize=256)
def _covers(year: int) -> bool:
    return holiday_data_covers(year)


@dataclass(frozen=True, slots=True)
class _Reading:
    """What a gift's summary says: a non-statutory festival, the gift holidays it names, whether it
    names another occasion, a general holiday word, a gift word (for the 2009 chart)."""

    festival: str | None
    named: tuple[str, ...]
    occasion: bool
    holiday_word: bool
    gift_word: bool


def _read(summary: str, names: dict[str, tuple[str, ...]], occasions: Sequence[str]) -> _Reading:
    return _Reading(
        festival=_first(summary, FESTIVALS),
        named=tuple(name for name, words in names.items() if _first(summary, words)),
        occasion=_first(summary, occasions) is not None,
        holiday_word=_first(summary, HOLIDAY_WORDS) is not None,
        gift_word=_first(summary, GIFT_WORDS_2009) is not None,
    )


def _window_text(window: Window | None) -> str:
    return "—" if window is None else f"{window[0].isoformat()}—{window[1].isoformat()}"


def gifts_outside_holidays(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    chart_id = chart_for_year(ctx.year)
    code = GIFT_ACCOUNT[chart_id]
    names = holiday_names(ctx.standards.gift_holidays)
    occasions = occasion_words(ctx)
    memo: dict[str, _Reading] = {}
    unstated: dict[int, list[CheckEntry]] = {}
    uncovered: dict[int, int] = {}
    for e in entries:
        account = e.chart_code
        if account is None or not account.startswith(code) or not is_gift_entry(e, ctx.year):
            continue
        summary, year = e.summary, e.date.year
        reading = memo.get(summary)
        if reading is None:
            reading = memo[summary] = _read(summary, names, occasions)
        if chart_id == "2009" and not reading.gift_word:
            continue
        named, festival = list(reading.named), reading.festival
        if festival is not None:
            yield Suspicion(
                rule=_RULE,
                severity="medium" if named else "high",
                entry_ids=(e.id,),
                key="check.gifts_outside_holidays.festival",
                params={**entry_params(e), "festival": festival},
                basis=_BASIS,
            )
            continue
        if not named and reading.occasion:
            continue
        if not _covers(year):
            uncovered[year] = uncovered.get(year, 0) + 1
            continue
        if named:
            windows = [w for name in named for w in holiday_windows(name, year)]
            if windows and not _inside(e.date, windows):  # no windows: a holiday the calendar lacks
                yield Suspicion(
                    rule=_RULE,
                    severity="medium",
                    entry_ids=(e.id,),
                    key="check.gifts_outside_holidays.named_outside",
                    params={
                        **entry_params(e),
                        "holiday": "、".join(named),
                        "window": _window_text(_nearest(e.date, windows)),
                        "days": str(WINDOW_BEFORE_DAYS),
                    },
                    basis=_BASIS,
                )
            continue
        windows = [w for name in names for w in holiday_windows(name, year)]
        if _inside(e.date, windows):
            continue
        if reading.holiday_word:
            yield Suspicion(
                rule=_RULE,
                severity="medium",
                entry_ids=(e.id,),
                key="check.gifts_outside_holidays.holiday_outside",
                params={**entry_params(e), "days": str(WINDOW_BEFORE_DAYS)},
                basis=_BASIS,
            )
        else:
            unstated.setdefault(year, []).append(e)
    yield from yearly_lists(
        _RULE, "check.gifts_outside_holidays.no_occasion", _BASIS, unstated, days=str(WINDOW_BEFORE_DAYS)
    )
    for year, count in sorted(uncovered.items()):
        yield Suspicion(
            rule=_RULE,
            severity="low",
            entry_ids=(),
            key="check.gifts_outside_holidays.no_calendar",
            params={"year": str(year), "count": str(count)},
            basis=_BASIS,
            scope=f"{year}|calendar",
        )

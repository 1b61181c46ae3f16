"""Holiday gifts against the yearly per-member cap; meals and gifts paid on days off.

Gift entries are spending on the member-activity account — 50105 会员活动支出 in the 2021 chart
(fiscal years from 2022). The 2009 chart has no such account, so for earlier years any 501
职工活动支出 entry counts, the summary's occasion then doing the work alone.

``holiday_gift_cap``: per calendar year, the net (debit − credit, reversals included) of the lines
on the gift account whose summary names a gift holiday of the profile (``清明节`` also as ``清明``),
节日, 过节 or 慰问品, but no other occasion with its own cap (生日, 结婚, 生育, 住院, 去世, 退休 ...),
against the cap in force on 31 December × members; a year whose net is not positive says nothing.
Without a member count: one low suspicion saying the cap cannot be checked (never a guess). A
profile with no cap in force for the year, per member or as a share of income (the national one:
the cap is provincial): one low note with the year's total and, where the member count is known,
the amount per member, saying that no cap was tested — so the auditor compares it with the
province's rule by hand rather than reading the silence as "within the cap".

``weekend_meals_gifts``: gift entries and spending whose summary names 宴请 or 餐, paid on a day that
is not a statutory working day (make-up working days count as working days). For a year the
holiday calendar does not cover, weekends only and one low warning per such year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from decimal import Decimal
from functools import lru_cache

import chinese_calendar

from auditdesk.core.accounts import chart_for_year
from auditdesk.core.checks.model import CheckContext, CheckEntry, Suspicion, entry_params, is_spending, money
from auditdesk.core.milestones import holiday_data_covers, is_working_day
from auditdesk.core.money import ZERO

GIFT_ACCOUNT = {"2021": "50105", "2009": "501"}
HOLIDAY_WORDS = ("节日", "过节", "慰问品", "五一")
OTHER_OCCASIONS = ("生日", "结婚", "婚礼", "生育", "住院", "生病", "去世", "逝世", "丧", "退休", "离岗")
MEAL_WORDS = ("宴请", "餐")
_HOLIDAY_NAMES = {h.value: h.chinese for h in chinese_calendar.Holiday}


def is_gift_entry(entry: CheckEntry, year: int) -> bool:
    """Spending on the member-activity account of the fiscal year's chart."""
    code = GIFT_ACCOUNT[chart_for_year(year)]
    return is_spending(entry) and entry.chart_code is not None and entry.chart_code.startswith(code)


def holiday_words(gift_holidays: Sequence[str]) -> tuple[str, ...]:
    """The profile's gift holidays, their short forms (中秋节 → 中秋) and the general words."""
    words = list(HOLIDAY_WORDS)
    for name in gift_holidays:
        words.append(name)
        if name.endswith("节") and len(name) >= 3:
            words.append(name[:-1])
    return tuple(dict.fromkeys(words))


def _on_gift_account(entry: CheckEntry, code: str) -> bool:
    """Any non-closing line on the member-activity account: a reversal (红字, a credit) nets against
    the gifts it corrects, so a purchase booked, reversed and booked again counts once."""
    return not entry.is_closing and entry.chart_code is not None and entry.chart_code.startswith(code)


def _names_holiday(summary: str, words: Sequence[str]) -> bool:
    return any(w in summary for w in words) and not any(o in summary for o in OTHER_OCCASIONS)


def holiday_gift_cap(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    words = holiday_words(ctx.standards.gift_holidays)
    gift_code = GIFT_ACCOUNT[chart_for_year(ctx.year)]
    per_year: dict[int, list[CheckEntry]] = {}
    income: dict[int, Decimal] = {}
    for e in entries:
        if e.is_closing:
            continue
        if (e.chart_code or "").startswith("4"):
            income[e.date.year] = income.get(e.date.year, ZERO) + e.credit - e.debit
        if _on_gift_account(e, gift_code) and _names_holiday(e.summary, words):
            per_year.setdefault(e.date.year, []).append(e)
    for year, gifts in sorted(per_year.items()):
        total = sum((e.debit - e.credit for e in gifts), ZERO)
        if total <= 0:
            continue
        year_end = dt.date(year, 12, 31)
        if ctx.standards.value("holiday_gifts", year_end) is None and (
            ctx.standards.value("holiday_gifts_share", year_end) is None
        ):
            yield from _no_cap(ctx, year, gifts, total)
            continue
        yield from _per_member(ctx, year, gifts, total)
        yield from _share_of_income(ctx, year, gifts, total, income.get(year, ZERO))


def _no_cap(ctx: CheckContext, year: int, gifts: list[CheckEntry], total: Decimal) -> Iterator[Suspicion]:
    """The profile sets no cap for the year: the figures, and that nothing was tested against them."""
    params = {
        "year": str(year),
        "total": money(total),
        "count": str(len(gifts)),
        "profile": ctx.standards.title,
    }
    key = "check.holiday_gift_cap.no_cap_no_members"
    if ctx.members is not None and ctx.members > 0:
        key = "check.holiday_gift_cap.no_cap"
        params["members"] = str(ctx.members)
        params["per_capita"] = money((total / ctx.members).quantize(Decimal("0.01")))
    yield Suspicion(
        rule="holiday_gift_cap",
        severity="low",
        entry_ids=tuple(e.id for e in gifts),
        key=key,
        params=params,
        basis="check.basis.holiday_gifts_no_cap",
        basis_params={},
        scope=str(year),
    )


def _per_member(ctx: CheckContext, year: int, gifts: list[CheckEntry], total: Decimal) -> Iterator[Suspicion]:
    version = ctx.standards.value("holiday_gifts", dt.date(year, 12, 31))
    if version is None:
        return  # no cap in this profile for this year: nothing to test (documented above)
    ids = tuple(e.id for e in gifts)
    basis = {"document": version.document}
    common = {
        "year": str(year),
        "total": money(total),
        "count": str(len(gifts)),
        "per_member": money(version.value),
    }
    if ctx.members is None or ctx.members <= 0:
        yield Suspicion(
            rule="holiday_gift_cap",
            severity="low",
            entry_ids=ids,
            key="check.holiday_gift_cap.no_members",
            params=common,
            basis="check.basis.holiday_gifts",
            basis_params=basis,
            scope=str(year),
        )
        return
    cap = version.value * ctx.members
    if total > cap:
        yield Suspicion(
            rule="holiday_gift_cap",
            severity="high",
            entry_ids=ids,
            key="check.holiday_gift_cap.over",
            params={
                **common,
                "members": str(ctx.members),
                "cap": money(cap),
                "excess": money(total - cap),
                "per_capita": money((total / ctx.members).quantize(Decimal("0.01"))),
            },
            basis="check.basis.holiday_gifts",
            basis_params=basis,
            scope=str(year),
        )


def _share_of_income(
    ctx: CheckContext, year: int, gifts: list[CheckEntry], total: Decimal, income: Decimal
) -> Iterator[Suspicion]:
    """Where the profile caps holiday gifts at a share of the year's income (``holiday_gifts_share``,
    percent): the year's non-closing income on 4xx accounts × the share."""
    version = ctx.standards.value("holiday_gifts_share", dt.date(year, 12, 31))
    if version is None or income <= 0:
        return
    limit = (income * version.value / 100).quantize(Decimal("0.01"))
    if total > limit:
        yield Suspicion(
            rule="holiday_gift_cap",
            severity="high",
            entry_ids=tuple(e.id for e in gifts),
            key="check.holiday_gift_cap.over_share",
            params={
                "year": str(year),
                "total": money(total),
                "count": str(len(gifts)),
                "income": money(income),
                "share": f"{version.value.normalize():f}",
                "limit": money(limit),
                "excess": money(total - limit),
            },
            basis="check.basis.holiday_gifts",
            basis_params={"document": version.document},
            scope=f"{year}|share",
        )


@lru_cache(maxsize=4096)
def _day_off(day: dt.date) -> str | None:
    """ "holiday" (a named statutory holiday), "weekend", "day_off" (neither), or None on a working day."""
    if is_working_day(day):
        return None
    if _holiday_name(day):
        return "holiday"
    return "weekend" if day.weekday() >= 5 else "day_off"


@lru_cache(maxsize=4096)
def _holiday_name(day: dt.date) -> str:
    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return ""
    return _HOLIDAY_NAMES.get(name, "") if on_holiday and name else ""


@lru_cache(maxsize=256)
def _covers(year: int) -> bool:
    return holiday_data_covers(year)


def weekend_meals_gifts(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    uncovered: dict[int, int] = {}
    basis = "check.basis.days_off"
    gift_code = GIFT_ACCOUNT[chart_for_year(ctx.year)]
    for e in entries:
        if not is_spending(e):
            continue
        code = e.chart_code or ""
        if not code.startswith(gift_code) and not any(w in e.summary for w in MEAL_WORDS):
            continue
        year = e.date.year
        if not _covers(year):
            uncovered[year] = uncovered.get(year, 0) + 1
        kind = _day_off(e.date)
        if kind is None:
            continue
        params = entry_params(e)
        name = _holiday_name(e.date) if kind == "holiday" else ""
        if name:
            key = "check.weekend_meals_gifts.holiday"
            params["holiday"] = name
        else:
            key = f"check.weekend_meals_gifts.{kind}"  # .weekend, or .day_off for an unnamed day off
        yield Suspicion(
            rule="weekend_meals_gifts",
            severity="medium",
            entry_ids=(e.id,),
            key=key,
            params=params,
            basis=basis,
        )
    for year, count in sorted(uncovered.items()):
        yield Suspicion(
            rule="weekend_meals_gifts",
            severity="low",
            entry_ids=(),
            key="check.weekend_meals_gifts.no_calendar",
            params={"year": str(year), "count": str(count)},
            basis=basis,
            scope=str(year),
        )

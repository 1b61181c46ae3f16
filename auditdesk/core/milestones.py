"""An engagement's milestones, computed from the day fieldwork starts, and their checks.

Every default offset comes from DOMAIN.md ("Stages of one audit") and research/domain-sources.md §6;
all are editable. Working days follow the State Council's holiday calendar (``chinese_calendar``,
make-up working days included) where the library covers the year, and plain Monday–Friday otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from enum import StrEnum

import chinese_calendar
from dateutil.relativedelta import relativedelta

from auditdesk.core.engagement import Unmet
from auditdesk.core.errors import AuditdeskError

NOTICE_MIN_DAYS = 3  # 审计通知书 at least 3 days before fieldwork: 审计法 第42条, 实施条例 第35条


class SpanUnit(StrEnum):
    DAYS = "days"
    WORKDAYS = "workdays"
    MONTHS = "months"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of time: so many calendar days, working days or months."""

    amount: int
    unit: SpanUnit = SpanUnit.DAYS

    def __post_init__(self) -> None:
        if self.amount < 0:
            raise AuditdeskError("engagement.bad_offset", amount=self.amount)


@dataclass(frozen=True, slots=True)
class MilestoneOffsets:
    """How far apart the milestones lie. Defaults and their sources:

    - ``notice_lead``: the notice goes out at least 3 days before fieldwork (审计法 第42条; DOMAIN.md);
      counted in working days so that it reaches the unit over a weekend or a holiday.
    - ``fieldwork``: fieldwork ends 10 days after it starts (the lead's working default; no source fixes it).
    - ``draft_after_fieldwork``: the draft report (征求意见稿) 15 days after fieldwork (working default).
    - ``reply_window``: the unit replies in writing within 10 days, silence is no objection
      (审计法实施条例 第39条; DOMAIN.md); the final report and the opinion letter follow when it closes.
    - ``rectification``: the unit reports its rectification within 90 days of the opinion letter
      (大同市审计局; DOMAIN.md "one city: within 90 days").
    """

    notice_lead: Span = field(default_factory=lambda: Span(NOTICE_MIN_DAYS, SpanUnit.WORKDAYS))
    fieldwork: Span = field(default_factory=lambda: Span(10))
    draft_after_fieldwork: Span = field(default_factory=lambda: Span(15))
    reply_window: Span = field(default_factory=lambda: Span(10))
    rectification: Span = field(default_factory=lambda: Span(90))


@dataclass(frozen=True, slots=True)
class Milestones:
    notice: dt.date  # 审计通知书
    fieldwork_start: dt.date  # 进点
    fieldwork_end: dt.date
    draft_report: dt.date  # 审计报告(征求意见稿)
    final_report: dt.date  # 审计报告 and 审计意见书
    rectification_due: dt.date  # 整改期限


MILESTONE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Milestones))


def milestone_label_key(name: str) -> str:
    return f"engagement.milestone.{name}"


# -- working days ---------------------------------------------------------------------------------


def holiday_data_covers(year: int) -> bool:
    """Whether ``chinese_calendar`` knows the holidays and make-up days of ``year``."""
    try:
        chinese_calendar.is_workday(dt.date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


def is_working_day(day: dt.date) -> bool:
    """A statutory working day (make-up Saturdays count, holidays do not); Mon–Fri beyond the data."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return day.weekday() < 5


def shift_working_days(day: dt.date, count: int) -> dt.date:
    """The ``count``-th working day after ``day`` (before it when ``count`` is negative)."""
    step = dt.timedelta(days=1 if count >= 0 else -1)
    remaining = abs(count)
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1
    return day


def shift(day: dt.date, span: Span, sign: int = 1) -> dt.date:
    """``day`` moved by ``span``, forwards (``sign=1``) or backwards (``sign=-1``)."""
    if span.unit is SpanUnit.WORKDAYS:
        return shift_working_days(day, sign * span.amount)
    if span.unit is SpanUnit.MONTHS:
        return day + relativedelta(months=sign * span.amount)
    return day + relativedelta(days=sign * span.amount)


# -- milestones -----------------------------------------------------------------------------------


def plan_milestones(start: dt.date, offsets: MilestoneOffsets | None = None) -> Milestones:
    """The milestones of an engagement whose fieldwork starts on ``start``."""
    o = offsets if offsets is not None else MilestoneOffsets()
    fieldwork_end = shift(start, o.fieldwork)
    draft = shift(fieldwork_end, o.draft_after_fieldwork)
    final = shift(draft, o.reply_window)
    return Milestones(
        notice=shift(start, o.notice_lead, -1),
        fieldwork_start=start,
        fieldwork_end=fieldwork_end,
        draft_report=draft,
        final_report=final,
        rectification_due=shift(final, o.rectification),
    )


def validate_milestones(m: Milestones, min_notice_days: int = NOTICE_MIN_DAYS) -> tuple[Unmet, ...]:
    """What is wrong with (edited) milestones: each must follow the one before it (fieldwork may last
    a single day), and the notice must go out at least ``min_notice_days`` days before fieldwork."""
    unmet: list[Unmet] = []
    dates = [getattr(m, name) for name in MILESTONE_FIELDS]
    for index in range(1, len(dates)):
        earlier, later = dates[index - 1], dates[index]
        one_day_fieldwork = MILESTONE_FIELDS[index] == "fieldwork_end"
        if later < earlier or (later == earlier and not one_day_fieldwork):
            unmet.append(
                Unmet(
                    f"engagement.milestone.order.{MILESTONE_FIELDS[index]}",
                    {"earlier": earlier.isoformat(), "later": later.isoformat()},
                )
            )
    lead = (m.fieldwork_start - m.notice).days
    if 0 < lead < min_notice_days:
        unmet.append(
            Unmet(
                "engagement.milestone.notice_too_late",
                {
                    "notice": m.notice.isoformat(),
                    "start": m.fieldwork_start.isoformat(),
                    "lead": lead,
                    "days": min_notice_days,
                },
            )
        )
    return tuple(unmet)

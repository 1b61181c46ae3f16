"""What the register board shows and how it is read: the filter, one reading of the register, labels.

``read_board`` is the board's one read (run in a thread worker): the findings matching the filter's
year, unit, category and overdue switch — every status, so the counts per status stay visible when a
status is picked — the choices the filters offer, and the statistics sentence for the year and unit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rich.text import Text

from auditdesk.core.register import DEFAULT_CATEGORIES, STATUSES, Status
from auditdesk.i18n import t
from auditdesk.services import register as register_service
from auditdesk.services.context import Context
from auditdesk.services.register_views import RegisterItem, StatsView

STATUS_STYLE = {
    Status.DRAFT: "dim",
    Status.PENDING: "yellow",
    Status.IN_PROGRESS: "cyan",
    Status.REPORTED: "bold cyan",
    Status.PARTIAL: "magenta",
    Status.EXTENDED: "yellow",
    Status.IMPOSSIBLE: "dim red",
    Status.CLOSED: "green",
    Status.WITHDRAWN: "dim strike",
}
OVERDUE_STYLE = "bold red"
DIMMED = frozenset({Status.DRAFT, Status.WITHDRAWN})
COUNT_SEPARATOR = " · "


@dataclass(frozen=True)
class RegisterFilter:
    """The board's filters; ``None`` means every one. ``year`` is the plan year (the audit's year)."""

    year: int | None = None
    unit: str | None = None
    category: str | None = None
    status: Status | None = None
    overdue: bool = False


@dataclass(frozen=True)
class BoardData:
    flt: RegisterFilter
    items: tuple[RegisterItem, ...]  # matching every filter but the status
    stats: StatsView
    today: dt.date
    years: tuple[int, ...] = ()
    units: tuple[str, ...] = ()
    categories: tuple[str, ...] = DEFAULT_CATEGORIES

    @property
    def shown(self) -> tuple[RegisterItem, ...]:
        if self.flt.status is None:
            return self.items
        return tuple(i for i in self.items if i.status is self.flt.status)

    def counts(self) -> list[tuple[Status, int]]:
        """Findings per status (lifecycle order, only statuses that occur) over ``items``."""
        found = {s: sum(1 for i in self.items if i.status is s) for s in STATUSES}
        return [(s, n) for s, n in found.items() if n]

    @property
    def overdue(self) -> int:
        return sum(1 for i in self.items if i.overdue)

    def due_soon(self, days: int) -> int:
        return sum(1 for i in self.items if i.due_within(days))


office_categories = register_service.categories


def read_board(ctx: Context, flt: RegisterFilter, today: dt.date) -> BoardData:
    """One read of the register; the filters and the statistics are worked out from it."""
    everything = register_service.list_register(ctx, today=today)
    scope = [
        i
        for i in everything
        if (flt.year is None or i.plan_year == flt.year) and (flt.unit is None or i.unit == flt.unit)
    ]
    items = [
        i
        for i in scope
        if (flt.category is None or i.category == flt.category) and (not flt.overdue or i.overdue)
    ]
    stats = register_service.stats_of(scope, year=flt.year, unit=flt.unit)
    categories = office_categories()
    extra = sorted({i.category for i in everything} - set(categories))
    return BoardData(
        flt=flt,
        items=tuple(items),
        stats=stats,
        today=today,
        years=tuple(sorted({i.plan_year for i in everything if i.plan_year is not None}, reverse=True)),
        units=tuple(sorted({i.unit for i in everything if i.unit})),
        categories=(*categories, *extra),
    )


def status_text(status: Status, overdue: bool = False) -> Text:
    return Text(t(status.label_key), style=OVERDUE_STYLE if overdue else STATUS_STYLE[status])


DUE_SOON_DAYS = 30  # as ``auditdesk register due``


def counts_text(data: BoardData) -> Text:
    """``待整改 3 · 整改中 1 · 已报整改 2 · 已销号 5 · 逾期 1`` over the findings matching the filters."""
    text = Text(t("tui.register.counts.total", count=len(data.items)))
    for status, count in data.counts():
        text.append(COUNT_SEPARATOR)
        text.append(
            t("tui.register.counts.item", status=t(status.label_key), count=count), style=STATUS_STYLE[status]
        )
    if data.overdue:
        text.append(COUNT_SEPARATOR)
        text.append(t("tui.register.counts.overdue", count=data.overdue), style=OVERDUE_STYLE)
    soon = data.due_soon(DUE_SOON_DAYS)
    if soon:
        text.append(COUNT_SEPARATOR)
        text.append(t("tui.register.counts.due_soon", days=DUE_SOON_DAYS, count=soon), style="yellow")
    return text


def scope_text(flt: RegisterFilter) -> str:
    """What the statistics sentence covers: the plan year and unit of the filter."""
    if flt.year is not None and flt.unit is not None:
        return t("tui.register.scope.unit_year", unit=flt.unit, year=flt.year)
    if flt.year is not None:
        return t("tui.register.scope.year", year=flt.year)
    if flt.unit is not None:
        return t("tui.register.scope.unit", unit=flt.unit)
    return t("tui.register.scope.all")

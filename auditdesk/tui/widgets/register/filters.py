"""The register board's filters: plan year, unit, category, status (Selects) and overdue only (a Switch).

A change posts ``FilterBar.Changed`` with the whole filter. The year, unit and category choices come
from the register and are replaced after each reading without posting a change (the chosen value is
kept when it is still offered).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Label, Select, Switch

from auditdesk.core.register import STATUSES, Status
from auditdesk.i18n import t
from auditdesk.tui.localize import category_label
from auditdesk.tui.widgets.register.common import RegisterFilter

Choices = list[tuple[str, Any]]


def _select(name: str, options: Choices) -> Select[Any]:
    return Select[Any](
        options,
        prompt=t(f"tui.register.filter.{name}"),
        id=f"rg-filter-{name}",
        tooltip=t(f"tui.register.filter_tip.{name}"),
        classes="rg-filter",
    )


class FilterBar(Horizontal):
    @dataclass
    class Changed(Message):
        flt: RegisterFilter

    def __init__(self, flt: RegisterFilter | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.initial = flt or RegisterFilter()
        self.offered: dict[str, Choices] = {}

    def compose(self) -> ComposeResult:
        yield _select("year", [])
        yield _select("unit", [])
        yield _select("category", [])
        yield _select("status", [(t(s.label_key), s.value) for s in STATUSES])
        yield Label(t("tui.register.filter.overdue"), classes="rg-switch-label")
        yield Switch(
            self.initial.overdue, id="rg-filter-overdue", tooltip=t("tui.register.filter_tip.overdue")
        )

    def on_mount(self) -> None:
        if self.initial.status is not None:
            with self.prevent(Select.Changed):
                self.query_one("#rg-filter-status", Select).value = self.initial.status.value

    def _value(self, name: str) -> Any:
        value = self.query_one(f"#rg-filter-{name}", Select).value
        return None if value is Select.NULL else value

    def value(self) -> RegisterFilter:
        status = self._value("status")
        return RegisterFilter(
            year=self._value("year"),
            unit=self._value("unit"),
            category=self._value("category"),
            status=Status(status) if status else None,
            overdue=self.query_one("#rg-filter-overdue", Switch).value,
        )

    def set_choices(
        self, flt: RegisterFilter, years: Sequence[int], units: Sequence[str], categories: Sequence[str]
    ) -> None:
        """Offer the register's years, units and categories, keeping ``flt``'s choices selected."""
        self._offer("year", [(str(y), y) for y in years], flt.year)
        self._offer("unit", [(u, u) for u in units], flt.unit)
        self._offer("category", [(category_label(c), c) for c in categories], flt.category)

    def _offer(self, name: str, options: Choices, wanted: Any) -> None:
        select = self.query_one(f"#rg-filter-{name}", Select)
        if wanted is not None and wanted not in [v for _, v in options]:
            options = [*options, (str(wanted), wanted)]
        with self.prevent(Select.Changed):
            if self.offered.get(name) != options:
                select.set_options(options)
                self.offered[name] = options
            select.value = Select.NULL if wanted is None else wanted

    def clear_all(self) -> None:
        with self.prevent(Select.Changed, Switch.Changed):
            for select in self.query(Select):
                select.value = Select.NULL
            self.query_one("#rg-filter-overdue", Switch).value = False
        self.post_message(self.Changed(self.value()))

    def toggle_overdue(self) -> None:
        self.query_one("#rg-filter-overdue", Switch).toggle()

    @on(Select.Changed)
    @on(Switch.Changed)
    def _changed(self, event: Message) -> None:
        event.stop()
        self.post_message(self.Changed(self.value()))

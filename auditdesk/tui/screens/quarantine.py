"""Quarantined rows of a unit's year: each row `--quarantine` kept aside, its problems and the raw row."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import get_current_worker

from auditdesk.i18n import t
from auditdesk.services.imports import stored_problem_message
from auditdesk.services.ledger import QuarantineView, list_quarantine
from auditdesk.tui.screens.base import BaseScreen

COLUMNS = ("source", "column", "value", "reason", "raw")


class QuarantineLoaded(Message):
    def __init__(self, rows: list[QuarantineView]) -> None:
        super().__init__()
        self.rows = rows


class QuarantineScreen(BaseScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "tui.key.back", id="quarantine.back", tooltip="tui.tip.back_home"),
    ]

    def __init__(self, unit: str, year: int) -> None:
        super().__init__(id="quarantine")
        self.unit = unit
        self.year = year
        self.rows: list[QuarantineView] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="quarantine-table", cursor_type="row", zebra_stripes=True)
        yield Static(t("tui.ledger.loading"), id="quarantine-status", classes="status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("tui.app.title")
        self.sub_title = t("tui.quarantine.title", unit=self.unit, year=self.year)
        table = self.query_one(DataTable)
        for name in COLUMNS:
            table.add_column(t(f"tui.quarantine.col.{name}"), key=name)
        table.focus()
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="quarantine.load")
    def load(self) -> None:
        rows = list_quarantine(self.ctx, self.unit, self.year)
        if not get_current_worker().is_cancelled:
            self.post_message(QuarantineLoaded(rows))

    @on(QuarantineLoaded)
    def _loaded(self, message: QuarantineLoaded) -> None:
        self.rows = message.rows
        table = self.query_one(DataTable)
        table.clear()
        for q in message.rows:
            raw = " | ".join(v for v in q.raw)
            for p in q.problems:
                table.add_row(
                    f"{q.sheet}:{q.row}",
                    p.get("column", ""),
                    Text(str(p.get("value", "")), style="bold red"),
                    stored_problem_message(p),
                    raw,
                )
        status = self.query_one("#quarantine-status", Static)
        if message.rows:
            status.update(t("tui.quarantine.count", count=len(message.rows)))
        else:
            status.update(Text(t("tui.quarantine.none"), style="green"))

    def action_back(self) -> None:
        self.dismiss(None)

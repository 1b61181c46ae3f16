"""Engagements (key ``g`` on the home screen): every engagement; Enter opens one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static

from auditdesk.i18n import t
from auditdesk.services import engagements as engagement_service
from auditdesk.services.engagement_views import EngagementView
from auditdesk.tui.screens.base import BaseScreen

STYLES = Path(__file__).parent.parent / "styles"
COLUMNS = ("reference", "unit", "years", "stage", "lead", "start")


class EngagementsScreen(BaseScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "tui.key.back", id="engagements.back", tooltip="tui.tip.back_home"),
        Binding("r", "refresh", "tui.key.refresh", id="engagements.refresh", tooltip="tui.tip.refresh"),
    ]

    @dataclass
    class Loaded(Message):
        engagements: list[EngagementView]

    def __init__(self) -> None:
        super().__init__(id="engagements")
        self.engagements: list[EngagementView] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("tui.engagement.list_heading"), id="engagements-heading", classes="heading")
        yield DataTable(id="engagements-table", cursor_type="row", zebra_stripes=True)
        yield Static(t("tui.engagement.loading"), id="engagements-status", classes="status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("tui.app.title")
        self.sub_title = t("tui.engagement.list_title")
        table = self.query_one("#engagements-table", DataTable)
        for key in COLUMNS:
            table.add_column(t(f"tui.engagement.col.{key}"), key=key)
        table.focus()

    def on_screen_resume(self) -> None:
        self.load()  # on the first show and after an engagement screen closes: stages may have moved

    @work(thread=True, exclusive=True, exit_on_error=False, group="engagements.load")
    def load(self) -> None:
        self.post_message(self.Loaded(engagement_service.list_engagements(self.ctx)))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.engagements = message.engagements
        table = self.query_one("#engagements-table", DataTable)
        row = table.cursor_row
        table.clear()
        none = t("tui.engagement.none_set")
        for e in message.engagements:
            start = e.milestones.get("fieldwork_start")
            table.add_row(
                e.reference,
                e.unit,
                t("plan.list.sep").join(str(y) for y in e.years),
                t(e.stage.label_key),
                e.lead or none,
                start.isoformat() if start else none,
                key=str(e.id),
            )
        if 0 <= row < table.row_count:
            table.move_cursor(row=row)
        status = self.query_one("#engagements-status", Static)
        if message.engagements:
            status.update(t("tui.engagement.count", count=len(message.engagements)))
        else:
            status.update(t("tui.engagement.none"))

    @on(DataTable.RowSelected, "#engagements-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        from auditdesk.tui.screens.engagement import EngagementScreen

        if event.row_key.value is not None:
            self.app.push_screen(EngagementScreen(int(event.row_key.value)))

    def action_refresh(self) -> None:
        self.load()

    def action_back(self) -> None:
        self.app.pop_screen()

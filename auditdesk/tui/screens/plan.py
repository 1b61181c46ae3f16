"""Annual plan (key ``p`` on the home screen): every unit scored, the proposal, the weights used."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Input, Label, Static

from auditdesk.i18n import t
from auditdesk.services import plan as plan_service
from auditdesk.services.plan import PlanProposal
from auditdesk.tui.screens.base import BaseScreen
from auditdesk.tui.widgets.plan.plan_table import PlanTable

STYLES = Path(__file__).parent.parent / "styles"


class PlanScreen(BaseScreen[None]):
    CSS_PATH = STYLES / "plan.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "tui.key.back", id="plan.back", tooltip="tui.tip.back_home"),
        Binding(
            "space", "toggle_unit", "tui.plan.key.toggle", id="plan.toggle", tooltip="tui.plan.tip.toggle"
        ),
        Binding("y", "focus_year", "tui.plan.key.year", id="plan.year", tooltip="tui.plan.tip.year"),
        Binding("r", "refresh", "tui.key.refresh", id="plan.refresh", tooltip="tui.tip.refresh"),
    ]

    @dataclass
    class Loaded(Message):
        """The proposal for a year, computed in a worker."""

        proposal: PlanProposal

    def __init__(self, year: int | None = None) -> None:
        super().__init__(id="plan")
        self.year = year or dt.date.today().year
        self.proposal: PlanProposal | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("tui.plan.heading"), id="plan-heading", classes="heading")
        with Horizontal(id="plan-year-row", classes="form-row"):
            yield Label(t("tui.plan.year"), classes="form-label")
            yield Input(value=str(self.year), id="plan-year", type="integer", max_length=4)
        yield PlanTable(id="plan-table")
        yield Static(t("tui.plan.loading", year=self.year), id="plan-status", classes="status", markup=False)
        with VerticalScroll(id="plan-weights-box"):
            yield Static("", id="plan-weights", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("tui.app.title")
        self.sub_title = t("tui.plan.title")
        self.query_one(PlanTable).focus()
        self.load(self.year)

    @work(thread=True, exclusive=True, exit_on_error=False, group="plan.load")
    def load(self, year: int) -> None:
        self.post_message(self.Loaded(plan_service.propose_plan(self.ctx, year)))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        proposal = message.proposal
        self.proposal = proposal
        self.year = proposal.year
        self.query_one(PlanTable).show(proposal)
        self._show_count()
        lines = [t("plan.cli.weights", profile=proposal.weights.profile, file=str(proposal.weights_file))]
        lines += ["  " + line for line in plan_service.weight_lines(proposal.weights)]
        self.query_one("#plan-weights", Static).update("\n".join(lines))

    def _show_count(self) -> None:
        status = self.query_one("#plan-status", Static)
        if self.proposal is None:
            return
        if not self.proposal.candidates:
            status.update(t("tui.plan.empty"))
            return
        table = self.query_one(PlanTable)
        status.update(
            t(
                "tui.plan.count",
                selected=len(table.selected),
                count=len(self.proposal.candidates),
                size=self.proposal.size,
            )
        )

    @on(Input.Submitted, "#plan-year")
    def _year_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not (text.isdigit() and len(text) == 4):
            self.notify(t("tui.plan.bad_year", value=text), severity="warning")
            return
        self.query_one("#plan-status", Static).update(t("tui.plan.loading", year=int(text)))
        self.query_one(PlanTable).focus()
        self.load(int(text))

    def action_toggle_unit(self) -> None:
        if self.query_one(PlanTable).toggle() is not None:
            self._show_count()

    def action_focus_year(self) -> None:
        self.query_one("#plan-year", Input).focus()

    def action_refresh(self) -> None:
        self.load(self.year)

    def action_back(self) -> None:
        self.app.pop_screen()

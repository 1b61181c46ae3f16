"""Annual plan (key ``p`` on the home screen): every unit scored, the proposal, the weights used;
``ctrl+s`` approves the current selection. A year already approved is shown as approved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Input, Label, Static
from textual.worker import Worker, WorkerState

from auditdesk.i18n import t
from auditdesk.services import plan as plan_service
from auditdesk.services.plan import ApprovedPlan, PlanProposal
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
        Binding(
            "ctrl+s", "approve", "tui.plan.key.approve", id="plan.approve", tooltip="tui.plan.tip.approve"
        ),
    ]

    @dataclass
    class Loaded(Message):
        """A year's plan, read in a worker: the approved plan, or the proposal computed now."""

        plan: ApprovedPlan | PlanProposal

    def __init__(self, year: int | None = None) -> None:
        super().__init__(id="plan")
        self.year = year or dt.date.today().year
        self.proposal: PlanProposal | None = None
        self.approved: ApprovedPlan | None = None

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
        self.post_message(self.Loaded(plan_service.show_plan(self.ctx, year)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="plan.approve")
    def approve(self, year: int, add: list[str], drop: list[str]) -> None:
        self.post_message(self.Loaded(plan_service.approve_plan(self.ctx, year, add=add, drop=drop)))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        plan = message.plan
        self.year = plan.year
        if isinstance(plan, ApprovedPlan):
            self.approved, self.proposal = plan, None
            self.query_one(PlanTable).show_approved(plan)
            self._show_approved(plan)
            lines = [t("tui.plan.stored_weights", file=plan.weights_file)]
            lines += ["  " + line for line in _stored_weight_lines(plan.weights)]
        else:
            self.approved, self.proposal = None, plan
            self.query_one(PlanTable).show(plan)
            self._show_count()
            lines = [t("plan.cli.weights", profile=plan.weights.profile, file=str(plan.weights_file))]
            lines += ["  " + line for line in plan_service.weight_lines(plan.weights)]
        self.query_one("#plan-weights", Static).update("\n".join(lines))

    def worker_state_changed(self, worker: Worker[Any], state: WorkerState) -> None:
        if worker.group == "plan.approve" and state is WorkerState.ERROR:
            if self.approved is not None:
                self._show_approved(self.approved)
            else:
                self._show_count()

    def _show_approved(self, plan: ApprovedPlan) -> None:
        references = t("plan.list.sep").join(e.reference for e in plan.engagements)
        status = self.query_one("#plan-status", Static)
        status.update(
            t(
                "tui.plan.approved",
                year=plan.year,
                who=plan.approved_by,
                when=f"{plan.approved_at:%Y-%m-%d %H:%M}",
                count=len(plan.selected),
                references=references or "—",
            )
        )

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
        if self.approved is not None:
            self.notify(t("tui.plan.read_only", year=self.approved.year), severity="warning")
            return
        if self.query_one(PlanTable).toggle() is not None:
            self._show_count()

    def action_approve(self) -> None:
        """Approve with the current selection; a year already approved is refused by the service."""
        add: list[str] = []
        drop: list[str] = []
        if self.proposal is not None:
            proposed = {c.unit.name for c in self.proposal.selected}
            chosen = self.query_one(PlanTable).selected
            add, drop = sorted(chosen - proposed), sorted(proposed - chosen)
        elif self.approved is None:
            return  # still loading
        self.query_one("#plan-status", Static).update(t("tui.plan.approving", year=self.year))
        self.approve(self.year, add, drop)

    def action_focus_year(self) -> None:
        self.query_one("#plan-year", Input).focus()

    def action_refresh(self) -> None:
        self.load(self.year)

    def action_back(self) -> None:
        self.app.pop_screen()


def _stored_weight_lines(weights: dict[str, Any]) -> list[str]:
    """The weights stored with an approved plan (amounts as strings), one line each."""
    lines = []
    for key, value in weights.items():
        if isinstance(value, list):
            shown = t("plan.list.sep").join(str(v) for v in value)
        else:
            shown = str(value)
        lines.append(t("plan.weight.line", label=t(f"plan.weight.{key}"), value=shown))
    return lines

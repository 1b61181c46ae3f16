"""Fieldwork (现场审计, F7 on an engagement): checks and the triage of their suspicions, sampling,
working papers, evidence and the draft findings that wait for the register — one tab each.

The keys act on the active tab (the others' are hidden). Every service call runs in a thread worker
of this screen: the check run (with a progress bar), the reload, and the panes' writes, which they
post as ``WriteRequested``; a failure shows in the one error modal, a refused write with the
service's own sentence (a write needs the engagement in 实施 or 报告).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane
from textual.worker import Worker, WorkerState, get_current_worker

from auditdesk.core.checks import RunCancelled
from auditdesk.i18n import t
from auditdesk.services import checks as check_service
from auditdesk.tui.screens.base import TabbedScreen, area_key
from auditdesk.tui.widgets.fieldwork.common import (
    PARTS,
    Done,
    FieldworkData,
    FieldworkPane,
    Reading,
    WriteRequested,
    read_fieldwork,
)
from auditdesk.tui.widgets.fieldwork.drafts import DraftsPane
from auditdesk.tui.widgets.fieldwork.evidence import EvidencePane
from auditdesk.tui.widgets.fieldwork.papers import PapersPane
from auditdesk.tui.widgets.fieldwork.sampling import SamplingPane
from auditdesk.tui.widgets.fieldwork.suspicions import SuspicionsPane

STYLES = Path(__file__).parent.parent / "styles"
TABS = ("suspicions", "sampling", "papers", "evidence", "drafts")
FIRST_FOCUS = {
    "suspicions": "#fw-susp-tree",
    "sampling": "#fw-sample-items",
    "papers": "#fw-papers",
    "evidence": "#fw-evidence",
    "drafts": "#fw-drafts",
}
ACTION_TAB = {
    "run_checks": "suspicions",
    "stop_checks": "suspicions",
    "confirm": "suspicions",
    "dismiss_suspicion": "suspicions",
    "toggle_filter": "suspicions",
    "draw": "sampling",
    "record": "sampling",
    "verify": "sampling",
    "item_page": "sampling",
    "save_paper": "papers",
    "new_paper": "papers",
    "sign": "papers",
    "add_evidence": "evidence",
}
PANE_PARTS = {  # what each pane shows: it is refreshed when one of these was re-read
    "#fw-suspicions": {"suspicions", "drafts"},
    "#fw-sampling": {"samples"},
    "#fw-papers-pane": {"papers"},
    "#fw-evidence-pane": {"evidence", "drafts", "papers", "suspicions"},
    "#fw-drafts-pane": {"drafts"},
}


_key = partial(area_key, "fieldwork")


class FieldworkScreen(TabbedScreen[None]):
    ACTION_TAB = ACTION_TAB
    TAB_PREFIX = "fw-tab-"
    CSS_PATH = STYLES / "fieldwork.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "tui.key.back", id="fieldwork.back", tooltip="tui.fieldwork.tip.back"),
        *(_key(str(n), f"tab('{tab}')", f"tab_{tab}", show=False) for n, tab in enumerate(TABS, start=1)),
        _key("r", "run_checks", "run"),
        _key("k", "stop_checks", "stop"),
        _key("c", "confirm", "confirm"),
        _key("d", "dismiss_suspicion", "dismiss"),
        _key("s", "toggle_filter", "filter"),
        _key("ctrl+s", "draw", "draw"),
        _key("p", "record('pass')", "pass"),
        _key("f", "record('fail')", "fail"),
        _key("v", "verify", "verify"),
        _key("right_square_bracket", "item_page(1)", "next_items", key_display="]"),
        _key("left_square_bracket", "item_page(-1)", "prev_items", key_display="["),
        _key("ctrl+s", "save_paper", "save_paper"),
        _key("ctrl+n", "new_paper", "new_paper"),
        _key("f4", "sign('prepare')", "sign_prepare"),
        _key("f5", "sign('review')", "sign_review"),
        _key("ctrl+s", "add_evidence", "add_evidence"),
        _key("ctrl+r", "refresh", "refresh", show=False),
    ]

    @dataclass
    class Loaded(Message):
        reading: Reading

    class Stopped(Message):
        """The check run was stopped; nothing of it was stored."""

    def __init__(self, engagement_id: int) -> None:
        super().__init__(id="fieldwork")
        self.engagement_id = engagement_id
        self.data: FieldworkData | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("tui.fieldwork.loading"), id="fw-heading", classes="heading", markup=False)
        yield Static("", id="fw-counts", markup=False)
        with TabbedContent(id="fw-tabs"):
            with TabPane(t("tui.fieldwork.tab.suspicions"), id="fw-tab-suspicions"):
                yield SuspicionsPane(id="fw-suspicions")
            with TabPane(t("tui.fieldwork.tab.sampling"), id="fw-tab-sampling"):
                yield SamplingPane(id="fw-sampling")
            with TabPane(t("tui.fieldwork.tab.papers"), id="fw-tab-papers"):
                yield PapersPane(id="fw-papers-pane")
            with TabPane(t("tui.fieldwork.tab.evidence"), id="fw-tab-evidence"):
                yield EvidencePane(id="fw-evidence-pane")
            with TabPane(t("tui.fieldwork.tab.drafts"), id="fw-tab-drafts"):
                yield DraftsPane(id="fw-drafts-pane")
        yield Static("", id="fw-status", classes="status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("tui.app.title")
        self.sub_title = t("tui.fieldwork.title")
        self.query_one("#fw-susp-tree").focus()
        self.load()


    # -- workers -----------------------------------------------------------------------------------------

    def _read(self, parts: frozenset[str] = frozenset(PARTS)) -> None:
        self.post_message(self.Loaded(read_fieldwork(self.ctx, self.engagement_id, parts)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="fieldwork.load")
    def load(self) -> None:
        reading = read_fieldwork(self.ctx, self.engagement_id)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(reading))

    @work(thread=True, exclusive=True, exit_on_error=False, group="fieldwork.checks")
    def run_checks(self, pane: SuspicionsPane) -> None:
        worker = get_current_worker()

        def progress(done: int, total: int, rule: str) -> None:
            if worker.is_cancelled:
                raise RunCancelled  # the run's transaction rolls back: nothing of it is stored
            pane.post_message(SuspicionsPane.Progress(done, total, rule))

        try:
            reports = check_service.run_ledger_checks(self.ctx, self.engagement_id, progress=progress)
        except RunCancelled:
            self.post_message(self.Stopped())
            return
        pane.post_message(SuspicionsPane.ChecksDone(reports))
        self._read(frozenset({"suspicions"}))

    def action_stop_checks(self) -> None:
        """Stop a running check run; what it found so far is not stored."""
        self.workers.cancel_group(self, "fieldwork.checks")

    @on(Stopped)
    def _stopped(self) -> None:
        self.query_one(SuspicionsPane).stopped()
        self.query_one("#fw-status", Static).update(t("tui.fieldwork.susp.stopped"))

    @work(thread=True, exit_on_error=False, group="fieldwork.write")
    def write(self, request: WriteRequested) -> None:
        reply = request.job(self.ctx)
        if reply is not None:
            request.reply.post_message(reply)
        if request.reload:
            self._read(request.reload)

    def worker_state_changed(self, worker: Worker[Any], state: WorkerState) -> None:
        if state is not WorkerState.ERROR or not worker.group.startswith("fieldwork."):
            return
        if worker.group == "fieldwork.checks":
            self.query_one(SuspicionsPane).failed()
        self.query_one("#fw-status", Static).update(t("tui.fieldwork.failed"))

    # -- results -----------------------------------------------------------------------------------------

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        first = self.data is None
        data = self.data = message.reading.merged(self.data)
        e = data.engagement
        self.query_one("#fw-heading", Static).update(t(
            "tui.fieldwork.heading", reference=e.reference, unit=e.unit,
            years=t("plan.list.sep").join(str(y) for y in e.years), stage=t(e.stage.label_key),
        ))
        self.query_one("#fw-counts", Static).update(t(
            "tui.fieldwork.counts", open=data.count("open"), confirmed=data.count("confirmed"),
            dismissed=data.count("dismissed"), drafts=len(data.drafts), samples=len(data.samples),
            papers=len(data.papers), evidence=len(data.evidence),
        ))
        read = set(message.reading.parts)
        for selector, parts in PANE_PARTS.items():
            if first or read & parts:
                self.query_one(selector, FieldworkPane).show(data)
        status = self.query_one("#fw-status", Static)
        if not data.writable:
            status.update(t("tui.fieldwork.read_only", stage=t(e.stage.label_key)))
        elif first:
            status.update(t("tui.fieldwork.hint"))

    @on(WriteRequested)
    def _write_requested(self, message: WriteRequested) -> None:
        message.stop()
        self.query_one("#fw-status", Static).update(message.busy)
        self.write(message)

    @on(Done)
    def _done(self, message: Done) -> None:
        message.stop()
        self.query_one("#fw-status", Static).update(message.note)
        self.notify(message.note, timeout=6)

    # -- actions -----------------------------------------------------------------------------------------

    def action_tab(self, name: str) -> None:
        self.query_one(TabbedContent).active = f"fw-tab-{name}"
        self.query_one(FIRST_FOCUS[name]).focus()

    def action_run_checks(self) -> None:
        pane = self.query_one(SuspicionsPane)
        pane.started()
        self.query_one("#fw-status", Static).update(t("tui.fieldwork.susp.running"))
        self.run_checks(pane)

    def action_confirm(self) -> None:
        self.query_one(SuspicionsPane).confirm()

    def action_dismiss_suspicion(self) -> None:
        self.query_one(SuspicionsPane).dismiss_selected()

    def action_toggle_filter(self) -> None:
        self.query_one(SuspicionsPane).toggle_filter()

    def action_draw(self) -> None:
        self.query_one(SamplingPane).draw()

    def action_record(self, result: str) -> None:
        self.query_one(SamplingPane).record(result)

    def action_verify(self) -> None:
        self.query_one(SamplingPane).verify()

    def action_item_page(self, step: int) -> None:
        self.query_one(SamplingPane).turn_page(step)

    def action_save_paper(self) -> None:
        self.query_one(PapersPane).save()

    def action_new_paper(self) -> None:
        self.query_one(PapersPane).new()

    def action_sign(self, role: str) -> None:
        self.query_one(PapersPane).sign(role)

    def action_add_evidence(self) -> None:
        self.query_one(EvidencePane).add()

    def action_refresh(self) -> None:
        self.load()

    def action_back(self) -> None:
        self.app.pop_screen()

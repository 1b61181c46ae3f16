"""The register board's reading side: the layout, the filters, the findings table and the detail.

``RegisterBoard`` reads the register in thread workers (``run_job`` posts the message a job returns)
and shows it; ``RegisterScreen`` (``register.py``) adds the keys and the writes. A failure in any
worker shows in ``BaseScreen``'s one error modal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Select, Static
from textual.worker import get_current_worker

from auditdesk.i18n import t
from auditdesk.services import register as register_service
from auditdesk.services.context import Context
from auditdesk.services.register_views import FindingDetail
from auditdesk.tui.screens.base import BaseScreen
from auditdesk.tui.widgets.register.common import (
    BoardData,
    RegisterFilter,
    counts_text,
    read_board,
    scope_text,
)
from auditdesk.tui.widgets.register.detail import FindingDetailView
from auditdesk.tui.widgets.register.filters import FilterBar
from auditdesk.tui.widgets.register.table import FindingsTable

Job = Callable[[Context], Message]


class RegisterBoard(BaseScreen[None]):
    @dataclass
    class Loaded(Message):
        data: BoardData

    @dataclass
    class DetailLoaded(Message):
        detail: FindingDetail

    @dataclass
    class Written(Message):
        """A write finished: the sentence to show, and the finding to put the cursor on."""

        note: str
        focus: str | None = None

    def __init__(self, flt: RegisterFilter | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(id="register")
        self.flt = flt or RegisterFilter()
        self.fixed_today = today  # tests pin the day; otherwise each reading uses the real one
        self.data: BoardData | None = None
        self.detail: FindingDetail | None = None
        self.focus_code: str | None = None
        self.last_note: str | None = None  # what the last write did: the status line keeps it
        self.last_export: Path | None = None  # offered first when a returned workbook is imported

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("tui.register.loading"), id="rg-sentence", classes="heading", markup=False)
        yield FilterBar(self.flt, id="rg-filters")
        yield Static("", id="rg-counts", markup=False)
        yield FindingsTable(id="rg-table")
        yield FindingDetailView(id="rg-detail-box")
        yield Static("", id="rg-status", classes="status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("tui.app.title")
        self.sub_title = t("tui.register.title")
        self.query_one(FindingsTable).focus()
        self.load()

    @property
    def today(self) -> dt.date:
        return self.fixed_today or dt.date.today()

    @property
    def folder(self) -> Path:
        """Where workbooks are written and relative paths are read: the app's documents folder, else
        the folder it started in."""
        return self.desk.documents_dir or self.desk.start_dir

    # -- workers -----------------------------------------------------------------------------------------

    def run_job(self, job: Job, group: str, exclusive: bool = False) -> None:
        """Run ``job`` (service calls) in a thread worker; post the message it returns back here."""

        def task() -> None:
            message = job(self.ctx)
            if not get_current_worker().is_cancelled:
                self.post_message(message)

        self.run_worker(task, thread=True, group=group, exclusive=exclusive, exit_on_error=False)

    def load(self) -> None:
        flt, today = self.flt, self.today
        self.run_job(lambda ctx: self.Loaded(read_board(ctx, flt, today)), "register.load", exclusive=True)

    def load_detail(self, code: str) -> None:
        today = self.today
        self.run_job(
            lambda ctx: self.DetailLoaded(register_service.get_finding(ctx, code, today=today)),
            "register.detail",
            exclusive=True,
        )

    def write(self, job: Job) -> None:
        """Run a write; its ``Written`` message is shown and the board read again."""
        self.query_one("#rg-status", Static).update(t("tui.register.working"))
        self.run_job(job, "register.write")

    # -- showing -----------------------------------------------------------------------------------------

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        data = self.data = message.data
        self.query_one(FilterBar).set_choices(data.flt, data.years, data.units, data.categories)
        sentence = t("tui.register.sentence", scope=scope_text(data.flt), sentence=data.stats.sentence)
        if data.stats.repeats:
            sentence += t("tui.register.repeats", count=data.stats.repeats)
        self.query_one("#rg-sentence", Static).update(sentence)
        self.query_one("#rg-counts", Static).update(counts_text(data))
        self.query_one(FindingsTable).show(data.shown, self.focus_code)
        self.focus_code = None
        status = self.query_one("#rg-status", Static)
        if self.last_note is not None:
            status.update(self.last_note)
            self.last_note = None
        elif not data.shown:
            status.update(t("tui.register.empty" if not data.items else "tui.register.none_with_status"))
        else:
            status.update(t("tui.register.status", shown=len(data.shown), total=len(data.items)))
        self.follow(force=True)

    def follow(self, force: bool = False) -> None:
        """Show the detail of the finding under the cursor (read again when ``force``)."""
        code = self.query_one(FindingsTable).current()
        if code is None:
            self.detail = None
            self.query_one(FindingDetailView).show(None)
        elif force or self.detail is None or self.detail.item.code != code:
            self.load_detail(code)

    @on(DataTable.RowHighlighted, "#rg-table")
    def _highlighted(self) -> None:
        self.follow()

    @on(DetailLoaded)
    def _detail_loaded(self, message: DetailLoaded) -> None:
        if message.detail.item.code != self.query_one(FindingsTable).current():
            return  # the cursor moved on meanwhile
        self.detail = message.detail
        self.query_one(FindingDetailView).show(message.detail)

    @on(FilterBar.Changed)
    def _filtered(self, event: FilterBar.Changed) -> None:
        if event.flt != self.flt:
            self.flt = event.flt
            self.load()

    @on(Written)
    def _written(self, message: Written) -> None:
        self.notify(message.note, title=t("tui.register.title"))
        self.last_note = message.note
        self.focus_code = message.focus or self.query_one(FindingsTable).current()
        self.load()

    def current(self) -> str | None:
        """The finding under the cursor; a warning when there is none."""
        code = self.query_one(FindingsTable).current()
        if code is None:
            self.notify(t("tui.register.no_selection"), severity="warning")
        return code

    # -- filters and view --------------------------------------------------------------------------------

    def action_toggle_overdue(self) -> None:
        self.query_one(FilterBar).toggle_overdue()

    def action_focus_filters(self) -> None:
        self.query_one("#rg-filter-year", Select).focus()

    def action_clear_filters(self) -> None:
        self.query_one(FilterBar).clear_all()

    def action_refresh(self) -> None:
        self.load()

    @on(DataTable.RowSelected, "#rg-table")
    def action_detail(self) -> None:
        """The detail full screen, or back to the table."""
        if self.maximized is not None:
            self.minimize()
            self.query_one(FindingsTable).focus()
        else:
            box = self.query_one(FindingDetailView)
            self.maximize(box, container=False)
            box.focus()

    def action_back(self) -> None:
        if self.maximized is not None:
            self.action_detail()
        else:
            self.dismiss(None)

"""Ledger browser: one page of a unit's entries for a year, filtered, with totals over every match."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Static
from textual.worker import get_current_worker

from auditdesk.core.money import format_thousands
from auditdesk.i18n import t
from auditdesk.services import ledger as ledger_service
from auditdesk.services.ledger import LedgerFilter, LedgerPage
from auditdesk.tui.messages import LedgerPageLoaded
from auditdesk.tui.screens.base import BaseScreen
from auditdesk.tui.widgets.ledger.filter_bar import FilterBar
from auditdesk.tui.widgets.ledger.ledger_table import LedgerTable

PAGE_SIZE = 100


class LedgerScreen(BaseScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "tui.key.back", id="ledger.back", tooltip="tui.tip.back_home"),
        Binding(
            "pagedown",
            "next_page",
            "tui.key.next_page",
            id="ledger.next_page",
            tooltip="tui.tip.next_page",
            key_display="PgDn",
            priority=True,
        ),
        Binding(
            "pageup",
            "prev_page",
            "tui.key.prev_page",
            id="ledger.prev_page",
            tooltip="tui.tip.prev_page",
            key_display="PgUp",
            priority=True,
        ),
        Binding(
            "n",
            "next_page",
            "tui.key.next_page",
            id="ledger.next_page_n",
            tooltip="tui.tip.next_page",
            show=False,
        ),
        Binding(
            "p",
            "prev_page",
            "tui.key.prev_page",
            id="ledger.prev_page_p",
            tooltip="tui.tip.prev_page",
            show=False,
        ),
        Binding(
            "ctrl+home",
            "first_page",
            "tui.key.first_page",
            id="ledger.first_page",
            tooltip="tui.tip.first_page",
            show=False,
            priority=True,
        ),
        Binding(
            "ctrl+end",
            "last_page",
            "tui.key.last_page",
            id="ledger.last_page",
            tooltip="tui.tip.last_page",
            show=False,
            priority=True,
        ),
        Binding(
            "x", "quarantine", "tui.key.quarantine", id="ledger.quarantine", tooltip="tui.tip.quarantine"
        ),
        Binding("slash", "focus_filter", "tui.key.filter", id="ledger.filter", tooltip="tui.tip.filter"),
        Binding(
            "ctrl+l",
            "clear_filter",
            "tui.key.clear_filter",
            id="ledger.clear_filter",
            tooltip="tui.tip.clear_filter",
        ),
    ]

    def __init__(self, unit: str, year: int, page_size: int = PAGE_SIZE) -> None:
        super().__init__(id="ledger")
        self.unit = unit
        self.year = year
        self.page_size = page_size
        self.flt = LedgerFilter(unit=unit, year=year)
        self.page: LedgerPage | None = None
        self.started = time.perf_counter()
        self.requested = self.started
        self.first_paint: float | None = None  # seconds from construction to the first page shown
        self.last_paint: float | None = None  # seconds from the last page request to its rows shown

    def compose(self) -> ComposeResult:
        yield Header()
        yield FilterBar(self.year, id="ledger-filters")
        yield LedgerTable(id="ledger-table")
        yield Static(t("tui.ledger.loading"), id="ledger-status", classes="status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("tui.app.title")
        self.sub_title = t("tui.ledger.title", unit=self.unit, year=self.year)
        self.query_one(LedgerTable).focus()
        self.request_page(self.flt, 0)

    # -- loading -----------------------------------------------------------------------------------------

    def request_page(self, flt: LedgerFilter, offset: int, cursor_at_end: bool = False) -> None:
        self.requested = time.perf_counter()
        self.load_page(flt, offset, cursor_at_end)

    @work(thread=True, exclusive=True, exit_on_error=False, group="ledger.page")
    def load_page(self, flt: LedgerFilter, offset: int, cursor_at_end: bool = False) -> None:
        page = ledger_service.query_ledger(self.ctx, flt, offset=offset, limit=self.page_size)
        if not get_current_worker().is_cancelled:
            self.post_message(LedgerPageLoaded(page, cursor_at_end))

    @on(LedgerPageLoaded)
    def _page_loaded(self, message: LedgerPageLoaded) -> None:
        self.page = message.page
        self.query_one(LedgerTable).show(message.page.rows, message.cursor_at_end)
        self.query_one("#ledger-status", Static).update(self.status_text(message.page))
        self.call_after_refresh(self._painted)

    def _painted(self) -> None:
        now = time.perf_counter()
        self.last_paint = now - self.requested
        if self.first_paint is None:
            self.first_paint = now - self.started
            self.log.info(f"ledger first paint {self.first_paint:.3f}s")

    @property
    def pages(self) -> int:
        total = self.page.total if self.page else 0
        return max(1, -(-total // self.page_size))

    @property
    def page_number(self) -> int:
        return (self.page.offset // self.page_size + 1) if self.page else 1

    def status_text(self, page: LedgerPage) -> Text:
        if page.total == 0:
            return Text(t("tui.ledger.empty"), style="yellow")
        return Text(
            t(
                "tui.ledger.status",
                page=f"{page.offset // self.page_size + 1:,}",
                pages=f"{max(1, -(-page.total // self.page_size)):,}",
                total=f"{page.total:,}",
                debit=format_thousands(page.debit_total),
                credit=format_thousands(page.credit_total),
            )
        )

    def _go(self, offset: int, cursor_at_end: bool = False) -> None:
        if self.page is None:
            return
        last = (self.pages - 1) * self.page_size
        offset = max(0, min(offset, last))
        if offset == self.page.offset:
            return
        self.request_page(self.flt, offset, cursor_at_end)

    # -- actions -----------------------------------------------------------------------------------------

    def action_next_page(self) -> None:
        if self.page is not None:
            self._go(self.page.offset + self.page_size)

    def action_prev_page(self) -> None:
        if self.page is not None:
            self._go(self.page.offset - self.page_size)

    def action_first_page(self) -> None:
        self._go(0)

    def action_last_page(self) -> None:
        self._go((self.pages - 1) * self.page_size)

    @on(LedgerTable.EdgeReached)
    def _edge(self, event: LedgerTable.EdgeReached) -> None:
        if self.page is None:
            return
        if event.forward:
            self._go(self.page.offset + self.page_size)
        else:
            self._go(self.page.offset - self.page_size, cursor_at_end=True)

    def action_focus_filter(self) -> None:
        self.query_one("#filter-account").focus()

    def action_clear_filter(self) -> None:
        self.query_one(FilterBar).clear_all()
        self.apply_filter(LedgerFilter(unit=self.unit, year=self.year))

    @on(FilterBar.Applied)
    def _filter_applied(self, event: FilterBar.Applied) -> None:
        v = event.values
        self.apply_filter(
            replace(self.flt, account=v.account, date_from=v.date_from, date_to=v.date_to, text=v.text)
        )
        self.query_one(LedgerTable).focus()

    def apply_filter(self, flt: LedgerFilter) -> None:
        self.flt = flt
        self.request_page(flt, 0)

    def action_quarantine(self) -> None:
        from auditdesk.tui.screens.quarantine import QuarantineScreen

        self.app.push_screen(QuarantineScreen(self.unit, self.year))

    def action_back(self) -> None:
        self.dismiss(None)

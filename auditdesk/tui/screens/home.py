"""Home: the units and their imported fiscal years."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from auditdesk.i18n import t
from auditdesk.services import ledger as ledger_service
from auditdesk.services import units as unit_service
from auditdesk.tui.messages import UnitSaved, UnitsLoaded
from auditdesk.tui.screens.base import BaseScreen
from auditdesk.tui.screens.unit_form import UnitForm, UnitFormModal
from auditdesk.tui.widgets.home.units_table import UnitsTable, unit_rows


class HomeScreen(BaseScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i", "import", "tui.key.import", id="home.import", tooltip="tui.tip.import"),
        Binding("u", "import_roster", "tui.roster.key", id="home.import_roster", tooltip="tui.roster.tip"),
        Binding("a", "add_unit", "tui.key.add_unit", id="home.add_unit", tooltip="tui.tip.add_unit"),
        Binding("e", "edit_unit", "tui.key.edit_unit", id="home.edit_unit", tooltip="tui.tip.edit_unit"),
        Binding("p", "plan", "tui.plan.key", id="home.plan", tooltip="tui.plan.tip"),
        Binding(
            "g", "engagements", "tui.engagement.key", id="home.engagements", tooltip="tui.engagement.tip"
        ),
        Binding("s", "standards", "tui.standards.key", id="home.standards", tooltip="tui.standards.tip"),
        Binding("t", "register", "tui.register.open", id="home.register", tooltip="tui.register.open_tip"),
        Binding("r", "refresh", "tui.key.refresh", id="home.refresh", tooltip="tui.tip.refresh"),
        Binding("q", "app.quit", "tui.key.quit", id="home.quit", tooltip="tui.tip.quit"),
    ]

    def __init__(self) -> None:
        super().__init__(id="home")
        self.focus_after_load: tuple[str, int | None] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("tui.home.heading"), id="home-heading", classes="heading")
        yield UnitsTable(id="units")
        yield Static("", id="home-status", classes="status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("tui.app.title")
        self.sub_title = t("tui.home.subtitle", db=self.ctx.url)
        self.query_one(UnitsTable).focus()
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="home.load")
    def load(self) -> None:
        units = unit_service.list_units(self.ctx)
        imports = ledger_service.list_imports(self.ctx)
        self.post_message(UnitsLoaded(units, imports))

    def refresh_units(self, focus: tuple[str, int | None] | None = None) -> None:
        """Reload the table, then put the cursor on ``focus`` (unit name, year)."""
        self.focus_after_load = focus
        self.load()

    @on(UnitsLoaded)
    def _units_loaded(self, message: UnitsLoaded) -> None:
        table = self.query_one(UnitsTable)
        table.show(unit_rows(message.units, message.imports))
        if self.focus_after_load is not None:
            table.select(*self.focus_after_load)
            self.focus_after_load = None
        status = self.query_one("#home-status", Static)
        if message.units:
            status.update(t("tui.home.status", units=len(message.units)))
        else:
            status.update(t("tui.home.empty"))

    @on(DataTable.RowSelected, "#units")
    def _row_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        from auditdesk.tui.screens.ledger import LedgerScreen

        row = self.query_one(UnitsTable).current()
        if row is None:
            return
        if row.year is None:
            self.notify(t("tui.home.no_ledger", unit=row.unit.name), severity="warning")
            return
        self.app.push_screen(LedgerScreen(row.unit.name, row.year))

    def action_import(self) -> None:
        from auditdesk.tui.screens.imports import ImportScreen

        row = self.query_one(UnitsTable).current()
        unit = row.unit.name if row is not None else None

        def done(result: tuple[str, int] | None) -> None:
            if result is not None:
                self.refresh_units(focus=result)

        self.app.push_screen(ImportScreen(unit=unit), done)

    def action_import_roster(self) -> None:
        from auditdesk.services.roster import RosterReport
        from auditdesk.tui.screens.roster import RosterModal

        def done(report: RosterReport | None) -> None:
            if report is None:
                return
            self.notify(
                t("tui.roster.done", created=len(report.created), updated=len(report.updated)),
                title=t("tui.roster.title"),
            )
            first = report.created[0] if report.created else None
            self.refresh_units(focus=(first, None) if first else None)

        self.app.push_screen(RosterModal(), done)

    def action_refresh(self) -> None:
        self.refresh_units()

    def action_plan(self) -> None:
        from auditdesk.tui.screens.plan import PlanScreen

        self.app.push_screen(PlanScreen())

    def action_standards(self) -> None:
        from auditdesk.tui.screens.standards import StandardsScreen

        self.app.push_screen(StandardsScreen())

    def action_engagements(self) -> None:
        from auditdesk.tui.screens.engagements import EngagementsScreen

        self.app.push_screen(EngagementsScreen())

    def action_register(self) -> None:
        from auditdesk.tui.screens.register import RegisterScreen

        self.app.push_screen(RegisterScreen())

    def action_add_unit(self) -> None:
        def done(form: UnitForm | None) -> None:
            if form is not None:
                self.save_unit(form, None)

        self.app.push_screen(UnitFormModal(), done)

    def action_edit_unit(self) -> None:
        row = self.query_one(UnitsTable).current()
        if row is None:
            return
        original = row.unit.name

        def done(form: UnitForm | None) -> None:
            if form is not None:
                self.save_unit(form, original)

        self.app.push_screen(UnitFormModal(row.unit), done)

    @work(thread=True, exclusive=True, exit_on_error=False, group="home.save")
    def save_unit(self, form: UnitForm, original: str | None) -> None:
        if original is None:
            unit = unit_service.add_unit(
                self.ctx,
                form.name,
                code=form.code,
                members=form.members,
                employees=form.employees,
                payroll=form.payroll,
                chair=form.chair,
                contact=form.contact,
                last_audit_year=form.last_audit_year,
            )
        else:
            unit = unit_service.edit_unit(
                self.ctx,
                original,
                new_name=form.name if form.name != original else None,
                code=form.code,
                members=form.members,
                employees=form.employees,
                payroll=form.payroll,
                chair=form.chair,
                contact=form.contact,
                last_audit_year=form.last_audit_year,
            )
        self.post_message(UnitSaved(unit, added=original is None))

    @on(UnitSaved)
    def _unit_saved(self, message: UnitSaved) -> None:
        key = "tui.home.unit_added" if message.added else "tui.home.unit_saved"
        self.notify(t(key, unit=message.unit.name))
        self.refresh_units(focus=(message.unit.name, None))

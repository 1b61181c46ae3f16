"""Import: pick a file, choose the unit and year, preview what will be read, then confirm."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, DirectoryTree, Footer, Header, Input, Label, Select, Static
from textual.worker import Worker, WorkerState, get_current_worker

from auditdesk.core.errors import AuditdeskError
from auditdesk.i18n import t
from auditdesk.services import imports as import_service
from auditdesk.services import units as unit_service
from auditdesk.tui.messages import ImportFinished, PreviewReady, UnitsLoaded
from auditdesk.tui.screens.base import BaseScreen
from auditdesk.tui.widgets.imports.file_picker import LedgerDirectoryTree, PathSuggester
from auditdesk.tui.widgets.imports.preview import ImportPreview

_RUN_GROUP = "import-run"  # the worker group of the preview and the import

class ImportScreen(BaseScreen[tuple[str, int] | None]):
    """Dismissed with (unit, year) after a successful import, ``None`` when left."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "tui.key.back", id="import.back", tooltip="tui.tip.back_home"),
        Binding("ctrl+r", "preview", "tui.key.preview", id="import.preview", tooltip="tui.tip.preview"),
        Binding("ctrl+s", "run_import", "tui.key.run_import", id="import.run", tooltip="tui.tip.run_import"),
    ]

    def __init__(
        self, unit: str | None = None, path: Path | None = None, start_dir: Path | None = None
    ) -> None:
        super().__init__(id="import")
        self.initial_unit = unit
        self.initial_path = path
        self.start_dir = start_dir
        self.previewed: tuple[str, str, int] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="import-main"):
            with Vertical(id="import-files"):
                yield Label(t("tui.import.tree_title"), classes="section-title")
                yield LedgerDirectoryTree(self.start_dir or self.desk.start_dir, id="import-tree")
            with Vertical(id="import-form"):
                yield Label(t("tui.import.path"), classes="form-label")
                yield Input(
                    value=str(self.initial_path or ""),
                    placeholder=t("tui.import.path_placeholder"),
                    suggester=PathSuggester(),
                    id="import-path",
                    tooltip=t("tui.tip.path"),
                )
                with Horizontal(classes="form-row"):
                    yield Label(t("tui.import.unit"), classes="form-label")
                    yield Select[str]([], prompt=t("tui.import.unit_prompt"), id="import-unit")
                    yield Label(t("tui.import.year"), classes="form-label")
                    yield Input(str(dt.date.today().year - 1), type="integer", max_length=4, id="import-year")
                with Horizontal(classes="form-row"):
                    yield Checkbox(
                        t("tui.import.quarantine"), id="import-quarantine", tooltip=t("tui.tip.quarantine")
                    )
                    yield Checkbox(t("tui.import.force"), id="import-force", tooltip=t("tui.tip.force"))
                with Horizontal(classes="form-row buttons"):
                    yield Button(t("tui.button.preview"), id="import-preview", variant="primary")
                    yield Button(t("tui.button.import"), id="import-run", variant="success", disabled=True)
                    yield Button(t("tui.button.back"), id="import-back")
                yield Static(t("tui.import.hint"), id="import-state", classes="status")
                yield ImportPreview(id="import-preview-pane")
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("tui.app.title")
        self.sub_title = t("tui.import.title")
        self.query_one("#import-path", Input).focus()
        self.load_units()

    # -- units -------------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="import.units")
    def load_units(self) -> None:
        self.post_message(UnitsLoaded(unit_service.list_units(self.ctx), []))

    @on(UnitsLoaded)
    def _units_loaded(self, message: UnitsLoaded) -> None:
        select = self.query_one("#import-unit", Select)
        select.set_options([(u.name, u.name) for u in message.units])
        names = {u.name for u in message.units}
        if self.initial_unit in names:
            select.value = self.initial_unit
        if not message.units:
            self._state(t("tui.import.no_units"), "warning")

    # -- the form ----------------------------------------------------------------------------------------

    def _state(self, text: str, kind: str = "") -> None:
        state = self.query_one("#import-state", Static)
        state.update(text)
        state.set_classes(f"status {kind}".strip())

    def _form(self) -> tuple[Path, str, int]:
        """The path, unit and year typed in, or an ``AuditdeskError`` saying what is missing."""
        raw_path = self.query_one("#import-path", Input).value.strip()
        if not raw_path:
            raise AuditdeskError("tui.import.need_path")
        path = Path(raw_path).expanduser()
        if not path.is_file():
            raise AuditdeskError("tui.import.no_file", path=raw_path)
        unit = self.query_one("#import-unit", Select).value
        if not isinstance(unit, str):
            raise AuditdeskError("tui.import.need_unit")
        raw_year = self.query_one("#import-year", Input).value.strip()
        if not (raw_year.isdigit() and len(raw_year) == 4):
            raise AuditdeskError("tui.import.bad_year", year=raw_year)
        return path, unit, int(raw_year)

    def _checked_form(self) -> tuple[Path, str, int] | None:
        try:
            return self._form()
        except AuditdeskError as err:
            message = t(err.key, **err.params)
            self._state(message, "error")
            self.notify(message, severity="warning")
            return None

    @on(DirectoryTree.FileSelected, "#import-tree")
    def _file_selected(self, event: DirectoryTree.FileSelected) -> None:
        self.query_one("#import-path", Input).value = str(event.path)

    @on(Input.Changed, "#import-path")
    @on(Input.Changed, "#import-year")
    @on(Select.Changed, "#import-unit")
    def _form_changed(self) -> None:
        """A preview belongs to one file, unit and year: changing any of them asks for a new one."""
        if self.previewed is not None:
            self.previewed = None
            self.query_one("#import-run", Button).disabled = True
            self.query_one(ImportPreview).clear()
            self._state(t("tui.import.hint"))

    @on(Input.Submitted, "#import-path")
    @on(Input.Submitted, "#import-year")
    @on(Button.Pressed, "#import-preview")
    def action_preview(self) -> None:
        form = self._checked_form()
        if form is not None:
            self._state(t("tui.import.previewing", file=form[0].name))
            self.run_preview(*form, force=self.query_one("#import-force", Checkbox).value)

    @on(Button.Pressed, "#import-run")
    def action_run_import(self) -> None:
        form = self._checked_form()
        if form is None:
            return
        path, unit, year = form
        if self.previewed != (str(path), unit, year):
            self.notify(t("tui.import.preview_first"), severity="warning")
            return
        quarantine = self.query_one("#import-quarantine", Checkbox).value
        force = self.query_one("#import-force", Checkbox).value
        self._state(t("tui.import.importing", file=path.name))
        self.run_import(path, unit, year, quarantine, force)

    @on(Button.Pressed, "#import-back")
    def action_back(self) -> None:
        self.dismiss(None)

    # -- workers -----------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group=_RUN_GROUP)
    def run_preview(self, path: Path, unit: str, year: int, force: bool) -> None:
        # With "replace" ticked the preview must accept a file imported before, as the import will.
        report = import_service.preview_import(self.ctx, path, unit, year, force=force)
        if not get_current_worker().is_cancelled:
            self.post_message(PreviewReady(report, (str(path), unit, year)))

    @work(thread=True, exclusive=True, exit_on_error=False, group=_RUN_GROUP)
    def run_import(self, path: Path, unit: str, year: int, quarantine: bool, force: bool) -> None:
        report = import_service.import_ledger(self.ctx, path, unit, year, quarantine=quarantine, force=force)
        self.post_message(ImportFinished(report))

    def worker_state_changed(self, worker: Worker[Any], state: WorkerState) -> None:
        if worker.group != _RUN_GROUP:
            return
        busy = state in (WorkerState.PENDING, WorkerState.RUNNING)
        self.query_one("#import-preview", Button).disabled = busy
        if busy:
            self.query_one("#import-run", Button).disabled = True
        else:
            self.query_one("#import-run", Button).disabled = self.previewed is None
        if state is WorkerState.ERROR:
            self._state(t("tui.import.failed"), "error")

    @on(PreviewReady)
    def _preview_ready(self, message: PreviewReady) -> None:
        report = message.report
        try:
            path, unit, year = self._form()
        except AuditdeskError:
            return
        if (str(path), unit, year) != message.form:
            return  # the form changed while the preview ran
        self.previewed = message.form
        self.query_one("#import-run", Button).disabled = self.previewed is None
        self.query_one(ImportPreview).show(report, preview=True)
        if report.errors:
            key = "tui.import.preview_problems"
            self._state(t(key, count=len(report.errors), entries=report.entries), "warning")
        else:
            self._state(t("tui.import.preview_ok", entries=report.entries), "ok")

    @on(ImportFinished)
    def _import_finished(self, message: ImportFinished) -> None:
        report = message.report
        if report.status == "imported":
            text = t(
                "tui.import.done",
                entries=f"{report.entries:,}",
                unit=report.unit,
                year=report.year,
                quarantined=report.quarantined,
            )
            self.notify(text, title=t("tui.import.title"))
            self.dismiss((report.unit, report.year))
            return
        self.previewed = None
        self.query_one("#import-run", Button).disabled = True
        self.query_one(ImportPreview).show(report, preview=False)
        text = t("tui.import.rejected", count=len(report.errors))
        self._state(text, "error")
        self.notify(text, severity="error", title=t("tui.import.title"))

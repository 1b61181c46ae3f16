"""Roster import (key ``u`` on the home screen): type a path, preview (a dry run), then import."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Input, Label, Static
from textual.worker import Worker, WorkerState, get_current_worker

from auditdesk.core.errors import AuditdeskError
from auditdesk.i18n import t
from auditdesk.services import roster as roster_service
from auditdesk.services.imports import render_problem
from auditdesk.tui.screens.base import BaseModal
from auditdesk.tui.widgets.imports.file_picker import PathSuggester

if TYPE_CHECKING:
    from auditdesk.tui.app import AuditdeskApp

STYLES = Path(__file__).parent.parent / "styles"
_RUN_GROUP = "roster-run"  # the worker group of the preview and the import


class RosterModal(BaseModal[roster_service.RosterReport | None]):
    """Dismissed with the report of a finished import, ``None`` when cancelled."""

    CSS_PATH = STYLES / "roster.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "tui.key.cancel", id="roster.cancel", tooltip="tui.tip.cancel"),
        Binding("ctrl+r", "preview", "tui.key.preview", id="roster.preview", tooltip="tui.tip.preview"),
        Binding("ctrl+s", "run_import", "tui.key.run_import", id="roster.run", tooltip="tui.tip.run_import"),
    ]

    @dataclass
    class PreviewReady(Message):
        """A dry run finished for ``path``."""

        report: roster_service.RosterReport
        path: str

    @dataclass
    class Finished(Message):
        """The import ran: imported, or rejected with its problems."""

        report: roster_service.RosterReport

    def __init__(self, path: Path | None = None) -> None:
        super().__init__(classes="modal")
        self.initial_path = path
        self.previewed: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="roster-dialog", classes="dialog"):
            yield Label(t("tui.roster.title"), classes="dialog-title")
            yield Label(t("tui.roster.path"), classes="form-label")
            yield Input(
                value=str(self.initial_path or ""),
                placeholder=t("tui.roster.path_placeholder"),
                suggester=PathSuggester(),
                id="roster-path",
                tooltip=t("tui.tip.path"),
            )
            yield Static(t("tui.roster.hint"), id="roster-state", classes="status", markup=False)
            with VerticalScroll(id="roster-details"):
                yield Static("", id="roster-lines", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("tui.button.preview"), id="roster-preview", variant="primary")
                yield Button(t("tui.button.import"), id="roster-run", variant="success", disabled=True)
                yield Button(t("tui.button.cancel"), id="roster-cancel")

    @property
    def desk(self) -> AuditdeskApp:
        return cast("AuditdeskApp", self.app)

    def on_mount(self) -> None:
        self.query_one("#roster-path", Input).focus()

    # -- the form ----------------------------------------------------------------------------------------

    def _state(self, text: str, kind: str = "") -> None:
        state = self.query_one("#roster-state", Static)
        state.update(text)
        state.set_classes(f"status {kind}".strip())

    def _path(self) -> Path | None:
        raw = self.query_one("#roster-path", Input).value.strip()
        try:
            if not raw:
                raise AuditdeskError("tui.roster.need_path")
            path = Path(raw).expanduser()
            if not path.is_file():
                raise AuditdeskError("tui.roster.no_file", path=raw)
        except AuditdeskError as err:
            message = t(err.key, **err.params)
            self._state(message, "error")
            self.notify(message, severity="warning")
            return None
        return path

    @on(Input.Changed, "#roster-path")
    def _path_changed(self) -> None:
        """A preview belongs to one file: another path asks for a new one."""
        if self.previewed is not None:
            self.previewed = None
            self.query_one("#roster-run", Button).disabled = True
            self.query_one("#roster-lines", Static).update("")
            self._state(t("tui.roster.hint"))

    @on(Input.Submitted, "#roster-path")
    @on(Button.Pressed, "#roster-preview")
    def action_preview(self) -> None:
        path = self._path()
        if path is not None:
            self._state(t("tui.roster.previewing", file=path.name))
            self.run_preview(path)

    @on(Button.Pressed, "#roster-run")
    def action_run_import(self) -> None:
        path = self._path()
        if path is None:
            return
        if self.previewed != str(path):
            self.notify(t("tui.roster.preview_first"), severity="warning")
            return
        self._state(t("tui.roster.importing", file=path.name))
        self.run_import(path)

    @on(Button.Pressed, "#roster-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    # -- workers -----------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group=_RUN_GROUP)
    def run_preview(self, path: Path) -> None:
        report = roster_service.import_roster(self.desk.ctx, path, dry_run=True)
        if not get_current_worker().is_cancelled:
            self.post_message(self.PreviewReady(report, str(path)))

    @work(thread=True, exclusive=True, exit_on_error=False, group=_RUN_GROUP)
    def run_import(self, path: Path) -> None:
        report = roster_service.import_roster(self.desk.ctx, path)
        self.post_message(self.Finished(report))

    @on(Worker.StateChanged)
    def _worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != _RUN_GROUP:
            return
        busy = event.state in (WorkerState.PENDING, WorkerState.RUNNING)
        self.query_one("#roster-preview", Button).disabled = busy
        self.query_one("#roster-run", Button).disabled = busy or self.previewed is None
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            self._state(t("tui.roster.failed"), "error")
            self.desk.show_error(event.worker.error)

    # -- results -----------------------------------------------------------------------------------------

    def _show(self, report: roster_service.RosterReport) -> None:
        lines = [render_problem(p) for p in report.errors]
        if report.created:
            lines.append(t("tui.roster.created", names="、".join(report.created)))
        for u in report.updated:
            lines.append(t("tui.roster.updated", name=u.name, changes=roster_service.render_update(u)))
        self.query_one("#roster-lines", Static).update("\n".join(lines))

    @on(PreviewReady)
    def _preview_ready(self, message: PreviewReady) -> None:
        current = self.query_one("#roster-path", Input).value.strip()
        if str(Path(current).expanduser()) != message.path:
            return  # the path changed while the preview ran
        report = message.report
        self._show(report)
        if report.errors:
            self.previewed = None
            self._state(t("tui.roster.preview_problems", count=len(report.errors)), "warning")
        else:
            self.previewed = message.path
            self._state(
                t("tui.roster.preview_ok", created=len(report.created), updated=len(report.updated),
                  unchanged=len(report.unchanged)),
                "ok",
            )
        self.query_one("#roster-run", Button).disabled = self.previewed is None

    @on(Finished)
    def _finished(self, message: Finished) -> None:
        report = message.report
        if report.status == "imported":
            self.dismiss(report)
            return
        self.previewed = None
        self.query_one("#roster-run", Button).disabled = True
        self._show(report)
        text = t("tui.roster.rejected", count=len(report.errors))
        self._state(text, "error")
        self.notify(text, severity="error", title=t("tui.roster.title"))

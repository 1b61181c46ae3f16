"""The base of every auditdesk screen: translated bindings and the one worker-failure handler."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from textual import on
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import TabbedContent
from textual.worker import Worker, WorkerState

from auditdesk.tui.localize import localize_bindings

if TYPE_CHECKING:
    from auditdesk.services.context import Context
    from auditdesk.tui.app import AuditdeskApp

ResultType = TypeVar("ResultType")


def area_key(area: str, key: str, action: str, name: str, **options: Any) -> Binding:
    """A binding of screen area ``area`` (``fieldwork``, ``report`` …): its description and tooltip are
    the catalogue keys ``tui.<area>.key.<name>`` and ``tui.<area>.tip.<name>`` (``localize_bindings``
    translates them), its id ``<area>.<name>``."""
    description, tooltip = f"tui.{area}.key.{name}", f"tui.{area}.tip.{name}"
    return Binding(key, action, description, id=f"{area}.{name}", tooltip=tooltip, **options)


class BaseScreen(Screen[ResultType]):
    """Screens run services in thread workers that post messages back; failures land here."""

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        localize_bindings(self)

    @property
    def desk(self) -> AuditdeskApp:
        return cast("AuditdeskApp", self.app)

    @property
    def ctx(self) -> Context:
        return self.desk.ctx

    @on(Worker.StateChanged)
    def _worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place a worker's failure is shown: an error modal with the catalogue's text."""
        self.worker_state_changed(event.worker, event.state)
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            self.desk.show_error(event.worker.error)

    def worker_state_changed(self, worker: Worker[Any], state: WorkerState) -> None:
        """Hook for screens that show a busy state while a worker runs."""


class BaseModal(ModalScreen[ResultType]):
    """A modal with translated bindings."""

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        localize_bindings(self)


class TabbedScreen(BaseScreen[ResultType]):
    """A screen of tabs whose keys belong to one tab each: ``ACTION_TAB`` maps an action to its tab's
    id (without ``TAB_PREFIX``); such a key is active, and shown, only while its tab is."""

    ACTION_TAB: ClassVar[dict[str, str]] = {}
    TAB_PREFIX: ClassVar[str] = ""

    @property
    def active_tab(self) -> str:
        return self.query_one(TabbedContent).active.removeprefix(self.TAB_PREFIX)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        tab = self.ACTION_TAB.get(action)
        return tab is None or (self.is_mounted and tab == self.active_tab)

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()

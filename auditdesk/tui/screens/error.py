"""The error modal: one plain sentence from the catalogue, never a traceback."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static

from auditdesk.core.errors import AuditdeskError
from auditdesk.i18n import has, t
from auditdesk.tui.screens.base import BaseModal


def error_text(error: BaseException) -> str:
    """The user-facing sentence for ``error``."""
    if isinstance(error, AuditdeskError):
        if has(error.key):
            try:
                return t(error.key, **error.params)
            except KeyError:
                pass
        return t("tui.error.unknown_key", code=error.key)
    return t("tui.error.unexpected", kind=type(error).__name__, error=str(error))


class ErrorModal(BaseModal[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "close", "tui.key.close", id="error.close", tooltip="tui.tip.close"),
    ]

    def __init__(self, message: str, title: str | None = None) -> None:
        super().__init__(classes="modal")
        self.message = message
        self.heading = title or t("tui.error.title")

    def compose(self) -> ComposeResult:
        with Vertical(id="error-dialog", classes="dialog"):
            yield Label(self.heading, id="error-title", classes="dialog-title")
            yield Static(self.message, id="error-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("tui.button.ok"), id="error-ok", variant="error")

    def on_mount(self) -> None:
        self.query_one("#error-ok", Button).focus()

    @on(Button.Pressed, "#error-ok")
    def action_close(self) -> None:
        self.dismiss(None)

"""Dialogs of the report screen: confirm the audit opinion letter (it issues the findings, starts the
rectification clock and moves the engagement to 整改), and the reason of a unit that disagrees with a
finding (required: an empty reason is refused in the dialog)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from auditdesk.core.errors import AuditdeskError
from auditdesk.i18n import t
from auditdesk.services.register_views import RegisterItem
from auditdesk.tui.screens.base import BaseModal

STYLES = Path(__file__).parent.parent / "styles"
R = TypeVar("R")


class ReportModal(BaseModal[R]):
    """``ctrl+s`` (or OK, or Enter in the field) accepts, Escape cancels; a refusal shows in the dialog."""

    CSS_PATH = STYLES / "report.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "tui.key.cancel", id="report_modal.cancel", tooltip="tui.tip.cancel"),
        Binding("ctrl+s", "accept", "tui.report.key.accept", id="report_modal.accept",
                tooltip="tui.report.tip.accept"),
    ]

    def __init__(self, heading: str, summary: str, ok: str | None = None) -> None:
        super().__init__(classes="modal")
        self.heading = heading
        self.summary = summary
        self.ok = ok or t("tui.button.ok")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog rp-dialog"):
            yield Label(self.heading, classes="dialog-title")
            yield Static(self.summary, classes="rp-dialog-summary", markup=False)
            yield from self.fields()
            yield Static("", classes="form-error rp-dialog-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.ok, id="rp-dialog-ok", variant="primary")
                yield Button(t("tui.button.cancel"), id="rp-dialog-cancel")

    def fields(self) -> ComposeResult:
        yield from ()

    def result(self) -> R:
        raise NotImplementedError

    def refused(self) -> R:
        raise NotImplementedError

    @on(Button.Pressed, "#rp-dialog-ok")
    @on(Input.Submitted)
    def action_accept(self) -> None:
        try:
            outcome = self.result()
        except AuditdeskError as err:
            self.query_one(".rp-dialog-error", Static).update(t(err.key, **err.params))
            return
        self.dismiss(outcome)

    @on(Button.Pressed, "#rp-dialog-cancel")
    def action_cancel(self) -> None:
        self.dismiss(self.refused())


class OpinionModal(ReportModal[bool]):
    """Issue the opinion letter? ``True`` to go ahead; the OK button has the focus (Enter issues)."""

    def __init__(self, reference: str, drafts: int) -> None:
        super().__init__(
            t("tui.report.opinion.title"),
            t("tui.report.opinion.body", reference=reference, count=drafts),
            ok=t("tui.report.opinion.ok"),
        )

    def on_mount(self) -> None:
        self.query_one("#rp-dialog-ok", Button).focus()

    def result(self) -> bool:
        return True

    def refused(self) -> bool:
        return False


class ReasonModal(ReportModal[str | None]):
    """The unit disagrees with ``finding``: why (required)."""

    def __init__(self, finding: RegisterItem) -> None:
        super().__init__(t("tui.report.reason.title", code=finding.code), finding.title)

    def fields(self) -> ComposeResult:
        yield Horizontal(
            Label(t("tui.report.reason.label"), classes="form-label"),
            Input(placeholder=t("tui.report.reason.placeholder"), id="rp-reason"),
            classes="form-row",
        )

    def on_mount(self) -> None:
        self.query_one("#rp-reason", Input).focus()

    def result(self) -> str | None:
        reason = " ".join(self.query_one("#rp-reason", Input).value.split())
        if not reason:
            raise AuditdeskError("tui.report.reason.required")
        return reason

    def refused(self) -> str | None:
        return None

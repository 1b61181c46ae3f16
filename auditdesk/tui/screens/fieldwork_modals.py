"""Dialogs of the fieldwork screen: confirm a suspicion, dismiss it (a reason is required), and
record a failed sample item (a note is required; it may be raised as a suspicion)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from auditdesk.core.checks import DEFAULT_CATEGORY
from auditdesk.core.errors import AuditdeskError
from auditdesk.core.money import format_amount, parse_amount
from auditdesk.i18n import t
from auditdesk.services import register as register_service
from auditdesk.services.checks import SuspicionView
from auditdesk.services.sampling import SampleItemView
from auditdesk.tui.localize import category_label
from auditdesk.tui.screens.base import BaseModal

STYLES = Path(__file__).parent.parent / "styles"
R = TypeVar("R")


@dataclass(frozen=True)
class ConfirmForm:
    category: str
    title: str
    amount: str
    note: str


@dataclass(frozen=True)
class FailForm:
    note: str
    raise_suspicion: bool


class FieldworkModal(BaseModal[R]):
    """A small form: ``ctrl+s``/Enter accepts, Escape cancels; a refused value shows under the form."""

    CSS_PATH = STYLES / "fieldwork.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "tui.key.cancel", id="fieldwork_modal.cancel", tooltip="tui.tip.cancel"),
        Binding("ctrl+s", "accept", "tui.fieldwork.key.accept", id="fieldwork_modal.accept",
                tooltip="tui.fieldwork.tip.accept"),
    ]

    def __init__(self, heading: str, summary: str) -> None:
        super().__init__(classes="modal")
        self.heading = heading
        self.summary = summary

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog fw-dialog"):
            yield Label(self.heading, classes="dialog-title")
            yield Static(self.summary, classes="fw-dialog-summary", markup=False)
            yield from self.fields()
            yield Static("", classes="form-error fw-dialog-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("tui.button.ok"), id="fw-dialog-ok", variant="primary")
                yield Button(t("tui.button.cancel"), id="fw-dialog-cancel")

    def fields(self) -> ComposeResult:
        yield from ()

    def row(self, label: str, widget: Input | Select[str] | Checkbox) -> Horizontal:
        return Horizontal(Label(label, classes="form-label"), widget, classes="form-row")

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def value(self, selector: str) -> str:
        return self.query_one(selector, Input).value.strip()

    def result(self) -> R:
        raise NotImplementedError

    @on(Button.Pressed, "#fw-dialog-ok")
    @on(Input.Submitted)
    def action_accept(self) -> None:
        try:
            outcome = self.result()
        except AuditdeskError as err:
            self.query_one(".fw-dialog-error", Static).update(t(err.key, **err.params))
            return
        self.dismiss(outcome)

    @on(Button.Pressed, "#fw-dialog-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmModal(FieldworkModal[ConfirmForm | None]):
    """Confirm a suspicion as a draft finding: category, title and amount prefilled from the rule."""

    def __init__(self, suspicion: SuspicionView) -> None:
        super().__init__(t("tui.fieldwork.confirm.title", id=suspicion.id), suspicion.message)
        self.suspicion = suspicion

    def fields(self) -> ComposeResult:
        s = self.suspicion
        default = DEFAULT_CATEGORY.get(s.rule)
        categories = register_service.categories()
        options = [(category_label(c), c) for c in categories]
        if default is not None and default not in categories:
            options.append((default, default))
        yield self.row(
            t("tui.fieldwork.confirm.category"),
            Select[str](options, value=default if default is not None else Select.NULL,
                        prompt=t("tui.fieldwork.confirm.category_prompt"), id="fw-confirm-category"),
        )
        title = Input(s.finding_title, id="fw-confirm-title")
        yield self.row(t("tui.fieldwork.confirm.finding_title"), title)
        amount = Input(format_amount(s.amount), id="fw-confirm-amount")
        yield self.row(t("tui.fieldwork.confirm.amount"), amount)
        yield self.row(
            t("tui.fieldwork.confirm.note"),
            Input(placeholder=t("tui.fieldwork.confirm.note_placeholder"), id="fw-confirm-note"),
        )

    def on_mount(self) -> None:
        self.query_one("#fw-confirm-title", Input).focus()

    def result(self) -> ConfirmForm | None:
        choice = self.query_one("#fw-confirm-category", Select).value
        if choice is Select.NULL:
            raise AuditdeskError("tui.fieldwork.confirm.no_category")
        title = self.value("#fw-confirm-title")
        if not title:
            raise AuditdeskError("tui.fieldwork.confirm.no_title")
        amount = self.value("#fw-confirm-amount")
        parsed = parse_amount(amount)  # an AmountError names the problem
        if parsed < 0:
            raise AuditdeskError("tui.fieldwork.confirm.negative", amount=amount)
        return ConfirmForm(str(choice), title, format_amount(parsed), self.value("#fw-confirm-note"))


class DismissModal(FieldworkModal[str | None]):
    """Dismiss a suspicion: the reason is required and kept with who and when."""

    def __init__(self, suspicion: SuspicionView) -> None:
        super().__init__(t("tui.fieldwork.dismiss.title", id=suspicion.id), suspicion.message)

    def fields(self) -> ComposeResult:
        yield self.row(
            t("tui.fieldwork.dismiss.reason"),
            Input(placeholder=t("tui.fieldwork.dismiss.reason_placeholder"), id="fw-dismiss-reason"),
        )

    def result(self) -> str | None:
        reason = " ".join(self.value("#fw-dismiss-reason").split())
        if not reason:
            raise AuditdeskError("tui.fieldwork.dismiss.reason_required")
        return reason


class FailModal(FieldworkModal[FailForm | None]):
    """A sample item that does not pass: what was wrong (required), and whether it becomes a suspicion."""

    def __init__(self, item: SampleItemView) -> None:
        e = item.entry
        summary = t(
            "tui.fieldwork.fail.summary",
            position=item.position,
            date=e.date.isoformat() if e else "—",
            voucher=(e.voucher if e else "") or "—",
            text=e.summary if e else "",
            amount=format_amount(item.amount),
        )
        super().__init__(t("tui.fieldwork.fail.title", position=item.position), summary)
        self.item = item

    def fields(self) -> ComposeResult:
        yield self.row(
            t("tui.fieldwork.fail.note"),
            Input(self.item.note, placeholder=t("tui.fieldwork.fail.note_placeholder"), id="fw-fail-note"),
        )
        raised = self.item.suspicion_id is not None
        yield Checkbox(t("tui.fieldwork.fail.raise"), raised, id="fw-fail-raise", disabled=raised,
                       tooltip=t("tui.fieldwork.fail.raise_tip"))

    def result(self) -> FailForm | None:
        note = self.value("#fw-fail-note")
        if not note:
            raise AuditdeskError("tui.fieldwork.fail.note_required")
        raise_it = self.query_one("#fw-fail-raise", Checkbox).value and self.item.suspicion_id is None
        return FailForm(note, raise_it)

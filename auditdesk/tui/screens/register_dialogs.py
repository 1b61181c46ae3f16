"""Small forms of the register board: the base of its dialogs, and a finding written by hand.

A dialog only collects and checks what was typed (``ctrl+s``/Enter accepts, Escape cancels, a refused
value shows under the form); the board runs the service call in its worker, so a refusal by the
service lands in the one error modal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from auditdesk.core.engagement import Stage
from auditdesk.core.errors import AuditdeskError
from auditdesk.core.money import format_amount, parse_amount
from auditdesk.i18n import t
from auditdesk.services.engagement_views import EngagementView
from auditdesk.tui.localize import category_label
from auditdesk.tui.screens.base import BaseModal

STYLES = Path(__file__).parent.parent / "styles"
R = TypeVar("R")


class RegisterModal(BaseModal[R]):
    CSS_PATH = STYLES / "register.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "tui.key.cancel", id="register_modal.cancel", tooltip="tui.tip.cancel"),
        Binding(
            "ctrl+s",
            "accept",
            "tui.register.key.accept",
            id="register_modal.accept",
            tooltip="tui.register.tip.accept",
        ),
    ]
    OK_KEY = "tui.button.ok"

    def __init__(self, heading: str, summary: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id, classes="modal")
        self.heading = heading
        self.summary = summary

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog rg-dialog"):
            yield Label(self.heading, classes="dialog-title")
            if self.summary:
                yield Static(self.summary, classes="rg-dialog-summary", markup=False)
            yield from self.fields()
            yield Static("", classes="form-error rg-dialog-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t(self.OK_KEY), id="rg-dialog-ok", variant="primary")
                yield Button(t("tui.button.cancel"), id="rg-dialog-cancel")

    def fields(self) -> ComposeResult:
        yield from ()

    def row(self, label: str, widget: Widget, *, id: str | None = None) -> Horizontal:
        return Horizontal(Label(label, classes="form-label"), widget, classes="form-row", id=id)

    def on_mount(self) -> None:
        self.ready()

    def ready(self) -> None:
        """Once mounted: focus the first field (Textual calls every class's ``on_mount``, so
        subclasses override this instead)."""
        inputs = self.query(Input)
        if inputs:
            inputs.first().focus()

    def text(self, selector: str) -> str:
        return self.query_one(selector, Input).value.strip()

    def result(self) -> R:
        raise NotImplementedError

    def refuse(self, message: str) -> None:
        self.query_one(".rg-dialog-error", Static).update(message)

    @on(Button.Pressed, "#rg-dialog-ok")
    @on(Input.Submitted)
    def action_accept(self) -> None:
        try:
            outcome = self.result()
        except AuditdeskError as err:
            self.refuse(t(err.key, **err.params))
            return
        self.dismiss(outcome)

    @on(Button.Pressed, "#rg-dialog-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class AddForm:
    engagement: int
    category: str
    title: str
    amount: str


class AddModal(RegisterModal[AddForm | None]):
    """A finding written by hand: engagement, category, title, amount (it starts as a draft)."""

    def __init__(
        self, engagements: Sequence[EngagementView], categories: Sequence[str], engagement: int | None = None
    ) -> None:
        super().__init__(t("tui.register.add.title"), t("tui.register.add.summary"), id="rg-add")
        self.engagements = [e for e in engagements if e.stage is not Stage.ARCHIVE]  # archived: read only
        self.categories = categories
        self.engagement = engagement

    def fields(self) -> ComposeResult:
        options: list[tuple[str, Any]] = [(f"{e.reference}  {e.unit}", e.id) for e in self.engagements]
        chosen = self.engagement if self.engagement in [e.id for e in self.engagements] else Select.NULL
        yield self.row(
            t("tui.register.add.engagement"),
            Select[Any](
                options, value=chosen, prompt=t("tui.register.add.engagement_prompt"), id="rg-add-engagement"
            ),
        )
        yield self.row(
            t("tui.register.add.category"),
            Select[Any](
                [(category_label(c), c) for c in self.categories],
                prompt=t("tui.register.add.category_prompt"),
                id="rg-add-category",
            ),
        )
        yield self.row(t("tui.register.add.finding_title"), Input(id="rg-add-title"))
        yield self.row(t("tui.register.add.amount"), Input(placeholder="0.00", id="rg-add-amount"))

    def result(self) -> AddForm | None:
        engagement = self.query_one("#rg-add-engagement", Select).value
        if engagement is Select.NULL:
            raise AuditdeskError("tui.register.add.no_engagement")
        category = self.query_one("#rg-add-category", Select).value
        if category is Select.NULL:
            raise AuditdeskError("tui.register.add.no_category")
        title = " ".join(self.text("#rg-add-title").split())
        if not title:
            raise AuditdeskError("tui.register.add.no_title")
        amount = parse_amount(self.text("#rg-add-amount"))  # an AmountError names the problem
        if amount < 0:
            raise AuditdeskError("tui.register.add.negative", amount=format_amount(amount))
        return AddForm(int(str(engagement)), str(category), title, format_amount(amount))

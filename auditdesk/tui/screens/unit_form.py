"""A small modal form to add or edit a unit (基层工会)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from auditdesk.core.errors import AuditdeskError
from auditdesk.core.money import format_amount, parse_amount
from auditdesk.i18n import t
from auditdesk.tui.screens.base import BaseModal

if TYPE_CHECKING:
    from auditdesk.services.units import UnitView


@dataclass(frozen=True)
class UnitForm:
    """What the user typed, validated."""

    name: str
    code: str | None
    members: int | None
    employees: int | None
    payroll: Decimal | None
    chair: str | None
    contact: str | None
    last_audit_year: int | None = None


_FIELDS = ("name", "code", "members", "employees", "payroll", "chair", "contact", "last_audit_year")
_INTEGERS = ("members", "employees", "last_audit_year")


class UnitFormModal(BaseModal[UnitForm | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "tui.key.cancel", id="unit_form.cancel", tooltip="tui.tip.cancel"),
        Binding("ctrl+s", "save", "tui.key.save", id="unit_form.save", tooltip="tui.tip.save_unit"),
    ]

    def __init__(self, unit: UnitView | None = None) -> None:
        super().__init__(classes="modal")
        self.unit = unit

    def compose(self) -> ComposeResult:
        title = t("tui.unit_form.title_edit") if self.unit else t("tui.unit_form.title_add")
        with Vertical(id="unit-form", classes="dialog"):
            yield Label(title, classes="dialog-title")
            for field in _FIELDS:
                with Horizontal(classes="form-row"):
                    yield Label(t(f"tui.unit.{field}"), classes="form-label")
                    yield Input(
                        value=self._initial(field),
                        placeholder=t(f"tui.unit_form.placeholder.{field}"),
                        id=f"unit-{field}",
                        type="integer" if field in _INTEGERS else "text",
                        compact=True,
                    )
            yield Static("", id="unit-form-error", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("tui.button.save"), id="unit-save", variant="primary")
                yield Button(t("tui.button.cancel"), id="unit-cancel")

    def _initial(self, field: str) -> str:
        if self.unit is None:
            return ""
        value = getattr(self.unit, field)
        if value is None:
            return ""
        if isinstance(value, Decimal):
            return format_amount(value)
        return str(value)

    def on_mount(self) -> None:
        self.query_one("#unit-name", Input).focus()

    def _value(self, field: str) -> str:
        return self.query_one(f"#unit-{field}", Input).value.strip()

    def _validated(self) -> UnitForm:
        name = self._value("name")
        if not name:
            raise AuditdeskError("tui.unit_form.name_required")
        counts: dict[str, int | None] = {}
        for field in _INTEGERS:
            raw = self._value(field)
            if raw and (not raw.isdigit()):
                raise AuditdeskError("tui.unit_form.not_count", field=t(f"tui.unit.{field}"), value=raw)
            counts[field] = int(raw) if raw else None
        raw_payroll = self._value("payroll")
        payroll = parse_amount(raw_payroll) if raw_payroll else None
        return UnitForm(
            name=name,
            code=self._value("code") or None,
            members=counts["members"],
            employees=counts["employees"],
            payroll=payroll,
            chair=self._value("chair") or None,
            contact=self._value("contact") or None,
            last_audit_year=counts["last_audit_year"],
        )

    @on(Button.Pressed, "#unit-save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        try:
            form = self._validated()
        except AuditdeskError as err:
            self.query_one("#unit-form-error", Static).update(t(err.key, **err.params))
            return
        self.dismiss(form)

    @on(Button.Pressed, "#unit-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

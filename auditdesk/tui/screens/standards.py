"""Standards (key ``s`` on the home screen): a profile's caps in force on a date, its keyword lists and
gift holidays. Read-only; the profile defaults to the county's (``standards`` in the office file)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Input, Label, Select, Static

from auditdesk.core.money import format_thousands
from auditdesk.core.standards import Standards
from auditdesk.i18n import t
from auditdesk.services import standards as standards_service
from auditdesk.services.standards import ProfileInfo
from auditdesk.tui.screens.base import BaseScreen

STYLES = Path(__file__).parent.parent / "styles"
COLUMNS = ("rule", "value", "effective", "strength", "document")


class StandardsScreen(BaseScreen[None]):
    CSS_PATH = STYLES / "standards.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "tui.key.back", id="standards.back", tooltip="tui.tip.back_home"),
        Binding(
            "p", "focus_profile", "tui.standards.key.profile", id="standards.profile",
            tooltip="tui.standards.tip.profile",
        ),
        Binding(
            "d", "focus_date", "tui.standards.key.date", id="standards.date", tooltip="tui.standards.tip.date"
        ),
    ]

    @dataclass
    class ProfilesLoaded(Message):
        profiles: list[ProfileInfo]

    @dataclass
    class Loaded(Message):
        """A profile read in a worker, to be shown as in force ``on`` a date."""

        standards: Standards
        on: dt.date

    def __init__(self, on: dt.date | None = None) -> None:
        super().__init__(id="standards")
        self.on = on or dt.date.today()
        self.standards: Standards | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("tui.standards.heading"), id="standards-heading", classes="heading")
        with Horizontal(id="standards-choice", classes="form-row"):
            yield Label(t("tui.standards.profile"), classes="form-label")
            yield Select[str]([], prompt=t("tui.standards.profile_prompt"), id="standards-profile")
            yield Label(t("tui.standards.date"), classes="form-label")
            yield Input(value=self.on.isoformat(), id="standards-date", max_length=10)
        yield DataTable(id="standards-caps", cursor_type="row", zebra_stripes=True)
        yield Static(t("tui.standards.loading"), id="standards-status", classes="status", markup=False)
        with VerticalScroll(id="standards-details-box"):
            yield Static("", id="standards-details", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("tui.app.title")
        self.sub_title = t("tui.standards.title")
        table = self.query_one("#standards-caps", DataTable)
        for column in COLUMNS:
            label = t(f"tui.standards.col.{column}")
            table.add_column(Text(label, justify="right") if column == "value" else label, key=column)
        table.focus()
        self.load(None, self.on)

    @work(thread=True, exclusive=True, exit_on_error=False, group="standards.load")
    def load(self, name: str | None, on: dt.date) -> None:
        """``name`` None: the profile list and the county's profile; otherwise that profile."""
        if name is None:
            self.post_message(self.ProfilesLoaded(standards_service.list_profiles()))
            standards = standards_service.current_standards()
        else:
            standards = standards_service.load_standards(name)
        self.post_message(self.Loaded(standards, on))

    @on(ProfilesLoaded)
    def _profiles_loaded(self, message: ProfilesLoaded) -> None:
        options = [(f"{p.title} ({p.name})" if p.title else p.name, p.name) for p in message.profiles]
        self.query_one("#standards-profile", Select).set_options(options)

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        standards, on = message.standards, message.on
        self.standards, self.on = standards, on
        select = self.query_one("#standards-profile", Select)
        if select.value != standards.name:
            select.value = standards.name
        self._show_caps(standards, on)
        self.query_one("#standards-details", Static).update("\n".join(detail_lines(standards)))

    def _show_caps(self, standards: Standards, on: dt.date) -> None:
        table = self.query_one("#standards-caps", DataTable)
        table.clear()
        for rule in standards.rules:
            title = t(f"standards.rule.{rule.id}")
            version = rule.in_force(on)
            if version is None:
                table.add_row(title, "", "", "", t("tui.standards.not_in_force"), key=rule.id)
                continue
            table.add_row(
                title,
                Text(value_text(version.value, rule.unit), justify="right"),
                version.effective.isoformat(),
                t(f"standards.strength.{version.strength}"),
                version.document,
                key=rule.id,
            )
        chain = "、".join(standards.chain[1:]) or "—"
        status = self.query_one("#standards-status", Static)
        if not standards.rules:
            status.update(t("tui.standards.no_caps", title=standards.title, name=standards.name, chain=chain))
        else:
            status.update(t("tui.standards.status", title=standards.title, name=standards.name, chain=chain,
                            on=on.isoformat(), count=len(standards.rules)))

    @on(Select.Changed, "#standards-profile")
    def _profile_changed(self, event: Select.Changed) -> None:
        name = event.value
        if not isinstance(name, str) or (self.standards is not None and name == self.standards.name):
            return
        self.query_one("#standards-status", Static).update(t("tui.standards.loading"))
        self.load(name, self.on)

    @on(Input.Submitted, "#standards-date")
    def _date_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        try:
            on = dt.date.fromisoformat(text)
        except ValueError:
            self.notify(t("tui.standards.bad_date", value=text), severity="warning")
            return
        self.on = on
        self.query_one("#standards-caps", DataTable).focus()
        self.load(self.standards.name if self.standards is not None else None, on)

    def action_focus_profile(self) -> None:
        self.query_one("#standards-profile", Select).focus()

    def action_focus_date(self) -> None:
        self.query_one("#standards-date", Input).focus()

    def action_back(self) -> None:
        self.app.pop_screen()


def value_text(value: Decimal, unit: str) -> str:
    """A rule's value as shown: ``1,500.00`` (yuan) or ``60%`` (a share)."""
    if unit == "percent":
        return t("standards.unit.percent", value=format(value.normalize(), "f"))
    return format_thousands(value)


def detail_lines(standards: Standards) -> list[str]:
    """The gift holidays, the keyword lists (id, title: words; allowed exceptions) and the cash rules."""
    lines: list[str] = []
    if standards.gift_holidays:
        lines.append(t("tui.standards.holidays", holidays="、".join(standards.gift_holidays)))
    if standards.keywords:
        lines.append(t("tui.standards.keywords"))
        for k in standards.keywords:
            allowed = t("tui.standards.allowed", words="、".join(k.allowed)) if k.allowed else ""
            lines.append(t("tui.standards.keyword_line", id=k.id, title=t(f"standards.keywords.{k.id}"),
                           words="、".join(k.words), allowed=allowed))
    if standards.cash:
        lines.append(t("tui.standards.cash"))
        lines += ["  " + line for line in standards.cash]
    return lines or [t("tui.standards.no_details")]

"""Moving a finding through its lifecycle (key ``m`` on the board).

The dialog offers only the statuses the finding may move to (``FindingDetail.allowed``) and shows the
fields ``core.register.needs`` asks for: a note (closing needs the verification; extending, giving up,
withdrawing and rejecting a report need the reason), a deadline (required and later for 延期整改;
optional when a draft is issued — the office's period applies), an approver (无法整改), and an
optional evidence file. A missing required field is refused in the dialog with the register's own
sentence; everything else is checked again by the service.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from auditdesk.core.dates import parse_date
from auditdesk.core.errors import AuditdeskError
from auditdesk.core.register import Needs, Status, needs
from auditdesk.i18n import t
from auditdesk.services.register_views import FindingDetail
from auditdesk.tui.screens.register_dialogs import RegisterModal

FIELDS = ("note", "deadline", "approver", "evidence")


@dataclass(frozen=True)
class MoveForm:
    target: Status
    note: str = ""
    deadline: dt.date | None = None
    approver: str | None = None
    evidence: Path | None = None


def shown_fields(current: Status, target: Status) -> dict[str, bool]:
    """Which fields the dialog shows for ``current -> target``: a note always, the rest as needed."""
    need = needs(current, target)
    return {"note": True, "deadline": need.deadline, "approver": need.approver, "evidence": True}


def hint_key(current: Status, target: Status) -> str:
    """The sentence under the targets saying what this move needs."""
    if target is Status.CLOSED:
        return "tui.register.move.hint.closed"
    if current is Status.DRAFT and target is Status.PENDING:
        return "tui.register.move.hint.issue"
    if target is Status.EXTENDED:
        return "tui.register.move.hint.extended"
    if target is Status.IMPOSSIBLE:
        return "tui.register.move.hint.impossible"
    if needs(current, target).note:
        return "tui.register.move.hint.reason"
    return "tui.register.move.hint.plain"


class MoveModal(RegisterModal[MoveForm | None]):
    def __init__(self, detail: FindingDetail, base: Path) -> None:
        item = detail.item
        super().__init__(
            t("tui.register.move.title", code=item.code),
            t("tui.register.move.summary", title=item.title, status=t(item.status.label_key)),
            id="rg-move",
        )
        self.base = base  # a relative evidence path is read from here
        self.current = item.status
        self.deadline = item.deadline
        self.allowed = detail.allowed
        self.target = detail.allowed[0]

    def fields(self) -> ComposeResult:
        yield Static(t("tui.register.move.target"), classes="rg-move-label")
        yield OptionList(*(Option(t(s.label_key), id=s.value) for s in self.allowed), id="rg-move-target")
        yield Static("", id="rg-move-hint", markup=False)
        yield self.row(t("tui.register.move.note"), Input(id="rg-move-note"), id="rg-move-row-note")
        yield self.row(
            t("tui.register.move.deadline"), Input(id="rg-move-deadline"), id="rg-move-row-deadline"
        )
        yield self.row(
            t("tui.register.move.approver"), Input(id="rg-move-approver"), id="rg-move-row-approver"
        )
        yield self.row(
            t("tui.register.move.evidence"),
            Input(placeholder=t("tui.register.move.evidence_placeholder"), id="rg-move-evidence"),
            id="rg-move-row-evidence",
        )

    def ready(self) -> None:
        options = self.query_one("#rg-move-target", OptionList)
        options.highlighted = 0
        options.focus()
        self.choose(self.target)

    @property
    def need(self) -> Needs:
        return needs(self.current, self.target)

    def choose(self, target: Status) -> None:
        self.target = target
        for name, shown in shown_fields(self.current, target).items():
            self.query_one(f"#rg-move-row-{name}", Horizontal).display = shown
        note = self.query_one("#rg-move-note", Input)
        note.placeholder = t(
            "tui.register.move.note_required" if self.need.note else "tui.register.move.note_optional"
        )
        deadline = self.query_one("#rg-move-deadline", Input)
        deadline.placeholder = t(
            "tui.register.move.deadline_required"
            if self.need.later_deadline
            else "tui.register.move.deadline_default"
        )
        self.query_one("#rg-move-hint", Static).update(t(hint_key(self.current, target)))
        self.refuse("")

    @on(OptionList.OptionHighlighted, "#rg-move-target")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_id is not None:
            self.choose(Status(event.option_id))

    @on(OptionList.OptionSelected, "#rg-move-target")
    def _selected(self) -> None:
        self.query_one("#rg-move-note", Input).focus()

    def result(self) -> MoveForm | None:
        need, label = self.need, t(self.target.label_key)
        note = self.text("#rg-move-note")
        if need.note and not note:
            raise AuditdeskError("register.note_required", target=label)
        deadline = None
        if need.deadline and self.text("#rg-move-deadline"):
            deadline = parse_date(self.text("#rg-move-deadline"))
        if need.later_deadline and deadline is None:
            raise AuditdeskError("register.deadline_required", target=label)
        if need.later_deadline and deadline and self.deadline and deadline <= self.deadline:
            raise AuditdeskError(
                "register.deadline_not_later",
                deadline=deadline.isoformat(),
                current=self.deadline.isoformat(),
            )
        approver = self.text("#rg-move-approver") if need.approver else ""
        if need.approver and not approver:
            raise AuditdeskError("register.approver_required", target=label)
        evidence = None
        if self.text("#rg-move-evidence"):
            evidence = self.base / Path(self.text("#rg-move-evidence")).expanduser()
            if not evidence.is_file():
                raise AuditdeskError("evidence.no_file", file=str(evidence))
        return MoveForm(self.target, note, deadline, approver or None, evidence)

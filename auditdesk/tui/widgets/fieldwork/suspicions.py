"""The 疑点 tab: suspicions grouped by rule in a tree, the selected one's facts, basis and entries beside
it; the check run's progress bar; confirm and dismiss through dialogs."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Label, ProgressBar, Select, Static, Tree

from auditdesk.core.checks import title_key
from auditdesk.core.money import format_thousands
from auditdesk.i18n import has, t
from auditdesk.services import checks as check_service
from auditdesk.services.checks import CheckReport, SuspicionView
from auditdesk.services.context import Context
from auditdesk.services.findings import FindingView
from auditdesk.tui.screens.fieldwork_modals import ConfirmForm, ConfirmModal, DismissModal
from auditdesk.tui.widgets.fieldwork.common import (
    Done,
    FieldworkData,
    FieldworkPane,
    WriteRequested,
    severity_text,
)
from auditdesk.tui.widgets.ledger.ledger_table import COLUMNS as ENTRY_COLUMNS
from auditdesk.tui.widgets.ledger.ledger_table import entry_cells

FILTERS = ("open", "all", "confirmed", "dismissed")
STATUS_STYLE = {"open": "bold", "confirmed": "green", "dismissed": "dim"}
MESSAGE_WIDTH = 60


def status_text(status: str) -> Text:
    return Text(t(f"suspicion.status.{status}"), style=STATUS_STYLE.get(status, ""))


def leaf_label(s: SuspicionView) -> Text:
    message = s.message if len(s.message) <= MESSAGE_WIDTH else s.message[: MESSAGE_WIDTH - 1] + "…"
    label = Text()
    label.append_text(severity_text(s.severity))
    label.append(" ")
    label.append_text(status_text(s.status))
    label.append(f" {format_thousands(s.amount):>12} ", style="cyan")
    label.append(message)
    return label


def group_label(title: str, members: list[SuspicionView]) -> Text:
    counts = {status: sum(1 for s in members if s.status == status) for status in check_service.STATUSES}
    label = Text(title, style="bold")
    label.append(
        " " + t("tui.fieldwork.susp.group", open=counts["open"],
                confirmed=counts["confirmed"], dismissed=counts["dismissed"]),
        style="dim",
    )
    return label


class SuspicionsPane(FieldworkPane):
    """Shows the suspicions of ``FieldworkData``; the screen's keys call ``confirm``/``dismiss``."""

    @dataclass
    class Progress(Message):
        """A check finished (``done`` of ``total``); frequent ones coalesce."""

        done: int
        total: int
        rule: str

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, SuspicionsPane.Progress)

    @dataclass
    class ChecksDone(Message):
        reports: list[CheckReport]

    @dataclass
    class Confirmed(Message):
        suspicion_id: int
        finding: FindingView

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.suspicions: tuple[SuspicionView, ...] = ()
        self.codes: dict[int, str] = {}  # finding id -> code, for confirmed suspicions
        self.selected_id: int | None = None  # kept across reloads and filter changes

    def compose(self) -> ComposeResult:
        with Horizontal(id="fw-susp-bar", classes="form-row"):
            yield Label(t("tui.fieldwork.susp.filter"), classes="form-label")
            yield Select[str](
                [(t(f"tui.fieldwork.susp.filter.{f}"), f) for f in FILTERS],
                value="open", allow_blank=False, id="fw-susp-filter", compact=True,
            )
            yield ProgressBar(id="fw-check-progress", show_eta=False)
            yield Static(t("tui.fieldwork.susp.hint"), id="fw-check-status", markup=False)
        with Horizontal(id="fw-susp-main"):
            tree: Tree[SuspicionView | None] = Tree("", id="fw-susp-tree")
            tree.show_root = False
            yield tree
            with Vertical(id="fw-susp-side"):
                with VerticalScroll(id="fw-susp-detail-box"):
                    yield Static(t("tui.fieldwork.susp.none_selected"), id="fw-susp-detail")
                yield DataTable(id="fw-susp-entries", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one("#fw-susp-entries", DataTable)
        for key in ENTRY_COLUMNS:
            table.add_column(t(f"tui.ledger.col.{key}"), key=key)

    @property
    def rule_tree(self) -> Tree[SuspicionView | None]:
        return self.query_one("#fw-susp-tree", Tree)

    @property
    def status_filter(self) -> str:
        value = self.query_one("#fw-susp-filter", Select).value
        return value if isinstance(value, str) else "open"

    def selected(self) -> SuspicionView | None:
        node = self.rule_tree.cursor_node
        return node.data if node is not None else None

    # -- showing -----------------------------------------------------------------------------------------

    def show(self, data: FieldworkData) -> None:
        self.suspicions = data.suspicions
        self.codes = {f.id: f.code for f in data.drafts}
        self._rebuild()

    def _rebuild(self) -> None:
        wanted = self.status_filter
        groups: dict[str, list[SuspicionView]] = {}
        for s in self.suspicions:
            groups.setdefault(s.rule, []).append(s)
        tree = self.rule_tree
        tree.clear()
        for members in groups.values():
            shown = [s for s in members if wanted == "all" or s.status == wanted]
            if not shown:
                continue
            node = tree.root.add(group_label(members[0].rule_title, members), None, expand=True)
            for s in shown:
                node.add_leaf(leaf_label(s), s)
        self.call_after_refresh(self._restore_cursor)

    def _restore_cursor(self) -> None:
        """Back on the suspicion selected before (or the first one) once the tree has its lines."""
        leaves = [leaf for group in self.rule_tree.root.children for leaf in group.children]
        goal = next((n for n in leaves if n.data is not None and n.data.id == self.selected_id), None)
        goal = goal or (leaves[0] if leaves else None)
        if goal is not None:
            self.rule_tree.move_cursor(goal)
        self._show_detail(goal.data if goal is not None else None)

    @on(Select.Changed, "#fw-susp-filter")
    def _filter_changed(self) -> None:
        self._rebuild()

    def toggle_filter(self) -> None:
        select = self.query_one("#fw-susp-filter", Select)
        select.value = "all" if self.status_filter == "open" else "open"

    @on(Tree.NodeHighlighted, "#fw-susp-tree")
    def _highlighted(self, event: Tree.NodeHighlighted[SuspicionView | None]) -> None:
        if event.node is not self.rule_tree.cursor_node:
            return  # stale: the tree was rebuilt since
        if event.node.data is not None:
            self.selected_id = event.node.data.id
        self._show_detail(event.node.data, group=event.node.data is None)

    def _show_detail(self, s: SuspicionView | None, group: bool = False) -> None:
        detail = self.query_one("#fw-susp-detail", Static)
        table = self.query_one("#fw-susp-entries", DataTable)
        table.clear()
        if s is None:
            key = "tui.fieldwork.susp.none_selected" if self.suspicions else "tui.fieldwork.susp.empty"
            key = "tui.fieldwork.susp.group_hint" if group else key
            detail.update(t(key))
            return
        text = Text()
        text.append(f"#{s.id} {s.rule_title}\n", style="bold")
        text.append(t("tui.fieldwork.susp.severity") + " ")
        text.append_text(severity_text(s.severity))
        text.append("  " + t("tui.fieldwork.susp.status") + " ")
        text.append_text(status_text(s.status))
        text.append("  " + t("tui.fieldwork.susp.amount", amount=format_thousands(s.amount)) + "\n")
        text.append(t("tui.fieldwork.susp.message", message=s.message) + "\n")
        if s.basis:
            text.append(t("tui.fieldwork.susp.basis", basis=s.basis) + "\n", style="italic")
        if s.status == "confirmed":
            code = self.codes.get(s.finding_id or 0, f"#{s.finding_id}")
            text.append(t("tui.fieldwork.susp.confirmed_by", who=s.reviewer or "—", code=code) + "\n",
                        style="green")
        elif s.status == "dismissed":
            text.append(t("tui.fieldwork.susp.dismissed_by", who=s.reviewer or "—", reason=s.reason or ""),
                        style="dim")
        detail.update(text)
        table.add_rows([entry_cells(e) for e in s.entries])

    # -- the check run -----------------------------------------------------------------------------------

    def started(self) -> None:
        self.query_one(ProgressBar).update(total=None, progress=0)
        self.query_one("#fw-check-status", Static).update(t("tui.fieldwork.susp.running"))

    def stopped(self) -> None:
        self.query_one(ProgressBar).update(total=1, progress=0)
        self.query_one("#fw-check-status", Static).update(t("tui.fieldwork.susp.stopped"))

    def failed(self) -> None:
        self.query_one(ProgressBar).update(total=1, progress=0)
        self.query_one("#fw-check-status", Static).update(t("tui.fieldwork.susp.run_failed"))

    @on(Progress)
    def _progress(self, message: Progress) -> None:
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)
        if message.rule:
            rule = t(title_key(message.rule)) if has(title_key(message.rule)) else message.rule
            self.query_one("#fw-check-status", Static).update(
                t("tui.fieldwork.susp.running_rule", done=message.done, total=message.total, rule=rule)
            )

    @on(ChecksDone)
    def _checks_done(self, message: ChecksDone) -> None:
        bar = self.query_one(ProgressBar)
        bar.update(total=bar.total or 1, progress=bar.total or 1)
        lines = [
            t("tui.fieldwork.susp.ran", unit=r.unit, year=r.year, entries=r.entries, found=r.found, new=r.new,
              gone=r.no_longer_found)
            for r in message.reports
        ]
        lines += [f for r in message.reports for f in r.failures]
        self.query_one("#fw-check-status", Static).update("\n".join(lines))
        self.post_message(Done("\n".join(lines)))

    # -- reviews -----------------------------------------------------------------------------------------

    def reviewable(self) -> SuspicionView | None:
        """The selected suspicion if it is open; otherwise says why not."""
        s = self.selected()
        if s is None:
            self.notify(t("tui.fieldwork.susp.pick_one"), severity="warning")
            return None
        if s.status != "open":
            self.notify(t("tui.fieldwork.susp.not_open", id=s.id, status=t(f"suspicion.status.{s.status}")),
                        severity="warning")
            return None
        return s

    def confirm(self) -> None:
        s = self.reviewable()
        if s is None:
            return

        def chosen(form: ConfirmForm | None) -> None:
            if form is None:
                return

            def job(ctx: Context) -> Message:
                finding = check_service.confirm_suspicion(
                    ctx, s.id, category=form.category, title=form.title, amount=form.amount, note=form.note
                )
                return SuspicionsPane.Confirmed(s.id, finding)

            busy = t("tui.fieldwork.susp.confirming", id=s.id)
            self.post_message(WriteRequested(job, self, busy, frozenset({"suspicions", "drafts"})))

        self.app.push_screen(ConfirmModal(s), chosen)

    def dismiss_selected(self) -> None:
        s = self.reviewable()
        if s is None:
            return

        def chosen(reason: str | None) -> None:
            if reason is None:
                return

            def job(ctx: Context) -> Message:
                check_service.dismiss_suspicion(ctx, s.id, reason)
                return Done(t("tui.fieldwork.susp.dismissed", id=s.id, reason=reason))

            busy = t("tui.fieldwork.susp.dismissing", id=s.id)
            self.post_message(WriteRequested(job, self, busy, frozenset({"suspicions"})))

        self.app.push_screen(DismissModal(s), chosen)

    @on(Confirmed)
    def _confirmed(self, message: Confirmed) -> None:
        f = message.finding
        self.codes[f.id] = f.code
        self.post_message(Done(t("tui.fieldwork.susp.confirmed", id=message.suspicion_id, code=f.code,
                                 category=f.category, title=f.title, amount=format_thousands(f.amount))))

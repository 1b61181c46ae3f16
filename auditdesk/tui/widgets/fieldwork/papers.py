"""The 底稿 tab: the engagement's working papers with their sign-off state, and a form to write one.

Enter on a paper loads it into the form; ``ctrl+n`` starts a new one; ``ctrl+s`` saves (adds or edits);
the sign keys sign the highlighted paper as preparer or reviewer. A paper changed after its review is
flagged in the list and over the form until it is signed and reviewed again."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Button, DataTable, Input, Label, Static, TextArea

from auditdesk.i18n import t
from auditdesk.services import papers as paper_service
from auditdesk.services.context import Context
from auditdesk.services.papers import PaperView
from auditdesk.tui.widgets.fieldwork.common import Done, FieldworkData, FieldworkPane, WriteRequested

SHORT_FIELDS = ("area", "title")
LONG_FIELDS = ("objective", "procedure", "examined", "result", "conclusion")
COLUMNS = ("index", "area", "title", "state", "preparer", "reviewer")
STATE_STYLE = {
    "draft": "dim",
    "prepared": "yellow",
    "reviewed": "green",
    "changed_after_review": "bold red reverse",
}


def state_text(paper: PaperView) -> Text:
    label = paper.state_label
    if paper.state == "changed_after_review":
        label = "⚠ " + label
    return Text(label, style=STATE_STYLE.get(paper.state, ""))


class PapersPane(FieldworkPane):
    @dataclass
    class Saved(Message):
        paper: PaperView
        added: bool

    @dataclass
    class Signed(Message):
        paper: PaperView
        role: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.engagement_id = 0
        self.papers: tuple[PaperView, ...] = ()
        self.editing: int | None = None  # the paper in the form; None: a new one

    def compose(self) -> ComposeResult:
        with Horizontal(id="fw-papers-main"):
            yield DataTable(id="fw-papers", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="fw-paper-form"):
                yield Static(t("tui.fieldwork.paper.new"), id="fw-paper-heading", markup=False)
                for name in SHORT_FIELDS:
                    with Horizontal(classes="form-row"):
                        yield Label(t(f"paper.field.{name}"), classes="form-label fw-paper-label")
                        yield Input(id=f"fw-paper-{name}", compact=True,
                                    placeholder=t(f"tui.fieldwork.paper.placeholder.{name}"))
                for name in LONG_FIELDS:
                    yield Label(t(f"paper.field.{name}"), classes="form-label")
                    yield TextArea(id=f"fw-paper-{name}", classes="fw-long", compact=True,
                                   placeholder=t(f"tui.fieldwork.paper.placeholder.{name}"))
                yield Button(t("tui.button.save"), id="fw-paper-save", variant="primary", compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#fw-papers", DataTable)
        for key in COLUMNS:
            table.add_column(t(f"tui.fieldwork.paper.col.{key}"), key=key)

    def show(self, data: FieldworkData) -> None:
        self.engagement_id = data.engagement.id
        self.papers = data.papers
        table = self.query_one("#fw-papers", DataTable)
        row = table.cursor_row
        table.clear()
        for p in self.papers:
            table.add_row(p.index_no, p.area, p.title, state_text(p), p.preparer or "—", p.reviewer or "—",
                          key=str(p.id))
        ids = [p.id for p in self.papers]
        if ids:
            at = ids.index(self.editing) if self.editing in ids else min(row, len(ids) - 1)
            table.move_cursor(row=at, animate=False)
        self._heading()

    def _heading(self) -> None:
        heading = self.query_one("#fw-paper-heading", Static)
        paper = next((p for p in self.papers if p.id == self.editing), None)
        if paper is None:
            heading.update(t("tui.fieldwork.paper.new"))
            return
        text = Text(t("tui.fieldwork.paper.editing", index=paper.index_no, title=paper.title) + " ")
        text.append_text(state_text(paper))
        if paper.missing:
            missing = t("plan.list.sep").join(paper.missing)
            text.append("\n" + t("tui.fieldwork.paper.missing", fields=missing), style="yellow")
        if paper.state == "changed_after_review":
            text.append("\n" + t("tui.fieldwork.paper.changed_warning", reviewer=paper.reviewer or "—"),
                        style="bold red")
        heading.update(text)

    def highlighted(self) -> PaperView | None:
        table = self.query_one("#fw-papers", DataTable)
        if table.row_count == 0:
            self.notify(t("tui.fieldwork.paper.pick_one"), severity="warning")
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((p for p in self.papers if str(p.id) == key), None)

    @on(DataTable.RowSelected, "#fw-papers")
    def _selected(self, event: DataTable.RowSelected) -> None:
        paper = next((p for p in self.papers if str(p.id) == event.row_key.value), None)
        if paper is not None:
            self.load(paper)

    def load(self, paper: PaperView | None) -> None:
        """Put ``paper`` into the form (``None``: an empty form for a new paper)."""
        self.editing = paper.id if paper is not None else None
        for name in SHORT_FIELDS:
            self.query_one(f"#fw-paper-{name}", Input).value = getattr(paper, name) if paper else ""
        for name in LONG_FIELDS:
            self.query_one(f"#fw-paper-{name}", TextArea).text = getattr(paper, name) if paper else ""
        self._heading()
        self.query_one("#fw-paper-area", Input).focus()

    def new(self) -> None:
        self.load(None)

    @on(Button.Pressed, "#fw-paper-save")
    def save(self) -> None:
        fields = {name: self.query_one(f"#fw-paper-{name}", Input).value for name in SHORT_FIELDS}
        fields.update({name: self.query_one(f"#fw-paper-{name}", TextArea).text for name in LONG_FIELDS})
        paper_id, engagement_id = self.editing, self.engagement_id

        def job(ctx: Context) -> Message:
            if paper_id is None:
                return PapersPane.Saved(paper_service.add_paper(ctx, engagement_id, **fields), True)
            return PapersPane.Saved(paper_service.edit_paper(ctx, paper_id, **fields), False)

        self.post_message(WriteRequested(job, self, t("tui.fieldwork.paper.saving"), frozenset({"papers"})))

    def sign(self, role: str) -> None:
        paper = self.highlighted()
        if paper is None:
            return
        paper_id = paper.id

        def job(ctx: Context) -> Message:
            return PapersPane.Signed(paper_service.sign_paper(ctx, paper_id, role), role)

        busy = t("tui.fieldwork.paper.signing", index=paper.index_no)
        self.post_message(WriteRequested(job, self, busy, frozenset({"papers"})))

    @on(Saved)
    def _saved(self, message: Saved) -> None:
        p = message.paper
        self.editing = p.id
        key = "tui.fieldwork.paper.added" if message.added else "tui.fieldwork.paper.saved"
        self.post_message(Done(t(key, index=p.index_no, title=p.title, state=p.state_label)))

    @on(Signed)
    def _signed(self, message: Signed) -> None:
        p = message.paper
        self.post_message(Done(t(f"tui.fieldwork.paper.signed_{message.role}", index=p.index_no,
                                 who=(p.preparer if message.role == "prepare" else p.reviewer) or "—",
                                 state=p.state_label)))

"""The 文书 tab: every document of the engagement and its versions, and a Markdown preview.

Highlighting a row asks the screen (``PreviewWanted``) to read the row's Markdown file — a ``-md``
document itself, or the .md written beside a .docx or .pdf — in a worker; the screen hands the text
back with ``show_preview``. The pane runs no worker itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Markdown, Static
from textual.widgets.data_table import RowDoesNotExist

from auditdesk.i18n import t
from auditdesk.services.engagement_views import DocumentView
from auditdesk.tui.widgets.report.common import (
    SHA_CHARS,
    ReportData,
    format_label,
    kind_label,
    local_time,
    markdown_of,
    ordered,
)

COLUMNS = ("kind", "format", "version", "file", "who", "at", "sha256")


class DocumentsPane(Vertical):
    @dataclass
    class PreviewWanted(Message):
        """Read ``path`` (the Markdown of ``document``) and show it."""

        document: DocumentView
        path: Path

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.documents: dict[str, DocumentView] = {}
        self.previewed: Path | None = None  # the file shown (or being read)

    def compose(self) -> ComposeResult:
        yield DataTable(id="rp-docs", cursor_type="row", zebra_stripes=True)
        yield Static(t("tui.report.preview.none"), id="rp-preview-title", markup=False)
        with VerticalScroll(id="rp-preview-box"):
            yield Markdown(id="rp-preview", open_links=False)

    def on_mount(self) -> None:
        table = self.query_one("#rp-docs", DataTable)
        for key in COLUMNS:
            label = t(f"tui.report.docs.col.{key}")
            table.add_column(Text(label, justify="right") if key == "version" else label, key=key)

    def show(self, data: ReportData, focus: str | None = None) -> None:
        """Fill the list; keep the highlighted row, or move to the document at ``focus`` (a path)."""
        table = self.query_one("#rp-docs", DataTable)
        current = self.current()
        wanted = next((d for d in data.documents if d.path == focus), None) or current
        table.clear()
        self.documents = {}
        for d in ordered(data.documents):
            self.documents[str(d.id)] = d
            table.add_row(
                kind_label(d.kind), format_label(d.kind), Text(str(d.version), justify="right"),
                d.file_name, d.who, local_time(d.at), d.sha256[:SHA_CHARS], key=str(d.id),
            )
        if not self.documents:
            self.query_one("#rp-preview-title", Static).update(t("tui.report.docs.none"))
            return
        if wanted is not None:
            try:
                table.move_cursor(row=table.get_row_index(str(wanted.id)))
            except RowDoesNotExist:
                pass
        self._want_preview()

    def current(self) -> DocumentView | None:
        table = self.query_one("#rp-docs", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.documents.get(key or "")

    @on(DataTable.RowHighlighted, "#rp-docs")
    def _highlighted(self) -> None:
        self._want_preview()

    def _want_preview(self) -> None:
        doc = self.current()
        if doc is None:
            return
        path = markdown_of(doc)
        if path == self.previewed:
            return
        self.previewed = path
        self.query_one("#rp-preview-title", Static).update(t("tui.report.preview.loading", file=path.name))
        self.post_message(self.PreviewWanted(doc, path))

    async def show_preview(self, document: DocumentView, path: Path, text: str | None, problem: str) -> None:
        """The file's text (``None``: it could not be read, ``problem`` says why)."""
        if path != self.previewed:
            return  # another row was highlighted meanwhile
        title = self.query_one("#rp-preview-title", Static)
        markdown = self.query_one("#rp-preview", Markdown)
        if text is None:
            self.previewed = None  # try again when the row is highlighted again
            title.update(problem)
            await markdown.update("")
            return
        title.update(t("tui.report.preview.title", file=path.name, kind=kind_label(document.kind),
                       version=document.version))
        await markdown.update(text)
        self.query_one("#rp-preview-box", VerticalScroll).scroll_home(animate=False)

    def preview_text(self) -> str:
        """The source of the Markdown shown (for tests and the command palette)."""
        return self.query_one("#rp-preview", Markdown).source or ""

"""The 单位反馈 tab: the engagement's findings, each with the unit's latest reply to the draft report
(同意, or 不同意 with the reason), and a count of what is still unanswered. Rows are keyed by the
finding's code; the screen's ``a``/``x`` keys act on the highlighted one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static
from textual.widgets.data_table import RowDoesNotExist

from auditdesk.core.money import format_thousands
from auditdesk.i18n import t
from auditdesk.services.register_views import RegisterItem
from auditdesk.tui.widgets.report.common import Reply, ReportData, local_time

COLUMNS = ("code", "title", "amount", "status", "verdict", "note", "who", "at")
VERDICT_STYLE = {"agree": "green", "disagree": "bold red"}


def verdict_text(reply: Reply | None) -> Text:
    if reply is None:
        return Text(t("tui.report.verdict.none"), style="dim")
    return Text(t(f"tui.report.verdict.{reply.verdict}"), style=VERDICT_STYLE.get(reply.verdict, ""))


class RepliesPane(Vertical):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.findings: dict[str, RegisterItem] = {}

    def compose(self) -> ComposeResult:
        yield DataTable(id="rp-replies", cursor_type="row", zebra_stripes=True)
        yield Static(t("tui.report.replies.none"), id="rp-replies-status", markup=False)

    def on_mount(self) -> None:
        table = self.query_one("#rp-replies", DataTable)
        for key in COLUMNS:
            label = t(f"tui.report.replies.col.{key}")
            table.add_column(Text(label, justify="right") if key == "amount" else label, key=key)

    def show(self, data: ReportData) -> None:
        table = self.query_one("#rp-replies", DataTable)
        current = self.current()
        table.clear()
        self.findings = {}
        counts = {"agree": 0, "disagree": 0, "none": 0}
        for f in data.findings:
            self.findings[f.code] = f
            reply = data.replies.get(f.code)
            counts[reply.verdict if reply is not None and reply.verdict in counts else "none"] += 1
            table.add_row(
                f.code, f.title, Text(format_thousands(f.amount), justify="right"), f.status_label,
                verdict_text(reply), reply.note if reply else "", reply.who if reply else "",
                local_time(reply.at) if reply else "", key=f.code,
            )
        if current is not None:
            try:
                table.move_cursor(row=table.get_row_index(current))
            except RowDoesNotExist:
                pass
        status = self.query_one("#rp-replies-status", Static)
        if data.findings:
            status.update(t("tui.report.replies.summary", count=len(data.findings), **counts))
        else:
            status.update(t("tui.report.replies.none"))

    def current(self) -> str | None:
        """The code of the highlighted finding."""
        table = self.query_one("#rp-replies", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return key if key in self.findings else None

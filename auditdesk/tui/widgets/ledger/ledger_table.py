"""The ledger browser's table: never more than one page of rows (the database pages, not the widget)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from auditdesk.core.money import format_thousands
from auditdesk.i18n import t

if TYPE_CHECKING:
    from decimal import Decimal

    from auditdesk.services.ledger import EntryRow

COLUMNS = ("date", "voucher", "summary", "account_code", "account_name", "debit", "credit", "source", "mark")
CLOSING_STYLE = "dim italic"
UNRESOLVED_STYLE = "yellow"


def money_cell(amount: Decimal, style: str = "") -> Text:
    """Right-aligned with thousands separators; an empty side stays blank, as ledgers print it."""
    return Text(format_thousands(amount) if amount else "", style=style, justify="right")


def entry_cells(row: EntryRow) -> list[Text]:
    style = CLOSING_STYLE if row.is_closing else ""
    account_style = UNRESOLVED_STYLE if not row.resolved else style
    marks: list[tuple[str, str]] = []
    if row.is_closing:
        marks.append((t("tui.ledger.mark.closing"), "bold magenta"))
    if not row.resolved:
        marks.append((t("tui.ledger.mark.unresolved"), "bold yellow"))
    mark = Text()
    for i, (label, mark_style) in enumerate(marks):
        if i:
            mark.append(" ")
        mark.append(label, style=mark_style)
    return [
        Text(row.date.isoformat(), style=style),
        Text(row.voucher, style=style),
        Text(row.summary, style=style),
        Text(row.account_code, style=account_style),
        Text(row.account_name, style=account_style),
        money_cell(row.debit, style),
        money_cell(row.credit, style),
        Text(f"{row.sheet}:{row.row}", style="dim"),
        mark,
    ]


class LedgerTable(DataTable[Text]):
    """Moving the cursor past the last row asks for the next page, before the first for the previous."""

    @dataclass
    class EdgeReached(Message):
        forward: bool

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        for key in COLUMNS:
            self.add_column(t(f"tui.ledger.col.{key}"), key=key)

    def show(self, rows: tuple[EntryRow, ...], cursor_at_end: bool = False) -> None:
        self.clear()
        self.add_rows([entry_cells(r) for r in rows])
        if rows:
            self.move_cursor(row=len(rows) - 1 if cursor_at_end else 0, animate=False)

    def action_cursor_down(self) -> None:
        if self.row_count and self.cursor_row >= self.row_count - 1:
            self.post_message(self.EdgeReached(forward=True))
            return
        super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.row_count and self.cursor_row <= 0:
            self.post_message(self.EdgeReached(forward=False))
            return
        super().action_cursor_up()

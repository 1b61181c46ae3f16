"""The register's findings table: one row per finding, styled cells (no widget per row).

Overdue rows are red, drafts and withdrawn findings dimmed; the last column says how many days a
finding is overdue and flags a repeat problem (屡审屡犯). Rows are keyed by the finding's code.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable

from auditdesk.core.money import format_thousands
from auditdesk.i18n import t
from auditdesk.services.register_views import RegisterItem
from auditdesk.tui.localize import category_label
from auditdesk.tui.widgets.register.common import (
    DIMMED,
    DUE_SOON_DAYS,
    OVERDUE_STYLE,
    status_text,
)

COLUMNS = ("code", "unit", "category", "title", "amount", "status", "deadline", "flags")
OVERDUE_ROW = "red"
REPEAT_STYLE = "bold magenta"
DUE_SOON_STYLE = "yellow"


def row_style(item: RegisterItem) -> str:
    if item.overdue:
        return OVERDUE_ROW
    return "dim" if item.status in DIMMED else ""


def flags_text(item: RegisterItem) -> Text:
    text = Text()
    if item.overdue:
        text.append(t("register.overdue_days", days=item.days_overdue), style=OVERDUE_STYLE)
    elif item.due_within(DUE_SOON_DAYS):
        text.append(t("tui.register.due_in", days=item.days_left), style=DUE_SOON_STYLE)
    if item.repeat:
        if text:
            text.append(" ")
        text.append(t("register.repeat"), style=REPEAT_STYLE)
    return text


def finding_cells(item: RegisterItem) -> list[Text]:
    style = row_style(item)
    return [
        Text(item.code, style=style),
        Text(item.unit, style=style),
        Text(category_label(item.category), style=style),
        Text(item.title, style=style),
        Text(format_thousands(item.amount), style=style, justify="right"),
        status_text(item.status, item.overdue),
        Text(item.deadline.isoformat() if item.deadline else "—", style=style),
        flags_text(item),
    ]


class FindingsTable(DataTable[Text]):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        for key in COLUMNS:
            label = t(f"tui.register.col.{key}")
            self.add_column(Text(label, justify="right") if key == "amount" else label, key=key)

    def show(self, items: Sequence[RegisterItem], focus: str | None = None) -> None:
        """Show ``items``, the cursor on the finding ``focus`` (else on the row it was on)."""
        row = self.cursor_row
        self.clear()
        for item in items:
            self.add_row(*finding_cells(item), key=item.code)
        if not items:
            return
        codes = [i.code for i in items]
        if focus in codes:
            row = codes.index(focus)
        self.move_cursor(row=max(0, min(row, len(items) - 1)), animate=False)

    def current(self) -> str | None:
        """The code of the finding under the cursor."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return key.value

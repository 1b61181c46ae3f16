"""The 问题草稿 tab: confirmed suspicions (and failed items) waiting as draft findings for the register."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from auditdesk.core.money import ZERO
from auditdesk.i18n import t
from auditdesk.tui.localize import category_label
from auditdesk.tui.widgets.fieldwork.common import FieldworkData, FieldworkPane, money

COLUMNS = ("code", "category", "title", "amount", "suspicion", "created_by")


class DraftsPane(FieldworkPane):
    def compose(self) -> ComposeResult:
        yield DataTable(id="fw-drafts", cursor_type="row", zebra_stripes=True)
        yield Static(t("tui.fieldwork.drafts.none"), id="fw-drafts-status", markup=False)

    def on_mount(self) -> None:
        table = self.query_one("#fw-drafts", DataTable)
        for key in COLUMNS:
            label = t(f"tui.fieldwork.drafts.col.{key}")
            table.add_column(Text(label, justify="right") if key == "amount" else label, key=key)

    def show(self, data: FieldworkData) -> None:
        table = self.query_one("#fw-drafts", DataTable)
        table.clear()
        for f in data.drafts:
            table.add_row(
                f.code, category_label(f.category), f.title, money(f.amount),
                f"#{f.suspicion_id}" if f.suspicion_id else "—", f.created_by, key=str(f.id),
            )
        total = sum((f.amount for f in data.drafts), ZERO)
        status = self.query_one("#fw-drafts-status", Static)
        if data.drafts:
            status.update(t("tui.fieldwork.drafts.total", count=len(data.drafts), amount=money(total).plain))
        else:
            status.update(t("tui.fieldwork.drafts.none"))

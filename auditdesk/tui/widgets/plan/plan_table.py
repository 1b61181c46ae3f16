"""The plan screen's table: ranked units with score, selection mark and reasons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import DataTable

from auditdesk.i18n import t

if TYPE_CHECKING:
    from auditdesk.services.plan import PlanProposal

COLUMNS = ("rank", "unit", "score", "selected", "reasons")


class PlanTable(DataTable[str | Text]):
    """One row per unit, keyed by the unit's name; the selection is kept here until approval exists."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.selected: set[str] = set()

    def on_mount(self) -> None:
        for key in COLUMNS:
            self.add_column(t(f"tui.plan.col.{key}"), key=key)

    def show(self, proposal: PlanProposal) -> None:
        from auditdesk.services.plan import render_reason

        self.clear()
        self.selected = {c.unit.name for c in proposal.candidates if c.selected}
        sep = t("plan.reasons.sep")
        for rank, c in enumerate(proposal.candidates, start=1):
            self.add_row(
                Text(str(rank), justify="right"),
                c.unit.name,
                Text(str(c.score), justify="right"),
                self._mark(c.unit.name),
                sep.join(render_reason(r) for r in c.reasons),
                key=c.unit.name,
            )

    def _mark(self, unit: str) -> str:
        return t("plan.mark.selected") if unit in self.selected else ""

    def current_unit(self) -> str | None:
        if self.row_count == 0 or not 0 <= self.cursor_row < self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def toggle(self) -> str | None:
        """Add the highlighted unit to the selection or remove it; the unit's name."""
        unit = self.current_unit()
        if unit is None:
            return None
        self.selected.symmetric_difference_update({unit})
        self.update_cell(unit, "selected", self._mark(unit))
        return unit

"""The plan screen's table: ranked units with score, selection mark and reasons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import DataTable

from auditdesk.i18n import t

if TYPE_CHECKING:
    from auditdesk.services.plan import ApprovedPlan, PlanProposal

COLUMNS = ("rank", "unit", "score", "selected", "reasons", "reference")


class PlanTable(DataTable[str | Text]):
    """One row per unit, keyed by the unit's name; the selection is kept here until the plan is approved,
    then the table shows the approved plan (with each engagement's reference) and is read-only."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.selected: set[str] = set()
        self.approved = False

    def on_mount(self) -> None:
        for key in COLUMNS:
            self.add_column(t(f"tui.plan.col.{key}"), key=key)

    def show(self, proposal: PlanProposal) -> None:
        from auditdesk.services.plan import render_reason

        self.clear()
        self.approved = False
        self.selected = {c.unit.name for c in proposal.candidates if c.selected}
        sep = t("plan.reasons.sep")
        for rank, c in enumerate(proposal.candidates, start=1):
            self.add_row(
                Text(str(rank), justify="right"),
                c.unit.name,
                Text(str(c.score), justify="right"),
                self._mark(c.unit.name),
                sep.join(render_reason(r) for r in c.reasons),
                "",
                key=c.unit.name,
            )

    def show_approved(self, plan: ApprovedPlan) -> None:
        """The stored plan: its ranks, scores and reasons as approved, and the engagements' references."""
        self.clear()
        self.approved = True
        self.selected = {i.unit for i in plan.items if i.selected}
        sep = t("plan.reasons.sep")
        for item in plan.items:
            self.add_row(
                Text(str(item.rank), justify="right"),
                item.unit,
                Text(str(item.score), justify="right"),
                self._mark(item.unit),
                sep.join(item.reasons),
                item.reference or "",
                key=item.unit,
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
        if unit is None or self.approved:
            return None
        self.selected.symmetric_difference_update({unit})
        self.update_cell(unit, "selected", self._mark(unit))
        return unit

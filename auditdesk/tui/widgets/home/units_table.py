"""The home screen's table: one row per unit and imported fiscal year."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from auditdesk.i18n import t
from auditdesk.tui.localize import localize_bindings

if TYPE_CHECKING:
    from auditdesk.services.ledger import ImportView
    from auditdesk.services.units import UnitView


@dataclass(frozen=True)
class UnitRow:
    unit: UnitView
    year: int | None
    entries: int
    quarantined: int
    files: int


def unit_rows(units: list[UnitView], imports: list[ImportView]) -> list[UnitRow]:
    """One row per (unit, active year); a unit without imports gets one row with no year."""
    per_year: dict[tuple[str, int], list[ImportView]] = defaultdict(list)
    for imp in imports:
        if imp.status == "active":
            per_year[(imp.unit, imp.year)].append(imp)
    rows: list[UnitRow] = []
    for unit in units:
        years = sorted(set(unit.years) | {y for (u, y) in per_year if u == unit.name})
        if not years:
            rows.append(UnitRow(unit, None, 0, 0, 0))
        for year in years:
            found = per_year.get((unit.name, year), [])
            rows.append(
                UnitRow(
                    unit,
                    year,
                    sum(i.entries for i in found),
                    sum(i.quarantined for i in found),
                    len(found),
                )
            )
    return rows


def _num(value: int | None) -> Text:
    return Text("" if value is None else f"{value:,}", justify="right")


class UnitsTable(DataTable[str | Text]):
    """Units and their years. Enter opens the ledger of the highlighted unit and year."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter", "select_cursor", "tui.key.open_ledger", id="home.open", tooltip="tui.tip.open_ledger"
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        localize_bindings(self)
        self.rows_by_key: dict[str, UnitRow] = {}

    def on_mount(self) -> None:
        for key in ("name", "code", "members", "year", "entries", "quarantined", "files"):
            self.add_column(t(f"tui.home.col.{key}"), key=key)

    @staticmethod
    def row_key(unit_name: str, year: int | None) -> str:
        return f"{unit_name}\x1f{year if year is not None else ''}"

    def show(self, rows: list[UnitRow]) -> None:
        """Replace the rows, keeping the cursor on the same unit and year when possible."""
        current = self.current()
        self.clear()
        self.rows_by_key = {}
        for row in rows:
            key = self.row_key(row.unit.name, row.year)
            self.rows_by_key[key] = row
            self.add_row(
                row.unit.name,
                row.unit.code or "",
                _num(row.unit.members),
                Text(str(row.year)) if row.year is not None else Text(t("tui.home.no_year"), style="dim"),
                _num(row.entries) if row.year is not None else Text(""),
                _num(row.quarantined) if row.quarantined else Text(""),
                _num(row.files) if row.year is not None else Text(""),
                key=key,
            )
        if current is not None:
            self.select(current.unit.name, current.year)

    def current(self) -> UnitRow | None:
        if not self.rows_by_key or self.cursor_row < 0 or self.cursor_row >= self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return self.rows_by_key.get(key or "")

    def select(self, unit_name: str, year: int | None) -> bool:
        """Move the cursor to the unit's row for ``year`` (or its first row)."""
        wanted = self.row_key(unit_name, year)
        candidates = [wanted] + [k for k in self.rows_by_key if k.split("\x1f")[0] == unit_name]
        for key in candidates:
            if key in self.rows_by_key:
                self.move_cursor(row=self.get_row_index(key))
                return True
        return False

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from auditdesk.services.context import Context
from auditdesk.services.imports import import_ledger
from auditdesk.services.units import add_unit
from auditdesk.tui.app import AuditdeskApp
from auditdesk.tui.screens.ledger import LedgerScreen
from auditdesk.tui.screens.quarantine import QuarantineScreen
from tests.tui.support import JOURNAL, settle, write_workbook

UNIT = "县医院工会"


async def test_quarantined_rows_are_shown_from_the_ledger(app: AuditdeskApp, ctx: Context,
                                                           tmp_path: Path) -> None:
    add_unit(ctx, UNIT)
    rows = [list(r) for r in JOURNAL]
    rows[1][5] = "壹佰元"
    report = import_ledger(ctx, write_workbook(tmp_path / "j.xlsx", rows), UNIT, 2024, quarantine=True)
    assert report.quarantined == 1
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LedgerScreen)
        await pilot.press("x")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuarantineScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == 1
        source, column, value, reason, raw = (str(c) for c in table.get_row_at(0))
        assert source == "序时账:4" and column == "F" and value == "壹佰元"
        assert "不是金额" in reason and "壹佰元" in raw
        assert "共 1 行被隔离" in str(screen.query_one("#quarantine-status", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LedgerScreen)

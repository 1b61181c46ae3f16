from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, Static

from auditdesk.services.context import Context
from auditdesk.services.imports import import_ledger
from auditdesk.services.units import add_unit
from auditdesk.tui.app import AuditdeskApp
from auditdesk.tui.screens.ledger import LedgerScreen
from auditdesk.tui.widgets.ledger.ledger_table import LedgerTable
from tests.tui.support import settle, write_csv_journal, write_workbook

SIZE = (160, 40)
UNIT = "县第一中学工会"


def _status(screen: LedgerScreen) -> str:
    return str(screen.query_one("#ledger-status", Static).render())


def _first_cells(table: LedgerTable, column: int) -> list[str]:
    return [table.get_row_at(i)[column].plain for i in range(table.row_count)]


async def _open_ledger(app: AuditdeskApp, pilot) -> LedgerScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, LedgerScreen)
    return screen


async def test_browser_pages_and_filters(app: AuditdeskApp, ctx: Context, tmp_path: Path) -> None:
    add_unit(ctx, UNIT)
    import_ledger(ctx, write_csv_journal(tmp_path / "j.csv", vouchers=125), UNIT, 2024)  # 250 lines
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_ledger(app, pilot)
        table = screen.query_one(LedgerTable)
        assert table.row_count == 100
        assert screen.sub_title == f"账簿 · {UNIT} · 2024 年度"
        status = _status(screen)
        assert status.startswith("第 1/3 页 · 共 250 条")
        first_page = _first_cells(table, 2)
        debit = table.get_row_at(0)[5]
        assert debit.justify == "right" and "." in debit.plain

        await pilot.press("pagedown")
        await settle(pilot)
        assert _status(screen).startswith("第 2/3 页")
        assert _first_cells(table, 2) != first_page
        await pilot.press("n")
        await settle(pilot)
        assert _status(screen).startswith("第 3/3 页") and table.row_count == 50
        await pilot.press("n")  # past the last page: stays
        await settle(pilot)
        assert _status(screen).startswith("第 3/3 页")
        await pilot.press("p", "pageup")
        await settle(pilot)
        assert _status(screen).startswith("第 1/3 页")
        assert _first_cells(table, 2) == first_page

        # the cursor moving past the last row loads the next page
        table.move_cursor(row=99)
        await pilot.press("down")
        await settle(pilot)
        assert _status(screen).startswith("第 2/3 页") and table.cursor_row == 0
        await pilot.press("up")
        await settle(pilot)
        assert _status(screen).startswith("第 1/3 页") and table.cursor_row == 99

        # typing in a filter field: n and p are letters there, not page keys
        screen.query_one("#filter-text", Input).focus()
        await pilot.press("n", "p")
        assert screen.query_one("#filter-text", Input).value == "np"
        assert _status(screen).startswith("第 1/3 页")
        screen.query_one("#filter-text", Input).value = ""
        table.focus()
        await pilot.press("slash")  # from the table, / jumps to the account filter
        assert app.focused is screen.query_one("#filter-account", Input)
        await pilot.press(*"50105", "enter")  # every 7th voucher is a 50105 gift: 17 of 125
        await settle(pilot)
        assert _status(screen).startswith("第 1/1 页 · 共 17 条")
        assert set(_first_cells(table, 3)) == {"50105"}
        gifts_status = _status(screen)

        # plus a summary text: one voucher
        screen.query_one("#filter-text", Input).value = "慰问品7"
        screen.query_one("#filter-text", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert _status(screen).startswith("第 1/1 页 · 共 ")
        assert _status(screen) != gifts_status
        assert all("慰问品7" in s for s in _first_cells(table, 2))

        # a bad date is named, the filter stays as it was
        before = _status(screen)
        screen.query_one("#filter-date-from", Input).value = "2024-02-30"
        screen.query_one("#filter-date-from", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert _status(screen) == before

        await pilot.press("ctrl+l")
        await settle(pilot)
        assert _status(screen).startswith("第 1/3 页 · 共 250 条")


async def test_date_filter_and_totals(app: AuditdeskApp, ctx: Context, tmp_path: Path) -> None:
    add_unit(ctx, UNIT)
    import_ledger(ctx, write_workbook(tmp_path / "j.xlsx"), UNIT, 2024)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_ledger(app, pilot)
        assert "借方合计 5,830.50 · 贷方合计 5,830.50" in _status(screen)
        screen.query_one("#filter-date-from", Input).value = "2024-02-01"
        screen.query_one("#filter-date-to", Input).value = "2024-02-28"
        screen.query_one("#filter-date-to", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "共 2 条 · 借方合计 3,600.00 · 贷方合计 3,600.00" in _status(screen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, LedgerScreen)


async def test_closing_and_unresolved_entries_are_marked(
    app: AuditdeskApp, ctx: Context, tmp_path: Path
) -> None:
    add_unit(ctx, UNIT)
    rows: list[list[Any]] = [
        [
            "2024-04-01",
            "记-4",
            "业务培训",
            "503",
            "业务支出",
            100,
            None,
        ],  # 503 is not 业务支出 in the 2021 chart
        ["2024-04-01", "记-4", "业务培训", "102", "银行存款", None, 100],
        ["2024-12-31", "记-9", "本年收支结转", "401", "会费收入", 1250.5, None],
        ["2024-12-31", "记-9", "本年收支结转", "32203", "本年收支结转", None, 1250.5],
    ]
    import_ledger(ctx, write_workbook(tmp_path / "j.xlsx", rows), UNIT, 2024)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_ledger(app, pilot)
        table = screen.query_one(LedgerTable)
        marks = _first_cells(table, 8)
        assert marks == ["科目未识别", "", "结转", "结转"]
        closing_summary = table.get_row_at(2)[2]
        assert "italic" in str(closing_summary.style)

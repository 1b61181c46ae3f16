from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Checkbox, DataTable, Input, Select, Static

from auditdesk.services.context import Context
from auditdesk.services.ledger import list_imports
from auditdesk.services.units import add_unit
from auditdesk.tui.app import AuditdeskApp
from auditdesk.tui.screens.error import ErrorModal
from auditdesk.tui.screens.home import HomeScreen
from auditdesk.tui.screens.imports import ImportScreen
from auditdesk.tui.widgets.home.units_table import UnitsTable
from auditdesk.tui.widgets.imports.file_picker import complete_path
from tests.tui.support import JOURNAL, settle, write_workbook

SIZE = (160, 50)
UNIT = "县人民医院工会"


def _text(screen: ImportScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def _open_import(app: AuditdeskApp, pilot, path: Path, year: str = "2024") -> ImportScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("i")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, ImportScreen)
    assert screen.query_one("#import-unit", Select).value == UNIT  # preselected from the home row
    screen.query_one("#import-path", Input).value = str(path)
    screen.query_one("#import-year", Input).value = year
    return screen


async def test_import_through_the_screen(app: AuditdeskApp, ctx: Context, tmp_path: Path) -> None:
    add_unit(ctx, UNIT)
    path = write_workbook(tmp_path / "医院2024.xlsx")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_import(app, pilot, path)
        assert screen.query_one("#import-run", Button).disabled  # preview first
        await pilot.press("ctrl+r")
        await settle(pilot)
        summary = _text(screen, "#preview-summary")
        assert "预览" in summary and "xlsx" in summary and "6 条" in summary
        sheets = screen.query_one("#preview-sheets", DataTable)
        assert sheets.row_count == 1
        sheet_row = [str(c) for c in sheets.get_row_at(0)]
        assert sheet_row[0] == "序时账" and sheet_row[2] == "2" and "摘要" in sheet_row[3]
        assert "未发现问题" in _text(screen, "#preview-problems")
        assert not screen.query_one("#import-run", Button).disabled
        assert list_imports(ctx) == []  # a preview stores nothing
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one(UnitsTable)
        row = table.current()
        assert row is not None and (row.unit.name, row.year, row.entries) == (UNIT, 2024, len(JOURNAL))
    [imp] = list_imports(ctx)
    assert (imp.unit, imp.year, imp.entries, imp.status) == (UNIT, 2024, len(JOURNAL), "active")


async def test_rejected_import_shows_problems_and_stores_nothing(
    app: AuditdeskApp, ctx: Context, tmp_path: Path
) -> None:
    add_unit(ctx, UNIT)
    rows = [list(r) for r in JOURNAL]
    rows[2][5] = "三千六"  # not an amount
    rows[4][0] = "2024-02-30"  # no such day
    path = write_workbook(tmp_path / "bad.xlsx", rows)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_import(app, pilot, path)
        await pilot.press("ctrl+r")
        await settle(pilot)
        problems = _text(screen, "#preview-problems")
        assert "三千六" in problems and "2024-02-30" in problems
        assert "2 个问题" in _text(screen, "#import-state")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen  # stays, showing why
        assert "已拒绝" in _text(screen, "#preview-summary")
        assert "未写入任何数据" in _text(screen, "#import-state")
        assert screen.query_one("#import-run", Button).disabled
    assert list_imports(ctx) == []


async def test_quarantine_imports_the_good_rows(app: AuditdeskApp, ctx: Context, tmp_path: Path) -> None:
    add_unit(ctx, UNIT)
    rows = [list(r) for r in JOURNAL]
    rows[2][5] = "三千六"
    path = write_workbook(tmp_path / "bad.xlsx", rows)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_import(app, pilot, path)
        screen.query_one("#import-quarantine", Checkbox).value = True
        await pilot.press("ctrl+r")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    [imp] = list_imports(ctx)
    assert (imp.entries, imp.quarantined) == (len(JOURNAL) - 1, 1)


async def test_duplicate_import_shows_the_error_modal(
    app: AuditdeskApp, ctx: Context, tmp_path: Path
) -> None:
    from auditdesk.services.imports import import_ledger

    add_unit(ctx, UNIT)
    path = write_workbook(tmp_path / "医院2024.xlsx")
    import_ledger(ctx, path, UNIT, 2024)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_import(app, pilot, path)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert isinstance(app.screen, ErrorModal)
        assert "医院2024.xlsx" in str(app.screen.query_one("#error-message", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#import-run", Button).disabled
        screen.query_one("#import-force", Checkbox).value = True  # replace the earlier import
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert not screen.query_one("#import-run", Button).disabled
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert sorted(i.status for i in list_imports(ctx)) == ["active", "superseded"]


async def test_missing_inputs_are_named(app: AuditdeskApp, ctx: Context, tmp_path: Path) -> None:
    add_unit(ctx, UNIT)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_import(app, pilot, tmp_path / "nowhere.xlsx")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "找不到文件" in _text(screen, "#import-state")
        screen.query_one("#import-path", Input).value = ""
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "请先选择或输入账簿文件" in _text(screen, "#import-state")


def test_path_completion(tmp_path: Path) -> None:
    write_workbook(tmp_path / "医院2024.xlsx")
    (tmp_path / "说明.txt").write_text("x", encoding="utf-8")
    (tmp_path / "账簿").mkdir()
    assert complete_path(str(tmp_path / "医")) == str(tmp_path / "医院2024.xlsx")
    assert complete_path(str(tmp_path / "账")) == str(tmp_path / "账簿") + "/"
    assert complete_path(str(tmp_path / "说")) is None  # not a ledger file
    assert complete_path(str(tmp_path / "医院2024.xlsx")) is None

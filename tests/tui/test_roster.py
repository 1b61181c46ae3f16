"""Roster import in the TUI: key u, a path, a preview that stores nothing, the import, the table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Button, Input, Static

from auditdesk.services.context import Context
from auditdesk.services.units import add_unit, list_units
from auditdesk.tui.app import AuditdeskApp
from auditdesk.tui.screens.home import HomeScreen
from auditdesk.tui.screens.roster import RosterModal
from auditdesk.tui.widgets.home.units_table import UnitsTable
from tests.fixtures.ledgers import write_xlsx
from tests.tui.support import settle

SIZE = (140, 44)
HEADER = ["单位名称", "单位代码", "会员人数", "职工人数", "上次审计年度"]


def _text(screen: RosterModal, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def _names(table: UnitsTable) -> list[str]:
    return sorted(str(table.get_row_at(i)[0]) for i in range(table.row_count))


async def _open(app: AuditdeskApp, pilot: Any, path: Path) -> RosterModal:
    await settle(pilot)
    await pilot.press("u")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, RosterModal)
    screen.query_one("#roster-path", Input).value = str(path)
    return screen


async def test_preview_then_import_a_roster(app: AuditdeskApp, ctx: Context, tmp_path: Path) -> None:
    add_unit(ctx, "县人民医院工会", code="GH002", members=300)
    rows: list[list[Any]] = [
        ["青陉县基层工会名册"],
        HEADER,
        ["县人民医院工会", "GH002", 312, 330, 2022],
        ["县第一中学工会", "JY001", 85, 90, "从未审计"],
        ["县交通局工会", "JT003", 40, 41, None],
    ]
    path = write_xlsx(tmp_path / "名册.xlsx", {"名册": rows})
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot, path)
        assert screen.query_one("#roster-run", Button).disabled  # preview first
        await pilot.press("ctrl+r")
        await settle(pilot)
        state = _text(screen, "#roster-state")
        assert "新增 2 个" in state and "更新 1 个" in state
        lines = _text(screen, "#roster-lines")
        assert "县第一中学工会" in lines and "会员人数 300 → 312" in lines
        assert len(list_units(ctx)) == 1  # a preview stores nothing
        assert not screen.query_one("#roster-run", Button).disabled
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert _names(app.screen.query_one(UnitsTable)) == [
            "县交通局工会",
            "县人民医院工会",
            "县第一中学工会",
        ]
    units = {u.name: u for u in list_units(ctx)}
    assert units["县人民医院工会"].members == 312 and units["县人民医院工会"].last_audit_year == 2022


async def test_a_roster_with_problems_cannot_be_imported(
    app: AuditdeskApp, ctx: Context, tmp_path: Path
) -> None:
    rows: list[list[Any]] = [HEADER, ["县第一中学工会", "JY001", "八十五", 90, None], [None, "X", 1, 1, None]]
    path = write_xlsx(tmp_path / "bad.xlsx", {"名册": rows})
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot, path)
        await pilot.click("#roster-preview")
        await settle(pilot)
        assert "2 个问题" in _text(screen, "#roster-state")
        lines = _text(screen, "#roster-lines")
        assert "八十五" in lines and "第 3 行" in lines
        assert screen.query_one("#roster-run", Button).disabled
        await pilot.press("ctrl+s")  # refused: nothing previewed cleanly
        await settle(pilot)
        assert isinstance(app.screen, RosterModal)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert list_units(ctx) == []


async def test_a_missing_file_is_said_plainly(app: AuditdeskApp, tmp_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot, tmp_path / "nowhere.xlsx")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "找不到文件" in _text(screen, "#roster-state")
        screen.query_one("#roster-path", Input).value = str(
            write_xlsx(tmp_path / "x.xlsx", {"a": [["日期"]]})
        )
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "名册表头" in str(app.screen.query_one("#error-message", Static).render())

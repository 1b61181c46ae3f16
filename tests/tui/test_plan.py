"""The plan screen: key p on the home screen, ranked units, space toggles the local selection."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, Static

from auditdesk.services.context import Context
from auditdesk.services.plan import ApprovedPlan, show_plan
from auditdesk.services.units import add_unit
from auditdesk.tui.app import AuditdeskApp
from auditdesk.tui.screens.error import ErrorModal
from auditdesk.tui.screens.home import HomeScreen
from auditdesk.tui.screens.plan import PlanScreen
from auditdesk.tui.widgets.plan.plan_table import PlanTable
from tests.tui.support import settle

SIZE = (160, 44)


def _text(screen: PlanScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_plan_screen_ranks_and_toggles(app: AuditdeskApp, ctx: Context) -> None:
    this_year = dt.date.today().year
    add_unit(ctx, "县交通局工会", last_audit_year=this_year - 1)
    add_unit(ctx, "县第一中学工会")
    add_unit(ctx, "县人民医院工会", last_audit_year=this_year - 3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        assert screen.query_one("#plan-year", Input).value == str(this_year)
        table = screen.query_one(PlanTable)
        assert [str(table.get_row_at(i)[1]) for i in range(table.row_count)] == [
            "县第一中学工会", "县人民医院工会", "县交通局工会",
        ]
        first = table.get_row_at(0)
        assert str(first[2]) == "55" and first[3] == "✓" and "从未审计（40 分）" in str(first[4])
        assert "已选 3 个单位" in _text(screen, "#plan-status")  # the standards' size 5 > 3 units
        weights = _text(screen, "#plan-weights")
        assert "national.toml" in weights and "从未审计得分：40" in weights
        assert table.has_focus
        await pilot.press("space")
        assert table.get_row_at(0)[3] == "" and "已选 2 个单位" in _text(screen, "#plan-status")
        await pilot.press("down", "space")
        assert "已选 1 个单位" in _text(screen, "#plan-status")
        await pilot.press("up", "space")
        assert table.get_row_at(0)[3] == "✓" and "已选 2 个单位" in _text(screen, "#plan-status")
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_another_year_is_computed(app: AuditdeskApp, ctx: Context) -> None:
    add_unit(ctx, "县交通局工会", last_audit_year=2020)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        await pilot.press("y")
        year = screen.query_one("#plan-year", Input)
        assert year.has_focus
        year.value = "2022"
        await pilot.press("enter")
        await settle(pilot)
        assert screen.year == 2022
        reasons = str(screen.query_one(PlanTable).get_row_at(0)[4])
        assert "上次审计在 2020 年，已隔 2 年（16 分）" in reasons
        year.value = "22"
        await pilot.press("y", "enter")
        await settle(pilot)
        assert screen.year == 2022  # refused with a notice, nothing recomputed


async def test_approve_the_selection_then_it_is_shown_approved(app: AuditdeskApp, ctx: Context) -> None:
    this_year = dt.date.today().year
    never = ["县第一中学工会", "县供电公司工会", "县人民医院工会", "县水务局工会", "县邮政局工会"]
    for name in never:
        add_unit(ctx, name)
    add_unit(ctx, "县交通局工会", last_audit_year=this_year - 1)  # ranked last, not proposed (size 5)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        table = screen.query_one(PlanTable)
        rows = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert rows[-1] == "县交通局工会" and table.get_row_at(5)[3] == ""
        first = rows[0]
        await pilot.press("space")  # drop the first proposed unit
        for _ in range(5):
            await pilot.press("down")
        await pilot.press("space")  # add the unit the proposal left out
        await pilot.press("ctrl+s")
        await settle(pilot)
        status = _text(screen, "#plan-status")
        assert f"{this_year} 年度计划已批准 · 测试员" in status and "选取 5 个单位" in status
        assert f"青工经审〔{this_year}〕1号" in status and f"青工经审〔{this_year}〕5号" in status
        assert table.approved and table.get_row_at(0)[3] == "" and table.get_row_at(5)[3] == "✓"
        assert str(table.get_row_at(5)[5]).startswith(f"青工经审〔{this_year}〕")
        assert str(table.get_row_at(0)[5]) == ""
        shown = show_plan(ctx, this_year)
        assert isinstance(shown, ApprovedPlan) and shown.approved_by == "测试员"
        assert {i.unit for i in shown.selected} == (set(never) - {first}) | {"县交通局工会"}
        # toggling is refused and a second approval is refused through the error modal
        await pilot.press("space")
        assert table.get_row_at(5)[3] == "✓"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ErrorModal)
        assert "不能再次批准" in str(app.screen.query_one("#error-message", Static).render())
        await pilot.press("escape")
        assert app.screen is screen and "已批准" in _text(screen, "#plan-status")
        await pilot.press("escape")
        await pilot.press("p")  # opened again: the year is shown as approved on load
        await settle(pilot)
        again = app.screen
        assert isinstance(again, PlanScreen) and again is not screen
        assert again.query_one(PlanTable).approved and "已批准" in _text(again, "#plan-status")
        assert "批准时所用的评分权重" in _text(again, "#plan-weights")

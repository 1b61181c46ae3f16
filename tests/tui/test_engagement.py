"""Engagements: home → g → the list → one engagement: stepper, edits, the notice, the stage gate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import DataTable, Input, SelectionList, Static

from auditdesk.core.engagement import Stage
from auditdesk.services.context import Context
from auditdesk.services.engagements import get_engagement, list_engagements
from auditdesk.services.imports import import_ledger
from auditdesk.services.plan import approve_plan
from auditdesk.services.units import add_unit
from auditdesk.tui.app import build_app
from auditdesk.tui.screens.engagement import EngagementScreen
from auditdesk.tui.screens.engagements import EngagementsScreen
from auditdesk.tui.screens.error import ErrorModal
from auditdesk.tui.widgets.engagement.stepper import Stepper
from tests.tui.support import settle, write_workbook

SIZE = (160, 50)
HOSPITAL = "县人民医院工会"


def _text(screen: EngagementScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def _county(ctx: Context, tmp_path: Path) -> str:
    """Two units, the hospital's 2024 ledger, the 2025 plan approved: the hospital's reference."""
    add_unit(ctx, HOSPITAL, members=310, last_audit_year=2021)
    add_unit(ctx, "县第一中学工会")
    import_ledger(ctx, write_workbook(tmp_path / "序时账.xlsx"), HOSPITAL, 2024)
    approve_plan(ctx, 2025, size=2, start=dt.date(2025, 4, 7))
    return next(e.reference for e in list_engagements(ctx) if e.unit == HOSPITAL)


async def test_the_whole_path_of_an_engagement(ctx: Context, tmp_path: Path) -> None:
    reference = _county(ctx, tmp_path)
    app = build_app(ctx, start_dir=tmp_path, documents_dir=tmp_path / "文书")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        listing = app.screen
        assert isinstance(listing, EngagementsScreen)
        table = listing.query_one("#engagements-table", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert len(rows) == 2
        row = next(i for i, r in enumerate(rows) if r[0] == reference)
        assert rows[row][1:] == [HOSPITAL, "2024", "计划", "张建国", "2025-04-07"]
        table.move_cursor(row=row)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EngagementScreen)
        heading = _text(screen, "#eng-heading")
        assert reference in heading and HOSPITAL in heading and "2024" in heading and "阶段：计划" in heading
        steps = str(screen.query_one(Stepper).render()).splitlines()
        assert steps[0] == "▶ 计划（当前阶段）"
        assert steps[1].startswith("○ 实施：尚需") and "尚未出具审计通知书" in steps[1]
        assert "年度审计计划尚未批准" not in steps[1]
        assert len(steps) == 5 and steps[4].startswith("○ 归档")
        areas = screen.query_one("#eng-areas", SelectionList)
        assert areas.option_count == 16 and len(areas.selected) == 16

        # a milestone out of order is refused with the reason, nothing saved
        screen.query_one("#eng-ms-fieldwork_end", Input).value = "2025-04-01"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ErrorModal)
        assert "时间节点有" in str(app.screen.query_one("#error-message", Static).render())
        await pilot.press("escape")
        assert get_engagement(ctx, reference).milestones["fieldwork_end"] != dt.date(2025, 4, 1)

        # edit the team, scope, one key area and a milestone, then save
        screen.query_one("#eng-lead", Input).value = "李审计"
        screen.query_one("#eng-members", Input).value = "王会计、赵出纳"
        screen.query_one("#eng-scope", Input).value = "2024年度工会经费收支及资产情况"
        screen.query_one("#eng-ms-fieldwork_end", Input).value = "2025-04-18"
        areas.focus()
        await pilot.press("space")  # untick the first key area
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ErrorModal)
        assert "已保存" in _text(screen, "#eng-status")
        saved = get_engagement(ctx, reference)
        assert saved.lead == "李审计" and saved.members == ("王会计", "赵出纳")
        assert saved.scope == "2024年度工会经费收支及资产情况"
        assert saved.milestones["fieldwork_end"] == dt.date(2025, 4, 18) and len(saved.key_areas) == 15
        assert "budget" not in saved.key_areas

        # a premature advance is refused with the unmet condition listed
        await pilot.press("f9")
        await settle(pilot)
        assert isinstance(app.screen, ErrorModal)
        refused = str(app.screen.query_one("#error-message", Static).render())
        assert "不能进入“实施”阶段" in refused and "尚未出具审计通知书" in refused
        await pilot.press("escape")
        assert get_engagement(ctx, reference).stage is Stage.PLAN

        # the notice, written into the app's documents folder and recorded (F6 works from a field too)
        screen.query_one("#eng-scope").focus()
        await pilot.press("f6")
        await settle(pilot)
        docs = get_engagement(ctx, reference).documents
        assert {(d.kind, d.version) for d in docs} == {("notice", 1), ("notice-md", 1)}
        assert all(Path(d.path).is_file() and (tmp_path / "文书") in Path(d.path).parents for d in docs)
        steps = str(screen.query_one(Stepper).render()).splitlines()
        assert steps[1] == "○ 实施：条件已满足"

        # now the move succeeds and the stepper follows
        await pilot.press("f9")
        await settle(pilot)
        assert app.screen is screen
        assert get_engagement(ctx, reference).stage is Stage.FIELDWORK
        steps = str(screen.query_one(Stepper).render()).splitlines()
        assert steps[0] == "✓ 计划" and steps[1] == "▶ 实施（当前阶段）"
        assert "阶段：实施" in _text(screen, "#eng-heading")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is listing
        stages = [str(table.get_row_at(i)[3]) for i in range(table.row_count)]
        assert stages[row] == "实施"

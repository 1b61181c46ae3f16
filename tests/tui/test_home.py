from __future__ import annotations

from textual.widgets import Input

from auditdesk.core.errors import AuditdeskError
from auditdesk.services.context import Context
from auditdesk.services.units import add_unit, list_units
from auditdesk.tui.app import AuditdeskApp
from auditdesk.tui.screens.error import error_text
from auditdesk.tui.screens.home import HomeScreen
from auditdesk.tui.screens.unit_form import UnitFormModal
from auditdesk.tui.widgets.home.units_table import UnitsTable
from tests.tui.support import settle

SIZE = (140, 40)


def _names(table: UnitsTable) -> list[str]:
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_home_lists_units(app: AuditdeskApp, ctx: Context) -> None:
    add_unit(ctx, "县人民医院工会", code="A01", members=320)
    add_unit(ctx, "县第一中学工会", members=85)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one(UnitsTable)
        assert sorted(_names(table)) == ["县人民医院工会", "县第一中学工会"]
        assert [c.label.plain for c in table.columns.values()][:4] == ["单位名称", "编码", "会员人数", "年度"]
        assert str(app.screen.sub_title).startswith("数据库")


async def test_add_unit_through_the_form(app: AuditdeskApp, ctx: Context) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, UnitFormModal)
        app.screen.query_one("#unit-name").value = "县供电公司工会"  # type: ignore[attr-defined]
        app.screen.query_one("#unit-members").value = "abc"  # type: ignore[attr-defined]
        await pilot.click("#unit-save")
        await pilot.pause()
        assert isinstance(app.screen, UnitFormModal)
        assert "abc" in str(
            app.screen.query_one("#unit-form-error").render()
        )  # refused: members is not a count
        app.screen.query_one("#unit-members").value = "120"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")  # the second way to save (a click right after a click is debounced)
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert _names(app.screen.query_one(UnitsTable)) == ["县供电公司工会"]
    [unit] = list_units(ctx)
    assert (unit.name, unit.members) == ("县供电公司工会", 120)


async def test_edit_unit_and_open_a_unit_without_ledger(app: AuditdeskApp, ctx: Context) -> None:
    add_unit(ctx, "县人民医院工会", members=300)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # no ledger yet: a warning, the home screen stays
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, UnitFormModal)
        members = app.screen.query_one("#unit-members", Input)
        assert members.value == "300"
        members.value = "310"
        app.screen.query_one("#unit-last_audit_year", Input).value = "2022"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    [unit] = list_units(ctx)
    assert (unit.members, unit.last_audit_year) == (310, 2022)


def test_error_text_never_shows_a_traceback() -> None:
    assert error_text(AuditdeskError("unit.not_found", name="某工会", suggestions="—")).startswith(
        "没有名为“某工会”"
    )
    assert "no.such.key" in error_text(AuditdeskError("no.such.key"))
    text = error_text(ZeroDivisionError("division by zero"))
    assert "ZeroDivisionError" in text and "Traceback" not in text

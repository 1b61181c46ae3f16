from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Footer

from auditdesk.i18n import set_lang
from auditdesk.services.context import Context
from auditdesk.services.units import add_unit
from auditdesk.tui.app import build_app
from auditdesk.tui.commands import ScreenActions
from auditdesk.tui.screens.home import HomeScreen
from auditdesk.tui.screens.unit_form import UnitFormModal
from auditdesk.tui.widgets.home.units_table import UnitsTable
from tests.tui.support import settle

SIZE = (140, 30)


def _footer_labels(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [binding.description for (_, binding, _, _) in app.screen.active_bindings.values() if binding.show]


async def test_english_when_the_language_is_set_before_building(ctx: Context, tmp_path: Path) -> None:
    add_unit(ctx, "县人民医院工会")
    set_lang("en")  # what `auditdesk --lang en` does, after every module was already imported
    app = build_app(ctx, start_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.title == "auditdesk"
        table = app.screen.query_one(UnitsTable)
        assert [c.label.plain for c in table.columns.values()][:2] == ["Unit", "Code"]
        labels = _footer_labels(app)
        assert "Import" in labels and "Add unit" in labels and "Quit" in labels
        assert app.screen.query_one(Footer) is not None


async def test_chinese_by_default_with_tooltips_and_ids(ctx: Context, tmp_path: Path) -> None:
    app = build_app(ctx, start_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.title == "经审台"
        labels = _footer_labels(app)
        assert "导入账套" in labels and "新增单位" in labels and "退出" in labels
        for _, binding, _, tooltip in app.screen.active_bindings.values():
            if binding.show:
                assert binding.id and tooltip, binding


async def test_palette_offers_the_screens_actions(ctx: Context, tmp_path: Path) -> None:
    app = build_app(ctx, start_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        provider = ScreenActions(home)
        names = [hit.text async for hit in provider.discover()]
        assert "新增单位" in names and "导入账套" in names
        hits = [hit async for hit in provider.search("新增")]
        assert [h.text for h in hits] == ["新增单位"]
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await pilot.pause()
        await hits[0].command()
        await pilot.pause()
        assert isinstance(app.screen, UnitFormModal)


async def test_palette_opens_the_register_from_any_screen(ctx: Context, tmp_path: Path) -> None:
    from auditdesk.tui.commands import GlobalScreens
    from auditdesk.tui.screens.register import RegisterScreen

    app = build_app(ctx, start_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        provider = GlobalScreens(app.screen)
        hits = [hit async for hit in provider.search("台账")]
        assert [h.text for h in hits] == ["问题台账"]
        hits[0].command()
        await settle(pilot)
        assert isinstance(app.screen, RegisterScreen)

"""The standards screen: key s on the home screen, the county's profile, another profile and date."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Input, Select, Static

from auditdesk.services.office import shipped_office_file, user_office_file
from auditdesk.tui.app import AuditdeskApp
from auditdesk.tui.screens.error import ErrorModal
from auditdesk.tui.screens.home import HomeScreen
from auditdesk.tui.screens.standards import StandardsScreen
from tests.tui.support import settle

SIZE = (160, 44)


def _text(screen: StandardsScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def _caps(screen: StandardsScreen) -> dict[str, list[str]]:
    table = screen.query_one("#standards-caps", DataTable)
    return {str(row.value): [str(cell) for cell in table.get_row(row)] for row in table.rows}


async def test_national_then_anhui_on_two_dates(app: AuditdeskApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StandardsScreen)
        assert screen.query_one("#standards-date", Input).value == dt.date.today().isoformat()
        select = screen.query_one("#standards-profile", Select)
        assert select.value == "national"  # the office file's profile
        assert {"national", "anhui", "hubei", "fujian", "heilongjiang"} <= {
            value for _, value in select._options if isinstance(value, str)
        }
        national = _caps(screen)
        assert list(national) == ["cash_payment", "retained_share"]  # no provincial caps
        assert national["cash_payment"][1] == "1,000.00" and national["cash_payment"][3] == "官方原文"
        assert national["retained_share"][1] == "60%"
        assert "共 2 条规则" in _text(screen, "#standards-status")
        details = _text(screen, "#standards-details")
        assert "可发节日慰问品的节日：元旦、春节" in details
        assert "shopping_cards 购物卡、代金券：购物卡" in details and "例外：提货券" in details

        select.value = "anhui"
        await settle(pilot)
        assert screen.standards is not None and screen.standards.name == "anhui"
        await pilot.press("d")
        date = screen.query_one("#standards-date", Input)
        assert date.has_focus
        date.value = "2025-09-01"
        await pilot.press("enter")
        await settle(pilot)
        gifts = _caps(screen)["holiday_gifts"]
        assert gifts[0] == "节日慰问品（每人每年合计）" and gifts[1] == "2,200.00"
        assert gifts[2] == "2025-08-21" and gifts[3] == "未核实" and "皖工发" in gifts[4]
        assert "2025-09-01 有效的限额" in _text(screen, "#standards-status")
        assert "例外：提货券" in _text(screen, "#standards-details")  # inherited from national

        date.value = "2024-06-01"
        await pilot.press("d", "enter")
        await settle(pilot)
        gifts = _caps(screen)["holiday_gifts"]
        assert gifts[1] == "1,500.00" and gifts[2] == "2018-03-12" and gifts[3] == "二手资料"

        date.value = "2017-01-01"
        await pilot.press("d", "enter")
        await settle(pilot)
        assert _caps(screen)["holiday_gifts"][4] == "（该日尚无有效版本）"

        date.value = "2024-13-01"
        await pilot.press("d", "enter")
        await settle(pilot)
        assert screen.on == dt.date(2017, 1, 1)  # refused with a notice
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_the_office_profile_is_the_default_and_an_unknown_one_is_explained(app: AuditdeskApp) -> None:
    user = user_office_file()
    user.parent.mkdir(parents=True, exist_ok=True)
    text = shipped_office_file().read_text(encoding="utf-8")
    user.write_text(text.replace('standards = "national"', 'standards = "hubei"'), encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StandardsScreen)
        assert screen.query_one("#standards-profile", Select).value == "hubei"
        assert "holiday_gifts" in _caps(screen)
        await pilot.press("escape")
        user.write_text(text.replace('standards = "national"', 'standards = "hebei"'), encoding="utf-8")
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, ErrorModal)
        shown = str(app.screen.query_one("#error-message", Static).render())
        assert "“hebei”" in shown and "anhui" in shown
        await pilot.press("escape")
        screen = app.screen
        assert isinstance(screen, StandardsScreen)  # another profile can still be chosen
        screen.query_one("#standards-profile", Select).value = "anhui"
        await settle(pilot)
        assert screen.standards is not None and screen.standards.name == "anhui"

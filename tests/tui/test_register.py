"""The register board (问题台账, ``t`` on the home screen) on a real database: confirmed suspicions arrive
as drafts, are moved through their lifecycle from the keyboard, exported for the unit, filled in with
openpyxl, imported after the diff was shown, and closed one by one."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from auditdesk.core.register import Status
from auditdesk.i18n import set_lang
from auditdesk.services.checks import confirm_suspicion, list_suspicions, run_ledger_checks
from auditdesk.services.context import Context
from auditdesk.services.register import add_finding, edit_finding, get_finding, move_finding, register_stats
from auditdesk.tui.app import AuditdeskApp, build_app
from auditdesk.tui.screens.error import ErrorModal
from auditdesk.tui.screens.register import RegisterScreen
from auditdesk.tui.screens.register_dialogs import AddModal
from auditdesk.tui.screens.register_exchange import ExportModal, ImportPathModal, ImportPreviewModal
from auditdesk.tui.screens.register_move import MoveModal
from auditdesk.tui.widgets.register.table import FindingsTable
from tests.cli.fieldwork import REF, UNIT, Cli, fieldwork_county
from tests.tui.support import settle

SIZE = (170, 50)
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
CJK_RUN = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")


@pytest.fixture
def drafts(cli: Cli, ctx: Context, tmp_path: Path) -> tuple[str, str]:
    """The hospital's engagement in 实施 with two confirmed suspicions: the draft findings' codes."""
    fieldwork_county(cli, ctx, tmp_path)
    run_ledger_checks(ctx, REF, views=False)
    found = list_suspicions(ctx, REF)
    codes = []
    for word, title in (("体检", "工会经费列支职工体检费"), ("购物卡", "以购物卡形式发放节日慰问品")):
        target = next(s for s in found if word in s.message and s.status == "open")
        codes.append(confirm_suspicion(ctx, target.id, title=title).code)
    return codes[0], codes[1]


async def _board(app: AuditdeskApp, pilot: Pilot[None]) -> RegisterScreen:
    await settle(pilot)
    await pilot.press("t")
    await settle(pilot)
    assert isinstance(app.screen, RegisterScreen)
    return app.screen


def _text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def _row(screen: RegisterScreen, code: str) -> list[Text]:
    table = screen.query_one(FindingsTable)
    return list(table.get_row(code))


async def _select(screen: RegisterScreen, pilot: Pilot[None], code: str) -> None:
    table = screen.query_one(FindingsTable)
    table.move_cursor(row=table.get_row_index(code))
    table.focus()
    await settle(pilot)
    assert screen.detail is not None and screen.detail.item.code == code


async def _move_dialog(app: AuditdeskApp, pilot: Pilot[None]) -> MoveModal:
    await pilot.press("m")
    await settle(pilot)
    assert isinstance(app.screen, MoveModal)
    return app.screen


def _offered(modal: MoveModal) -> list[str]:
    options = modal.query_one("#rg-move-target", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_a_full_lifecycle_from_the_keyboard(
    ctx: Context, tmp_path: Path, drafts: tuple[str, str]
) -> None:
    first, second = drafts
    (tmp_path / "退款凭证.pdf").write_bytes(b"%PDF-1.4 refund")
    app = build_app(ctx, start_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _board(app, pilot)
        table = screen.query_one(FindingsTable)
        assert table.row_count == 2 and _row(screen, first)[0].style == "dim"  # drafts are dimmed
        assert _text(screen, "#rg-counts") == "共 2 个 · 草稿 2"
        assert _text(screen, "#rg-sentence").startswith("全部年度：共发现0类0个问题")
        await _select(screen, pilot, first)
        assert "工会经费列支职工体检费" in _text(screen, "#rg-detail") and "可转为：待整改、已撤销" in _text(
            screen, "#rg-detail"
        )

        # issue the draft: the deadline may stay empty (the office's 90 days)
        modal = await _move_dialog(app, pilot)
        assert _offered(modal) == ["待整改", "已撤销"]
        assert (
            modal.query_one("#rg-move-row-deadline").display
            and not modal.query_one("#rg-move-row-approver").display
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        issued = get_finding(ctx, first)
        assert issued.item.status is Status.PENDING
        assert issued.item.deadline == dt.date.today() + dt.timedelta(days=90)
        assert str(_row(screen, first)[5]) == "待整改" and _row(screen, first)[0].style == ""

        # to 整改中 (the first offered), then 已报整改 with the unit's evidence
        modal = await _move_dialog(app, pilot)
        assert _offered(modal) == ["整改中", "已报整改", "延期整改", "无法整改"]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert get_finding(ctx, first).item.status is Status.IN_PROGRESS
        modal = await _move_dialog(app, pilot)
        assert _offered(modal)[0] == "已报整改"
        modal.query_one("#rg-move-note", Input).value = "体检费已由学校行政退回工会账户"
        modal.query_one("#rg-move-evidence", Input).value = "退款凭证.pdf"  # relative to the app's folder
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert get_finding(ctx, first).item.status is Status.REPORTED

        # closing without a verification note is refused in the dialog; with one it closes
        modal = await _move_dialog(app, pilot)
        assert _offered(modal) == ["已销号", "整改中", "部分整改"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is modal and "须填写说明" in _text(modal, ".rg-dialog-error")
        assert get_finding(ctx, first).item.status is Status.REPORTED
        modal.query_one("#rg-move-note", Input).value = "已核对银行回单，退款到账"
        await pilot.press("ctrl+s")
        await settle(pilot)
        closed = get_finding(ctx, first)
        assert closed.item.status is Status.CLOSED and closed.allowed == ()
        assert [e.to_status for e in closed.events] == [
            "draft",
            "pending",
            "in_progress",
            "reported",
            "closed",
        ]
        detail = _text(screen, "#rg-detail")
        assert "已报整改 → 已销号" in detail and "退款凭证.pdf" in detail and "（最终状态）" in detail
        await pilot.press("m")
        await settle(pilot)
        assert app.screen is screen  # a closed finding offers no move

        # an extension needs a later deadline: refused in the dialog
        await _select(screen, pilot, second)
        await _move_dialog(app, pilot)
        await pilot.press("ctrl+s")  # issue
        await settle(pilot)
        deadline = get_finding(ctx, second).item.deadline
        assert deadline is not None
        modal = await _move_dialog(app, pilot)
        await pilot.press("down", "down")  # 整改中, 已报整改, 延期整改
        await pilot.pause()
        assert modal.target is Status.EXTENDED and modal.query_one("#rg-move-row-deadline").display
        modal.query_one("#rg-move-note", Input).value = "资金未到位"
        modal.query_one("#rg-move-deadline", Input).value = deadline.isoformat()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is modal and "须晚于原整改期限" in _text(modal, ".rg-dialog-error")
        await pilot.press("escape")
        await settle(pilot)

        # a move the service refuses shows its sentence: someone moved the finding meanwhile
        modal = await _move_dialog(app, pilot)
        assert modal.target is Status.IN_PROGRESS
        move_finding(ctx, second, "impossible", note="单位已撤销", approver="王主席")  # e.g. from the CLI
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ErrorModal)
        refused = _text(app.screen, "#error-message")
        assert refused == "“无法整改”是最终状态，不能再改为“整改中”"
        await pilot.press("escape")
        await settle(pilot)
        assert get_finding(ctx, second).item.status is Status.IMPOSSIBLE

        # the statistics sentence follows: two issued, one rectified
        sentence = _text(screen, "#rg-sentence")
        assert sentence == "全部年度：" + register_stats(ctx).sentence and "已整改1个，整改率50%" in sentence
        await pilot.press("r")
        await settle(pilot)
        assert _text(screen, "#rg-counts") == "共 2 个 · 无法整改 1 · 已销号 1"


async def test_overdue_rows_are_red_and_can_be_filtered(
    ctx: Context, tmp_path: Path, drafts: tuple[str, str]
) -> None:
    first, second = drafts
    move_finding(ctx, first, "pending")
    edit_finding(ctx, first, deadline=dt.date.today() - dt.timedelta(days=12))
    app = build_app(ctx, start_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _board(app, pilot)
        late = _row(screen, first)
        assert all(cell.style == "red" for cell in late[:5]) and late[5].style == "bold red"
        assert str(late[7]) == "逾期 12 天"
        assert _row(screen, second)[0].style == "dim" and str(_row(screen, second)[7]) == ""
        assert _text(screen, "#rg-counts") == "共 2 个 · 草稿 1 · 待整改 1 · 逾期 1"
        await pilot.press("o")
        await settle(pilot)
        table = screen.query_one(FindingsTable)
        assert screen.flt.overdue and table.row_count == 1 and table.current() == first
        await pilot.press("o")
        await settle(pilot)
        assert table.row_count == 2
        screen.query_one("#rg-filter-status").value = "draft"  # type: ignore[attr-defined]
        await settle(pilot)
        assert table.row_count == 1 and table.current() == second
        assert _text(screen, "#rg-counts").startswith("共 2 个")  # the counts ignore the status filter
        screen.query_one("#rg-filter-year").value = 2025  # type: ignore[attr-defined]
        await settle(pilot)
        assert _text(screen, "#rg-sentence").startswith("2025 年度：共发现1类1个问题")


def _fill(path: Path, values: dict[str, dict[str, str]]) -> None:
    """What the unit does: write 整改措施/整改情况/整改状态 on sheet 整改台账 (header on row 3)."""
    wb = load_workbook(path)
    ws = wb["整改台账"]
    header = {str(c.value): c.column for c in ws[3] if c.value}
    for number, row in enumerate(ws.iter_rows(min_row=4), start=4):
        code = str(row[header["问题编号"] - 1].value)
        for column, value in values.get(code, {}).items():
            ws.cell(row=number, column=header[column], value=value)
    wb.save(path)


async def _preview(app: AuditdeskApp, pilot: Pilot[None], book: Path) -> ImportPreviewModal:
    await pilot.press("i")
    await pilot.pause()
    assert isinstance(app.screen, ImportPathModal)
    app.screen.query_one("#rg-import-path", Input).value = book.name  # relative to the app's folder
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert isinstance(app.screen, ImportPreviewModal)
    return app.screen


async def test_export_then_import_with_the_diff_shown(
    ctx: Context, tmp_path: Path, drafts: tuple[str, str]
) -> None:
    first, second = drafts
    for code in drafts:
        move_finding(ctx, code, "pending")
    app = build_app(ctx, start_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _board(app, pilot)
        await _select(screen, pilot, first)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportModal)
        book = tmp_path / f"{UNIT}-整改台账.xlsx"
        assert app.screen.query_one("#rg-export-path", Input).value == str(book)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen and book.is_file()
        assert "已导出 2 个问题" in _text(screen, "#rg-status")

        _fill(
            book,
            {
                first: {"整改措施": "由学校行政退回体检费", "整改情况": "已退回", "整改状态": "已完成整改"},
                second: {"整改措施": "收回购物卡", "整改状态": "正在整改"},
            },
        )

        # the preview shows each change; Escape leaves everything as it is
        modal = await _preview(app, pilot, book)
        shown = _text(modal, "#rg-preview-changes")
        assert f"{first}  工会经费列支职工体检费" in shown and "待整改 → 已报整改" in shown
        assert "整改措施: — → 由学校行政退回体检费" in shown and "待整改 → 整改中" in shown
        assert "共 2 行：2 项变更" in _text(modal, ".rg-dialog-summary")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert {get_finding(ctx, c).item.status for c in drafts} == {Status.PENDING}

        # confirmed, the changes are applied as moves waiting for verification
        await _preview(app, pilot, book)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        reported = get_finding(ctx, first)
        assert reported.item.status is Status.REPORTED and reported.measures == "由学校行政退回体检费"
        assert get_finding(ctx, second).item.status is Status.IN_PROGRESS
        assert str(_row(screen, first)[5]) == "已报整改" and str(_row(screen, second)[5]) == "整改中"
        assert "单位报送" in _text(screen, "#rg-detail") and "由学校行政退回体检费" in _text(
            screen, "#rg-detail"
        )
        assert _text(screen, "#rg-counts") == "共 2 个 · 整改中 1 · 已报整改 1"

        # importing the same workbook again: nothing to apply
        modal = await _preview(app, pilot, book)
        assert "没有需要导入的变更" in _text(modal, "#rg-preview-changes")
        await pilot.press("escape")


async def test_a_finding_written_by_hand(ctx: Context, tmp_path: Path, drafts: tuple[str, str]) -> None:
    app = build_app(ctx, start_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _board(app, pilot)
        await _select(screen, pilot, drafts[0])
        await pilot.press("a")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, AddModal)
        assert modal.query_one("#rg-add-engagement").value == 1  # type: ignore[attr-defined]
        modal.query_one("#rg-add-title", Input).value = "未建立经费审批制度"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is modal and "请选择问题类别" in _text(modal, ".rg-dialog-error")
        modal.query_one("#rg-add-category").value = "内部控制"  # type: ignore[attr-defined]
        modal.query_one("#rg-add-amount", Input).value = "1,200"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        table = screen.query_one(FindingsTable)
        code = table.current()
        assert table.row_count == 3 and code is not None
        added = get_finding(ctx, code)
        assert added.item.title == "未建立经费审批制度" and str(added.item.amount) == "1200.00"
        assert added.item.status is Status.DRAFT and added.item.category == "内部控制"


def _screen_text(app: AuditdeskApp, *data: str) -> str:
    """The screen's text without the Chinese data (names typed by users); a dialog may hide part of a
    name, so a run of Chinese characters found inside a data value counts as data too."""
    svg = app.export_screenshot()
    text = html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")
    for value in data:
        text = text.replace(value, "")
    return CJK_RUN.sub(lambda m: "" if any(m.group() in value for value in data) else m.group(), text)


async def test_english_shows_no_chinese_from_code(cli: Cli, ctx: Context, tmp_path: Path) -> None:
    fieldwork_county(cli, ctx, tmp_path)
    set_lang("en")  # what `auditdesk --lang en` does before building the app; data written now is English
    late = add_finding(ctx, REF, category="支出管理", title="Gift cards bought for members", amount="5000")
    move_finding(ctx, late.item.code, "pending")
    edit_finding(ctx, late.item.code, deadline=dt.date.today() - dt.timedelta(days=3))
    add_finding(ctx, REF, category="内部控制", title="No approval rules")
    app = build_app(ctx, start_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _board(app, pilot)
        await _select(screen, pilot, late.item.code)
        text = _screen_text(app, UNIT, REF, ctx.actor)
        assert not CJK.search(text), CJK.findall(text)
        assert "All years: 1 problems in 1 categories" in text and "3 days overdue" in text
        assert "Spending management" in text and "Move" in text and "Pending" in text
        modal = await _move_dialog(app, pilot)
        await pilot.press("down", "down")
        text = _screen_text(app, UNIT, REF, ctx.actor)
        assert not CJK.search(text), CJK.findall(text)
        assert "Move finding" in text and modal.target is Status.EXTENDED
        await pilot.press("escape")
        await pilot.press("x")
        await pilot.pause()
        text = _screen_text(app, UNIT, REF, ctx.actor)
        assert not CJK.search(text), CJK.findall(text)
        assert isinstance(app.screen, ExportModal) and "-register.xlsx" in text
        await pilot.press("ctrl+s")
        await settle(pilot)
        book = tmp_path / f"{UNIT}-register.xlsx"
        _fill(book, {late.item.code: {"整改措施": "Cards taken back", "整改状态": "已完成整改"}})
        await pilot.press("i")
        await pilot.pause()
        assert app.screen.query_one("#rg-import-path", Input).value == str(book)  # the last export
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ImportPreviewModal)
        text = _screen_text(app, UNIT, REF, ctx.actor, book.name)
        assert not CJK.search(text), CJK.findall(text)
        assert "Pending → Reported" in text and "Measures: — → Cards taken back" in text


async def test_the_years_summary_from_the_board(
    ctx: Context, tmp_path: Path, drafts: tuple[str, str]
) -> None:
    first, _second = drafts
    for code in drafts:
        move_finding(ctx, code, "pending")
    move_finding(ctx, first, "reported", note="已退回")
    move_finding(ctx, first, "closed", note="核实退款")
    app = build_app(ctx, start_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _board(app, pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
        written = sorted(p.name for p in tmp_path.glob("2025年度经审工作总结-v1*"))
        assert written == [
            "2025年度经审工作总结-v1-统计表.xlsx",
            "2025年度经审工作总结-v1.docx",
            "2025年度经审工作总结-v1.md",
        ]
        status = _text(screen, "#rg-status")
        assert "已整改1个，整改率50%" in status and "2025 年度经审工作总结" in status

"""The report screen (F8 on an engagement): issue the draft report, record the unit's replies, issue the
final report and the opinion letter (after a confirmation) — from the keyboard, on a real database
taken through fieldwork to the report stage; the documents listed by version with a Markdown preview."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static, Switch
from textual.widgets._markdown import MarkdownBlock

from auditdesk.core.register import Status
from auditdesk.i18n import set_lang
from auditdesk.services.context import Context
from auditdesk.services.engagements import get_engagement
from auditdesk.services.register import list_register
from auditdesk.services.reports import list_replies
from auditdesk.tui.app import AuditdeskApp, build_app
from auditdesk.tui.screens.engagement import EngagementScreen
from auditdesk.tui.screens.error import ErrorModal
from auditdesk.tui.screens.report import ReportScreen
from auditdesk.tui.screens.report_modals import OpinionModal, ReasonModal
from auditdesk.tui.widgets.report.documents import DocumentsPane
from tests.cli.fieldwork import REF, UNIT, Cli, fieldwork_county
from tests.tui.support import settle

SIZE = (170, 50)
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
HEALTH, CARD = "工会经费列支职工体检费", "以购物卡形式发放慰问品"


def _report_stage(cli: Cli, ctx: Context, tmp_path: Path) -> None:
    """Fieldwork done: two suspicions confirmed as draft findings, the rest dismissed, moved to 报告."""
    field = fieldwork_county(cli, ctx, tmp_path)
    items = field("check", REF, "--json").json()
    health = next(s for s in items if "体检" in s["message"])
    card = next(s for s in items if "购物卡" in s["message"])
    for s, title in ((health, HEALTH), (card, CARD)):
        assert field("suspicion", "confirm", str(s["id"]), "--title", title).code == 0
    for s in items:
        if s["id"] not in (health["id"], card["id"]):
            assert field("suspicion", "dismiss", str(s["id"]), "--reason", "已核实").code == 0
    assert field("engagement", "advance", REF, "--json").json()["moved"] is True


async def _open(app: AuditdeskApp, pilot: Pilot[None]) -> ReportScreen:
    await app.push_screen(EngagementScreen(1))
    await settle(pilot)
    await pilot.press("f8")
    await settle(pilot)
    assert isinstance(app.screen, ReportScreen)
    return app.screen


def _text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def _rows(table: DataTable[Any]) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def _notes(app: AuditdeskApp) -> list[tuple[str, str]]:
    return [(n.message, n.severity) for n in app._notifications]


def _screen_text(app: AuditdeskApp, *data: str) -> str:
    svg = app.export_screenshot()
    text = html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")
    for value in sorted(data, key=len, reverse=True):
        text = text.replace(value, "")
    return text


async def test_draft_replies_report_and_opinion_from_the_keyboard(
    cli: Cli, ctx: Context, tmp_path: Path
) -> None:
    _report_stage(cli, ctx, tmp_path)
    out = tmp_path / "文书"
    app = build_app(ctx, start_dir=tmp_path, documents_dir=out)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot)
        assert REF in _text(screen, "#rp-heading") and "阶段：报告" in _text(screen, "#rp-heading")
        kinds = _text(screen, "#rp-kinds")
        assert "审计通知书：第 1 版，测试员" in kinds and "审计报告（征求意见稿）：未出具" in kinds
        assert "按 d 出具" in _text(screen, "#rp-next")
        docs = screen.query_one("#rp-docs", DataTable)
        assert [r[:3] for r in _rows(docs)] == [["审计通知书", "Word", "1"]]
        assert "没有 Markdown 版本" in _text(screen, "#rp-preview-title")  # the notice of the fixture

        # the draft report: written under the app's documents folder, its Markdown previewed
        await pilot.press("d")
        await settle(pilot)
        assert [r[:3] for r in _rows(docs)] == [
            ["审计通知书", "Word", "1"],
            ["审计报告（征求意见稿）", "Word", "1"],
            ["审计报告（征求意见稿）", "Markdown", "1"],
        ]
        draft = get_engagement(ctx, REF).documents
        md = next(d for d in draft if d.kind == "draft-md")
        assert Path(md.path).parent == out / REF and _rows(docs)[2][6] == md.sha256[:12]
        assert docs.cursor_row == 2 and "审计报告（征求意见稿） 第 1 版" in _text(screen, "#rp-preview-title")
        pane = screen.query_one(DocumentsPane)
        assert f"{UNIT}：" in pane.preview_text() and HEALTH in pane.preview_text()
        shown = [str(b.render()) for b in screen.query_one("#rp-preview").query(MarkdownBlock)]
        assert any(f"{UNIT}：" in s for s in shown), shown
        assert "已出具审计报告（征求意见稿）第 1 版" in _text(screen, "#rp-status")
        assert "审计报告（征求意见稿）：第 1 版" in _text(screen, "#rp-kinds")
        # the .docx row previews the Markdown written beside it
        await pilot.press("up")
        await settle(pilot)
        assert "第 1 版" in _text(screen, "#rp-preview-title") and UNIT in pane.preview_text()

        # the unit's replies: agree with the first finding, disagree with the second (a reason required)
        await pilot.press("2")
        replies = screen.query_one("#rp-replies", DataTable)
        assert [r[1] for r in _rows(replies)] == [HEALTH, CARD] and _rows(replies)[0][4] == "未反馈"
        await pilot.press("a")
        await settle(pilot)
        assert _rows(replies)[0][4] == "同意" and "单位意见为“同意”" in _text(screen, "#rp-status")
        await pilot.press("down", "x")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ReasonModal)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is modal and "请填写单位不同意的理由" in _text(modal, ".rp-dialog-error")
        modal.query_one("#rp-reason", Input).value = "其中2000元为指定商家提货券"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        row = _rows(replies)[1]
        assert row[4] == "不同意" and row[5] == "其中2000元为指定商家提货券" and row[6] == "测试员"
        assert [(r["title"], r["verdict"]) for r in list_replies(ctx, REF)] == [
            (HEALTH, "agree"), (CARD, "disagree")
        ]
        assert "同意 1，不同意 1，未反馈 0" in _text(screen, "#rp-replies-status")

        # the final report, then the opinion letter after its confirmation
        await pilot.press("r")
        await settle(pilot)
        assert "审计报告：第 1 版" in _text(screen, "#rp-kinds") and "按 o 出具" in _text(screen, "#rp-next")
        await pilot.press("o")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, OpinionModal)
        assert "2 个问题草稿" in _text(confirm, ".rp-dialog-summary")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        findings = list_register(ctx, engagement=REF)
        assert [f.status for f in findings] == [Status.PENDING, Status.PENDING]
        assert get_engagement(ctx, REF).stage.value == "rectify"
        status = _text(screen, "#rp-status")
        assert "已出具审计意见书第 1 版" in status
        assert "已下发问题 2 个（待整改），项目进入“整改”阶段" in status
        assert "阶段：整改" in _text(screen, "#rp-heading")
        assert [r[3] for r in _rows(replies)] == ["待整改", "待整改"]
        assert "审计意见书" in pane.preview_text() and UNIT in pane.preview_text()
        # a reply is for the report stage only: the service's sentence in the error modal
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ErrorModal)
        await pilot.press("escape")


async def test_order_is_kept_and_a_missing_pdf_is_a_notification(
    cli: Cli, ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _report_stage(cli, ctx, tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))  # no LibreOffice
    app = build_app(ctx, start_dir=tmp_path, documents_dir=tmp_path / "文书")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot)
        # the opinion letter before the reports: refused, nothing moves
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ErrorModal)
        assert "须先出具审计报告" in _text(app.screen, "#error-message")
        await pilot.press("escape")
        assert "操作未完成" in _text(screen, "#rp-status")
        assert get_engagement(ctx, REF).stage.value == "report"
        # cancelling the confirmation issues nothing
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert not any(d.kind == "opinion" for d in get_engagement(ctx, REF).documents)
        # the PDF switch: the draft is issued, the missing PDF said plainly
        await pilot.press("p")
        assert screen.query_one("#rp-pdf", Switch).value is True
        await pilot.press("d")
        await settle(pilot)
        assert app.screen is screen
        kinds = sorted(d.kind for d in get_engagement(ctx, REF).documents)
        assert kinds == ["draft", "draft-md", "notice"]
        warnings = [m for m, severity in _notes(app) if severity == "warning"]
        assert any(m.startswith("未生成 PDF：") and "LibreOffice" in m for m in warnings), _notes(app)


async def test_english_shows_no_chinese_from_code(cli: Cli, ctx: Context, tmp_path: Path) -> None:
    _report_stage(cli, ctx, tmp_path)
    set_lang("en")  # what `auditdesk --lang en` does before building the app
    app = build_app(ctx, start_dir=tmp_path, documents_dir=tmp_path / "docs")
    data = (REF, UNIT, HEALTH, CARD, "测试员", "县总工会经审办")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot)
        await pilot.press("d")
        await settle(pilot)
        assert "stage: Report" in _text(screen, "#rp-heading")
        assert "Draft audit report: version 1" in _text(screen, "#rp-kinds")
        docs = screen.query_one("#rp-docs", DataTable)
        for row in _rows(docs):  # the file name and who issued it are data; the rest is chrome
            assert not CJK.search(" ".join(row[:3] + row[5:])), row
        assert not CJK.search(" ".join(str(c.label) for c in docs.columns.values()))
        for selector in ("#rp-heading", "#rp-kinds", "#rp-next", "#rp-status", "#rp-pdf-label"):
            text = _text(screen, selector)
            for value in data:
                text = text.replace(value, "")
            assert not CJK.search(text), (selector, text)
        title = _text(screen, "#rp-preview-title")
        file_name = next(d.file_name for d in get_engagement(ctx, REF).documents if d.kind == "draft-md")
        assert not CJK.search(title.replace(file_name, "")), title
        for _, binding, _, tip in screen.active_bindings.values():
            assert not CJK.search(binding.description + tip), binding
        # the replies tab (no preview of the Chinese document): the whole screen
        await pilot.press("2")
        await pilot.pause()
        text = _screen_text(app, *data)
        assert not CJK.search(text), CJK.findall(text)
        assert "Unit's replies" in text and "No reply" in text and "Disagrees" in text
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ReasonModal)
        text = _screen_text(app, *data, "1号")
        assert not CJK.search(text), CJK.findall(text)
        await pilot.press("escape", "o")
        await pilot.pause()
        assert isinstance(app.screen, OpinionModal)
        text = _screen_text(app, *data)
        assert not CJK.search(text), CJK.findall(text)
        await pilot.press("escape")

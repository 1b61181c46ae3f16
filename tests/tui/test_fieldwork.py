"""Fieldwork (F7 on an engagement): checks with a progress bar, triage of suspicions, sampling, working
papers and evidence, draft findings — on a real database with a ledger holding planted problems."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, DataTable, Input, ProgressBar, Select, Static, TextArea, Tree

from auditdesk.core.register import DEFAULT_CATEGORIES
from auditdesk.i18n import set_lang
from auditdesk.services import checks as check_service
from auditdesk.services import papers as paper_service
from auditdesk.services import sampling as sample_service
from auditdesk.services.context import Context
from auditdesk.services.engagements import advance_engagement, get_engagement, list_engagements
from auditdesk.services.evidence import list_evidence
from auditdesk.services.imports import import_ledger
from auditdesk.services.notice import issue_notice
from auditdesk.services.plan import approve_plan
from auditdesk.services.units import add_unit
from auditdesk.tui.app import AuditdeskApp, build_app
from auditdesk.tui.commands import ScreenActions
from auditdesk.tui.screens.engagement import EngagementScreen
from auditdesk.tui.screens.error import ErrorModal
from auditdesk.tui.screens.fieldwork import FieldworkScreen
from auditdesk.tui.screens.fieldwork_modals import ConfirmModal, DismissModal, FailModal
from auditdesk.tui.widgets.fieldwork import sampling as sampling_pane
from auditdesk.tui.widgets.fieldwork.common import category_label
from tests.tui.support import JOURNAL, settle, write_workbook

SIZE = (170, 50)
HOSPITAL = "县人民医院工会"
PLANTED: list[list[Any]] = [
    # banned spending, on a Saturday
    ["2024-03-16", "记-4", "购买购物卡发放职工", "50105", "会员活动支出", 5000, None],
    ["2024-03-16", "记-4", "购买购物卡发放职工", "102", "银行存款", None, 5000],
    # the employer's cost
    ["2024-05-06", "记-5", "职工体检费", "50105", "会员活动支出", 12000, None],
    ["2024-05-06", "记-5", "职工体检费", "102", "银行存款", None, 12000],
]
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _county(ctx: Context, tmp_path: Path, *, fieldwork: bool = True) -> tuple[str, int]:
    """The hospital's 2024 ledger with planted problems, its 2025 engagement (in 实施 if ``fieldwork``)."""
    add_unit(ctx, HOSPITAL, members=310)
    import_ledger(ctx, write_workbook(tmp_path / "序时账.xlsx", JOURNAL + PLANTED), HOSPITAL, 2024)
    approve_plan(ctx, 2025, size=1, start=dt.date(2025, 4, 7))
    engagement = list_engagements(ctx)[0]
    if fieldwork:
        issue_notice(ctx, engagement.reference, out_dir=tmp_path / "文书")
        assert advance_engagement(ctx, engagement.reference).moved
    return engagement.reference, engagement.id


async def _open(app: AuditdeskApp, pilot: Pilot[None], engagement_id: int) -> FieldworkScreen:
    await app.push_screen(FieldworkScreen(engagement_id))
    await settle(pilot)
    assert isinstance(app.screen, FieldworkScreen)
    return app.screen


def _text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def _leaves(screen: FieldworkScreen) -> list[Any]:
    tree = screen.query_one("#fw-susp-tree", Tree)
    return [leaf.data for group in tree.root.children for leaf in group.children]


def _rows(table: DataTable[Any]) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_checks_and_triage_from_the_engagement_screen(ctx: Context, tmp_path: Path) -> None:
    reference, engagement_id = _county(ctx, tmp_path)
    app = build_app(ctx, start_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(EngagementScreen(engagement_id))
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FieldworkScreen)
        assert reference in _text(screen, "#fw-heading") and "阶段：实施" in _text(screen, "#fw-heading")
        assert _leaves(screen) == [] and "按 r 运行检查" in _text(screen, "#fw-susp-detail")

        # the checks run in a worker, the progress bar fed by its callback
        await pilot.press("r")
        await settle(pilot)
        bar = screen.query_one("#fw-check-progress", ProgressBar)
        assert bar.total is not None and bar.total > 0 and bar.progress == bar.total
        found = len(check_service.list_suspicions(ctx, reference))
        assert f"疑点 {found} 个" in _text(screen, "#fw-check-status")
        rules = [s.rule for s in _leaves(screen)]
        assert rules[0] == "banned_keywords" and "employer_costs" in rules and len(rules) == found
        assert f"待复核 {found}，已确认 0，已排除 0" in _text(screen, "#fw-counts")
        tree = screen.query_one("#fw-susp-tree", Tree)
        assert "违规支出" in str(tree.root.children[0].label)
        detail = _text(screen, "#fw-susp-detail")
        assert "购物卡" in detail and "依据：" in detail
        entries = screen.query_one("#fw-susp-entries", DataTable)
        assert entries.row_count == 1 and _rows(entries)[0][1] == "记-4"

        # confirm the banned spending: the dialog is prefilled from the rule and its entry
        await pilot.press("c")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ConfirmModal)
        assert modal.query_one("#fw-confirm-category", Select).value == "支出管理"
        assert modal.query_one("#fw-confirm-title", Input).value == "违规支出（关键词）"
        assert modal.query_one("#fw-confirm-amount", Input).value == "5000.00"
        modal.query_one("#fw-confirm-note", Input).value = "已核对发票"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        drafts = check_service.draft_findings(ctx, reference)
        assert len(drafts) == 1 and drafts[0].amount == 5000 and drafts[0].category == "支出管理"
        code = drafts[0].code
        assert code in _text(screen, "#fw-status")
        draft_row = _rows(screen.query_one("#fw-drafts", DataTable))[0]
        assert draft_row[:4] == [code, "支出管理", "违规支出（关键词）", "5,000.00"]
        counts = _text(screen, "#fw-counts")
        assert f"待复核 {found - 1}，已确认 1" in counts and "问题草稿 1" in counts
        assert [s.rule for s in _leaves(screen)].count("banned_keywords") == 0  # the filter shows open ones

        # dismiss the employer's cost: an empty reason is refused in the dialog
        target = next(s for s in _leaves(screen) if s.rule == "employer_costs")
        tree.move_cursor(next(n for g in tree.root.children for n in g.children if n.data is target))
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DismissModal)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DismissModal)
        assert "请填写排除理由" in _text(app.screen, ".fw-dialog-error")
        await pilot.press(*"单位已另行支付")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        after = {s.id: s for s in check_service.list_suspicions(ctx, reference)}
        assert after[target.id].status == "dismissed" and after[target.id].reason == "单位已另行支付"
        assert after[target.id].reviewer == "测试员"
        left = [s.rule for s in _leaves(screen)]
        assert len(left) == found - 2 and "weekend_meals_gifts" in left and "employer_costs" not in left

        # s shows every status; a reviewed suspicion cannot be reviewed again
        await pilot.press("s")
        await pilot.pause()
        assert len(_leaves(screen)) == found
        tree.move_cursor(tree.root.children[0].children[0])
        await pilot.pause()
        assert "已确认，问题草稿 " + code in _text(screen, "#fw-susp-detail")
        await pilot.press("c")
        await pilot.pause()
        assert app.screen is screen

        # a re-run keeps the reviews and adds nothing
        await pilot.press("r")
        await settle(pilot)
        assert "新增 0 个" in _text(screen, "#fw-check-status")
        statuses = sorted(s.status for s in check_service.list_suspicions(ctx, reference))
        assert statuses == ["confirmed", "dismissed"] + ["open"] * (found - 2)


async def test_sampling_records_results_and_verifies(
    ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sampling_pane, "PAGE_SIZE", 2)  # the items table shows a page at a time
    reference, engagement_id = _county(ctx, tmp_path)
    app = build_app(ctx, start_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot, engagement_id)
        await pilot.press("2")
        await pilot.pause()
        assert screen.active_tab == "sampling"
        screen.query_one("#fw-sample-size", Input).value = "3"
        screen.query_one("#fw-sample-seed", Input).value = "20250407"
        await pilot.press("ctrl+s")
        await settle(pilot)
        [sample] = sample_service.list_samples(ctx, reference)
        assert (sample.method, sample.size, sample.seed, len(sample.items)) == ("random", 3, 20250407, 3)
        assert sample.population_size == 4  # the four spending entries
        assert f"已抽取样本 {sample.id}" in _text(screen, "#fw-status")
        items = screen.query_one("#fw-sample-items", DataTable)
        assert [r[0] for r in _rows(items)] == ["1", "2"] and [r[7] for r in _rows(items)] == ["未测试"] * 2
        assert "第 1/2 页" in _text(screen, "#fw-sample-status")
        await pilot.press("right_square_bracket")
        assert [r[0] for r in _rows(items)] == ["3"] and "第 2/2 页" in _text(screen, "#fw-sample-status")
        await pilot.press("left_square_bracket")

        # the same seed draws the same entries
        again = sample_service.draw_sample(ctx, reference, method="random", size=3, seed=20250407)
        assert [i.entry for i in again.items] == [i.entry for i in sample.items]
        await pilot.press("ctrl+r")
        await settle(pilot)
        screen.query_one("#fw-samples", DataTable).move_cursor(row=1)  # work on the second one
        await pilot.pause()

        items.focus()
        items.move_cursor(row=0)
        await pilot.press("p")
        await settle(pilot)
        assert items.cursor_row == 1  # on to the next item
        await pilot.press("f")
        await pilot.pause()
        fail = app.screen
        assert isinstance(fail, FailModal)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FailModal) and "请写明不符合之处" in _text(fail, ".fw-dialog-error")
        fail.query_one("#fw-fail-note", Input).value = "无审批签字"
        fail.query_one("#fw-fail-raise", Checkbox).value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert [i.result for i in sample_service.get_sample(ctx, sample.id).items] == [None] * 3
        tested = sample_service.get_sample(ctx, again.id).items
        assert [(i.result, i.note) for i in tested] == [("pass", ""), ("fail", "无审批签字"), (None, "")]
        assert tested[1].suspicion_id is not None
        assert f"已转为疑点 {tested[1].suspicion_id}" in _text(screen, "#fw-status")
        assert [r[0] for r in _rows(items)] == ["3"] and items.cursor_row == 0  # on to the next untested
        assert "已测试 2/3，不符合 1" in _text(screen, "#fw-sample-status")
        await pilot.press("left_square_bracket")
        assert [r[7] for r in _rows(items)] == ["符合", "不符合"]
        raised = check_service.get_suspicion(ctx, tested[1].suspicion_id)
        assert raised.rule == "sample_exception" and raised.status == "open"

        await pilot.press("v")
        await settle(pilot)
        verified = _text(screen, "#fw-sample-status")
        assert "结果一致" in verified and "总体与抽样时相同" in verified


async def test_papers_evidence_and_the_flag_after_review(ctx: Context, tmp_path: Path) -> None:
    reference, engagement_id = _county(ctx, tmp_path)
    app = build_app(ctx, start_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot, engagement_id)
        await pilot.press("3")
        await pilot.pause()
        for name, value in (("area", "支出管理"), ("title", "会员活动支出检查")):
            screen.query_one(f"#fw-paper-{name}", Input).value = value
        long_fields = (("objective", "支出真实合规"), ("procedure", "抽查凭证"), ("conclusion", "基本合规"))
        for name, value in long_fields:
            screen.query_one(f"#fw-paper-{name}", TextArea).text = value
        await pilot.press("ctrl+s")
        await settle(pilot)
        [paper] = paper_service.list_papers(ctx, reference)
        assert (paper.index_no, paper.title, paper.state) == ("DG-01", "会员活动支出检查", "draft")
        table = screen.query_one("#fw-papers", DataTable)
        table.focus()
        await pilot.press("f4")
        await settle(pilot)
        assert paper_service.get_paper(ctx, paper.id).preparer == "测试员"
        assert _rows(table)[0][3] == "已编制待复核"
        await pilot.press("f5")  # nobody reviews their own paper: the service's refusal is shown
        await settle(pilot)
        assert isinstance(app.screen, ErrorModal)
        await pilot.press("escape")
        paper_service.sign_paper(dataclasses.replace(ctx, actor="李复核"), paper.id, "review")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert _rows(table)[0][3] == "已复核"

        # edit after the review: flagged in the list and over the form
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("#fw-paper-title", Input).value == "会员活动支出检查"
        screen.query_one("#fw-paper-conclusion", TextArea).text = "存在违规发放购物卡问题"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert paper_service.get_paper(ctx, paper.id).state == "changed_after_review"
        assert _rows(table)[0][3] == "⚠ 复核后被修改"
        assert "须由编制人重新签名" in _text(screen, "#fw-paper-heading")

        # evidence: a file copied in and linked to the paper chosen in the list
        photo = tmp_path / "凭证照片.jpg"
        photo.write_bytes(b"\xff\xd8 a voucher photo")
        table.focus()  # digits switch tabs unless a text field takes them
        await pilot.press("4")
        await pilot.pause()
        screen.query_one("#fw-evidence-path", Input).value = str(photo)
        screen.query_one("#fw-evidence-description", Input).value = "记-4 原始凭证"
        screen.query_one("#fw-evidence-link", Select).value = f"paper:{paper.id}"
        screen.query_one("#fw-evidence-links", Input).value = "分录 1"
        await pilot.press("ctrl+s")
        await settle(pilot)
        [evidence] = list_evidence(ctx, reference)
        assert evidence.file_name == "凭证照片.jpg" and evidence.links == (("paper", paper.id), ("entry", 1))
        assert Path(evidence.path).read_bytes() == photo.read_bytes()
        row = _rows(screen.query_one("#fw-evidence", DataTable))[0]
        assert row[1] == "凭证照片.jpg" and row[4] == f"底稿 {paper.id}、分录 1"
        assert screen.query_one("#fw-evidence-path", Input).value == ""
        screen.query_one("#fw-evidence-path", Input).value = str(photo)
        screen.query_one("#fw-evidence-links", Input).value = "发票 3"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ErrorModal)
        assert "不认识的关联对象" in _text(app.screen, "#error-message")


async def test_writes_are_refused_before_fieldwork(ctx: Context, tmp_path: Path) -> None:
    _, engagement_id = _county(ctx, tmp_path, fieldwork=False)
    app = build_app(ctx, start_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot, engagement_id)
        assert "本项目处于“计划”阶段：可以查看" in _text(screen, "#fw-status")
        shown = [b for _, b, _, tip in screen.active_bindings.values() if b.show and b.id and tip]
        assert {b.description for b in shown} >= {"运行检查", "确认", "排除", "返回"}
        names = [hit.text async for hit in ScreenActions(screen).discover()]
        assert "运行检查" in names and "抽样" in names and "编制签名" not in names  # the active tab's keys
        await pilot.press("2")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ErrorModal)
        assert "计划" in _text(app.screen, "#error-message") and "实施" in _text(app.screen, "#error-message")
        await pilot.press("escape")
        assert get_engagement(ctx, engagement_id).stage.value == "plan"


def _screen_text(app: AuditdeskApp, *data: str) -> str:
    svg = app.export_screenshot()
    text = html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")
    for value in data:
        text = text.replace(value, "")
    return text


async def test_english_shows_no_chinese_from_code(ctx: Context, tmp_path: Path) -> None:
    reference, engagement_id = _county(ctx, tmp_path)
    set_lang("en")  # what `auditdesk --lang en` does before building the app
    app = build_app(ctx, start_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot, engagement_id)
        assert "stage: Fieldwork" in _text(screen, "#fw-heading")
        seen = []
        for key in "12345":
            await pilot.press(key)
            await pilot.pause()
            text = _screen_text(app, reference, HOSPITAL)
            assert not CJK.search(text), (key, CJK.findall(text))
            seen.append(text)
        assert "Suspicions" in seen[0] and "Draw" in seen[1] and "Sign as preparer" in seen[2]
        await pilot.press("1", "r")
        await settle(pilot)
        tree = screen.query_one("#fw-susp-tree", Tree)
        for group in tree.root.children:
            assert not CJK.search(str(group.label)), str(group.label)
        await pilot.press("c")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ConfirmModal)
        select = modal.query_one("#fw-confirm-category", Select)
        assert select.value == "支出管理" and "Spending management" in _screen_text(app)
        assert not CJK.search(modal.query_one("#fw-confirm-title", Input).value)
        await pilot.press("escape")
    labels = [category_label(c) for c in DEFAULT_CATEGORIES]  # every register category has an English name
    assert all(not CJK.search(label) for label in labels), labels


async def test_a_running_check_can_be_stopped_and_stores_nothing(
    ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    reference, engagement_id = _county(ctx, tmp_path)
    started, release = threading.Event(), threading.Event()

    def slow_run(context: Context, engagement: Any, **options: Any) -> list[Any]:
        progress = options["progress"]
        progress(0, 2, "banned_keywords")
        started.set()
        release.wait(5)
        progress(1, 2, "employer_costs")  # raises once the worker is cancelled
        raise AssertionError("the run was not stopped")

    monkeypatch.setattr(check_service, "run_ledger_checks", slow_run)
    app = build_app(ctx, start_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(FieldworkScreen(engagement_id))
        await settle(pilot)
        await pilot.press("r")
        assert started.wait(5)
        await pilot.press("k")
        release.set()
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FieldworkScreen)
        assert "检查已停止" in _text(screen, "#fw-check-status")
        assert "检查已停止" in _text(screen, "#fw-status")
    assert check_service.list_suspicions(ctx, reference) == []

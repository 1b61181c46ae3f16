"""``plan approve`` and ``engagement list|show|edit|advance``: the whole path through the CLI, --json."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlmodel import select

from auditdesk.core.milestones import is_working_day
from auditdesk.services.context import Context
from auditdesk.services.engagements import advance_engagement, get_engagement, record_document
from auditdesk.store.models import ChangeLog, Engagement

Cli = Callable[..., Any]
LIST_KEYS = {"id", "reference", "unit", "years", "stage"}
REF1, REF2 = "青工经审〔2025〕1号", "青工经审〔2025〕2号"


def _approve(cli: Cli) -> dict[str, Any]:
    r = cli("plan", "approve", "--year", "2025", "--size", "2", "--add", "县交通局工会",
            "--drop", "县第一中学工会", "--start", "2025-04-07", "--json")
    assert r.code == 0, r.out + r.err
    body: dict[str, Any] = r.json()
    return body


def test_approve_stores_the_plan_and_numbers_the_engagements(county: Cli) -> None:
    proposed = county("plan", "propose", "--year", "2025", "--size", "2", "--json").json()
    assert [i["unit"] for i in proposed["items"] if i["selected"]] == ["县第一中学工会", "县人民医院工会"]
    body = _approve(county)
    assert body["approved"] is True and body["status"] == "approved" and body["approved_by"] == "测试员"
    chosen = [(i["unit"], i["reference"]) for i in body["items"] if i["selected"]]
    assert chosen == [("县人民医院工会", REF1), ("县交通局工会", REF2)]
    assert [i["reasons"] for i in body["items"]] == [i["reasons"] for i in proposed["items"]]
    engagement = body["engagements"][0]
    assert engagement["years"] == [2024] and engagement["stage"] == "plan"
    assert engagement["lead"] == "张建国" and engagement["scope"] == "2024年度工会经费收支情况"
    assert engagement["milestones"]["fieldwork_start"] == "2025-04-07"
    assert engagement["milestones"]["notice"] == "2025-04-01"  # 3 working days before: 4-4 is 清明
    assert len(engagement["key_areas"]) == 16
    shown = county("plan", "show", "--year", "2025", "--json").json()
    assert shown["approved"] is True and shown["approved_by"] == "测试员" and shown["items"] == body["items"]
    assert "收入 1,250.50 元、支出 3,600.00 元" in shown["items"][1]["reasons"][1]
    text = county("plan", "show", "--year", "2025")
    assert text.code == 0 and "由 测试员 批准" in text.out and REF2 in text.out
    # a second approval of the same year is refused and changes nothing
    again = county("plan", "approve", "--year", "2025", "--json")
    assert again.code == 1 and again.json()["error"]["key"] == "plan.already_approved"
    assert len(county("engagement", "list", "--json").json()) == 2
    # the next year's references start again at 1 and the default start is a working day ≥ 14 days on
    later = county("plan", "approve", "--year", "2026", "--size", "1", "--period", "2024,2025",
                   "--json").json()
    (next_year,) = later["engagements"]
    assert next_year["reference"] == "青工经审〔2026〕1号" and next_year["years"] == [2024, 2025]
    start = dt.date.fromisoformat(next_year["milestones"]["fieldwork_start"])
    assert start >= dt.date.today() + dt.timedelta(days=14) and is_working_day(start)
    assert next_year["scope"] == "2024、2025年度工会经费收支情况"


def test_approve_refuses_unknown_units_and_contradictions(county: Cli) -> None:
    r = county("plan", "approve", "--year", "2025", "--add", "县交通工会", "--json")
    assert r.code == 1 and r.json()["error"]["key"] == "unit.not_found"
    assert "县交通局工会" in r.json()["error"]["message"]
    r = county("plan", "approve", "--year", "2025", "--add", "县水务局工会", "--drop", "县水务局工会",
               "--json")
    assert r.code == 1 and r.json()["error"]["key"] == "plan.add_and_drop"
    r = county("plan", "approve", "--year", "2025", "--size", "0", "--json")
    assert r.code == 1 and r.json()["error"]["key"] == "plan.nothing_selected"
    assert county("engagement", "list", "--json").json() == []
    assert county("plan", "show", "--year", "2025", "--json").json()["approved"] is False


def test_list_show_edit_and_a_refused_advance(county: Cli) -> None:
    _approve(county)
    items = county("engagement", "list", "--json").json()
    assert all(LIST_KEYS <= set(i) for i in items)
    assert [(i["reference"], i["unit"], i["years"], i["stage"]) for i in items] == [
        (REF1, "县人民医院工会", [2024], "plan"), (REF2, "县交通局工会", [2024], "plan")]
    assert county("engagement", "list", "--year", "2024", "--json").json() == []
    by_unit = county("engagement", "list", "--unit", "县交通局工会", "--json").json()
    assert [i["reference"] for i in by_unit] == [REF2]
    # E is an id or a reference, typed with any brackets
    shown = county("engagement", "show", "青工经审[2025]2号", "--json").json()
    assert shown["id"] == items[1]["id"] and shown["unit"] == "县交通局工会"
    fieldwork = next(s for s in shown["steps"] if s["stage"] == "fieldwork")
    assert fieldwork["state"] == "ahead" and fieldwork["unmet"] == ["尚未出具审计通知书"]
    missing = county("engagement", "show", "青工经审〔2025〕9号", "--json")
    assert missing.code == 1 and missing.json()["error"]["key"] == "engagement.not_found"
    assert REF1 in missing.json()["error"]["message"]

    edited = county("engagement", "edit", "1", "--lead", "李明", "--member", "王芳", "--member", "赵强",
                    "--scope", "2023—2024年度工会经费收支及管理情况", "--area", "member_gifts",
                    "--area", "cash", "--years", "2023,2024", "--milestone", "fieldwork_start=2025-04-14",
                    "--json")
    assert edited.code == 0, edited.out
    view = edited.json()
    assert (view["lead"], view["members"], view["years"]) == ("李明", ["王芳", "赵强"], [2023, 2024])
    assert view["key_areas"] == ["member_gifts", "cash"] and view["scope"].startswith("2023—2024")
    assert view["milestones"]["fieldwork_start"] == "2025-04-14"
    # a milestone out of order is refused with every problem named, nothing changed
    bad = county("engagement", "edit", "1", "--milestone", "fieldwork_end=2025-04-01",
                 "--milestone", "draft_report=2025-03-01", "--json")
    assert bad.code == 1 and bad.json()["error"]["key"] == "engagement.milestones_invalid"
    message = bad.json()["error"]["message"]
    assert "现场审计结束日期 2025-04-01 不能早于进点日期 2025-04-14" in message
    assert "征求意见稿日期 2025-03-01" in message
    assert county("engagement", "show", "1", "--json").json()["milestones"] == view["milestones"]
    for args, key in ((["--area", "travel"], "engagement.unknown_key_area"),
                      (["--milestone", "kickoff=2025-04-01"], "engagement.milestone.unknown"),
                      (["--scope", " "], "engagement.scope_empty")):
        r = county("engagement", "edit", "1", *args, "--json")
        assert r.code == 1 and r.json()["error"]["key"] == key
    assert county("engagement", "edit", "1", "--milestone", "notice=2025-4-1").code == 2  # usage error

    refused = county("engagement", "advance", REF1, "--json")
    assert refused.code == 1
    body = refused.json()
    assert body["moved"] is False and body["to"] == "fieldwork"
    assert body["unmet"] == ["尚未出具审计通知书"]
    text = county("engagement", "advance", REF1)
    assert text.code == 1 and "尚未出具审计通知书" in text.err
    assert county("engagement", "show", "1", "--json").json()["stage"] == "plan"


def test_a_recorded_notice_opens_the_gate(county: Cli, ctx: Context, tmp_path: Path) -> None:
    _approve(county)
    notice = tmp_path / "审计通知书.docx"
    notice.write_bytes(b"first")
    with ctx.session() as session, session.begin():
        first = record_document(session, ctx.actor, 1, "notice", notice)
    notice.write_bytes(b"second")
    with ctx.session() as session, session.begin():
        second = record_document(session, ctx.actor, 1, "notice", notice)
    assert (first.version, second.version) == (1, 2) and first.sha256 != second.sha256
    assert second.who == "测试员" and second.file_name == "审计通知书.docx"
    moved = county("engagement", "advance", "1", "--json")
    assert moved.code == 0 and moved.json()["moved"] is True and moved.json()["to"] == "fieldwork"
    # into 报告: the period's ledgers (2024 is imported) and the checks run over them
    county("engagement", "edit", "1", "--years", "2023,2024")
    result = advance_engagement(ctx, 1)
    assert not result.moved and result.engagement.stage.value == "fieldwork"
    assert result.unmet_keys == ("engagement.gate.ledger_missing", "engagement.gate.checks_not_run")
    assert "2023 年度的账簿尚未导入" in result.unmet
    with ctx.session() as session:
        actions = [(c.entity, c.action) for c in session.exec(select(ChangeLog))]
    assert ("audit_plan", "approve") in actions and actions.count(("engagement", "create")) == 2
    assert ("engagement", "advance") in actions and actions.count(("document", "create")) == 2
    assert county("log", "--json").json()["intact"] is True


def test_an_archived_engagement_is_read_only(county: Cli, ctx: Context, tmp_path: Path) -> None:
    _approve(county)
    with ctx.session() as session, session.begin():
        engagement = session.get(Engagement, 2)
        assert engagement is not None
        engagement.stage = "archive"
        session.add(engagement)
    r = county("engagement", "edit", "2", "--lead", "李明", "--json")
    assert r.code == 1 and r.json()["error"]["key"] == "engagement.gate.archived_read_only"
    advance = county("engagement", "advance", "2", "--json").json()
    assert advance["moved"] is False and advance["to"] is None
    assert advance["unmet_keys"] == ["engagement.gate.archived_read_only"]
    assert get_engagement(ctx, REF2).lead == "张建国"

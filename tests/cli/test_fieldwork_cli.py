"""``check``, ``suspicion``, ``sample``, ``paper`` and ``evidence`` through the CLI entry point, --json,
on a real database and a real workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from auditdesk.services.context import Context
from auditdesk.services.suspicions import finding_title
from auditdesk.store.models import ChangeLog, Finding, FindingEvent
from tests.cli.fieldwork import REF, UNIT, Cli, fieldwork_county

ENTRY_KEYS = {"date", "voucher", "summary", "account_code", "debit", "credit", "sheet", "row"}
SUSPICION_KEYS = {"id", "rule", "severity", "message", "basis", "status", "entries"}


@pytest.fixture
def field(cli: Cli, ctx: Context, tmp_path: Path) -> Cli:
    return fieldwork_county(cli, ctx, tmp_path)


def _by_rule(items: list[dict[str, Any]], rule: str) -> list[dict[str, Any]]:
    return [s for s in items if s["rule"] == rule]


def test_check_prints_the_contract_and_is_idempotent(field: Cli, ctx: Context) -> None:
    first = field("check", REF, "--json")
    assert first.code == 0, first.err
    items = first.json()
    assert items and all(SUSPICION_KEYS <= set(s) for s in items)
    assert all(ENTRY_KEYS == set(e) for s in items for e in s["entries"])
    cards = _by_rule(items, "banned_keywords")
    card = next(s for s in cards if "购物卡" in s["message"])
    assert card["severity"] == "high" and card["status"] == "open"
    assert card["entries"][0]["debit"] == "5000.00" and card["entries"][0]["voucher"] == "记-1"
    assert card["entries"][0]["sheet"] == "序时账" and card["entries"][0]["row"] == 8
    assert "购物卡" in card["message"] and card["basis"]
    assert any("体检" in s["message"] for s in _by_rule(items, "employer_costs"))
    # the same by unit and year, and a re-run: same ids, no duplicates, reviews kept
    dismissed = field("suspicion", "dismiss", str(card["id"]), "--reason", "核实为指定商家提货券", "--json")
    assert dismissed.code == 0 and dismissed.json()["status"] == "dismissed"
    again = field("check", "--unit", UNIT, "--year", "2024", "--json").json()
    assert sorted(s["id"] for s in again) == sorted(s["id"] for s in items)
    kept = next(s for s in again if s["id"] == card["id"])
    assert (
        kept["status"] == "dismissed"
        and kept["reason"] == "核实为指定商家提货券"
        and kept["reviewer"] == "测试员"
    )
    with ctx.session() as session:
        runs = [c for c in session.exec(select(ChangeLog)) if c.entity == "check_run"]
    assert len(runs) == 2 and runs[1].after is not None and runs[1].after["new"] == []


def test_holiday_gifts_without_a_cap_in_the_profile_are_shown_as_not_checked(field: Cli) -> None:
    """The sample office uses the national profile (no provincial cap): the year's gifts are a low
    note saying no cap was checked, and its finding title is the rule's neutral one."""
    items = field("check", REF, "--json").json()
    (note,) = _by_rule(items, "holiday_gift_cap")
    assert note["severity"] == "low" and note["rule_title"] == "节日慰问品年度限额"
    # the 春节 gift only: the shopping cards name no holiday (banned_keywords flags them)
    assert "1 笔，合计 3,600.00 元" in note["message"] and "会员 300 人，人均 12.00 元" in note["message"]
    assert "未作限额核对" in note["message"] and "限额由各省规定" in note["basis"]
    assert [(e["date"], e["voucher"]) for e in note["entries"]] == [("2024-02-08", "记-2")]
    assert finding_title("holiday_gift_cap", "check.holiday_gift_cap.no_cap") == "节日慰问品年度限额"
    assert finding_title("holiday_gift_cap", "check.holiday_gift_cap.over") == "节日慰问品超限额"
    assert finding_title("employer_costs", "check.employer_costs.hit") == "应由行政负担的支出"


def test_confirm_makes_a_draft_finding_and_dismiss_needs_a_reason(field: Cli, ctx: Context) -> None:
    items = field("check", REF, "--json").json()
    health = next(s for s in items if "体检" in s["message"])
    confirmed = field(
        "suspicion", "confirm", str(health["id"]), "--title", "工会经费列支职工体检费", "--json"
    )
    assert confirmed.code == 0, confirmed.err
    finding = confirmed.json()
    assert finding["code"] == "2025-01-01" and finding["status"] == "draft"
    assert finding["category"] == "支出管理" and finding["amount"] == "11760.00"
    assert finding["title"] == "工会经费列支职工体检费" and "体检" in finding["facts"] and finding["basis"]
    text = field("suspicion", "show", str(health["id"]))
    assert "已确认" in text.out and "测试员" in text.out
    twice = field("suspicion", "confirm", str(health["id"]), "--json")
    assert twice.code == 1 and "已由 测试员 复核为“已确认”" in twice.json()["error"]["message"]
    other = next(s for s in items if s["id"] != health["id"])
    refused = field("suspicion", "dismiss", str(other["id"]), "--reason", "  ")
    assert refused.code == 1 and "必须写明理由" in refused.err
    open_left = field("suspicion", "list", REF, "--status", "open", "--json").json()
    assert other["id"] in [s["id"] for s in open_left] and health["id"] not in [s["id"] for s in open_left]
    with ctx.session() as session:
        row = session.exec(select(Finding)).one()
        events = session.exec(select(FindingEvent)).all()
    assert row.suspicion_id == health["id"] and [e.to_status for e in events] == ["draft"]


def test_the_gate_into_report_waits_for_every_suspicion(field: Cli) -> None:
    refused = field("engagement", "advance", REF, "--json").json()
    assert refused["unmet_keys"] == ["engagement.gate.checks_not_run"]
    items = field("check", REF, "--json").json()
    refused = field("engagement", "advance", REF, "--json").json()
    assert refused["unmet_keys"] == ["engagement.gate.suspicions_open"]
    for s in items:
        assert field("suspicion", "dismiss", str(s["id"]), "--reason", "已核实无误").code == 0
    assert field("engagement", "advance", REF, "--json").json()["moved"] is True


def test_sampling_is_reproducible_and_results_are_recorded(field: Cli) -> None:
    drawn = field("sample", "draw", REF, "--method", "random", "--size", "2", "--seed", "7", "--json")
    assert drawn.code == 0, drawn.err
    sample = drawn.json()
    assert sample["population"]["size"] == 5 and sample["population"]["amount"] == "24046.00"
    assert [i["position"] for i in sample["items"]] == [1, 2]
    larger = field("sample", "draw", REF, "--method", "random", "--size", "4", "--seed", "7", "--json").json()
    assert [i["entry"]["id"] for i in larger["items"][:2]] == [i["entry"]["id"] for i in sample["items"]]
    sid = str(sample["id"])
    ok = field("sample", "record", sid, "1", "--result", "符合", "--json")
    assert ok.code == 0 and ok.json()["result"] == "pass"
    no_note = field("sample", "record", sid, "2", "--result", "fail")
    assert no_note.code == 1 and "必须写明情况" in no_note.err
    failed = field(
        "sample", "record", sid, "2", "--result", "不符合", "--note", "无发放签领表", "--raise", "--json"
    )
    assert failed.code == 0 and failed.json()["suspicion"] is not None
    raised = field("suspicion", "show", str(failed.json()["suspicion"]), "--json").json()
    assert raised["rule"] == "sample_exception" and "无发放签领表" in raised["message"]
    shown = field("sample", "show", sid, "--json").json()
    assert [i["result"] for i in shown["items"]] == ["pass", "fail"] and shown["exceptions"] == 1
    verified = field("sample", "verify", sid, "--json")
    assert verified.code == 0 and verified.json() == {
        "id": sample["id"],
        "redraw_matches": True,
        "population_unchanged": True,
        "population_sha256": sample["population"]["sha256"],
        "current_sha256": sample["population"]["sha256"],
    }
    mus = field("sample", "draw", REF, "--method", "mus", "--size", "3", "--seed", "1", "--json").json()
    assert [i["amount"] for i in mus["items"] if i["stratum"] == "top"] == ["11760.00"]
    bad = field("sample", "draw", REF, "--method", "guess", "--size", "2", "--seed", "1")
    assert bad.code == 1 and "没有“guess”这种抽样方法" in bad.err


def test_papers_are_signed_and_an_edit_after_review_shows(field: Cli, cli: Cli) -> None:
    added = field("paper", "add", REF, "--area", "支出管理", "--title", "会员活动支出检查", "--json")
    assert added.code == 0 and added.json()["index_no"] == "DG-01" and added.json()["state"] == "draft"
    pid = str(added.json()["id"])
    empty = field("paper", "sign", pid, "--as", "编制")
    assert empty.code == 1 and "审计目标" in empty.err
    edited = field(
        "paper",
        "edit",
        pid,
        "--objective",
        "核实会员活动支出是否合规",
        "--procedure",
        "逐笔检查凭证",
        "--conclusion",
        "发现购物卡发放问题",
        "--json",
    )
    assert edited.code == 0
    assert field("paper", "sign", pid, "--as", "prepare", "--json").json()["state"] == "prepared"
    self_review = field("paper", "sign", pid, "--as", "review")
    assert self_review.code == 1
    reviewed = cli("--user", "李组长", "paper", "sign", pid, "--as", "复核", "--json")
    assert (
        reviewed.code == 0
        and reviewed.json()["state"] == "reviewed"
        and reviewed.json()["reviewer"] == "李组长"
    )
    changed = field("paper", "edit", pid, "--result", "补充：另见样本 1", "--json").json()
    assert changed["state"] == "changed_after_review"
    listed = field("paper", "list", REF)
    assert "复核后被修改" in listed.out


def test_evidence_is_stored_once_by_sha256_and_linked(
    field: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "evidence-store"
    monkeypatch.setenv("AUDITDESK_EVIDENCE", str(store))
    items = field("check", REF, "--json").json()
    photo = tmp_path / "凭证照片.jpg"
    photo.write_bytes(b"\xff\xd8 a photo of voucher 3")
    added = field(
        "evidence",
        "add",
        REF,
        str(photo),
        "--description",
        "3月记-1凭证",
        "--suspicion",
        str(items[0]["id"]),
        "--json",
    )
    assert added.code == 0, added.err
    body = added.json()
    stored = Path(body["path"])
    assert stored.read_bytes() == photo.read_bytes() and stored.is_relative_to(store)
    assert body["sha256"] in stored.name and body["links"] == [{"target": "suspicion", "id": items[0]["id"]}]
    paper = field("paper", "add", REF, "--area", "支出管理", "--title", "底稿", "--json").json()
    again = field("evidence", "add", REF, str(photo), "--paper", str(paper["id"]), "--json").json()
    assert again["id"] == body["id"] and len(again["links"]) == 2
    wrong = field("evidence", "link", str(body["id"]), "finding", "99")
    assert wrong.code == 1 and "没有编号为 99 的问题" in wrong.err
    assert field("evidence", "list", REF, "--verify").code == 0
    stored.write_bytes(b"tampered")
    damaged = field("evidence", "list", REF, "--verify", "--json")
    assert damaged.code == 1 and damaged.json()[0]["intact"] is False


def test_a_missing_year_stops_the_run_before_anything_is_stored(field: Cli, ctx: Context) -> None:
    assert field("engagement", "edit", REF, "--years", "2023,2024").code == 0
    r = field("check", REF, "--json")
    assert r.code == 1 and "2023 年度还没有导入账簿" in r.json()["error"]["message"]
    with ctx.session() as session:
        assert [c for c in session.exec(select(ChangeLog)) if c.entity == "check_run"] == []


def test_reviews_carry_over_when_the_ledger_is_imported_again(field: Cli, tmp_path: Path) -> None:
    items = field("check", REF, "--json").json()
    card = next(s for s in items if "购物卡" in s["message"])
    health = next(s for s in items if "体检" in s["message"])
    assert field("suspicion", "dismiss", str(card["id"]), "--reason", "指定商家提货券").code == 0
    code = field("suspicion", "confirm", str(health["id"]), "--json").json()["id"]
    again = tmp_path / "序时账.xlsx"  # the same file again, replacing the earlier import
    r = field("import", str(again), "--unit", UNIT, "--year", "2024", "--force", "--json")
    assert r.code == 0 and r.json()["status"] == "imported", r.out + r.err
    rerun = {s["id"]: s for s in field("check", REF, "--json").json()}
    new_card = next(s for s in rerun.values() if "购物卡" in s["message"])
    new_health = next(s for s in rerun.values() if "体检" in s["message"])
    assert new_card["id"] != card["id"] and new_health["id"] != health["id"]  # new entries, new suspicions
    assert new_card["status"] == "dismissed" and "指定商家提货券" in new_card["reason"]
    assert f"疑点 {card['id']}" in new_card["reason"] and new_card["reviewer"] == "测试员"
    assert new_health["status"] == "confirmed" and new_health["finding"] is not None
    open_ones = field("suspicion", "list", REF, "--status", "open", "--json").json()
    assert {s["id"] for s in open_ones} == {s["id"] for s in rerun.values() if s["status"] == "open"}
    assert field("register", "show", code, "--json").json()["status"] == "draft"


def test_a_stopped_run_stores_nothing(field: Cli, ctx: Context) -> None:
    from auditdesk.core.checks import RunCancelled
    from auditdesk.services.checks import run_ledger_checks
    from auditdesk.store.models import Suspicion

    def stop_at_the_third(done: int, total: int, rule: str) -> None:
        if done == 3:
            raise RunCancelled

    with pytest.raises(RunCancelled):
        run_ledger_checks(ctx, REF, progress=stop_at_the_third)
    with ctx.session() as session:
        assert session.exec(select(Suspicion)).all() == []
        assert [c for c in session.exec(select(ChangeLog)) if c.entity == "check_run"] == []

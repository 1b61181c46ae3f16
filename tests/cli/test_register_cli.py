"""``register list|show|add|edit|move|due|stats`` through the CLI entry point, --json, on a real database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import select

from auditdesk.services.context import Context
from auditdesk.services.register import due_findings, list_register, move_finding
from auditdesk.store.models import ChangeLog, FindingEvent
from tests.cli.fieldwork import REF, UNIT, Cli, fieldwork_county

LIST_KEYS = {"id", "unit", "category", "title", "amount", "status", "deadline", "overdue"}


@pytest.fixture
def field(cli: Cli, ctx: Context, tmp_path: Path) -> Cli:
    return fieldwork_county(cli, ctx, tmp_path)


def _confirm(field: Cli, word: str, title: str) -> str:
    items = field("check", REF, "--json").json()
    target = next(s for s in items if word in s["message"] and s["status"] == "open")
    r = field("suspicion", "confirm", str(target["id"]), "--title", title, "--json")
    assert r.code == 0, r.err
    code: str = r.json()["id"]
    return code


def test_a_finding_goes_from_draft_to_closed(field: Cli, ctx: Context, tmp_path: Path) -> None:
    code = _confirm(field, "体检", "工会经费列支职工体检费")
    listed = field("register", "list", "--engagement", REF, "--json").json()
    assert [i["id"] for i in listed] == [code] and LIST_KEYS <= set(listed[0])
    assert listed[0]["status"] == "draft" and listed[0]["deadline"] is None and listed[0]["overdue"] is False
    # a draft cannot be closed: the message names the allowed moves
    refused = field("register", "move", code, "closed", "--note", "x")
    assert refused.code == 1 and "草稿" in refused.err and "待整改" in refused.err and "已撤销" in refused.err
    issued = field("register", "move", code, "pending", "--json").json()
    assert issued["status"] == "pending"
    assert dt.date.fromisoformat(issued["deadline"]) == dt.date.today() + dt.timedelta(days=90)
    assert field("register", "move", code, "in_progress", "--note", "单位已着手整改").code == 0
    proof = tmp_path / "退款凭证.pdf"
    proof.write_bytes(b"%PDF-1.4 refund")
    reported = field(
        "register",
        "move",
        code,
        "已报整改",
        "--note",
        "体检费已由学校行政退回工会账户",
        "--evidence",
        str(proof),
        "--json",
    )
    assert reported.code == 0, reported.err
    no_note = field("register", "move", code, "closed")
    assert no_note.code == 1
    closed = field("register", "move", code, "closed", "--note", "已核对银行回单，退款到账", "--json").json()
    assert closed["status"] == "closed"
    shown = field("register", "show", code, "--json").json()
    assert [e["to"] for e in shown["events"]] == ["draft", "pending", "in_progress", "reported", "closed"]
    assert shown["events"][3]["evidence"] == "退款凭证.pdf" and shown["evidence"][0]["file"] == "退款凭证.pdf"
    assert shown["allowed"] == [] and shown["entries"] and shown["suspicion"] is not None
    text = field("register", "show", code)
    assert "已销号" in text.out and "已核对银行回单" in text.out
    final = field("register", "move", code, "in_progress", "--note", "x")
    assert final.code == 1
    with ctx.session() as session:
        moves = [c for c in session.exec(select(ChangeLog)) if c.entity == "finding" and c.action == "move"]
        events = session.exec(select(FindingEvent)).all()
    assert len(moves) == 4 and len(events) == 5


def test_stats_sentence_follows_the_register(field: Cli) -> None:
    first = _confirm(field, "体检", "工会经费列支职工体检费")
    second = _confirm(field, "购物卡", "以购物卡形式发放节日慰问品")
    added = field("register", "add", REF, "--category", "内部控制", "--title", "未建立经费审批制度", "--json")
    assert added.code == 0 and added.json()["status"] == "draft"
    empty = field("register", "stats", "--json").json()
    assert empty["findings"] == 0 and empty["sentence"].endswith("整改率—")
    for code in (first, second, added.json()["id"]):
        assert field("register", "move", code, "pending").code == 0
    stats = field("register", "stats", "--year", "2025", "--json").json()
    assert stats["categories"] == 2 and stats["findings"] == 3 and stats["rectified"] == 0
    assert stats["amount"] == "16760.00"
    assert stats["sentence"] == "共发现2类3个问题，涉及金额16,760.00元，已整改0个，整改率0%"
    field("register", "move", first, "reported", "--note", "已退回")
    field("register", "move", first, "closed", "--note", "核实")
    stats = field("register", "stats", "--unit", UNIT, "--json").json()
    assert stats["rectified"] == 1 and stats["sentence"].endswith("已整改1个，整改率33.3%")
    assert field("register", "stats", "--year", "2030", "--json").json()["findings"] == 0


def test_unknown_category_illegal_status_and_edit_history(field: Cli) -> None:
    bad = field("register", "add", REF, "--category", "其他", "--title", "x")
    assert bad.code == 1 and "预算管理" in bad.err
    code = field(
        "register", "add", REF, "--category", "会计核算", "--title", "白条入账", "--amount", "300", "--json"
    ).json()["id"]
    edited = field("register", "edit", code, "--amount", "350.50", "--facts", "3 张白条", "--json").json()
    assert edited["amount"] == "350.50" and edited["events"][-1]["note"].startswith("修改了")
    nonsense = field("register", "move", code, "finished")
    assert nonsense.code == 1 and "pending（待整改）" in nonsense.err


def test_overdue_extension_and_the_due_list(field: Cli, ctx: Context) -> None:
    code = _confirm(field, "体检", "工会经费列支职工体检费")
    move_finding(ctx, code, "pending", deadline=None, today=dt.date(2025, 1, 2))
    soon = list_register(ctx, today=dt.date(2025, 3, 20))[0]
    assert soon.days_left == 13 and soon.due_within(30) and not soon.overdue
    late = dt.date(2025, 6, 1)
    item = list_register(ctx, today=late)[0]
    assert item.overdue and item.days_overdue == (late - dt.date(2025, 4, 2)).days
    assert [i.code for i in list_register(ctx, overdue=True, today=late)] == [code]
    assert [i.code for i in due_findings(ctx, 30, today=late)] == [code]
    no_date = field("register", "move", code, "extended", "--note", "资金未到位")
    assert no_date.code == 1
    extended = field(
        "register", "move", code, "extended", "--note", "资金未到位", "--deadline", "2099-12-31", "--json"
    ).json()
    assert extended["deadline"] == "2099-12-31" and extended["overdue"] is False
    assert field("register", "list", "--overdue", "--json").json() == []


def _fill(
    path: Path, values: dict[str, dict[str, object]], *, edit: tuple[str, str, object] | None = None
) -> None:
    """Fill in the workbook as the unit would (openpyxl): ``values`` by finding number and column."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["整改台账"]
    header = {str(c.value): c.column for c in ws[3] if c.value}
    for row in ws.iter_rows(min_row=4):
        code = row[header["问题编号"] - 1].value
        for column, value in values.get(str(code), {}).items():
            ws.cell(row=row[0].row, column=header[column], value=value)
        if edit is not None and code == edit[0]:
            ws.cell(row=row[0].row, column=header[edit[1]], value=edit[2])
    wb.save(path)


def test_the_register_round_trip_with_the_unit(field: Cli, tmp_path: Path) -> None:
    first = _confirm(field, "体检", "工会经费列支职工体检费")
    second = _confirm(field, "购物卡", "以购物卡形式发放节日慰问品")
    drafts_only = field("register", "export", "--unit", UNIT, str(tmp_path / "none.xlsx"))
    assert drafts_only.code == 1 and "草稿须先改为“待整改”" in drafts_only.err
    for code in (first, second):
        assert field("register", "move", code, "pending").code == 0
    book = tmp_path / "台账.xlsx"
    exported = field("register", "export", "--unit", UNIT, str(book), "--json")
    assert exported.code == 0 and exported.json()["findings"] == 2
    _fill(
        book,
        {
            first: {
                "整改措施": "由学校行政退回体检费",
                "整改情况": "已退回",
                "完成日期": dt.date(2025, 6, 30),
                "整改状态": "已完成整改",
            },
            second: {"整改措施": "收回购物卡", "整改状态": "正在整改"},
        },
    )
    preview = field("register", "import", str(book), "--json")
    assert preview.code == 1 and preview.json()["status"] == "preview"
    changes = {c["id"]: c for c in preview.json()["changes"]}
    assert changes[first]["status_after"] == "reported" and changes[second]["status_after"] == "in_progress"
    assert {"column": "完成日期", "before": "", "after": "2025-06-30"} in changes[first]["changes"]
    listed = field("register", "list", "--unit", UNIT, "--json").json()
    assert {i["status"] for i in listed} == {"pending"}  # nothing applied without --yes
    applied = field("register", "import", str(book), "--yes", "--json")
    assert applied.code == 0 and applied.json()["status"] == "applied"
    shown = field("register", "show", first, "--json").json()
    assert shown["status"] == "reported" and shown["measures"] == "由学校行政退回体检费"
    assert shown["completed_on"] == "2025-06-30" and "单位报送" in shown["events"][-1]["note"]
    again = field("register", "import", str(book), "--json")
    assert again.code == 0 and again.json()["status"] == "unchanged"
    assert field("register", "move", first, "closed", "--note", "核对退款回单").code == 0
    stats = field("register", "stats", "--json").json()
    assert stats["rectified"] == 1 and stats["rate"] == "50.0"
    # a locked cell changed, or a number the register does not know: the whole file is refused
    fresh = tmp_path / "台账2.xlsx"
    field("register", "export", "--unit", UNIT, "--open-only", str(fresh))
    _fill(fresh, {second: {"整改状态": "已完成整改"}}, edit=(second, "涉及金额", 1))
    refused = field("register", "import", str(fresh), "--yes")
    assert refused.code == 1 and "锁定的栏目被改动过" in refused.err and "涉及金额" in refused.err
    other = tmp_path / "台账3.xlsx"
    field("register", "export", "--unit", UNIT, "--open-only", str(other))
    _fill(other, {}, edit=(second, "问题编号", "2099-09-09"))
    unknown = field("register", "import", str(other), "--yes")
    assert unknown.code == 1 and "2099-09-09" in unknown.err
    assert field("register", "show", second, "--json").json()["status"] == "in_progress"


def test_a_refused_move_stores_no_evidence(field: Cli, tmp_path: Path) -> None:
    code = _confirm(field, "体检", "工会经费列支职工体检费")
    proof = tmp_path / "回单.pdf"
    proof.write_bytes(b"%PDF refund")
    refused = field("register", "move", code, "closed", "--note", "x", "--evidence", str(proof))
    assert refused.code == 1
    assert field("evidence", "list", REF, "--json").json() == []

"""The report stage through the CLI: draft report, replies, final report, opinion letter (which issues
the findings and moves the engagement to 整改), rectification notice and the annual summary. Every
generated .docx is opened with python-docx and its text checked against the database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document as Docx
from openpyxl import load_workbook

from auditdesk.services.context import Context
from tests.cli.fieldwork import REF, UNIT, Cli, fieldwork_county


@pytest.fixture
def field(cli: Cli, ctx: Context, tmp_path: Path) -> Cli:
    return fieldwork_county(cli, ctx, tmp_path)


def _text(path: str) -> str:
    doc = Docx(path)
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _to_report_stage(field: Cli) -> tuple[str, str]:
    items = field("check", REF, "--json").json()
    health = next(s for s in items if "体检" in s["message"])
    card = next(s for s in items if "购物卡" in s["message"])
    first = field(
        "suspicion", "confirm", str(health["id"]), "--title", "工会经费列支职工体检费", "--json"
    ).json()
    second = field(
        "suspicion", "confirm", str(card["id"]), "--title", "以购物卡形式发放慰问品", "--json"
    ).json()
    for s in items:
        if s["id"] not in (health["id"], card["id"]):
            assert field("suspicion", "dismiss", str(s["id"]), "--reason", "已核实").code == 0
    assert field("engagement", "advance", REF, "--json").json()["moved"] is True
    return first["id"], second["id"]


def _file(body: dict, kind: str) -> dict:
    return next(f for f in body["files"] if f["kind"] == kind)


def test_draft_replies_report_opinion_and_rectification_notice(field: Cli, tmp_path: Path) -> None:
    first, second = _to_report_stage(field)
    out = tmp_path / "文书"
    too_early = field("doc", "opinion", REF, "--out", str(out))
    assert too_early.code == 1 and "须先出具审计报告" in too_early.err
    no_draft = field("reply", REF, first, "agree")
    assert no_draft.code == 1
    draft = field("doc", "draft", REF, "--out", str(out), "--json")
    assert draft.code == 0, draft.err
    docx = _file(draft.json(), "draft")
    assert docx["version"] == 1 and len(docx["sha256"]) == 64 and Path(docx["path"]).is_file()
    text = _text(docx["path"])
    assert UNIT in text and REF in text and "征求意见稿" in text
    assert "工会经费列支职工体检费" in text and "11,760.00" in text and "以购物卡形式发放慰问品" in text
    assert "24,046.00" in text and "1,250.50" in text  # spending and income totals of the ledger
    md = Path(_file(draft.json(), "draft-md")["path"]).read_text(encoding="utf-8")
    assert "工会经费列支职工体检费" in md
    # the unit's replies; a disagreement needs its reason
    assert field("reply", REF, first, "同意").code == 0
    assert field("reply", REF, second, "disagree").code == 1
    replied = field("reply", REF, second, "不同意", "--note", "其中2000元为指定商家提货券", "--json")
    assert replied.code == 0 and replied.json()["verdict"] == "disagree"
    assert field("register", "edit", second, "--amount", "3000").code == 0
    report = field("doc", "report", REF, "--out", str(out), "--json").json()
    text = _text(_file(report, "report")["path"])
    assert "征求意见稿" not in text.split("\n")[0] and "3,000.00" in text
    assert "涉及金额由5,000.00元改为3,000.00元" in text
    opinion = field("doc", "opinion", REF, "--out", str(out), "--json")
    assert opinion.code == 0, opinion.err
    body = opinion.json()
    assert sorted(body["issued_findings"]) == sorted([first, second]) and body["stage"] == "rectify"
    listed = {i["id"]: i for i in field("register", "list", "--engagement", REF, "--json").json()}
    deadline = listed[first]["deadline"]
    assert (
        listed[first]["status"] == "pending"
        and deadline == (dt.date.today() + dt.timedelta(days=90)).isoformat()
    )
    year = dt.date.today().year
    assert body["doc_reference"] == f"青工经审意〔{year}〕1号"
    assert report["doc_reference"] == f"青工经审报〔{year}〕1号"
    text = _text(_file(body, "opinion")["path"])
    assert body["doc_reference"] in text
    assert "审计意见书" in text and "工会经费列支职工体检费" in text and "壹万壹仟柒佰陆拾元整" in text
    assert dt.date.fromisoformat(deadline).year == int(deadline[:4]) and f"{int(deadline[5:7])}月" in text
    field("register", "move", first, "reported", "--note", "已退回")
    field("register", "move", first, "closed", "--note", "核实退款")
    rectify = field("doc", "rectify", REF, "--out", str(out), "--json").json()
    text = _text(_file(rectify, "rectify")["path"])
    assert "以购物卡形式发放慰问品" in text and "工会经费列支职工体检费" not in text
    again = field("doc", "draft", REF, "--out", str(out))
    assert again.code == 1 and "整改" in again.err
    shown = field("engagement", "show", REF, "--json").json()
    assert shown["stage"] == "rectify"


def test_pdf_is_made_or_the_command_says_why(
    field: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _to_report_stage(field)
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    r = field("doc", "draft", REF, "--out", str(tmp_path / "o"), "--pdf", "--json")
    assert r.code == 0 and r.json()["pdf_error"] and "LibreOffice" in r.err
    assert [f["kind"] for f in r.json()["files"]] == ["draft", "draft-md"]


def test_the_annual_summary(field: Cli, tmp_path: Path) -> None:
    first, _second = _to_report_stage(field)
    out = tmp_path / "总结"
    field("doc", "draft", REF, "--out", str(out))
    field("doc", "report", REF, "--out", str(out))
    field("doc", "opinion", REF, "--out", str(out))
    field("register", "move", first, "reported", "--note", "已退回")
    field("register", "move", first, "closed", "--note", "核实退款")
    r = field("doc", "summary", "--year", "2025", "--out", str(out), "--json")
    assert r.code == 0, r.err
    body = r.json()
    assert body["sentence"] == "共发现1类2个问题，涉及金额16,760.00元，已整改1个，整改率50%"
    assert {f["kind"] for f in body["files"]} == {"summary", "summary-md", "summary-xlsx"}
    text = _text(_file(body, "summary")["path"])
    assert UNIT in text and body["sentence"] in text and "24,046.00" in text
    wb = load_workbook(_file(body, "summary-xlsx")["path"])
    values = [
        str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None
    ]
    assert UNIT in values
    none = field("doc", "summary", "--year", "2031")
    assert none.code == 1 and "没有批准的审计计划" in none.err

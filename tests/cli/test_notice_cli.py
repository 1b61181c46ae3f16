"""``auditdesk notice E``: the audit notice written as .docx and .md, recorded, and opening the 实施 gate."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx

from tests.cli.test_engagement_cli import REF1, _approve

Cli = Callable[..., Any]


def test_notice_is_written_recorded_and_lets_the_audit_start(county: Cli, tmp_path: Path) -> None:
    _approve(county)
    refused = county("engagement", "advance", REF1, "--json")
    assert refused.code == 1 and refused.json()["moved"] is False
    out = tmp_path / "文书"
    r = county("notice", REF1, "--out", str(out), "--json")
    assert r.code == 0, r.out + r.err
    body = r.json()
    assert body["reference"] == REF1 and body["unit"] == "县人民医院工会"
    kinds = {f["kind"]: f for f in body["files"]}
    assert set(kinds) == {"notice", "notice-md"} and all(f["version"] == 1 for f in body["files"])
    word = docx.Document(kinds["notice"]["path"])
    text = "\n".join(p.text for p in word.paragraphs) + "\n".join(
        c.text for t in word.tables for row in t.rows for c in row.cells
    )
    facts = (REF1, "县人民医院工会", "审计通知书", "2024年度", "2025年4月7日", "张建国", "记账凭证及原始凭证")
    for fact in facts:
        assert fact in text, fact
    markdown = Path(kinds["notice-md"]["path"]).read_text(encoding="utf-8")
    assert REF1 in markdown and "县人民医院工会" in markdown
    again = county("notice", REF1, "--out", str(out), "--json").json()
    assert [f["version"] for f in again["files"]] == [2, 2]
    moved = county("engagement", "advance", REF1, "--json")
    assert moved.code == 0 and moved.json()["moved"] is True and moved.json()["to"] == "fieldwork"
    shown = county("engagement", "show", REF1, "--json").json()
    assert [(d["kind"], d["version"]) for d in shown["documents"]].count(("notice", 2)) == 1

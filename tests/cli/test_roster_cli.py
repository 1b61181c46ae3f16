"""``auditdesk units import``: create, then update from a changed roster; strict; logged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.fixtures.ledgers import write_xlsx

HEADER = [
    "序号",
    "单位名称",
    "单位代码",
    "会员人数",
    "职工人数",
    "上年工资总额（元）",
    "工会主席",
    "联系电话",
    "上次审计年度",
]
ROWS: list[list[Any]] = [
    [1, "县人民医院工会", "GH002", 310, 325, 38600000, "王建华", "0311-1234567", 2021],
    [2, "县第一中学工会", "JY001", 85, 90, "6,500,000.50", "李红", None, "从未审计"],
    [3, "县交通局工会", "JT003", 40, 41, None, None, None, None],
]


def _roster(path: Path, rows: list[list[Any]]) -> Path:
    return write_xlsx(path, {"名册": [["青陉县基层工会名册"], HEADER, *rows, ["合计", None, None, 435, 456]]})


def test_create_then_update_with_before_and_after(cli: Callable[..., Any], tmp_path: Path) -> None:
    r = cli("units", "import", str(_roster(tmp_path / "r1.xlsx", ROWS)), "--json")
    assert r.code == 0, r.out + r.err
    body = r.json()
    assert set(body) == {"status", "created", "updated", "unchanged", "errors"}
    assert body["status"] == "imported" and body["errors"] == [] and body["updated"] == []
    assert body["created"] == ["县人民医院工会", "县第一中学工会", "县交通局工会"]
    units = {u["name"]: u for u in cli("units", "list", "--json").json()}
    assert units["县人民医院工会"]["payroll"] == "38600000.00"
    assert units["县人民医院工会"]["last_audit_year"] == 2021
    assert units["县第一中学工会"]["payroll"] == "6500000.50"
    assert units["县第一中学工会"]["last_audit_year"] is None
    assert units["县交通局工会"]["chair"] is None

    changed = [list(r) for r in ROWS]
    changed[0][3] = 312  # members
    changed[0][8] = 2024  # audited since
    changed[1][1] = "县第一中学工会委员会"  # renamed; matched by its code
    changed[1][6] = None  # an empty cell leaves the chair as it is
    r = cli("units", "import", str(_roster(tmp_path / "r2.xlsx", changed)), "--json")
    assert r.code == 0, r.out
    body = r.json()
    assert body["created"] == [] and body["unchanged"] == ["县交通局工会"]
    updated = {u["name"]: u for u in body["updated"]}
    assert updated["县人民医院工会"] == {
        "name": "县人民医院工会",
        "renamed_from": None,
        "changes": {
            "members": {"before": 310, "after": 312},
            "last_audit_year": {"before": 2021, "after": 2024},
        },
    }
    school = updated["县第一中学工会委员会"]
    assert school["renamed_from"] == "县第一中学工会"
    assert school["changes"] == {"name": {"before": "县第一中学工会", "after": "县第一中学工会委员会"}}
    units = {u["name"]: u for u in cli("units", "list", "--json").json()}
    assert set(units) == {"县人民医院工会", "县第一中学工会委员会", "县交通局工会"}
    assert units["县第一中学工会委员会"]["chair"] == "李红"
    assert units["县人民医院工会"]["members"] == 312

    log = cli("log", "--json").json()
    assert log["intact"]
    actions = sorted((c["action"], c["entity"]) for c in log["changes"])
    assert actions == [("create", "unit")] * 3 + [("update", "unit")] * 2


def test_human_output_and_dry_run(cli: Callable[..., Any], tmp_path: Path) -> None:
    path = _roster(tmp_path / "r.xlsx", ROWS)
    r = cli("units", "import", str(path), "--dry-run")
    assert r.code == 0 and "检查通过" in r.out and "县交通局工会" in r.out
    assert cli("units", "list", "--json").json() == []
    cli("units", "import", str(path))
    cli("units", "edit", "GH002", "--members", "1", "--last-audit", "2019")
    r = cli("units", "import", str(path))
    assert r.code == 0 and "会员人数 1 → 310" in r.out and "上次审计年度 2019 → 2021" in r.out


def test_a_rejected_roster_stores_nothing_and_lists_every_problem(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    bad = [list(r) for r in ROWS]
    bad[0][3] = "三百"
    bad[1][8] = 1980
    bad[2][1] = "县人民医院工会"  # the name again
    path = _roster(tmp_path / "bad.xlsx", bad)
    r = cli("units", "import", str(path), "--json")
    assert r.code == 1
    body = r.json()
    assert body["status"] == "rejected" and body["created"] == []
    found = [(e["sheet"], e["row"], e["column"], e["value"]) for e in body["errors"]]
    assert found == [("名册", 3, "D", "三百"), ("名册", 4, "I", "1980"), ("名册", 5, "", "县人民医院工会")]
    assert "会员人数" in body["errors"][0]["message"] and "第 3 行" in body["errors"][2]["message"]
    assert cli("units", "list", "--json").json() == []
    assert cli("log", "--json").json()["changes"] == []
    r = cli("units", "import", str(path))
    assert r.code == 1 and "3 个问题" in r.out and "三百" in r.out and "1980" in r.out


def test_an_unreadable_file_is_rejected(cli: Callable[..., Any], tmp_path: Path) -> None:
    r = cli("units", "import", str(tmp_path / "none.xlsx"), "--json")
    assert (
        r.code == 1 and r.json()["status"] == "rejected" and "none.xlsx" in r.json()["errors"][0]["message"]
    )
    journal = write_xlsx(tmp_path / "j.xlsx", {"序时账": [["日期", "摘要", "借方"], ["2024-01-01", "x", 1]]})
    r = cli("units", "import", str(journal))
    assert r.code == 1 and "名册表头" in r.err


def test_a_code_matching_a_unit_named_elsewhere_in_the_roster(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    cli("units", "add", "甲工会", "--code", "C1")
    rows: list[list[Any]] = [
        [1, "甲工会", "C9", 1, 1, None, None, None, None],
        [2, "乙工会", "C1", 2, 2, None, None, None, None],
    ]
    r = cli("units", "import", str(_roster(tmp_path / "r.xlsx", rows)), "--json")
    assert r.code == 1 and r.json()["errors"][0]["row"] == 4
    assert [u["code"] for u in cli("units", "list", "--json").json()] == ["C1"]


def test_last_audit_option(cli: Callable[..., Any]) -> None:
    r = cli("units", "add", "县水务局工会", "--last-audit", "2020", "--json")
    assert r.code == 0 and r.json()["last_audit_year"] == 2020
    r = cli("units", "edit", "县水务局工会", "--last-audit", "1900")
    assert r.code == 1 and "1900" in r.err

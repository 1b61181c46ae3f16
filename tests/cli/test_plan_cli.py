"""``auditdesk plan propose|show``: the JSON contract, the ranking, money from active ledgers only."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from auditdesk.services.context import Context
from auditdesk.services.imports import import_ledger
from auditdesk.services.plan import propose_plan
from auditdesk.services.units import add_unit
from tests.cli.journal import write_journal

ITEM_KEYS = {"unit", "score", "reasons", "selected"}


@pytest.fixture
def county(ctx: Context, tmp_path: Path) -> Context:
    """Four units: a hospital with a 2024 ledger (audited 2021), a school never audited, two others."""
    add_unit(ctx, "县人民医院工会", members=310, last_audit_year=2021)
    add_unit(ctx, "县第一中学工会", members=85)
    add_unit(ctx, "县交通局工会", last_audit_year=2024)
    add_unit(ctx, "县水务局工会", last_audit_year=2024)
    report = import_ledger(ctx, write_journal(tmp_path / "序时账.xlsx"), "县人民医院工会", 2024)
    assert report.status == "imported"
    return ctx


def test_propose_json_shape_and_order(cli: Callable[..., Any], county: Context) -> None:
    r = cli("plan", "propose", "--year", "2025", "--size", "2", "--json")
    assert r.code == 0, r.err
    body = r.json()
    assert set(body) == {"year", "size", "items", "weights", "weights_file"}
    assert body["year"] == 2025 and body["size"] == 2
    assert body["weights_file"].endswith("national.toml") and body["weights"]["never_audited"] == 40
    assert body["weights"]["fund_thresholds"][0] == "200000.00"
    items = body["items"]
    assert all(set(i) == ITEM_KEYS for i in items)
    # never audited (40 + 15 no ledger) · 4 years (32, fund under the first band) · then ties by name
    assert [(i["unit"], i["score"], i["selected"]) for i in items] == [
        ("县第一中学工会", 55, True),
        ("县人民医院工会", 32, True),
        ("县交通局工会", 23, False),
        ("县水务局工会", 23, False),
    ]
    hospital = items[1]["reasons"]
    assert hospital[0] == "上次审计在 2021 年，已隔 4 年（32 分）"
    # closing entries (本年收支结转) are not income or spending
    assert "收入 1,250.50 元、支出 3,600.00 元，合计 4,850.50 元" in hospital[1]
    assert "尚无问题台账" in hospital[2] and hospital[2].endswith("（0 分）")
    assert "系统中没有该单位的账簿（15 分）" in items[0]["reasons"]


def test_default_size_comes_from_the_standards(cli: Callable[..., Any], county: Context) -> None:
    body = cli("plan", "propose", "--year", "2025", "--json").json()
    assert body["size"] == 5 and all(i["selected"] for i in body["items"])


def test_a_superseded_ledger_no_longer_counts(county: Context, tmp_path: Path) -> None:
    again = import_ledger(county, tmp_path / "序时账.xlsx", "县人民医院工会", 2024, force=True)
    assert again.status == "imported" and again.replaced is not None
    hospital = next(c for c in propose_plan(county, 2025).candidates if c.unit.name == "县人民医院工会")
    assert (hospital.unit.income, hospital.unit.spending) == (Decimal("1250.50"), Decimal("3600.00"))


def test_every_active_ledger_of_the_latest_year_counts(county: Context, tmp_path: Path) -> None:
    grant = [["2025-06-01", "记-5", "拨缴经费", "402", "拨缴经费收入", None, 300000],
             ["2025-06-01", "记-5", "拨缴经费", "102", "银行存款", 300000, None],
             ["2025-12-31", "记-9", "本年收支结转", "402", "拨缴经费收入", 300000, None],
             ["2025-12-31", "记-9", "本年收支结转", "32203", "本年收支结转", None, 300000]]
    path = write_journal(tmp_path / "2025.xlsx", grant, total=False)
    assert import_ledger(county, path, "县人民医院工会", 2025).status == "imported"
    hospital = next(c for c in propose_plan(county, 2026).candidates if c.unit.name == "县人民医院工会")
    assert hospital.unit.ledger_years == (2024, 2025) and hospital.unit.latest_year == 2025
    assert (hospital.unit.income, hospital.unit.spending) == (Decimal("300000.00"), Decimal("0.00"))
    assert hospital.reasons[1].key == "plan.reason.fund_size" and hospital.reasons[1].points == 10


def test_text_output_and_show_says_not_approved(cli: Callable[..., Any], county: Context) -> None:
    r = cli("plan", "propose", "--year", "2025")
    assert r.code == 0 and "县第一中学工会" in r.out and "✓" in r.out
    assert "评分权重（全国通用" in r.out and "national.toml" in r.out and "不是法规规定" in r.out
    r = cli("plan", "show", "--year", "2025")
    assert r.code == 0 and r.out.startswith("2025 年度计划尚未批准")
    body = cli("plan", "show", "--year", "2025", "--json").json()
    assert body["approved"] is False and body["status"] == "proposed" and len(body["items"]) == 4


def test_bad_year_and_empty_roster(cli: Callable[..., Any]) -> None:
    r = cli("plan", "propose", "--year", "25", "--json")
    assert r.code == 1 and r.json()["error"]["key"] == "plan.bad_year"
    r = cli("plan", "propose", "--year", "2025")
    assert r.code == 0 and "还没有任何单位" in r.out


def test_a_user_copy_of_the_weights_is_used(cli: Callable[..., Any], county: Context) -> None:
    from auditdesk.services.standards import shipped_standards_dir, user_standards_dir

    text = (shipped_standards_dir() / "national.toml").read_text(encoding="utf-8")
    user = user_standards_dir()
    user.mkdir(parents=True)
    (user / "national.toml").write_text(text.replace("no_ledger = 15", "no_ledger = 0"), encoding="utf-8")
    body = cli("plan", "propose", "--year", "2025", "--json").json()
    assert body["weights_file"] == str(user / "national.toml") and body["items"][0]["score"] == 40
    (user / "national.toml").write_text(text.replace("size = 5", "size = 五"), encoding="utf-8")
    r = cli("plan", "propose", "--year", "2025")
    assert r.code == 1 and "不是有效的 TOML" in r.err


def test_no_income_or_spending_lines_is_unknown_not_zero(county: Context, tmp_path: Path) -> None:
    transfer = [["2025-03-01", "记-1", "提取备用金", "101", "库存现金", 500, None],
                ["2025-03-01", "记-1", "提取备用金", "102", "银行存款", None, 500]]
    path = write_journal(tmp_path / "transfer.xlsx", transfer, total=False)
    assert import_ledger(county, path, "县交通局工会", 2025).status == "imported"
    unit = next(c for c in propose_plan(county, 2026).candidates if c.unit.name == "县交通局工会")
    assert (unit.unit.income, unit.unit.spending) == (None, None)
    assert unit.reasons[1].key == "plan.reason.fund_unknown" and unit.reasons[1].points == 0

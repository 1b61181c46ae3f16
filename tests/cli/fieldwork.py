"""A county with one engagement in 实施 over a small ledger with planted problems (fieldwork tests)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from auditdesk.services.context import Context
from auditdesk.services.engagements import record_document
from tests.cli.journal import write_journal

Cli = Callable[..., Any]
UNIT = "县人民医院工会"
REF = "青工经审〔2025〕1号"

ROWS: list[list[Any]] = [
    ["2024-01-05", "记-1", "收到会员会费", "102", "银行存款", "1250.50", None],
    ["2024-01-05", "记-1", "收到会员会费", "401", "会费收入", None, "1250.50"],
    ["2024-02-08", "记-2", "春节慰问品(惠民超市)", "50105", "会员活动支出", "3,600.00", None],
    ["2024-02-08", "记-2", "春节慰问品(惠民超市)", "102", "银行存款", None, "3,600.00"],
    ["2024-03-12", "记-1", "购买超市购物卡发放会员", "50105", "会员活动支出", "5000", None],
    ["2024-03-12", "记-1", "购买超市购物卡发放会员", "102", "银行存款", None, "5000"],
    ["2024-06-15", "记-1", "宴请检查组(福满楼饭店)", "50106", "其他活动支出", "1286", None],
    ["2024-06-15", "记-1", "宴请检查组(福满楼饭店)", "102", "银行存款", None, "1286"],
    ["2024-09-10", "记-1", "职工篮球赛服装", "50102", "文体活动支出", "2400", None],
    ["2024-09-10", "记-1", "职工篮球赛服装", "102", "银行存款", None, "2400"],
    ["2024-10-18", "记-2", "职工年度健康体检费", "50106", "其他活动支出", "11760", None],
    ["2024-10-18", "记-2", "职工年度健康体检费", "102", "银行存款", None, "11760"],
]


def write_ledger(path: Path) -> Path:
    return write_journal(path, ROWS, total=False)


def fieldwork_county(cli: Cli, ctx: Context, tmp_path: Path) -> Cli:
    """The hospital with its 2024 ledger imported, an approved plan, the notice recorded and the
    engagement moved into 实施."""
    assert cli("units", "add", UNIT, "--members", "300", "--json").code == 0
    ledger = write_ledger(tmp_path / "序时账.xlsx")
    r = cli("import", str(ledger), "--unit", UNIT, "--year", "2024", "--json")
    assert r.code == 0 and r.json()["status"] == "imported", r.out + r.err
    r = cli("plan", "approve", "--year", "2025", "--size", "1", "--start", "2025-04-07", "--json")
    assert r.code == 0, r.out + r.err
    assert cli("engagement", "edit", "1", "--years", "2024").code == 0
    notice = tmp_path / "审计通知书.docx"
    notice.write_bytes(b"notice")
    with ctx.session() as session, session.begin():
        record_document(session, ctx.actor, 1, "notice", notice)
    moved = cli("engagement", "advance", "1", "--json")
    assert moved.code == 0 and moved.json()["to"] == "fieldwork", moved.out + moved.err
    return cli

"""A small journal workbook (序时账) for the service and CLI tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

HEADER = ["日期", "凭证号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额"]

GOOD: list[list[Any]] = [
    ["2024-01-05", "记-1", "收到会员会费", "102", "银行存款", 1250.5, None],
    ["2024-01-05", "记-1", "收到会员会费", "401", "会费收入", None, 1250.5],
    ["2024-02-08", "记-1", "春节慰问品", "50105", "会员活动支出", "3,600.00", None],
    ["2024-02-08", "记-1", "春节慰问品", "102", "银行存款", None, "3,600.00"],
    ["2024-12-31", "记-9", "本年收支结转", "401", "会费收入", 1250.5, None],
    ["2024-12-31", "记-9", "本年收支结转", "50105", "会员活动支出", None, 3600],
    ["2024-12-31", "记-9", "本年收支结转", "32203", "本年收支结转", 2349.5, None],
]


def write_journal(path: Path, rows: list[list[Any]] | None = None, *, total: bool = True) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "序时账"
    ws.append(["县人民医院工会序时账"])
    ws.append(["2024年度", None, None, None, None, None, "单位:元"])
    ws.append(HEADER)
    body = GOOD if rows is None else rows
    for row in body:
        ws.append(row)
    if total:
        ws.append([None, None, "合计", None, None, "8450.50", "8450.50"])
    wb.save(path)
    return path

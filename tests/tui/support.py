"""Helpers of the TUI tests: waiting for workers, and the ledger files the tests import."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerFailed


async def settle(pilot: Pilot[None]) -> None:
    """Let our workers finish and every message they posted be handled (no sleeping).

    The directory tree's own loader worker runs for the tree's lifetime, so it is not waited for;
    a worker that failed has shown its error modal, which the test then asserts.
    """
    await pilot.pause()
    while pending := [w for w in pilot.app.workers if not w.group.startswith("_") and not w.is_finished]:
        for worker in pending:
            try:
                await worker.wait()
            except (WorkerCancelled, WorkerFailed):
                pass
        await pilot.pause()


HEADER = ["日期", "凭证号", "摘要", "科目编码", "科目名称", "借方", "贷方"]

JOURNAL: list[list[Any]] = [
    ["2024-01-05", "记-1", "收到会员会费", "102", "银行存款", 1250.5, None],
    ["2024-01-05", "记-1", "收到会员会费", "401", "会费收入", None, 1250.5],
    ["2024-02-08", "记-2", "春节慰问品", "50105", "会员活动支出", "3,600.00", None],
    ["2024-02-08", "记-2", "春节慰问品", "102", "银行存款", None, "3,600.00"],
    ["2024-03-12", "记-3", "职工书屋购书", "50304", "职工书屋", 980, None],
    ["2024-03-12", "记-3", "职工书屋购书", "102", "银行存款", None, 980],
]


def write_workbook(path: Path, rows: list[list[Any]] | None = None, title: str = "县医院工会序时账") -> Path:
    """A journal (序时账): a title row, the header, balanced lines."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "序时账"
    ws.append([title])
    ws.append(HEADER)
    for row in JOURNAL if rows is None else rows:
        ws.append(row)
    wb.save(path)
    return path


def write_csv_journal(path: Path, vouchers: int, year: int = 2024) -> Path:
    """``2 * vouchers`` balanced lines over the year; every 7th voucher a 会员活动 gift, others 职工书屋."""
    start = dt.date(year, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for n in range(1, vouchers + 1):
            day = start + dt.timedelta(days=(n * 365) // (vouchers + 1))
            amount = f"{(n % 997) + 1}.{n % 100:02d}"
            if n % 7 == 0:
                summary, code, name = f"节日慰问品{n}", "50105", "会员活动支出"
            else:
                summary, code, name = f"购书第{n}批", "50304", "职工书屋"
            voucher = f"记-{n}"
            writer.writerow([day.isoformat(), voucher, summary, code, name, amount, ""])
            writer.writerow([day.isoformat(), voucher, summary, "102", "银行存款", "", amount])
    return path

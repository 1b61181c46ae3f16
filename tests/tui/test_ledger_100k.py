"""The ledger browser on 100,000 entries: first paint must not depend on the ledger's size."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from auditdesk.services.context import Context
from auditdesk.services.imports import import_ledger
from auditdesk.services.units import add_unit
from auditdesk.tui.app import AuditdeskApp
from auditdesk.tui.screens.ledger import LedgerScreen
from auditdesk.tui.widgets.ledger.ledger_table import LedgerTable
from tests.tui.support import settle, write_csv_journal

UNIT = "县供电公司工会"


@pytest.mark.slow
async def test_first_paint_on_100k_entries(app: AuditdeskApp, ctx: Context, tmp_path: Path) -> None:
    add_unit(ctx, UNIT)
    report = import_ledger(ctx, write_csv_journal(tmp_path / "big.csv", vouchers=50_000), UNIT, 2024)
    assert report.entries == 100_000
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        started = time.perf_counter()
        screen = LedgerScreen(UNIT, 2024)
        await app.push_screen(screen)
        await settle(pilot)
        elapsed = time.perf_counter() - started
        table = screen.query_one(LedgerTable)
        assert table.row_count == 100  # never more than a page
        assert screen.first_paint is not None
        status = str(screen.query_one("#ledger-status").render())
        assert status.startswith("第 1/1,000 页 · 共 100,000 条")
        # next page, timed as well
        started_page = time.perf_counter()
        await pilot.press("pagedown")
        await settle(pilot)
        page_time = time.perf_counter() - started_page
        page_paint = screen.last_paint
        assert str(screen.query_one("#ledger-status").render()).startswith("第 2/1,000 页")
        # a filter over all 100,000 rows
        started_filter = time.perf_counter()
        screen.query_one("#filter-account").value = "50105"  # type: ignore[attr-defined]
        screen.query_one("#filter-account").focus()
        await pilot.press("enter")
        await settle(pilot)
        filter_time = time.perf_counter() - started_filter
        filter_paint = screen.last_paint
        assert "共 7,142 条" in str(screen.query_one("#ledger-status").render())
    print(
        f"\nledger 100k: first paint {screen.first_paint:.3f}s (push to rows shown {elapsed:.3f}s), "
        f"next page {page_paint:.3f}s (with test waits {page_time:.3f}s), "
        f"account filter {filter_paint:.3f}s (with test waits {filter_time:.3f}s)"
    )
    assert elapsed < 3.0

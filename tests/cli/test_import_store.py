"""What an import stores, value by value, from real sample ledgers; and the same rows whichever insert path
(SQLite's driver executemany or the portable Core ``insert()`` other databases take) stores them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

import auditdesk.services.imports as imports
from auditdesk.core.money import from_fen
from auditdesk.services.context import Context
from auditdesk.services.imports import import_ledger
from auditdesk.services.units import add_unit
from auditdesk.store.bulk import COLUMNS, insert_entries
from auditdesk.store.models import LedgerEntry
from tests.cli.journal import GOOD, write_journal

SAMPLES = Path(__file__).resolve().parents[2] / "sample_ledgers"
UNIT = "县人民医院工会"
FIELDS = COLUMNS[3:]  # the stored columns after import_id, unit_id and year


def _stored(ctx: Context, import_id: int) -> list[dict[str, Any]]:
    table = LedgerEntry.__table__  # type: ignore[attr-defined]
    with ctx.engine.connect() as conn:
        rows = conn.execute(select(table).where(table.c.import_id == import_id).order_by(table.c.id)).all()
    return [{f: getattr(r, f) for f in FIELDS} for r in rows]


def _by_row(rows: list[dict[str, Any]], sheet: str, row: int) -> dict[str, Any]:
    return next(r for r in rows if r["sheet"] == sheet and r["row"] == row)


def test_detail_ledger_stores_exact_values(ctx: Context) -> None:
    """A 明细账 with running balances and a year-end closing (hospital, 2023)."""
    add_unit(ctx, UNIT)
    report = import_ledger(ctx, SAMPLES / "hospital-2023-detail-ledger.xlsx", UNIT, 2023)
    assert report.status == "imported" and report.import_id is not None
    rows = _stored(ctx, report.import_id)
    assert len(rows) == report.entries == 719 and sum(r["is_closing"] for r in rows) == report.closing_entries
    first = _by_row(rows, "明细账", 6)
    assert first == {
        "date": dt.date(2023, 2, 17),
        "voucher": "记-16",
        "summary": "购买慰问用水果、鲜花",
        "account_code": "101",
        "account_name": "库存现金",
        "counter_account": "",
        "debit_fen": 0,
        "credit_fen": 46500,
        "balance_fen": 306340,
        "attachments": None,
        "sheet": "明细账",
        "row": 6,
        "chart": "2021",
        "chart_code": "101",
        "chart_name": "库存现金",
        "is_closing": False,
    }
    closing = _by_row(rows, "明细账", 417)
    assert closing["summary"] == "结转本年收入" and closing["is_closing"] is True
    assert from_fen(closing["credit_fen"]) == Decimal("734445.27")
    assert from_fen(closing["balance_fen"]) == Decimal("-734445.27")  # a debit-side balance stated 贷
    with ctx.engine.connect() as conn:  # SQLite's own storage: ISO text dates, 0/1 flags
        kinds = conn.execute(text("SELECT DISTINCT typeof(date), typeof(is_closing) FROM ledger_entry")).all()
    assert [tuple(k) for k in kinds] == [("text", "integer")]


def test_voucher_export_and_csv_store_exact_values(ctx: Context) -> None:
    """A 用友 voucher export with attachments (factory, 2024) and a 金蝶 CSV (factory, 2025)."""
    add_unit(ctx, UNIT)
    ufida = import_ledger(ctx, SAMPLES / "factory-2024-ufida-export.xlsx", UNIT, 2024)
    kingdee = import_ledger(ctx, SAMPLES / "factory-2025-kingdee-vouchers.csv", UNIT, 2025)
    assert ufida.import_id is not None and kingdee.import_id is not None
    rows = _stored(ctx, ufida.import_id)
    assert _by_row(rows, "GL_accvouch", 5) == {
        "date": dt.date(2024, 1, 2),
        "voucher": "记-1",
        "summary": "热处理车间1月份会员生日慰问(金麦穗蛋糕店蛋糕券15张)",
        "account_code": "50105",
        "account_name": "会员活动支出",
        "counter_account": "",
        "debit_fen": 300000,
        "credit_fen": 0,
        "balance_fen": None,
        "attachments": 2,
        "sheet": "GL_accvouch",
        "row": 5,
        "chart": "2021",
        "chart_code": "50105",
        "chart_name": "会员活动支出",
        "is_closing": False,
    }
    assert _by_row(rows, "GL_accvouch", 2804)["debit_fen"] == 159762279
    assert _by_row(rows, "GL_accvouch", 2804)["is_closing"] is True
    csv_rows = _stored(ctx, kingdee.import_id)
    sheet = "factory-2025-kingdee-vouchers"
    row = _by_row(csv_rows, sheet, 2)
    assert (row["date"], row["account_code"], row["account_name"], row["chart_name"]) == (
        dt.date(2025, 1, 2),
        "50105",
        "职工活动支出-会员活动支出",
        "会员活动支出",
    )
    assert from_fen(row["debit_fen"]) == Decimal("2200.00") and row["credit_fen"] == 0
    assert sum(r["debit_fen"] for r in csv_rows) == sum(r["credit_fen"] for r in csv_rows)
    assert from_fen(sum(r["debit_fen"] for r in csv_rows)) == kingdee.debit_total


def test_cash_journal_stores_counter_accounts_and_balances(ctx: Context) -> None:
    add_unit(ctx, UNIT)
    report = import_ledger(ctx, SAMPLES / "school-2024-cash-bank-journals.xlsx", UNIT, 2024)
    assert report.import_id is not None
    row = _by_row(_stored(ctx, report.import_id), "现金日记账", 6)
    assert (row["date"], row["voucher"], row["counter_account"], row["credit_fen"], row["balance_fen"]) == (
        dt.date(2024, 1, 22),
        "记-7",
        "会员活动支出",
        15250,
        108400,
    )


@pytest.mark.parametrize(
    ("name", "year"),
    [
        ("hospital-2023-detail-ledger.xlsx", 2023),
        ("hospital-2024-journal-by-month.xlsx", 2024),
        ("school-2024-cash-bank-journals.xlsx", 2024),
        ("factory-2024-ufida-export.xlsx", 2024),
        ("factory-2025-kingdee-vouchers.csv", 2025),
        ("journal", 2024),
    ],
)
def test_driver_and_core_paths_store_the_same_rows(
    ctx: Context, tmp_path: Path, name: str, year: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite takes the driver path; PostgreSQL the Core one. Both must store exactly the same."""
    if name == "journal":  # an account no chart knows, a counter-account, attachments left empty
        rows = [list(r) for r in GOOD] + [
            ["2024-03-01", "记-2", "杂项", "999", "自编科目", 12.3, None],
            ["2024-03-01", "记-2", "杂项", "102", "银行存款", None, 12.3],
        ]
        path = write_journal(tmp_path / "j.xlsx", rows, total=False)
    else:
        path = SAMPLES / name
    add_unit(ctx, UNIT)
    first = import_ledger(ctx, path, UNIT, year, quarantine=True)

    def core_path(*args: Any, **kw: Any) -> None:
        insert_entries(*args, **kw, driver=False)

    monkeypatch.setattr(imports, "insert_entries", core_path)
    second = import_ledger(ctx, path, UNIT, year, quarantine=True, force=True)
    assert first.import_id is not None and second.import_id is not None
    stored = _stored(ctx, first.import_id)
    assert stored and stored == _stored(ctx, second.import_id)
    if name == "journal":
        assert first.unresolved_accounts == ("999 自编科目",)
        odd = _by_row(stored, "序时账", 11)
        assert (odd["chart"], odd["chart_code"], odd["chart_name"], odd["debit_fen"]) == (
            None,
            None,
            None,
            1230,
        )
    with ctx.engine.connect() as conn:
        kinds = conn.execute(text("SELECT DISTINCT typeof(date), typeof(is_closing) FROM ledger_entry")).all()
    assert [tuple(k) for k in kinds] == [("text", "integer")]

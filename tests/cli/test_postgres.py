"""The same import on a shared PostgreSQL server. Runs when AUDITDESK_TEST_PG names a scratch database
(e.g. postgresql+psycopg://audit:audit@127.0.0.1/audit_test, with the `postgres` extra installed);
the database's tables are dropped first."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlmodel import SQLModel

from tests.cli.journal import write_journal

URL = os.environ.get("AUDITDESK_TEST_PG")
pytestmark = pytest.mark.skipif(not URL, reason="AUDITDESK_TEST_PG is not set")


def test_import_and_read_back_on_postgresql(cli: Callable[..., Any], tmp_path: Path) -> None:
    assert URL
    engine = create_engine(URL)
    SQLModel.metadata.drop_all(engine)
    engine.dispose()

    def run(*args: str) -> Any:
        return cli("--db", URL, *args, db=False)

    assert run("units", "add", "县人民医院工会", "--payroll", "36500000.00").code == 0  # > 2**31 fen
    book = write_journal(tmp_path / "j.xlsx")
    body = run("import", str(book), "--unit", "县人民医院工会", "--year", "2024", "--json").json()
    assert body["status"] == "imported" and body["debit_total"] == "8450.50"
    rows = run("ledger", "--unit", "县人民医院工会", "--year", "2024", "--json").json()
    assert len(rows) == 7 and rows[2]["debit"] == "3600.00" and rows[-1]["closing"] is True
    assert run("units", "list", "--json").json()[0]["payroll"] == "36500000.00"
    assert run("log", "--json").json()["intact"]
    with create_engine(URL).connect() as conn:
        assert conn.execute(text("SELECT sum(debit_fen) FROM ledger_entry")).scalar_one() == 845050


def test_fieldwork_and_register_on_postgresql(cli: Callable[..., Any], tmp_path: Path) -> None:
    """Checks stored in bulk and re-run idempotently, triage, a sample and a register move, on PostgreSQL."""
    assert URL
    from auditdesk.services.context import open_context
    from tests.cli.fieldwork import REF, fieldwork_county

    engine = create_engine(URL)
    SQLModel.metadata.drop_all(engine)
    engine.dispose()

    def run(*args: str) -> Any:
        return cli("--db", URL, *args, db=False)

    fieldwork_county(run, open_context(URL), tmp_path)
    first = run("check", REF, "--json").json()
    again = run("check", REF, "--json").json()
    assert first and sorted(s["id"] for s in first) == sorted(s["id"] for s in again)
    card = next(s for s in first if "购物卡" in s["message"])
    code = run("suspicion", "confirm", str(card["id"]), "--json").json()["id"]
    assert run("register", "move", code, "pending").code == 0
    drawn = run("sample", "draw", REF, "--method", "stratified", "--size", "3", "--seed", "9", "--json")
    sample = drawn.json()
    assert len(sample["items"]) == 3 and run("sample", "verify", str(sample["id"])).code == 0
    assert run("log", "--json").json()["intact"]

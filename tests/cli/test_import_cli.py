from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from auditdesk.services.context import open_context
from tests.cli.journal import GOOD, write_journal

KEYS = {"status", "import_id", "unit", "year", "entries", "quarantined", "vouchers", "debit_total",
        "credit_total", "date_from", "date_to", "skipped", "errors", "reconciliation", "sha256"}


@pytest.fixture
def unit(cli: Callable[..., Any]) -> str:
    assert cli("units", "add", "县人民医院工会", "--members", "310").code == 0
    return "县人民医院工会"


def _count(db_path: Path, table: str) -> int:
    with open_context(str(db_path)).engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_import_json_contract_and_ledger(cli: Callable[..., Any], unit: str, tmp_path: Path,
                                         db_path: Path) -> None:
    book = write_journal(tmp_path / "序时账.xlsx")
    r = cli("import", str(book), "--unit", unit, "--year", "2024", "--json")
    assert r.code == 0, r.out + r.err
    body = r.json()
    assert set(body) == KEYS
    assert body["status"] == "imported" and body["entries"] == 7 and body["quarantined"] == 0
    assert body["debit_total"] == "8450.50" and body["credit_total"] == "8450.50"
    assert body["date_from"] == "2024-01-05" and body["date_to"] == "2024-12-31"
    assert body["vouchers"] == 3 and body["errors"] == []
    assert len(body["sha256"]) == 64
    assert any(s["row"] == 11 for s in body["skipped"])  # the 合计 row
    assert any(r["ok"] for r in body["reconciliation"])
    ledger = cli("ledger", "--unit", unit, "--year", "2024", "--json").json()
    assert len(ledger) == 7
    assert ledger[2] == {
        "date": "2024-02-08", "voucher": "记-1", "summary": "春节慰问品", "account_code": "50105",
        "account_name": "会员活动支出", "debit": "3600.00", "credit": "0.00", "sheet": "序时账", "row": 6,
        "closing": False, "resolved": True,
    }
    assert [e["closing"] for e in ledger[-3:]] == [True, True, True]
    only = cli("ledger", "--unit", unit, "--year", "2024", "--account", "50105", "--json").json()
    assert {e["account_code"] for e in only} == {"50105"}
    assert _count(db_path, "ledger_entry") == 7
    assert cli("units", "list", "--json").json()[0]["years"] == [2024]


def test_strict_import_rejects_and_stores_nothing(cli: Callable[..., Any], unit: str, tmp_path: Path,
                                                  db_path: Path) -> None:
    rows = [list(r) for r in GOOD]
    rows[2][0] = "2024-02-30"
    rows[3][5] = "abc"
    book = write_journal(tmp_path / "bad.xlsx", rows, total=False)
    r = cli("import", str(book), "--unit", unit, "--year", "2024", "--json")
    assert r.code == 1
    body = r.json()
    assert body["status"] == "rejected" and body["import_id"] is None
    located = {(e["sheet"], e["row"], e["column"]) for e in body["errors"]}
    assert ("序时账", 6, "A") in located and ("序时账", 7, "F") in located
    assert all(e["message"] for e in body["errors"])
    assert _count(db_path, "ledger_entry") == 0 and _count(db_path, "ledger_import") == 0
    human = cli("import", str(book), "--unit", unit, "--year", "2024")
    assert human.code == 1 and "第 6 行" in human.out and "2024-02-30" in human.out


def test_quarantine_stores_good_rows_and_keeps_bad_ones(cli: Callable[..., Any], unit: str,
                                                        tmp_path: Path, db_path: Path) -> None:
    rows = [list(r) for r in GOOD]
    rows[3][5] = "壹佰元"
    book = write_journal(tmp_path / "bad.xlsx", rows, total=False)
    r = cli("import", str(book), "--unit", unit, "--year", "2024", "--quarantine", "--json")
    assert r.code == 0
    body = r.json()
    assert body["status"] == "imported" and body["entries"] == 6 and body["quarantined"] == 1
    assert _count(db_path, "quarantined_row") == 1
    q = cli("quarantine", "--unit", unit, "--year", "2024", "--json").json()
    assert q[0]["row"] == 7 and q[0]["problems"][0]["value"] == "壹佰元" and "银行存款" in q[0]["raw"]


def test_duplicate_import_refused_then_replaced_with_force(cli: Callable[..., Any], unit: str,
                                                           tmp_path: Path, db_path: Path) -> None:
    book = write_journal(tmp_path / "j.xlsx")
    first = cli("import", str(book), "--unit", unit, "--year", "2024", "--json").json()
    again = cli("import", str(book), "--unit", unit, "--year", "2024", "--json")
    assert again.code == 1 and again.json()["status"] == "rejected"
    assert "--force" in again.json()["errors"][0]["message"]
    forced = cli("import", str(book), "--unit", unit, "--year", "2024", "--force", "--json")
    assert forced.code == 0
    imports = cli("imports", "--json").json()
    assert [(i["id"], i["status"]) for i in imports] == [
        (first["import_id"], "superseded"), (forced.json()["import_id"], "active")]
    assert len(cli("ledger", "--unit", unit, "--year", "2024", "--json").json()) == 7
    assert _count(db_path, "ledger_entry") == 14  # the superseded import's entries are kept
    log = cli("log", "--json").json()
    assert log["intact"] and [c["action"] for c in log["changes"]][-3:] == ["import", "supersede", "import"]


def test_unknown_unit_is_refused_naming_the_closest(cli: Callable[..., Any], unit: str,
                                                    tmp_path: Path) -> None:
    book = write_journal(tmp_path / "j.xlsx")
    r = cli("import", str(book), "--unit", "人民医院", "--year", "2024")
    assert r.code == 1 and "县人民医院工会" in r.err


def test_dry_run_writes_nothing(cli: Callable[..., Any], unit: str, tmp_path: Path, db_path: Path) -> None:
    book = write_journal(tmp_path / "j.xlsx")
    r = cli("import", str(book), "--unit", unit, "--year", "2024", "--dry-run", "--json")
    assert r.code == 0 and r.json()["status"] == "dry-run" and r.json()["entries"] == 7
    assert _count(db_path, "ledger_import") == 0


def test_not_a_spreadsheet_is_one_plain_sentence(cli: Callable[..., Any], unit: str, tmp_path: Path) -> None:
    fake = tmp_path / "账簿.xlsx"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    r = cli("import", str(fake), "--unit", unit, "--year", "2024")
    assert r.code == 1 and "Traceback" not in r.err and r.err.strip().count("\n") == 0


def test_failure_mid_import_leaves_database_unchanged(cli: Callable[..., Any], unit: str, tmp_path: Path,
                                                      db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import auditdesk.services.imports as imports

    def boom(*_args: Any, **_kw: Any) -> Any:
        raise RuntimeError("disk full")

    monkeypatch.setattr(imports.changelog, "record", boom)
    book = write_journal(tmp_path / "j.xlsx")
    r = cli("import", str(book), "--unit", unit, "--year", "2024")
    assert r.code == 2 and "disk full" in r.err and "Traceback" not in r.err
    assert _count(db_path, "ledger_entry") == 0 and _count(db_path, "ledger_import") == 0


def test_a_ledger_of_another_year_says_so(cli: Callable[..., Any], unit: str, tmp_path: Path) -> None:
    book = write_journal(tmp_path / "j.xlsx")
    r = cli("import", str(book), "--unit", unit, "--year", "2023")
    assert r.code == 1
    assert "多数日期属于 2024 年度" in r.out and "指定的是 2023 年度" in r.out
    ok = cli("import", str(book), "--unit", unit, "--year", "2024", "--dry-run")
    assert ok.code == 0 and "多数日期属于" not in ok.out

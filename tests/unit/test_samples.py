"""The sample-ledger generator: its files parse, its books are sound, the committed copy is current."""

from __future__ import annotations

import csv
import datetime as dt
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from auditdesk.core.ledger import Entry, compute_stats
from auditdesk.ingest import ParsedLedger, parse_ledger
from auditdesk.samples import MANIFEST, generate, ledgers, school

COMMITTED = Path(__file__).resolve().parents[2] / "sample_ledgers"
CASH_BOOK = "school-2024-cash-bank-journals.xlsx"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("samples")
    generate(folder)
    return folder


@pytest.fixture(scope="module")
def manifest(out: Path) -> dict[str, Any]:
    return tomllib.loads((out / MANIFEST).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def parsed(out: Path, manifest: dict[str, Any]) -> dict[str, ParsedLedger]:
    return {led["file"]: parse_ledger(out / led["file"], led["year"]) for led in manifest["ledger"]}


def test_manifest_lists_three_units_and_their_ledgers(out: Path, manifest: dict[str, Any]) -> None:
    units = {u["name"]: u for u in manifest["unit"]}
    assert len(units) == 3
    sizes = sorted(u["members"] for u in units.values())
    assert sizes[0] < 100 < sizes[1] < 1000 < sizes[2]
    for unit in units.values():
        assert str(unit["payroll"]).replace(".", "").isdigit()
    assert {led["year"] for led in manifest["ledger"]} == {2023, 2024, 2025}
    for led in manifest["ledger"]:
        assert led["unit"] in units
        assert (out / led["file"]).is_file()
    assert [led["file"] for led in manifest["ledger"] if led["quarantine"]] == [
        "hospital-2024-journal-by-month.xlsx"
    ]


def test_every_ledger_parses_and_only_the_quarantined_one_has_problems(
    manifest: dict[str, Any], parsed: dict[str, ParsedLedger]
) -> None:
    for led in manifest["ledger"]:
        result = parsed[led["file"]]
        assert result.entries, led["file"]
        assert bool(result.problems) == led["quarantine"], (led["file"], result.problems[:3])
        assert all(e.date.year == led["year"] for e in result.entries)


def test_unreadable_cells_are_exactly_the_answer_keys(
    manifest: dict[str, Any], parsed: dict[str, Any]
) -> None:
    flawed = {(k["sheet"], k["row"]) for k in manifest["answer_key"] if k["rule"] == "unreadable_cell"}
    assert len(flawed) == 3
    result = parsed["hospital-2024-journal-by-month.xlsx"]
    rows = {(p.sheet, p.row) for p in result.problems}
    assert flawed <= rows
    assert len(rows) <= 6  # the bad date spreads over its voucher's merged lines, nothing else
    keys = Counter(p.key for p in result.problems)
    assert set(keys) == {"date.impossible", "amount.invalid"}


def test_journals_balance_per_voucher(manifest: dict[str, Any], parsed: dict[str, ParsedLedger]) -> None:
    flaws = {
        (k["date"].year * 100 + k["date"].month, _number(k["voucher"]))
        for k in manifest["answer_key"]
        if k["rule"] == "unreadable_cell" and "金额" in k["detail"]
    }
    for led in manifest["ledger"]:
        if led["file"] == CASH_BOOK:
            continue  # a cash or bank journal shows one side of each voucher
        stats = compute_stats(parsed[led["file"]].entries)
        # a voucher with an unreadable amount is short of that line; every other voucher balances
        unbalanced = {(month, _number(voucher)) for month, voucher in stats.unbalanced_vouchers}
        assert unbalanced == (flaws if led["quarantine"] else set()), led["file"]
        if not led["quarantine"]:
            assert stats.debit_total == stats.credit_total


def test_books_cover_the_chart_the_way_the_issue_asks(
    manifest: dict[str, Any], parsed: dict[str, ParsedLedger]
) -> None:
    for led in manifest["ledger"]:
        entries = parsed[led["file"]].entries
        if led["file"] == CASH_BOOK:
            codes = {_counter_kind(e) for e in entries}
            assert {"income", "spending", "upward"} <= codes, led["file"]
            continue
        codes = {e.account_code for e in entries}
        for prefix in (
            "401",
            "402",
            "403",
            "405",
            "408",
            "501",
            "503",
            "504",
            "505",
            "507",
            "162",
            "211",
            "32203",
        ):
            assert any(c.startswith(prefix) for c in codes), (led["file"], prefix)
        closing = [e for e in entries if e.account_code == "32203"]
        assert closing and all(e.date == dt.date(led["year"], 12, 31) for e in closing)
        capital = {_month_voucher(e) for e in entries if e.account_code.startswith("507")}
        assets = {_month_voucher(e) for e in entries if e.account_code == "162"}
        assert capital & assets, led["file"]  # a 507 purchase with its 162 line in the same voucher


def test_answer_key_points_at_the_rows_it_names(
    manifest: dict[str, Any], parsed: dict[str, ParsedLedger]
) -> None:
    keys = [k for k in manifest["answer_key"] if k["rule"] != "unreadable_cell"]
    assert len(keys) >= 20
    rules = {k["rule"] for k in keys}
    assert {
        "gift_card",
        "health_check",
        "banquet_weekend",
        "cash_condolence",
        "split_payment",
        "duplicate_payment",
    } <= rules
    for key in keys:
        result = parsed[key["ledger"]]
        at = [e for e in result.entries if e.row == key["row"] and e.sheet == key.get("sheet", e.sheet)]
        assert at, key
        assert at[0].date == key["date"]
        assert _number(at[0].voucher) == _number(key["voucher"]), key
        if key["rule"] == "banquet_weekend":
            assert key["date"].weekday() == 5


def test_generation_is_byte_identical(tmp_path: Path) -> None:
    book = school.build(2024)
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    when = dt.datetime(2025, 1, 10, 16, 20)
    ledgers.write_cash_book(book, school.SCHOOL, first, when)
    ledgers.write_cash_book(school.build(2024), school.SCHOOL, second, when)
    assert first.read_bytes() == second.read_bytes()


def test_committed_samples_match_a_fresh_generation(out: Path) -> None:
    fresh = sorted(p.name for p in out.iterdir())
    assert sorted(p.name for p in COMMITTED.iterdir() if not p.name.startswith(".")) == fresh
    for name in fresh:
        assert _content(COMMITTED / name) == _content(out / name), f"{name}: run `make samples`"


def _content(path: Path) -> object:
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
        finally:
            wb.close()
    if path.suffix == ".csv":
        return list(csv.reader(path.read_text(encoding="gbk").splitlines()))
    return path.read_text(encoding="utf-8")


def _number(voucher: str) -> str:
    """The voucher number without its 字 ("记-19" and "19" are the same voucher of a month)."""
    return voucher.rsplit("-", 1)[-1].strip()


def _month_voucher(e: Entry) -> tuple[int, str]:
    return (e.date.month, _number(e.voucher))


def _counter_kind(e: Entry) -> str:
    if e.counter_account.endswith("收入") or "补助" in e.counter_account:
        return "income"
    if "应付上级经费" in e.counter_account:
        return "upward"
    return "spending" if e.counter_account.endswith("支出") else "other"

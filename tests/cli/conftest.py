"""Shared fixtures of the CLI tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.cli.journal import write_journal

Cli = Callable[..., Any]


@pytest.fixture
def county(cli: Cli, tmp_path: Path) -> Cli:
    """Four units; the hospital (audited 2021) has its 2024 ledger imported."""
    for args in (["县人民医院工会", "--members", "310", "--last-audit", "2021"], ["县第一中学工会"],
                 ["县交通局工会", "--last-audit", "2024"], ["县水务局工会", "--last-audit", "2024"]):
        assert cli("units", "add", *args, "--json").code == 0
    journal = write_journal(tmp_path / "序时账.xlsx")
    r = cli("import", str(journal), "--unit", "县人民医院工会", "--year", "2024", "--json")
    assert r.code == 0 and r.json()["status"] == "imported", r.out
    return cli

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from auditdesk.i18n import set_lang
from auditdesk.services.context import Context, open_context

# No per-example deadline: a loaded CI machine must not turn a slow first example into a failure.
settings.register_profile("auditdesk", deadline=None, print_blob=True)
settings.load_profile("auditdesk")


@pytest.fixture(autouse=True)
def _chinese_and_isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every test starts in Chinese, as a known user, never touching the real user data dir."""
    set_lang("zh")
    monkeypatch.setenv("AUDITDESK_USER", "测试员")
    monkeypatch.delenv("AUDITDESK_DB", raising=False)
    monkeypatch.delenv("AUDITDESK_LANG", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "audit.db"


@pytest.fixture
def ctx(db_path: Path) -> Context:
    return open_context(str(db_path))


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run ``auditdesk --db <tmp> ARGS`` through the console-script entry point."""
    from auditdesk.cli import main

    def run(*args: str, db: bool = True) -> CliResult:
        capsys.readouterr()
        argv = (["--db", str(db_path)] if db else []) + list(args)
        code = main(argv)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run

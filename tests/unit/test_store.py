from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session

from auditdesk.services.context import open_context
from auditdesk.services.units import add_unit, edit_unit
from auditdesk.store import changelog
from auditdesk.store.db import StoreError, default_db_path, resolve_url
from auditdesk.store.migrations import SCHEMA_VERSION, migrate


def test_sqlite_runs_with_wal_and_foreign_keys(db_path: Path) -> None:
    ctx = open_context(str(db_path))
    with ctx.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("SELECT version FROM schema_version")).scalar() == SCHEMA_VERSION


def test_foreign_keys_are_enforced(db_path: Path) -> None:
    ctx = open_context(str(db_path))
    with ctx.engine.connect() as conn, pytest.raises(Exception, match="FOREIGN KEY"):
        conn.execute(
            text(
                "INSERT INTO ledger_import (unit_id, year, file_name, sha256, format, layouts, who, at,"
                " entries, quarantined, vouchers, debit_fen, credit_fen, status)"
                " VALUES (999, 2024, 'x', 'y', 'csv', '[]', 'me', '2024-01-01', 0, 0, 0, 0, 0, 'active')"
            )
        )


def test_migrate_is_idempotent_and_refuses_newer_schema(db_path: Path) -> None:
    ctx = open_context(str(db_path))
    assert migrate(ctx.engine) == SCHEMA_VERSION
    with ctx.engine.begin() as conn:
        conn.execute(text("UPDATE schema_version SET version = :v"), {"v": SCHEMA_VERSION + 1})
    with pytest.raises(StoreError) as info:
        open_context(str(db_path))
    assert info.value.key == "store.too_new"


def test_db_location_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    env_db = tmp_path / "env.db"
    monkeypatch.setenv("AUDITDESK_DB", str(env_db))
    assert resolve_url(None) == f"sqlite:///{env_db}"
    assert resolve_url(str(tmp_path / "arg.db")) == f"sqlite:///{tmp_path / 'arg.db'}"
    assert resolve_url("postgresql+psycopg://u@localhost/audit") == "postgresql+psycopg://u@localhost/audit"
    monkeypatch.delenv("AUDITDESK_DB")
    assert resolve_url(None) == f"sqlite:///{default_db_path()}"
    assert str(default_db_path()).startswith(str(tmp_path / "xdg"))


def test_db_path_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        resolve_url(str(tmp_path))
    assert info.value.key == "store.path_is_dir"


def test_change_log_records_every_write_and_detects_tampering(db_path: Path) -> None:
    ctx = open_context(str(db_path))
    add_unit(ctx, "县第一中学工会", members=40)
    edit_unit(ctx, "县第一中学工会", members=42)
    edit_unit(ctx, "县第一中学工会", members=42)  # no change: no log row
    with Session(ctx.engine) as session:
        assert changelog.verify(session) is None
        rows = session.exec(text("SELECT action, actor, before, after FROM change_log ORDER BY id")).all()  # type: ignore[call-overload]
    assert [r[0] for r in rows] == ["create", "update"]
    assert rows[0][1] == "测试员"
    assert '"members": 40' in rows[1][2] and '"members": 42' in rows[1][3]
    with ctx.engine.begin() as conn:
        conn.execute(text("UPDATE change_log SET after = '{\"members\": 9}' WHERE id = 1"))
    with Session(ctx.engine) as session:
        assert changelog.verify(session) == 1

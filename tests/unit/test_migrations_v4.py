"""Schema v4: a v3 database (steps 1–3 alone) with an engagement and its notice gains the fieldwork,
register and report tables and ``document.reference``, its data intact, shaped like a fresh one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, text

from auditdesk.services.context import open_context
from auditdesk.services.engagements import get_engagement
from auditdesk.store.migrations import MIGRATIONS, SCHEMA_VERSION
from tests.unit.test_migrations_v3 import _shape, _tables

V4_TABLES = {
    "check_run",
    "suspicion",
    "finding",
    "finding_event",
    "sample",
    "work_paper",
    "evidence",
    "finding_reply",
    "summary_document",
}


def _v3_file(path: Path) -> Path:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE schema_version (id INTEGER NOT NULL, version INTEGER NOT NULL,"
                " applied_at DATETIME NOT NULL, PRIMARY KEY (id))"
            )
        )
        for step in (1, 2, 3):
            MIGRATIONS[step](conn)
        conn.execute(text("INSERT INTO schema_version VALUES (1, 3, '2025-01-01 00:00:00')"))
        conn.execute(
            text("INSERT INTO unit (id, name, created_at) VALUES (1, '县交通局工会', '2025-01-01 00:00:00')")
        )
        conn.execute(
            text(
                "INSERT INTO engagement (id, unit_id, reference, years, members, scope, key_areas,"
                " milestones, stage, created_at) VALUES (1, 1, '青工经审〔2025〕1号', '[2024]', '[]', '',"
                " '[]', '{}', 'fieldwork', '2025-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO document (engagement_id, kind, version, file_name, sha256, who, at, path)"
                " VALUES (1, 'notice', 1, 'n.docx', 'abc', '老用户', '2025-01-02 00:00:00', '/x/n.docx')"
            )
        )
    engine.dispose()
    return path


def test_a_v3_database_is_migrated_to_v4_with_its_data(tmp_path: Path) -> None:
    old = _v3_file(tmp_path / "v3.db")
    assert not V4_TABLES & _tables(old)
    ctx = open_context(str(old))
    with ctx.engine.connect() as conn:
        assert conn.execute(text("SELECT version FROM schema_version")).scalar() == SCHEMA_VERSION
        assert conn.execute(text("SELECT reference FROM document")).scalar() is None
    assert V4_TABLES <= _tables(old)
    view = get_engagement(ctx, "青工经审〔2025〕1号")
    assert [(d.kind, d.version, d.sha256) for d in view.documents] == [("notice", 1, "abc")]
    fresh = tmp_path / "fresh.db"
    open_context(str(fresh))
    assert _shape(old) == _shape(fresh)
    con = sqlite3.connect(old)
    try:
        columns = [r[1] for r in con.execute("PRAGMA table_info(document)")]
    finally:
        con.close()
    assert columns[-1] == "reference"

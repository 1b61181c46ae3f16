"""Schema v3: a v2 database (built by steps 1 and 2 alone) gains the plan, engagement and document
tables with its data intact, and ends up shaped like a fresh database."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, text

from auditdesk.services.context import open_context
from auditdesk.services.plan import approve_plan
from auditdesk.services.units import get_unit
from auditdesk.store.migrations import MIGRATIONS, SCHEMA_VERSION

V3_TABLES = {"audit_plan", "plan_item", "engagement", "document"}


def _v2_file(path: Path) -> Path:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE schema_version (id INTEGER NOT NULL, version INTEGER NOT NULL,"
                          " applied_at DATETIME NOT NULL, PRIMARY KEY (id))"))
        MIGRATIONS[1](conn)
        MIGRATIONS[2](conn)
        conn.execute(text("INSERT INTO schema_version VALUES (1, 2, '2025-01-01 00:00:00')"))
        conn.execute(text(
            "INSERT INTO unit (id, name, code, members, payroll_fen, chair, created_at, last_audit_year)"
            " VALUES (1, '县交通局工会', 'JT-01', 40, 321000050, '张伟', '2025-01-01 00:00:00', 2021)"
        ))
        conn.execute(text(
            "INSERT INTO change_log (at, actor, entity, entity_id, action, prev_hash, hash)"
            " VALUES ('2025-01-01 00:00:00', '老用户', 'unit', '1', 'create', '', 'h1')"
        ))
    engine.dispose()
    return path


def _tables(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        con.close()


def _shape(path: Path) -> dict[str, object]:
    con = sqlite3.connect(path)
    try:
        return {
            name: (
                [tuple(c[1:]) for c in con.execute(f"PRAGMA table_info({name})")],
                sorted(tuple(i[1:3]) for i in con.execute(f"PRAGMA index_list({name})")),
            )
            for name in sorted(_tables(path))
        }
    finally:
        con.close()


def test_a_v2_database_is_migrated_to_v3_with_its_data(tmp_path: Path) -> None:
    old = _v2_file(tmp_path / "v2.db")
    assert not V3_TABLES & _tables(old)
    ctx = open_context(str(old))
    with ctx.engine.connect() as conn:
        assert conn.execute(text("SELECT version FROM schema_version")).scalar() == SCHEMA_VERSION
        assert conn.execute(text("SELECT actor FROM change_log WHERE id = 1")).scalar() == "老用户"
    assert V3_TABLES <= _tables(old)
    unit = get_unit(ctx, "JT-01")
    assert (unit.name, unit.members, unit.chair, unit.last_audit_year) == ("县交通局工会", 40, "张伟", 2021)
    assert str(unit.payroll) == "3210000.50"
    # the new tables work on the upgraded file
    plan = approve_plan(ctx, 2025, start=dt.date(2025, 4, 7))
    assert [e.unit for e in plan.engagements] == ["县交通局工会"]
    fresh = tmp_path / "fresh.db"
    open_context(str(fresh))
    assert _shape(old) == _shape(fresh)


def test_reopening_a_v3_database_keeps_plans_and_engagements(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    ctx = open_context(str(path))
    from auditdesk.services.units import add_unit

    add_unit(ctx, "县水务局工会")
    approve_plan(ctx, 2025, start=dt.date(2025, 4, 7))
    again = open_context(str(path))
    with again.engine.connect() as conn:
        assert conn.execute(text("SELECT version FROM schema_version")).scalar() == SCHEMA_VERSION
        assert conn.execute(text("SELECT count(*) FROM engagement")).scalar() == 1
        assert conn.execute(text("SELECT approved_by FROM audit_plan")).scalar() == "测试员"

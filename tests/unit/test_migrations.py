"""Schema v2: a real v1 database file is brought to v2 on open, and matches a fresh database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from auditdesk.services.context import open_context
from auditdesk.services.units import edit_unit, get_unit
from auditdesk.store.migrations import SCHEMA_VERSION

# Every table exactly as auditdesk v1 created it (`sqlite3 v1.db .schema` of a v1 database).
V1_DDL = """
CREATE TABLE schema_version (
    id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    applied_at DATETIME NOT NULL,
    PRIMARY KEY (id)
);
CREATE TABLE unit (
    id INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    code VARCHAR,
    parent VARCHAR,
    members INTEGER,
    employees INTEGER,
    payroll_fen BIGINT,
    chair VARCHAR,
    contact VARCHAR,
    created_at DATETIME NOT NULL,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_unit_name ON unit (name);
CREATE TABLE change_log (
    id INTEGER NOT NULL,
    at DATETIME NOT NULL,
    actor VARCHAR NOT NULL,
    entity VARCHAR NOT NULL,
    entity_id VARCHAR NOT NULL,
    action VARCHAR NOT NULL,
    "before" JSON,
    "after" JSON,
    prev_hash VARCHAR NOT NULL,
    hash VARCHAR NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (hash)
);
CREATE TABLE ledger_import (
    id INTEGER NOT NULL,
    unit_id INTEGER NOT NULL,
    year INTEGER NOT NULL,
    file_name VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    format VARCHAR NOT NULL,
    encoding VARCHAR,
    layouts JSON NOT NULL,
    who VARCHAR NOT NULL,
    at DATETIME NOT NULL,
    entries INTEGER NOT NULL,
    quarantined INTEGER NOT NULL,
    vouchers INTEGER NOT NULL,
    debit_fen BIGINT NOT NULL,
    credit_fen BIGINT NOT NULL,
    date_from DATE,
    date_to DATE,
    status VARCHAR NOT NULL,
    superseded_by INTEGER,
    PRIMARY KEY (id),
    FOREIGN KEY(unit_id) REFERENCES unit (id),
    FOREIGN KEY(superseded_by) REFERENCES ledger_import (id)
);
CREATE INDEX ix_ledger_import_sha256 ON ledger_import (sha256);
CREATE INDEX ix_ledger_import_unit_id ON ledger_import (unit_id);
CREATE TABLE ledger_entry (
    id INTEGER NOT NULL,
    import_id INTEGER NOT NULL,
    unit_id INTEGER NOT NULL,
    year INTEGER NOT NULL,
    date DATE NOT NULL,
    voucher VARCHAR NOT NULL,
    summary VARCHAR NOT NULL,
    account_code VARCHAR NOT NULL,
    account_name VARCHAR NOT NULL,
    counter_account VARCHAR NOT NULL,
    debit_fen BIGINT NOT NULL,
    credit_fen BIGINT NOT NULL,
    balance_fen BIGINT,
    attachments INTEGER,
    sheet VARCHAR NOT NULL,
    "row" INTEGER NOT NULL,
    chart VARCHAR,
    chart_code VARCHAR,
    chart_name VARCHAR,
    is_closing BOOLEAN NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(import_id) REFERENCES ledger_import (id),
    FOREIGN KEY(unit_id) REFERENCES unit (id)
);
CREATE INDEX ix_entry_unit_year_date ON ledger_entry (unit_id, year, date, id);
CREATE TABLE quarantined_row (
    id INTEGER NOT NULL,
    import_id INTEGER NOT NULL,
    sheet VARCHAR NOT NULL,
    "row" INTEGER NOT NULL,
    raw JSON NOT NULL,
    problems JSON NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(import_id) REFERENCES ledger_import (id)
);
CREATE INDEX ix_quarantined_row_import_id ON quarantined_row (import_id);
INSERT INTO schema_version (id, version, applied_at) VALUES (1, 1, '2025-01-01 00:00:00');
INSERT INTO unit (id, name, code, members, employees, payroll_fen, chair, created_at)
    VALUES (1, '县交通局工会', 'JT-01', 40, 44, 321000050, '张伟', '2025-01-01 00:00:00');
"""


def _v1_file(path: Path) -> Path:
    con = sqlite3.connect(path)
    con.executescript(V1_DDL)
    con.commit()
    con.close()
    return path


def _shape(path: Path) -> dict[str, object]:
    """Columns (name, type, not null, pk) and indexes of every table, as SQLite reports them."""
    con = sqlite3.connect(path)
    try:
        tables = [
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        return {
            name: (
                [tuple(c[1:]) for c in con.execute(f"PRAGMA table_info({name})")],
                sorted(tuple(i[1:3]) for i in con.execute(f"PRAGMA index_list({name})")),
            )
            for name in tables
        }
    finally:
        con.close()


def test_a_v1_database_is_migrated_to_v2(tmp_path: Path) -> None:
    old = _v1_file(tmp_path / "v1.db")
    ctx = open_context(str(old))
    assert SCHEMA_VERSION >= 2
    with ctx.engine.connect() as conn:
        assert conn.execute(text("SELECT version FROM schema_version")).scalar() == SCHEMA_VERSION
        columns = [r[1] for r in conn.execute(text("PRAGMA table_info(unit)"))]
    assert columns[-1] == "last_audit_year"
    unit = get_unit(ctx, "县交通局工会")
    assert (unit.code, unit.members, unit.employees, unit.chair) == ("JT-01", 40, 44, "张伟")
    assert str(unit.payroll) == "3210000.50" and unit.last_audit_year is None
    assert edit_unit(ctx, "JT-01", last_audit_year=2022).last_audit_year == 2022
    assert open_context(str(old)) and get_unit(ctx, "县交通局工会").last_audit_year == 2022  # reopen: no step
    fresh = tmp_path / "fresh.db"
    open_context(str(fresh))
    assert _shape(old) == _shape(fresh)


def test_step_v1_alone_builds_the_v1_schema(tmp_path: Path) -> None:
    """So that a fresh database goes through the same v1 -> v2 step as an old one."""
    from sqlalchemy import create_engine

    from auditdesk.store.migrations import MIGRATIONS

    engine = create_engine(f"sqlite:///{tmp_path / 'step.db'}")
    with engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE schema_version (id INTEGER NOT NULL, version INTEGER NOT NULL,"
                " applied_at DATETIME NOT NULL, PRIMARY KEY (id))"
            )
        )
        MIGRATIONS[1](conn)
    engine.dispose()
    reference = tmp_path / "reference.db"
    con = sqlite3.connect(reference)
    con.executescript(V1_DDL.split("INSERT", 1)[0])
    con.close()
    assert _shape(tmp_path / "step.db") == _shape(reference)

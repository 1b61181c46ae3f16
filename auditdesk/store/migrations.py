"""Schema versions. Each version is a function that brings the schema from the one before to it.

A minimal equivalent of Alembic for a single-file desktop database: ``schema_version`` records the
version; ``migrate`` applies every missing step in its own transaction and refuses a database
written by a newer auditdesk. A later issue adds ``_v2`` etc. (new tables via
``create_all(tables=[...])``, column changes via ``ALTER TABLE``), never editing an earlier step.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, inspect, select
from sqlmodel import SQLModel

from auditdesk.store import models
from auditdesk.store.db import StoreError

_V1_TABLES = ("unit", "ledger_import", "ledger_entry", "quarantined_row", "change_log")


def _v1(conn: Connection) -> None:
    tables = [SQLModel.metadata.tables[name] for name in _V1_TABLES]
    SQLModel.metadata.create_all(conn, tables=tables)


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1}
SCHEMA_VERSION = max(MIGRATIONS)


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        return 0
    row = conn.execute(select(models.SchemaVersion.version)).first()  # type: ignore[call-overload]
    return int(row[0]) if row else 0


def migrate(engine: Engine) -> int:
    """Bring the database to ``SCHEMA_VERSION``; return the version found before."""
    try:
        with engine.begin() as conn:
            SQLModel.metadata.create_all(conn, tables=[SQLModel.metadata.tables["schema_version"]])
            found = current_version(conn)
    except StoreError:
        raise
    except Exception as exc:
        raise StoreError("store.cannot_open", url=str(engine.url), reason=str(exc)) from exc
    if found > SCHEMA_VERSION:
        raise StoreError("store.too_new", found=found, supported=SCHEMA_VERSION)
    for version in range(found + 1, SCHEMA_VERSION + 1):
        with engine.begin() as conn:
            MIGRATIONS[version](conn)
            table = models.SchemaVersion.__table__  # type: ignore[attr-defined]
            if version == 1:
                conn.execute(table.insert().values(id=1, version=1, applied_at=models.utcnow()))
            else:
                conn.execute(table.update().values(version=version, applied_at=models.utcnow()))
    return found

"""Schema versions. Each version is a function that brings the schema from the one before to it.

A minimal equivalent of Alembic for a single-file desktop database: ``schema_version`` records the
version; ``migrate`` applies every missing step in its own transaction and refuses a database
written by a newer auditdesk. A later issue adds ``_v3`` etc. (new tables via
``create_all(tables=[...])``, column changes via ``ALTER TABLE``), never editing an earlier step.

A fresh database runs every step from ``_v1`` on, exactly as an old database runs the steps it
lacks, so the two end up with the same schema. For that each step must build *its own* version's
shape, not the current models': ``_v1`` creates the tables from the models except where a later
step changed a table — such a table is frozen here as it was at v1 (``_V1_UNIT``: the unit table
before ``last_audit_year``). When a later step changes another v1 table, freeze that table too.

- v1: unit, ledger_import, ledger_entry, quarantined_row, change_log.
- v2: ``unit.last_audit_year`` (上次审计年度, from the roster import), added by ``ALTER TABLE`` so
  it is the unit table's last column in every database; skipped when the column is already there.
- v3: audit_plan, plan_item, engagement, document (the annual plan, engagements and their documents).
- v4: ``document.reference`` (a document's own 文号; the v3 table is frozen as ``_V3_DOCUMENT``), and
  fieldwork — check_run, suspicion (+ suspicion_entry), finding (+ finding_entry, finding_event),
  sample, sample_item, work_paper, evidence, evidence_link; the report stage's finding_reply and
  summary_document.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Engine,
    ForeignKey,
    Integer,
    MetaData,
    Table,
    UniqueConstraint,
    inspect,
    select,
    text,
)
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString, UTCDateTime

from auditdesk.store import models
from auditdesk.store.db import StoreError

_V1_TABLES = ("ledger_import", "ledger_entry", "quarantined_row", "change_log")

# The unit table as v1 created it (from the models of that time). Never change it.
_V1_UNIT = Table(
    "unit",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("name", AutoString, nullable=False, unique=True, index=True),
    Column("code", AutoString),
    Column("parent", AutoString),
    Column("members", Integer),
    Column("employees", Integer),
    Column("payroll_fen", BigInteger),
    Column("chair", AutoString),
    Column("contact", AutoString),
    Column("created_at", UTCDateTime, nullable=False),
)


def _v1(conn: Connection) -> None:
    _V1_UNIT.create(conn, checkfirst=True)
    tables = [SQLModel.metadata.tables[name] for name in _V1_TABLES]
    SQLModel.metadata.create_all(conn, tables=tables)


def _v2(conn: Connection) -> None:
    columns = {c["name"] for c in inspect(conn).get_columns("unit")}
    if "last_audit_year" not in columns:
        conn.execute(text("ALTER TABLE unit ADD COLUMN last_audit_year INTEGER"))


_V3_TABLES = ("audit_plan", "plan_item", "engagement")

# The document table as v3 created it (before v4's ``reference``). Never change it. The engagement
# stub only lets the foreign key resolve; it is never created from here.
_V3_METADATA = MetaData()
Table("engagement", _V3_METADATA, Column("id", Integer, primary_key=True))
_V3_DOCUMENT = Table(
    "document",
    _V3_METADATA,
    Column("id", Integer, primary_key=True),
    Column("engagement_id", Integer, ForeignKey("engagement.id"), nullable=False, index=True),
    Column("kind", AutoString, nullable=False),
    Column("version", Integer, nullable=False),
    Column("file_name", AutoString, nullable=False),
    Column("sha256", AutoString, nullable=False),
    Column("who", AutoString, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("path", AutoString, nullable=False),
    UniqueConstraint("engagement_id", "kind", "version"),
)


def _v3(conn: Connection) -> None:
    tables = [SQLModel.metadata.tables[name] for name in _V3_TABLES]
    SQLModel.metadata.create_all(conn, tables=tables)
    _V3_DOCUMENT.create(conn, checkfirst=True)


_V4_TABLES = (
    "check_run", "suspicion", "suspicion_entry", "evidence", "finding", "finding_entry", "finding_event",
    "sample", "sample_item", "work_paper", "evidence_link", "finding_reply", "summary_document",
)


def _v4(conn: Connection) -> None:
    tables = [SQLModel.metadata.tables[name] for name in _V4_TABLES]
    SQLModel.metadata.create_all(conn, tables=tables)
    columns = {c["name"] for c in inspect(conn).get_columns("document")}
    if "reference" not in columns:
        conn.execute(text("ALTER TABLE document ADD COLUMN reference VARCHAR"))


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1, 2: _v2, 3: _v3, 4: _v4}
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

"""SQLModel tables. Money is stored as integer fen (``*_fen``, BIGINT): exact on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class SchemaVersion(SQLModel, table=True):
    __tablename__ = "schema_version"

    id: int = Field(default=1, primary_key=True)
    version: int
    applied_at: dt.datetime = Field(default_factory=utcnow)


class Unit(SQLModel, table=True):
    """A grassroots union (基层工会)."""

    __tablename__ = "unit"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True)
    code: str | None = None
    parent: str | None = None
    members: int | None = None
    employees: int | None = None
    payroll_fen: int | None = Field(default=None, sa_type=BigInteger)  # last year's total payroll
    chair: str | None = None
    contact: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)
    last_audit_year: int | None = None  # 上次审计年度; schema v2 (added by ALTER TABLE, so last)


class LedgerImport(SQLModel, table=True):
    """One imported file for a unit and fiscal year."""

    __tablename__ = "ledger_import"

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    year: int
    file_name: str
    sha256: str = Field(index=True)
    format: str
    encoding: str | None = None
    layouts: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    who: str
    at: dt.datetime = Field(default_factory=utcnow)
    entries: int = 0
    quarantined: int = 0
    vouchers: int = 0
    debit_fen: int = Field(default=0, sa_type=BigInteger)
    credit_fen: int = Field(default=0, sa_type=BigInteger)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    status: str = "active"  # active | superseded
    superseded_by: int | None = Field(default=None, foreign_key="ledger_import.id")


class LedgerEntry(SQLModel, table=True):
    """One ledger line as the file gives it, resolved to the year's chart where possible."""

    __tablename__ = "ledger_entry"
    __table_args__ = (Index("ix_entry_unit_year_date", "unit_id", "year", "date", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    import_id: int = Field(foreign_key="ledger_import.id")  # queries go through ix_entry_unit_year_date
    unit_id: int = Field(foreign_key="unit.id")
    year: int
    date: dt.date
    voucher: str = ""
    summary: str = ""
    account_code: str = ""
    account_name: str = ""
    counter_account: str = ""
    debit_fen: int = Field(default=0, sa_type=BigInteger)
    credit_fen: int = Field(default=0, sa_type=BigInteger)
    balance_fen: int | None = Field(default=None, sa_type=BigInteger)
    attachments: int | None = None
    sheet: str = ""
    row: int = 0
    chart: str | None = None  # "2021" | "2009" when resolved
    chart_code: str | None = None
    chart_name: str | None = None
    is_closing: bool = False


class QuarantinedRow(SQLModel, table=True):
    """A row that could not be read, kept with its raw values and every problem found in it."""

    __tablename__ = "quarantined_row"

    id: int | None = Field(default=None, primary_key=True)
    import_id: int = Field(foreign_key="ledger_import.id", index=True)
    sheet: str
    row: int
    raw: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    problems: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class ChangeLog(SQLModel, table=True):
    """Every write: who, when, what, before and after; each row chained to the previous by sha256."""

    __tablename__ = "change_log"
    __table_args__ = (UniqueConstraint("hash"),)

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow)
    actor: str
    entity: str
    entity_id: str
    action: str
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    prev_hash: str = ""
    hash: str = ""


class AuditPlan(SQLModel, table=True):
    """A year's approved audit plan (年度审计计划): who approved it, when, with which weights. Schema v3."""

    __tablename__ = "audit_plan"

    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(unique=True, index=True)
    status: str = "approved"
    size: int
    approved_by: str
    approved_at: dt.datetime = Field(default_factory=utcnow)
    weights: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    weights_file: str = ""


class PlanItem(SQLModel, table=True):
    """One unit of a plan: its rank, score and reasons (``{key, params, points}``), and whether chosen."""

    __tablename__ = "plan_item"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="audit_plan.id", index=True)
    unit_id: int = Field(foreign_key="unit.id")
    rank: int
    score: int
    reasons: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    selected: bool = False


class Engagement(SQLModel, table=True):
    """One audit (审计项目). ``milestones`` maps a milestone's name to an ISO date; ``stage`` is a
    ``core.engagement.Stage`` value."""

    __tablename__ = "engagement"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int | None = Field(default=None, foreign_key="audit_plan.id", index=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    reference: str = Field(unique=True)
    years: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    lead: str | None = None
    members: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    scope: str = ""
    key_areas: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    milestones: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    stage: str = "plan"
    created_at: dt.datetime = Field(default_factory=utcnow)


class Document(SQLModel, table=True):
    """A document issued for an engagement (审计通知书 …): each generation a new version of its kind."""

    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("engagement_id", "kind", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    engagement_id: int = Field(foreign_key="engagement.id", index=True)
    kind: str
    version: int
    file_name: str
    sha256: str
    who: str
    at: dt.datetime = Field(default_factory=utcnow)
    path: str

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
    reference: str | None = None  # the document's own 文号 when the office numbers it (schema v4)


# -- schema v4: fieldwork (suspicions, findings, samples, working papers, evidence) ----------------


class CheckRun(SQLModel, table=True):
    """One run of the checks over a unit's ledger for a year: who, when, which profile, what it found."""

    __tablename__ = "check_run"

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    year: int
    who: str
    at: dt.datetime = Field(default_factory=utcnow)
    profile: str
    rules: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    entries: int = 0
    found: int = 0
    new: int = 0
    failures: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class Suspicion(SQLModel, table=True):
    """A check's hit (疑点) on a unit's ledger of a year. The message and basis are catalogue keys
    with their figures, rendered when shown. ``status``: open | confirmed | dismissed; ``current``
    is False once the latest run no longer finds it (kept, never deleted)."""

    __tablename__ = "suspicion"
    __table_args__ = (UniqueConstraint("unit_id", "year", "fingerprint"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    year: int
    rule: str
    severity: str
    key: str
    params: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    basis: str = ""
    basis_params: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    scope: str = ""
    involved_fen: int | None = Field(default=None, sa_type=BigInteger)  # if not its entries' sum
    fingerprint: str
    content_key: str = Field(default="", index=True)  # the same hit on a re-imported ledger (services.checks)
    source: str = "check"  # check | sample
    status: str = "open"
    current: bool = True
    first_run_id: int | None = Field(default=None, foreign_key="check_run.id")
    last_run_id: int | None = Field(default=None, foreign_key="check_run.id")
    reviewer: str | None = None
    reviewed_at: dt.datetime | None = None
    reason: str | None = None
    finding_id: int | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)


class SuspicionEntry(SQLModel, table=True):
    __tablename__ = "suspicion_entry"

    suspicion_id: int = Field(foreign_key="suspicion.id", primary_key=True)
    entry_id: int = Field(foreign_key="ledger_entry.id", primary_key=True, index=True)


class Finding(SQLModel, table=True):
    """A problem (问题) of an engagement: a confirmed suspicion or written by hand. ``status`` is a
    ``core.register.Status`` value; ``code`` the stable id shown to the unit (``2025-03-07``)."""

    __tablename__ = "finding"
    __table_args__ = (UniqueConstraint("engagement_id", "seq"),)

    id: int | None = Field(default=None, primary_key=True)
    engagement_id: int = Field(foreign_key="engagement.id", index=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    year: int
    seq: int
    code: str = Field(unique=True)
    category: str
    title: str
    facts: str = ""
    amount_fen: int = Field(default=0, sa_type=BigInteger)
    basis: str = ""
    cause: str = ""
    recommendation: str = ""
    responsible: str = ""
    deadline: dt.date | None = None
    status: str = "draft"
    measures: str = ""  # 整改措施, as the unit reported them
    progress: str = ""  # 整改情况
    completed_on: dt.date | None = None  # 完成日期 the unit gave
    suspicion_id: int | None = Field(default=None, foreign_key="suspicion.id")
    created_by: str
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class FindingEntry(SQLModel, table=True):
    __tablename__ = "finding_entry"

    finding_id: int = Field(foreign_key="finding.id", primary_key=True)
    entry_id: int = Field(foreign_key="ledger_entry.id", primary_key=True)


class FindingEvent(SQLModel, table=True):
    """One move of a finding's lifecycle: who, when, from, to, note (and a new deadline, approver)."""

    __tablename__ = "finding_event"

    id: int | None = Field(default=None, primary_key=True)
    finding_id: int = Field(foreign_key="finding.id", index=True)
    at: dt.datetime = Field(default_factory=utcnow)
    who: str
    from_status: str | None = None
    to_status: str
    note: str = ""
    deadline: dt.date | None = None
    approver: str | None = None
    evidence_id: int | None = Field(default=None, foreign_key="evidence.id")


class Sample(SQLModel, table=True):
    """A drawn sample: method, seed and parameters, and the frozen population it was drawn from
    (``population``: ``[[entry_id, fen], ...]`` with its sha256 ``population_digest``)."""

    __tablename__ = "sample"

    id: int | None = Field(default=None, primary_key=True)
    engagement_id: int = Field(foreign_key="engagement.id", index=True)
    unit_id: int = Field(foreign_key="unit.id")
    year: int
    method: str
    size: int
    seed: int
    params: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    population: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    population_digest: str
    population_size: int
    population_fen: int = Field(default=0, sa_type=BigInteger)
    who: str
    at: dt.datetime = Field(default_factory=utcnow)
    note: str = ""


class SampleItem(SQLModel, table=True):
    """One sampled entry with its test result (pass = 符合, fail = 不符合) and note."""

    __tablename__ = "sample_item"
    __table_args__ = (UniqueConstraint("sample_id", "entry_id"),)

    id: int | None = Field(default=None, primary_key=True)
    sample_id: int = Field(foreign_key="sample.id", index=True)
    entry_id: int = Field(foreign_key="ledger_entry.id")
    position: int
    stratum: str = ""
    reason_key: str = ""
    reason_params: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    result: str | None = None
    note: str = ""
    tested_by: str | None = None
    tested_at: dt.datetime | None = None
    suspicion_id: int | None = Field(default=None, foreign_key="suspicion.id")


class WorkPaper(SQLModel, table=True):
    """A working paper (审计工作底稿) per audit area with preparer and reviewer sign-off; each sign-off
    keeps the digest of the content it signed, so an edit after review shows."""

    __tablename__ = "work_paper"
    __table_args__ = (UniqueConstraint("engagement_id", "index_no"),)

    id: int | None = Field(default=None, primary_key=True)
    engagement_id: int = Field(foreign_key="engagement.id", index=True)
    index_no: str  # 底稿索引, e.g. DG-01
    area: str
    title: str
    objective: str = ""
    procedure: str = ""
    examined: str = ""
    result: str = ""
    conclusion: str = ""
    preparer: str | None = None
    prepared_digest: str | None = None
    prepared_at: dt.datetime | None = None
    reviewer: str | None = None
    reviewed_digest: str | None = None
    reviewed_at: dt.datetime | None = None
    created_by: str
    updated_by: str
    updated_at: dt.datetime = Field(default_factory=utcnow)


class Evidence(SQLModel, table=True):
    """An evidence file kept in the engagement's evidence store under its sha256 (never overwritten)."""

    __tablename__ = "evidence"
    __table_args__ = (UniqueConstraint("engagement_id", "sha256"),)

    id: int | None = Field(default=None, primary_key=True)
    engagement_id: int = Field(foreign_key="engagement.id", index=True)
    sha256: str
    file_name: str
    size: int
    stored: str  # path relative to the evidence store's root
    description: str = ""
    who: str
    at: dt.datetime = Field(default_factory=utcnow)


class EvidenceLink(SQLModel, table=True):
    """What an evidence file stands behind: an entry, a suspicion, a finding, a paper or a sample item."""

    __tablename__ = "evidence_link"
    __table_args__ = (UniqueConstraint("evidence_id", "target", "target_id"),)

    id: int | None = Field(default=None, primary_key=True)
    evidence_id: int = Field(foreign_key="evidence.id", index=True)
    target: str  # entry | suspicion | finding | paper | sample_item
    target_id: int
    who: str
    at: dt.datetime = Field(default_factory=utcnow)


class FindingReply(SQLModel, table=True):
    """The unit's written reply to a finding of the draft report (交换意见): agree or disagree, why."""

    __tablename__ = "finding_reply"

    id: int | None = Field(default=None, primary_key=True)
    finding_id: int = Field(foreign_key="finding.id", index=True)
    document_id: int | None = Field(default=None, foreign_key="document.id")  # the draft it answers
    verdict: str  # agree | disagree
    note: str = ""
    who: str
    at: dt.datetime = Field(default_factory=utcnow)


class SummaryDocument(SQLModel, table=True):
    """A county-wide document of a year (年度经审工作总结 and its tables): each generation a version."""

    __tablename__ = "summary_document"
    __table_args__ = (UniqueConstraint("year", "kind", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(index=True)
    kind: str
    version: int
    file_name: str
    sha256: str
    who: str
    at: dt.datetime = Field(default_factory=utcnow)
    path: str

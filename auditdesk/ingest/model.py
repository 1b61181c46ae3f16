"""What the ingest layer hands to its callers: a parsed ledger, per-sheet reports, file-level errors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from auditdesk.core.errors import AuditdeskError
from auditdesk.core.ledger import Entry, Reconciliation, RowProblem, SkippedRow

# Valid targets of ``--map COLUMN=FIELD``.
FIELDS: tuple[str, ...] = (
    "date",
    "year",
    "month",
    "day",
    "voucher",
    "voucher_type",
    "voucher_no",
    "summary",
    "account",
    "account_code",
    "account_name",
    "debit",
    "credit",
    "amount",
    "direction",
    "balance",
    "attachments",
    "counter_account",
    "ignore",
)


class IngestError(AuditdeskError):
    """The file as a whole cannot be read (missing, not a spreadsheet, corrupt, encrypted, empty...)."""


@dataclass(frozen=True)
class SheetReport:
    """How one sheet was understood."""

    name: str
    layout: str  # catalogue key, e.g. "layout.journal"
    header_row: int  # 1-based Excel row of the (first) header row, 0 when the sheet was skipped
    header: tuple[str, ...]  # the header cells as text
    columns: Mapping[str, str]  # field -> Excel column letter(s)
    entries: int
    skipped: int
    problems: int
    double_entry: bool


@dataclass(frozen=True)
class ParsedLedger:
    """Everything read from one file: entries, unreadable rows, skipped rows, stated totals."""

    path: Path
    format: str  # "xlsx" | "xlsm" | "xls" | "ods" | "csv"
    encoding: str | None  # CSV only
    sha256: str
    sheets: tuple[SheetReport, ...]
    entries: tuple[Entry, ...]
    problems: tuple[RowProblem, ...]
    skipped: tuple[SkippedRow, ...]
    reconciliation: tuple[Reconciliation, ...]
    double_entry: bool

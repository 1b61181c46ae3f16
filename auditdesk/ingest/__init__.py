"""Spreadsheet and CSV ledgers -> core entries, row problems, skipped rows and reconciliations.

The ingest layer imports ``auditdesk.core`` only; the services layer renders its keys.
"""

from __future__ import annotations

from auditdesk.ingest.model import FIELDS, IngestError, ParsedLedger, SheetReport
from auditdesk.ingest.pipeline import collector_paused, parse_ledger
from auditdesk.ingest.readers import sha256_file

__all__ = [
    "FIELDS",
    "IngestError",
    "ParsedLedger",
    "SheetReport",
    "collector_paused",
    "parse_ledger",
    "sha256_file",
]

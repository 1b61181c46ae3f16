"""Plain-text and JSON rendering of a roster import (``auditdesk units import``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from auditdesk.cli.output import error_text, say
from auditdesk.core.errors import AuditdeskError
from auditdesk.i18n import t
from auditdesk.services.imports import render_problem
from auditdesk.services.roster import RosterReport, render_update


def roster_rejected_json(err: AuditdeskError, file: Path) -> dict[str, Any]:
    """The contract when the file as a whole cannot be read."""
    return {
        "status": "rejected",
        "created": [],
        "updated": [],
        "unchanged": [],
        "errors": [{"sheet": "", "row": 0, "column": "", "value": str(file), "message": error_text(err)}],
    }


def print_roster_report(report: RosterReport) -> None:
    status = report.status.replace("-", "_")
    say(t(f"roster.cli.status.{status}", file=report.file, created=len(report.created),
          updated=len(report.updated), unchanged=len(report.unchanged), count=len(report.errors)))
    for p in report.errors:
        say("  " + render_problem(p))
    for name in report.created:
        say(t("roster.cli.created", name=name))
    for update in report.updated:
        say(t("roster.cli.updated", name=update.name, changes=render_update(update)))
    if report.unchanged:
        say(t("roster.cli.unchanged", names="、".join(report.unchanged)))

"""Plain-text and JSON rendering of import reports and quarantined rows."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from auditdesk.cli.output import error_text, say
from auditdesk.core.errors import AuditdeskError
from auditdesk.core.money import format_thousands
from auditdesk.i18n import t
from auditdesk.services.imports import (
    ImportReport,
    render_problem,
    render_reconciliation,
    render_skipped,
    stored_problem_message,
)
from auditdesk.services.ledger import QuarantineView

_SHOWN = 10


def rejected_json(err: AuditdeskError, file: Path, unit: str, year: int) -> dict[str, Any]:
    """The import contract when the file or the request itself is refused."""
    return {
        "status": "rejected",
        "import_id": None,
        "unit": unit,
        "year": year,
        "entries": 0,
        "quarantined": 0,
        "vouchers": 0,
        "debit_total": "0.00",
        "credit_total": "0.00",
        "date_from": None,
        "date_to": None,
        "skipped": [],
        "errors": [{"sheet": "", "row": 0, "column": "", "value": str(file), "message": error_text(err)}],
        "reconciliation": [],
        "sha256": None,
    }


def print_report(report: ImportReport, *, verbose: bool) -> None:
    say(t(f"cli.import.status.{report.status}", unit=report.unit, year=report.year, file=report.file,
          format=report.format, import_id=report.import_id or "—"))
    for sheet in report.sheets:
        say(t("cli.import.sheet", sheet=sheet.name, layout=t(sheet.layout), header_row=sheet.header_row,
              entries=sheet.entries, skipped=sheet.skipped, problems=sheet.problems))
    stats = report.stats
    say(t("cli.import.stats", entries=stats.entries, vouchers=stats.vouchers,
          date_from=stats.date_from or "—", date_to=stats.date_to or "—"))
    say(t("cli.import.totals", debit=format_thousands(stats.debit_total),
          credit=format_thousands(stats.credit_total)))
    if stats.unbalanced_vouchers:
        shown = [f"{k // 100}-{k % 100:02d} {v}" for k, v in stats.unbalanced_vouchers[:_SHOWN]]
        say(t("cli.import.unbalanced", count=len(stats.unbalanced_vouchers), list="、".join(shown)))
    if stats.negatives or stats.zero_amounts:
        say(t("cli.import.negatives", negatives=stats.negatives, zeros=stats.zero_amounts))
    if report.closing_entries:
        say(t("cli.import.closing", count=report.closing_entries))
    if report.unresolved_accounts:
        say(t("cli.import.unresolved", count=len(report.unresolved_accounts),
              list="、".join(report.unresolved_accounts[:_SHOWN])))
    if verbose:
        for label, count in stats.per_account:
            say(f"  {label}: {count}")
    if report.skipped:
        kinds = Counter(t(s.key) for s in report.skipped)
        say(t("cli.import.skipped", count=len(report.skipped),
              kinds="、".join(f"{k} {n}" for k, n in kinds.most_common())))
        for s in report.skipped if verbose else ():
            say("  " + render_skipped(s))
    for r in report.reconciliation:
        if verbose or not r.ok:
            say("  " + render_reconciliation(r))
    if report.reconciliation:
        bad = sum(1 for r in report.reconciliation if not r.ok)
        say(t("cli.import.recon_summary", count=len(report.reconciliation), bad=bad))
    if report.errors:
        rows = len({(p.sheet, p.row) for p in report.errors})
        key = "cli.import.problems_quarantined" if report.status == "imported" else "cli.import.problems"
        say(t(key, problems=len(report.errors), rows=rows))
        for p in report.errors:  # every problem, always: the user must see them all
            say("  " + render_problem(p))
        if report.status == "rejected":
            say(t("cli.import.rejected_hint"))
    hint = report.year_hint()
    if hint:
        say(hint)


def quarantine_json(found: list[QuarantineView]) -> list[dict[str, Any]]:
    return [
        {
            "import_id": q.import_id,
            "sheet": q.sheet,
            "row": q.row,
            "raw": list(q.raw),
            "problems": [
                {"column": p["column"], "value": p["value"], "message": stored_problem_message(p)}
                for p in q.problems
            ],
        }
        for q in found
    ]


def quarantine_lines(found: list[QuarantineView]) -> list[str]:
    lines = []
    for q in found:
        for p in q.problems:
            column = p["column"] or "—"
            reason = stored_problem_message(p)
            lines.append(t("import.problem_line", sheet=q.sheet, row=q.row, column=column, reason=reason))
        lines.append("    " + " | ".join(q.raw))
    return lines

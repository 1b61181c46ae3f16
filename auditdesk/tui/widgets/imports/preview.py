"""What a dry run found: format, layouts and headers, first entries, problems, totals, statistics."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from auditdesk.core.ledger import Entry
from auditdesk.core.money import format_thousands
from auditdesk.i18n import has, t
from auditdesk.services.imports import render_problem, render_reconciliation, render_skipped

if TYPE_CHECKING:
    from auditdesk.services.imports import ImportReport

MAX_PROBLEMS = 200  # shown; the summary always states the full count
MAX_SKIPPED = 30
MAX_ENTRIES = 20


def _money(value: Any) -> Text:
    return Text(format_thousands(value) if value else "", justify="right")


def _lines(lines: Iterable[str], style: str = "") -> Text:
    return Text("\n".join(lines), style=style)


def layout_name(key: str) -> str:
    return t(key) if has(key) else key


class ImportPreview(VerticalScroll):
    """Filled from an ``ImportReport``; cleared when the file, unit or year changes."""

    def compose(self) -> ComposeResult:
        yield Static("", id="preview-summary")
        yield Static(t("tui.import.section.sheets"), classes="section-title")
        sheets: DataTable[str | Text] = DataTable(id="preview-sheets", cursor_type="none", show_cursor=False)
        yield sheets
        yield Static(t("tui.import.section.entries"), classes="section-title", id="preview-entries-title")
        entries: DataTable[str | Text] = DataTable(
            id="preview-entries", cursor_type="row", zebra_stripes=True
        )
        yield entries
        yield Static(t("tui.import.section.problems"), classes="section-title")
        yield Static("", id="preview-problems")
        yield Static(t("tui.import.section.skipped"), classes="section-title")
        yield Static("", id="preview-skipped")
        yield Static(t("tui.import.section.reconciliation"), classes="section-title")
        yield Static("", id="preview-reconciliation")
        yield Static(t("tui.import.section.stats"), classes="section-title")
        yield Static("", id="preview-stats")

    def on_mount(self) -> None:
        sheets = self.query_one("#preview-sheets", DataTable)
        for key in ("sheet", "layout", "header_row", "header"):
            sheets.add_column(t(f"tui.import.sheet_col.{key}"), key=key)
        entries = self.query_one("#preview-entries", DataTable)
        for key in ("date", "voucher", "summary", "account", "debit", "credit", "source"):
            entries.add_column(t(f"tui.ledger.col.{key}"), key=key)
        self.display = False

    def clear(self) -> None:
        self.display = False

    def show(self, report: ImportReport, *, preview: bool) -> None:
        """``preview``: the report of a dry run (its status says "rejected" when problems were found)."""
        self.display = True
        self.query_one("#preview-summary", Static).update(self._summary(report, preview))
        self._show_sheets(report)
        # The first entries come with the report once the service provides them (``preview``).
        self._show_entries(report.preview)
        problems = self.query_one("#preview-problems", Static)
        if report.errors:
            lines = [render_problem(p) for p in report.errors[:MAX_PROBLEMS]]
            if len(report.errors) > MAX_PROBLEMS:
                lines.append(t("tui.import.more", count=len(report.errors) - MAX_PROBLEMS))
            problems.update(_lines(lines, "red"))
        else:
            problems.update(Text(t("tui.import.no_problems"), style="green"))
        skipped = self.query_one("#preview-skipped", Static)
        skipped_lines = [t("tui.import.skipped_count", count=len(report.skipped))]
        skipped_lines += [render_skipped(s) for s in report.skipped[:MAX_SKIPPED]]
        if len(report.skipped) > MAX_SKIPPED:
            skipped_lines.append(t("tui.import.more", count=len(report.skipped) - MAX_SKIPPED))
        skipped.update(_lines(skipped_lines))
        recon = self.query_one("#preview-reconciliation", Static)
        if report.reconciliation:
            recon.update(
                Text("\n").join(
                    Text(render_reconciliation(r), style="" if r.ok else "bold red")
                    for r in report.reconciliation
                )
            )
        else:
            recon.update(Text(t("tui.import.no_reconciliation"), style="dim"))
        self.query_one("#preview-stats", Static).update(self._stats(report))
        self.scroll_home(animate=False)

    def _summary(self, report: ImportReport, preview: bool) -> Text:
        if preview:
            status = "preview_problems" if report.errors else "preview_ok"
        else:
            status = "imported" if report.status == "imported" else "rejected"
        style = "bold green" if status in ("preview_ok", "imported") else "bold red"
        text = Text(t(f"tui.import.status.{status}"), style=style)
        text.append("\n")
        text.append(
            t(
                "tui.import.summary",
                file=report.file,
                format=report.format,
                entries=f"{report.entries:,}",
                vouchers=f"{report.vouchers:,}",
                date_from=report.date_from.isoformat() if report.date_from else "—",
                date_to=report.date_to.isoformat() if report.date_to else "—",
                debit=format_thousands(report.debit_total),
                credit=format_thousands(report.credit_total),
                problems=len(report.errors),
                skipped=len(report.skipped),
                closing=report.closing_entries,
            )
        )
        if report.unresolved_accounts:
            text.append("\n")
            text.append(
                t(
                    "tui.import.unresolved",
                    count=len(report.unresolved_accounts),
                    accounts="、".join(report.unresolved_accounts[:10]),
                ),
                style="yellow",
            )
        hint = report.year_hint()
        if hint:
            text.append("\n")
            text.append(hint, style="bold yellow")
        return text

    def _show_sheets(self, report: ImportReport) -> None:
        table = self.query_one("#preview-sheets", DataTable)
        table.clear()
        for sheet in report.sheets:
            table.add_row(
                sheet.name,
                layout_name(sheet.layout),
                str(sheet.header_row) if sheet.header_row else "—",
                " | ".join(cell for cell in sheet.header if cell),
            )

    def _show_entries(self, entries: Sequence[Entry]) -> None:
        table = self.query_one("#preview-entries", DataTable)
        table.clear()
        table.display = bool(entries)
        self.query_one("#preview-entries-title").display = bool(entries)
        for e in list(entries)[:MAX_ENTRIES]:
            account = " ".join(p for p in (e.account_code, e.account_name) if p)
            table.add_row(
                e.date.isoformat(),
                e.voucher,
                e.summary,
                account,
                _money(e.debit),
                _money(e.credit),
                f"{e.sheet}:{e.row}",
            )

    def _stats(self, report: ImportReport) -> Text:
        stats = report.stats
        lines = [
            t(
                "tui.import.stats",
                unbalanced=len(stats.unbalanced_vouchers),
                negatives=stats.negatives,
                zeros=stats.zero_amounts,
                accounts=len(stats.per_account),
            )
        ]
        top = sorted(stats.per_account, key=lambda item: -item[1])[:8]
        if top:
            lines.append(t("tui.import.top_accounts", accounts="; ".join(f"{a} × {n}" for a, n in top)))
        return _lines(lines)

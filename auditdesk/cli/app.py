"""Typer commands. Each is a thin shell over a service; every one takes ``--json``."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer.exceptions import TyperException

from auditdesk.cli import output
from auditdesk.cli.checks import check_cmd, suspicion_app
from auditdesk.cli.documents import doc_app, reply_cmd
from auditdesk.cli.engagement import engagement_app, notice_cmd
from auditdesk.cli.fieldwork import evidence_app, paper_app, sample_app
from auditdesk.cli.output import emit_json, report_error, say
from auditdesk.cli.plan import plan_app
from auditdesk.cli.register import register_app
from auditdesk.cli.standards import standards_app
from auditdesk.cli.usage import explain, localize_help, show_usage_error
from auditdesk.core.errors import AuditdeskError
from auditdesk.core.money import format_thousands, parse_amount
from auditdesk.i18n import t
from auditdesk.services.context import Context, open_context


@dataclass
class Options:
    db: str | None
    user: str | None
    _ctx: Context | None = None

    def context(self) -> Context:
        if self._ctx is None:
            self._ctx = open_context(self.db, self.user)
        return self._ctx


app = typer.Typer(
    help=t("cli.help"),
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
units_app = typer.Typer(help=t("cli.units.help"), no_args_is_help=True, rich_markup_mode=None)
app.add_typer(units_app, name="units")
app.add_typer(plan_app, name="plan")
app.add_typer(standards_app, name="standards")
app.add_typer(engagement_app, name="engagement")
app.command("notice", help=t("notice.cli.help"))(notice_cmd)
app.command("check", help=t("check.cli.help"))(check_cmd)
app.add_typer(suspicion_app, name="suspicion")
app.add_typer(sample_app, name="sample")
app.add_typer(paper_app, name="paper")
app.add_typer(evidence_app, name="evidence")
app.add_typer(register_app, name="register")
app.add_typer(doc_app, name="doc")
app.command("reply", help=t("reply.cli.help"))(reply_cmd)

JsonOpt = Annotated[bool, typer.Option("--json", help=t("cli.opt.json"))]


def _opts(ctx: typer.Context) -> Options:
    root = ctx.find_root()
    assert isinstance(root.obj, Options)
    return root.obj


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option("--db", help=t("cli.opt.db"), envvar="AUDITDESK_DB")] = None,
    lang: Annotated[str, typer.Option("--lang", help=t("cli.opt.lang"))] = "zh",
    user: Annotated[str | None, typer.Option("--user", help=t("cli.opt.user"))] = None,
) -> None:
    if lang not in ("zh", "en"):
        raise typer.BadParameter(t("cli.bad_lang", lang=lang), param_hint="--lang")
    ctx.obj = Options(db=db, user=user)
    if ctx.invoked_subcommand is None:
        from auditdesk.tui.app import build_app

        build_app(ctx.obj.context()).run()


def _amount(text: str | None, option: str) -> Decimal | None:
    if text is None:
        return None
    try:
        return parse_amount(text)
    except AuditdeskError as err:
        raise typer.BadParameter(output.error_text(err), param_hint=option) from None


UnitName = Annotated[str, typer.Argument(help=t("cli.arg.unit_name"))]
CodeOpt = Annotated[str | None, typer.Option("--code", help=t("cli.opt.code"))]
MembersOpt = Annotated[int | None, typer.Option("--members", min=0, help=t("cli.opt.members"))]
EmployeesOpt = Annotated[int | None, typer.Option("--employees", min=0, help=t("cli.opt.employees"))]
PayrollOpt = Annotated[str | None, typer.Option("--payroll", help=t("cli.opt.payroll"))]
ChairOpt = Annotated[str | None, typer.Option("--chair", help=t("cli.opt.chair"))]
ContactOpt = Annotated[str | None, typer.Option("--contact", help=t("cli.opt.contact"))]
LastAuditOpt = Annotated[
    int | None, typer.Option("--last-audit", metavar="YEAR", help=t("roster.cli.opt.last_audit"))
]


@units_app.command("add", help=t("cli.units.add.help"))
def units_add(
    ctx: typer.Context,
    name: UnitName,
    code: CodeOpt = None,
    members: MembersOpt = None,
    employees: EmployeesOpt = None,
    payroll: PayrollOpt = None,
    chair: ChairOpt = None,
    contact: ContactOpt = None,
    last_audit: LastAuditOpt = None,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.units import add_unit

    view = add_unit(
        _opts(ctx).context(), name, code=code, members=members, employees=employees,
        payroll=_amount(payroll, "--payroll"), chair=chair, contact=contact, last_audit_year=last_audit,
    )
    emit_json(view.to_json()) if as_json else say(t("cli.units.added", name=view.name, id=view.id))


@units_app.command("edit", help=t("cli.units.edit.help"))
def units_edit(
    ctx: typer.Context,
    name: UnitName,
    new_name: Annotated[str | None, typer.Option("--name", help=t("cli.opt.new_name"))] = None,
    code: CodeOpt = None,
    members: MembersOpt = None,
    employees: EmployeesOpt = None,
    payroll: PayrollOpt = None,
    chair: ChairOpt = None,
    contact: ContactOpt = None,
    last_audit: LastAuditOpt = None,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.units import edit_unit

    view = edit_unit(
        _opts(ctx).context(), name, new_name=new_name, code=code, members=members, employees=employees,
        payroll=_amount(payroll, "--payroll"), chair=chair, contact=contact, last_audit_year=last_audit,
    )
    emit_json(view.to_json()) if as_json else say(t("cli.units.edited", name=view.name))


@units_app.command("list", help=t("cli.units.list.help"))
def units_list(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    from auditdesk.services.units import list_units

    views = list_units(_opts(ctx).context())
    if as_json:
        emit_json([v.to_json() for v in views])
        return
    if not views:
        say(t("cli.units.none"))
        return
    headers = [t("cli.col.name"), t("cli.col.code"), t("cli.col.members"), t("cli.col.employees"),
               t("cli.col.payroll"), t("cli.col.chair"), t("cli.col.last_audit"), t("cli.col.years")]
    rows = [
        [v.name, v.code or "", _int(v.members), _int(v.employees),
         "" if v.payroll is None else format_thousands(v.payroll), v.chair or "",
         _int(v.last_audit_year), ",".join(str(y) for y in v.years)]
        for v in views
    ]
    say(output.table(headers, rows, right={2, 3, 4}))


def _int(value: int | None) -> str:
    return "" if value is None else str(value)


@units_app.command("import", help=t("roster.cli.help"))
def units_import(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=t("roster.cli.arg.file"))],
    sheet: Annotated[list[str] | None, typer.Option("--sheet", help=t("cli.opt.sheet"))] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("cli.opt.dry_run"))] = False,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.cli.roster import print_roster_report, roster_rejected_json
    from auditdesk.services.roster import import_roster

    try:
        report = import_roster(_opts(ctx).context(), file, dry_run=dry_run, sheets=sheet or None)
    except AuditdeskError as err:
        if not as_json:
            raise
        emit_json(roster_rejected_json(err, file))
        raise typer.Exit(1) from None
    if as_json:
        emit_json(report.to_json())
    else:
        print_roster_report(report)
    if report.status == "rejected":
        raise typer.Exit(1)


@app.command("import", help=t("cli.import.help"))
def import_cmd(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=t("cli.arg.file"))],
    unit: Annotated[str, typer.Option("--unit", help=t("cli.opt.unit"))],
    year: Annotated[int, typer.Option("--year", help=t("cli.opt.year"))],
    sheet: Annotated[list[str] | None, typer.Option("--sheet", help=t("cli.opt.sheet"))] = None,
    mapping: Annotated[list[str] | None, typer.Option("--map", help=t("cli.opt.map"))] = None,
    quarantine: Annotated[bool, typer.Option("--quarantine", help=t("cli.opt.quarantine"))] = False,
    force: Annotated[bool, typer.Option("--force", help=t("cli.opt.force"))] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("cli.opt.dry_run"))] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help=t("cli.opt.verbose"))] = False,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.cli.importing import print_report, rejected_json
    from auditdesk.services.imports import import_ledger

    try:
        maps = _parse_maps(mapping or [])
        report = import_ledger(
            _opts(ctx).context(), file, unit, year, sheets=sheet or None, mapping=maps,
            quarantine=quarantine, force=force, dry_run=dry_run,
        )
    except AuditdeskError as err:
        if not as_json:
            raise
        emit_json(rejected_json(err, file, unit, year))
        raise typer.Exit(1) from None
    if as_json:
        emit_json(report.to_json())
    else:
        print_report(report, verbose=verbose)
    if report.status == "rejected":
        raise typer.Exit(1)


def _parse_maps(specs: list[str]) -> dict[str, str]:
    maps: dict[str, str] = {}
    for spec in specs:
        column, sep, field = spec.partition("=")
        if not sep or not column.strip() or not field.strip():
            from auditdesk.services.errors import ServiceError

            raise ServiceError("cli.bad_map", spec=spec)
        maps[column.strip()] = field.strip()
    return maps


@app.command("ledger", help=t("cli.ledger.help"))
def ledger_cmd(
    ctx: typer.Context,
    unit: Annotated[str, typer.Option("--unit", help=t("cli.opt.unit"))],
    year: Annotated[int, typer.Option("--year", help=t("cli.opt.year"))],
    account: Annotated[str | None, typer.Option("--account", help=t("cli.opt.account"))] = None,
    date_from: Annotated[str | None, typer.Option("--from", help=t("cli.opt.from"))] = None,
    date_to: Annotated[str | None, typer.Option("--to", help=t("cli.opt.to"))] = None,
    text: Annotated[str | None, typer.Option("--text", help=t("cli.opt.text"))] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help=t("cli.opt.limit"))] = 100_000,
    offset: Annotated[int, typer.Option("--offset", min=0, help=t("cli.opt.offset"))] = 0,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.ledger import EntryRow, LedgerFilter, query_ledger

    flt = LedgerFilter(unit, year, account, _date(date_from, "--from"), _date(date_to, "--to"), text)
    context = _opts(ctx).context()
    rows: list[EntryRow] = []
    page = query_ledger(context, flt, offset=offset, limit=min(limit, 10_000))
    while True:
        rows.extend(page.rows)
        fetched = page.offset + len(page.rows)
        if not page.rows or len(rows) >= limit or fetched >= page.total:
            break
        page = query_ledger(context, flt, offset=fetched, limit=min(limit - len(rows), 10_000))
    rows = rows[:limit]
    if as_json:
        emit_json([r.to_json() for r in rows])
        return
    headers = [t("cli.col.date"), t("cli.col.voucher"), t("cli.col.summary"), t("cli.col.account"),
               t("cli.col.debit"), t("cli.col.credit")]
    body = [
        [r.date.isoformat(), r.voucher, r.summary, f"{r.account_code} {r.account_name}".strip(),
         format_thousands(r.debit) if r.debit else "", format_thousands(r.credit) if r.credit else ""]
        for r in rows
    ]
    say(output.table(headers, body, right={4, 5}))
    say(t("cli.ledger.totals", count=page.total, debit=format_thousands(page.debit_total),
          credit=format_thousands(page.credit_total)))


def _date(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(t("cli.bad_date", value=text), param_hint=option) from None


@app.command("imports", help=t("cli.imports.help"))
def imports_cmd(
    ctx: typer.Context,
    unit: Annotated[str | None, typer.Option("--unit", help=t("cli.opt.unit"))] = None,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.ledger import list_imports

    views = list_imports(_opts(ctx).context(), unit)
    if as_json:
        emit_json([v.to_json() for v in views])
        return
    headers = [t("cli.col.id"), t("cli.col.name"), t("cli.col.year"), t("cli.col.file"), t("cli.col.status"),
               t("cli.col.entries"), t("cli.col.quarantined"), t("cli.col.debit"), t("cli.col.credit")]
    rows = [[str(v.id), v.unit, str(v.year), v.file, t(f"cli.status.{v.status}"), str(v.entries),
             str(v.quarantined), format_thousands(v.debit_total), format_thousands(v.credit_total)]
            for v in views]
    say(output.table(headers, rows, right={5, 6, 7, 8}))


@app.command("quarantine", help=t("cli.quarantine.help"))
def quarantine_cmd(
    ctx: typer.Context,
    unit: Annotated[str, typer.Option("--unit", help=t("cli.opt.unit"))],
    year: Annotated[int | None, typer.Option("--year", help=t("cli.opt.year"))] = None,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.cli.importing import quarantine_json, quarantine_lines
    from auditdesk.services.ledger import list_quarantine

    found = list_quarantine(_opts(ctx).context(), unit, year)
    if as_json:
        emit_json(quarantine_json(found))
        return
    for line in quarantine_lines(found):
        say(line)
    say(t("cli.quarantine.count", count=len(found)))


@app.command("log", help=t("cli.log.help"))
def log_cmd(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option("--limit", min=1, help=t("cli.opt.limit"))] = 50,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.audit_log import recent_changes, verify_log

    context = _opts(ctx).context()
    changes = recent_changes(context, limit)
    broken = verify_log(context)
    if as_json:
        emit_json({"intact": broken is None, "broken_at": broken, "changes": [c.to_json() for c in changes]})
        return
    for c in changes:
        say(f"{c.at:%Y-%m-%d %H:%M:%S}  {c.actor}  {c.action}  {c.entity}#{c.entity_id}")
    say(t("cli.log.intact") if broken is None else t("cli.log.broken", id=broken))
    if broken is not None:
        raise typer.Exit(1)


@app.command("demo", hidden=True, help=t("cli.demo.help"))
def demo_cmd(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(help=t("cli.arg.folder"))],
    documents: Annotated[Path | None, typer.Option("--documents", help=t("cli.demo.documents"))] = None,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.demo import load_demo

    result = load_demo(_opts(ctx).context(), folder, documents)
    if as_json:
        emit_json({"units": list(result.units), "imports": [r.to_json() for r in result.imports],
                   "fieldwork": list(result.engagements)})
        return
    for name in result.units:
        say(t("cli.units.added", name=name, id="—"))
    for r in result.imports:
        say(t("cli.demo.imported", unit=r.unit, year=r.year, file=r.file, entries=r.entries,
              quarantined=r.quarantined))
    for reference in result.engagements:
        say(t("cli.demo.started", reference=reference))


def run(args: list[str]) -> int:
    """Run the CLI on ``args``; every error a user can cause becomes a message and exit code 1."""
    as_json = "--json" in args
    localize_help()
    command = typer.main.get_command(app)
    try:
        result = command.main(args=args, prog_name="auditdesk", standalone_mode=False)
    except AuditdeskError as err:
        report_error(err, as_json)
        return 1
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        output.warn(t("cli.aborted"))
        return 130
    except NoArgsIsHelpError as exc:  # a group without its subcommand: its help page
        output.warn(exc.message if exc.ctx is None else exc.ctx.get_help())
        return int(exc.exit_code)
    except UsageError as exc:  # click's usage errors, in the catalogue's words
        if as_json:
            key, message = explain(exc)
            emit_json({"status": "error", "error": {"key": key, "message": message}})
        else:
            show_usage_error(exc, output.warn)
        return int(exc.exit_code)
    except TyperException as exc:  # any other of click's exceptions
        show = getattr(exc, "show", None)
        if show is not None:
            show()
        return int(getattr(exc, "exit_code", 2))
    except Exception as exc:  # a bug: say so plainly; AUDITDESK_DEBUG=1 shows the traceback
        if os.environ.get("AUDITDESK_DEBUG"):
            raise
        output.warn(t("cli.internal_error", kind=type(exc).__name__, detail=str(exc)))
        return 2
    return result if isinstance(result, int) else 0


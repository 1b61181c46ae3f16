"""``auditdesk check`` and ``auditdesk suspicion ...``: run the checks over a ledger and review
what they find (疑点). ``E`` is an engagement's id or reference number."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from auditdesk.cli.output import emit_json, say, table, warn
from auditdesk.core.money import format_thousands
from auditdesk.i18n import t

if TYPE_CHECKING:
    from auditdesk.services.checks import SuspicionView
    from auditdesk.services.context import Context

suspicion_app = typer.Typer(help=t("suspicion.cli.help"), no_args_is_help=True, rich_markup_mode=None)

JsonOpt = Annotated[bool, typer.Option("--json", help=t("cli.opt.json"))]
EngagementArg = Annotated[str, typer.Argument(metavar="E", help=t("engagement.cli.arg.e"))]
OptEngagementArg = Annotated[str | None, typer.Argument(metavar="[E]", help=t("engagement.cli.arg.e"))]
UnitOpt = Annotated[str | None, typer.Option("--unit", help=t("check.cli.opt.unit"))]
YearOpt = Annotated[int | None, typer.Option("--year", help=t("check.cli.opt.year"))]
IdArg = Annotated[int, typer.Argument(metavar="ID", help=t("suspicion.cli.arg.id"))]


def context(ctx: typer.Context) -> Context:
    found: Context = ctx.find_root().obj.context()
    return found


def _entry_line(view: SuspicionView) -> list[str]:
    lines = []
    for e in view.entries[:20]:
        amount = format_thousands(e.debit if e.debit else e.credit)
        lines.append(
            t(
                "check.cli.entry",
                date=e.date.isoformat(),
                voucher=e.voucher or "—",
                summary=e.summary,
                account=e.account_code,
                amount=amount,
                sheet=e.sheet,
                row=e.row,
            )
        )
    if len(view.entries) > 20:
        lines.append(t("check.cli.more_entries", count=len(view.entries) - 20))
    return lines


def print_suspicions(views: list[SuspicionView], *, detail: bool = True) -> None:
    if not views:
        say(t("check.cli.none"))
        return
    rows = [
        [
            str(v.id),
            t(f"check.severity.{v.severity}"),
            v.rule_title,
            t(f"suspicion.status.{v.status}"),
            format_thousands(v.amount),
            v.message if detail else v.message[:60],
        ]
        for v in views
    ]
    say(
        table(
            [
                t("check.cli.col.id"),
                t("check.cli.col.severity"),
                t("check.cli.col.rule"),
                t("check.cli.col.status"),
                t("check.cli.col.amount"),
                t("check.cli.col.message"),
            ],
            rows,
            right={0, 4},
        )
    )


def print_suspicion(view: SuspicionView) -> None:
    say(
        t(
            "suspicion.cli.head",
            id=view.id,
            rule=view.rule_title,
            severity=t(f"check.severity.{view.severity}"),
            status=t(f"suspicion.status.{view.status}"),
        )
    )
    say(t("suspicion.cli.unit", unit=view.unit, year=view.year))
    say(t("suspicion.cli.message", message=view.message))
    if view.basis:
        say(t("suspicion.cli.basis", basis=view.basis))
    if view.reviewer:
        say(
            t(
                "suspicion.cli.reviewed",
                who=view.reviewer,
                when=view.reviewed_at.strftime("%Y-%m-%d %H:%M") if view.reviewed_at else "—",
                reason=view.reason or "—",
            )
        )
    if not view.current:
        say(t("suspicion.cli.stale"))
    for line in _entry_line(view):
        say("  " + line)


def check_cmd(
    ctx: typer.Context,
    engagement: OptEngagementArg = None,
    unit: UnitOpt = None,
    year: YearOpt = None,
    rule: Annotated[list[str] | None, typer.Option("--rule", help=t("check.cli.opt.rule"))] = None,
    as_json: JsonOpt = False,
) -> None:
    """Run the checks (``auditdesk check E`` or ``--unit NAME --year YYYY``) and print the suspicions."""
    from auditdesk.services.checks import run_ledger_checks

    if engagement is None and (unit is None or year is None):
        raise typer.BadParameter(t("check.cli.need_target"), param_hint="E | --unit --year")
    reports = run_ledger_checks(
        context(ctx), engagement, unit=None if engagement else unit, year=year, only=rule or None
    )
    if as_json:
        emit_json([s.to_json() for r in reports for s in r.suspicions])
        return
    for report in reports:
        say(
            t(
                "check.cli.ran",
                unit=report.unit,
                year=report.year,
                entries=report.entries,
                found=report.found,
                new=report.new,
                stale=report.no_longer_found,
                profile=report.profile,
            )
        )
        for failure in report.failures:
            warn(failure)
        order = {"high": 0, "medium": 1, "low": 2}
        print_suspicions(
            sorted(report.suspicions, key=lambda v: (order.get(v.severity, 3), v.id)), detail=False
        )


@suspicion_app.command("list", help=t("suspicion.cli.list.help"))
def suspicion_list(
    ctx: typer.Context,
    engagement: OptEngagementArg = None,
    unit: UnitOpt = None,
    year: YearOpt = None,
    status: Annotated[str | None, typer.Option("--status", help=t("suspicion.cli.opt.status"))] = None,
    rule: Annotated[str | None, typer.Option("--rule", help=t("check.cli.opt.rule"))] = None,
    include_stale: Annotated[bool, typer.Option("--all", help=t("suspicion.cli.opt.all"))] = False,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.checks import list_suspicions

    if engagement is None and (unit is None or year is None):
        raise typer.BadParameter(t("check.cli.need_target"), param_hint="E | --unit --year")
    views = list_suspicions(
        context(ctx),
        engagement,
        unit=None if engagement else unit,
        year=year,
        status=status,
        rule=rule,
        include_stale=include_stale,
    )
    if as_json:
        emit_json([v.to_json() for v in views])
    else:
        print_suspicions(views)


@suspicion_app.command("show", help=t("suspicion.cli.show.help"))
def suspicion_show(ctx: typer.Context, suspicion: IdArg, as_json: JsonOpt = False) -> None:
    from auditdesk.services.checks import get_suspicion

    view = get_suspicion(context(ctx), suspicion)
    emit_json(view.to_json()) if as_json else print_suspicion(view)


@suspicion_app.command("confirm", help=t("suspicion.cli.confirm.help"))
def suspicion_confirm(
    ctx: typer.Context,
    suspicion: IdArg,
    category: Annotated[str | None, typer.Option("--category", help=t("suspicion.cli.opt.category"))] = None,
    title: Annotated[str | None, typer.Option("--title", help=t("suspicion.cli.opt.title"))] = None,
    amount: Annotated[str | None, typer.Option("--amount", help=t("suspicion.cli.opt.amount"))] = None,
    note: Annotated[str, typer.Option("--note", help=t("suspicion.cli.opt.note"))] = "",
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.checks import confirm_suspicion

    finding = confirm_suspicion(
        context(ctx), suspicion, category=category, title=title, amount=amount, note=note
    )
    if as_json:
        emit_json(finding.to_json())
    else:
        say(
            t(
                "suspicion.cli.confirmed",
                id=suspicion,
                code=finding.code,
                finding=finding.id,
                category=finding.category,
                title=finding.title,
                amount=format_thousands(finding.amount),
            )
        )


@suspicion_app.command("dismiss", help=t("suspicion.cli.dismiss.help"))
def suspicion_dismiss(
    ctx: typer.Context,
    suspicion: IdArg,
    reason: Annotated[str, typer.Option("--reason", help=t("suspicion.cli.opt.reason"))],
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.checks import dismiss_suspicion

    view = dismiss_suspicion(context(ctx), suspicion, reason)
    emit_json(view.to_json()) if as_json else say(
        t("suspicion.cli.dismissed", id=view.id, reason=view.reason)
    )

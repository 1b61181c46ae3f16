"""``auditdesk register ...``: the rectification register (问题台账) — list, show, add, edit, move
findings through their lifecycle, the due list, the statistics, and the workbook round trip with
the audited unit. ``ID`` is a finding's number (``2025-03-07``) or its numeric id."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from auditdesk.cli.checks import JsonOpt, context
from auditdesk.cli.output import emit_json, say, table, warn
from auditdesk.core.money import format_thousands
from auditdesk.i18n import t

if TYPE_CHECKING:
    from auditdesk.services.register_views import FindingDetail, RegisterItem

register_app = typer.Typer(help=t("register.cli.help"), no_args_is_help=True, rich_markup_mode=None)

IdArg = Annotated[str, typer.Argument(metavar="ID", help=t("register.cli.arg.id"))]
EngagementOpt = Annotated[str | None, typer.Option("--engagement", help=t("register.cli.opt.engagement"))]
UnitOpt = Annotated[str | None, typer.Option("--unit", help=t("check.cli.opt.unit"))]


def _day(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise typer.BadParameter(t("cli.bad_date", value=text), param_hint=option) from None


def print_items(items: list[RegisterItem]) -> None:
    if not items:
        say(t("register.cli.none"))
        return
    rows = []
    for i in items:
        flag = t("register.cli.overdue_days", days=i.days_overdue) if i.overdue else ""
        if i.repeat:
            flag = (flag + " " + t("register.repeat")).strip()
        rows.append(
            [
                i.code,
                i.unit,
                i.category,
                i.title[:28],
                format_thousands(i.amount),
                i.status_label,
                i.deadline.isoformat() if i.deadline else "—",
                flag,
            ]
        )
    say(
        table(
            [
                t("register.cli.col.code"),
                t("register.cli.col.unit"),
                t("register.cli.col.category"),
                t("register.cli.col.title"),
                t("register.cli.col.amount"),
                t("register.cli.col.status"),
                t("register.cli.col.deadline"),
                "",
            ],
            rows,
            right={4},
        )
    )


def print_detail(d: FindingDetail) -> None:
    i = d.item
    say(t("register.cli.head", code=i.code, title=i.title, status=i.status_label))
    say(t("register.cli.where", unit=i.unit, engagement=i.engagement, year=i.year, category=i.category))
    say(
        t(
            "register.cli.amount",
            amount=format_thousands(i.amount),
            deadline=i.deadline.isoformat() if i.deadline else "—",
        )
    )
    for key, value in (
        ("facts", d.facts),
        ("basis", d.basis),
        ("cause", d.cause),
        ("recommendation", d.recommendation),
        ("responsible", d.responsible),
        ("measures", d.measures),
        ("progress", d.progress),
    ):
        if value:
            say(f"{t(f'register.field.{key}')}：{value}")
    if i.overdue:
        warn(t("register.cli.overdue_days", days=i.days_overdue))
    say(
        t(
            "register.cli.allowed",
            moves="、".join(t(s.label_key) + f"（{s.value}）" for s in d.allowed) or "—",
        )
    )
    for e in d.events:
        before = t(f"register.status.{e.from_status}") if e.from_status else "—"
        after = t(f"register.status.{e.to_status}")
        moved = after if e.from_status == e.to_status else f"{before} → {after}"
        proof = f"  [{e.evidence}]" if e.evidence else ""
        when = (e.at if e.at.tzinfo else e.at.replace(tzinfo=dt.UTC)).astimezone()
        say(f"  {when:%Y-%m-%d %H:%M}  {e.who}  {moved}  {e.note}{proof}")


@register_app.command("list", help=t("register.cli.list.help"))
def register_list(
    ctx: typer.Context,
    engagement: EngagementOpt = None,
    unit: UnitOpt = None,
    status: Annotated[str | None, typer.Option("--status", help=t("register.cli.opt.status"))] = None,
    category: Annotated[str | None, typer.Option("--category", help=t("register.cli.opt.category"))] = None,
    year: Annotated[int | None, typer.Option("--year", help=t("register.cli.opt.year"))] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help=t("register.cli.opt.overdue"))] = False,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.register import list_register

    items = list_register(
        context(ctx),
        engagement=engagement,
        unit=unit,
        status=status,
        category=category,
        year=year,
        overdue=overdue,
    )
    emit_json([i.to_json() for i in items]) if as_json else print_items(items)


@register_app.command("show", help=t("register.cli.show.help"))
def register_show(ctx: typer.Context, finding: IdArg, as_json: JsonOpt = False) -> None:
    from auditdesk.services.register import get_finding

    d = get_finding(context(ctx), finding)
    emit_json(d.to_json()) if as_json else print_detail(d)


@register_app.command("add", help=t("register.cli.add.help"))
def register_add(
    ctx: typer.Context,
    engagement: Annotated[str, typer.Argument(metavar="E", help=t("engagement.cli.arg.e"))],
    category: Annotated[str, typer.Option("--category", help=t("register.cli.opt.category"))],
    title: Annotated[str, typer.Option("--title", help=t("register.field.title"))],
    amount: Annotated[str | None, typer.Option("--amount", help=t("register.field.amount_fen"))] = None,
    deadline: Annotated[str | None, typer.Option("--deadline", help=t("register.cli.opt.date"))] = None,
    facts: Annotated[str, typer.Option("--facts", help=t("register.field.facts"))] = "",
    basis: Annotated[str, typer.Option("--basis", help=t("register.field.basis"))] = "",
    cause: Annotated[str, typer.Option("--cause", help=t("register.field.cause"))] = "",
    recommendation: Annotated[
        str, typer.Option("--recommendation", help=t("register.field.recommendation"))
    ] = "",
    responsible: Annotated[str, typer.Option("--responsible", help=t("register.field.responsible"))] = "",
    year: Annotated[int | None, typer.Option("--year", help=t("check.cli.opt.year"))] = None,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.register import add_finding

    d = add_finding(
        context(ctx),
        engagement,
        category=category,
        title=title,
        amount=amount,
        year=year,
        facts=facts,
        basis=basis,
        cause=cause,
        recommendation=recommendation,
        responsible=responsible,
        deadline=_day(deadline, "--deadline"),
    )
    emit_json(d.to_json()) if as_json else say(t("register.cli.added", code=d.item.code, title=d.item.title))


@register_app.command("edit", help=t("register.cli.edit.help"))
def register_edit(
    ctx: typer.Context,
    finding: IdArg,
    category: Annotated[str | None, typer.Option("--category", help=t("register.cli.opt.category"))] = None,
    title: Annotated[str | None, typer.Option("--title", help=t("register.field.title"))] = None,
    amount: Annotated[str | None, typer.Option("--amount", help=t("register.field.amount_fen"))] = None,
    deadline: Annotated[str | None, typer.Option("--deadline", help=t("register.cli.opt.date"))] = None,
    facts: Annotated[str | None, typer.Option("--facts", help=t("register.field.facts"))] = None,
    basis: Annotated[str | None, typer.Option("--basis", help=t("register.field.basis"))] = None,
    cause: Annotated[str | None, typer.Option("--cause", help=t("register.field.cause"))] = None,
    recommendation: Annotated[
        str | None, typer.Option("--recommendation", help=t("register.field.recommendation"))
    ] = None,
    responsible: Annotated[
        str | None, typer.Option("--responsible", help=t("register.field.responsible"))
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.register import edit_finding

    d = edit_finding(
        context(ctx),
        finding,
        category=category,
        title=title,
        amount=amount,
        deadline=_day(deadline, "--deadline"),
        facts=facts,
        basis=basis,
        cause=cause,
        recommendation=recommendation,
        responsible=responsible,
    )
    emit_json(d.to_json()) if as_json else print_detail(d)


@register_app.command("move", help=t("register.cli.move.help"))
def register_move(
    ctx: typer.Context,
    finding: IdArg,
    status: Annotated[str, typer.Argument(metavar="STATUS", help=t("register.cli.arg.status"))],
    note: Annotated[str, typer.Option("--note", help=t("register.cli.opt.note"))] = "",
    deadline: Annotated[str | None, typer.Option("--deadline", help=t("register.cli.opt.deadline"))] = None,
    approver: Annotated[str | None, typer.Option("--approver", help=t("register.cli.opt.approver"))] = None,
    evidence: Annotated[Path | None, typer.Option("--evidence", help=t("register.cli.opt.evidence"))] = None,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.register import move_finding

    d = move_finding(
        context(ctx),
        finding,
        status,
        note=note,
        deadline=_day(deadline, "--deadline"),
        approver=approver,
        evidence=evidence,
    )
    if as_json:
        emit_json(d.to_json())
    else:
        say(
            t(
                "register.cli.moved",
                code=d.item.code,
                status=d.item.status_label,
                deadline=d.item.deadline.isoformat() if d.item.deadline else "—",
            )
        )


@register_app.command("due", help=t("register.cli.due.help"))
def register_due(
    ctx: typer.Context,
    within: Annotated[int, typer.Option("--within", help=t("register.cli.opt.within"))] = 30,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.register import due_findings

    items = due_findings(context(ctx), within)
    emit_json([i.to_json() for i in items]) if as_json else print_items(items)


@register_app.command("stats", help=t("register.cli.stats.help"))
def register_stats_cmd(
    ctx: typer.Context,
    year: Annotated[int | None, typer.Option("--year", help=t("register.cli.opt.year"))] = None,
    unit: UnitOpt = None,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.register import register_stats

    view = register_stats(context(ctx), year=year, unit=unit)
    if as_json:
        emit_json(view.to_json())
        return
    say(view.sentence)
    rows = [[c, str(n), format_thousands(a)] for c, n, a in view.stats.by_category if n]
    if rows:
        say(
            table(
                [t("register.cli.col.category"), t("register.cli.col.count"), t("register.cli.col.amount")],
                rows,
                right={1, 2},
            )
        )
    if len(view.by_unit) > 1:
        rows = [
            [u, str(s.findings), format_thousands(s.amount), str(s.rectified), f"{s.rate}%"]
            for u, s in view.by_unit
        ]
        say(
            table(
                [
                    t("register.cli.col.unit"),
                    t("register.cli.col.count"),
                    t("register.cli.col.amount"),
                    t("register.cli.col.rectified"),
                    t("register.cli.col.rate"),
                ],
                rows,
                right={1, 2, 3, 4},
            )
        )
    if view.repeats:
        say(t("register.cli.repeats", count=view.repeats))


@register_app.command("export", help=t("register.cli.export.help"))
def register_export(
    ctx: typer.Context,
    target: Annotated[
        list[str], typer.Argument(metavar="(E | --unit NAME) FILE.xlsx", help=t("register.cli.arg.file"))
    ],
    unit: UnitOpt = None,
    open_only: Annotated[bool, typer.Option("--open-only", help=t("register.cli.opt.open_only"))] = False,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.register_exchange import export_register

    if len(target) == 2 and unit is None:
        engagement, file = target
    elif len(target) == 1 and unit is not None:
        engagement, file = None, target[0]
    else:
        raise typer.BadParameter(t("register.export_target"), param_hint="E | --unit")
    result = export_register(context(ctx), Path(file), engagement=engagement, unit=unit, open_only=open_only)
    if as_json:
        emit_json(result.to_json())
    else:
        say(t("register.cli.exported", count=result.findings, path=result.path, sha=result.sha256[:16]))


@register_app.command("import", help=t("register.cli.import.help"))
def register_import(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE.xlsx", help=t("register.cli.arg.file"))],
    yes: Annotated[bool, typer.Option("--yes", help=t("register.cli.opt.yes"))] = False,
    as_json: JsonOpt = False,
) -> None:
    import sys

    from auditdesk.services.register_exchange import apply_register_import, preview_register_import

    preview = preview_register_import(context(ctx), file)
    if not as_json:
        if not preview.changes:
            say(t("register.cli.no_changes", file=preview.file, rows=preview.rows))
        for change in preview.changes:
            say(
                t(
                    "register.cli.change",
                    code=change.code,
                    title=change.title,
                    before=t(change.status_before.label_key),
                    after=t(change.status_after.label_key),
                )
            )
            for column, before, after in change.changed:
                say(f"    {column}：{before or '—'} → {after or '—'}")
    if not preview.changes:
        if as_json:
            emit_json({"status": "unchanged", **preview.to_json()})
        return
    if not yes:
        if (
            as_json
            or not sys.stdin.isatty()
            or not typer.confirm(t("register.cli.confirm", count=len(preview.changes)))
        ):
            if as_json:
                emit_json({"status": "preview", **preview.to_json()})
            else:
                warn(t("register.cli.need_yes"))
            raise typer.Exit(1)
    applied = apply_register_import(context(ctx), file, preview.sha256)
    if as_json:
        emit_json({"status": "applied", **applied.to_json()})
    else:
        say(t("register.cli.applied", count=len(applied.changes)))

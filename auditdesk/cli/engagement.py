"""``auditdesk engagement ...``: list, show, edit and advance audits (审计项目). ``E`` is an
engagement's numeric id or its reference number."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from auditdesk.cli import output
from auditdesk.cli.output import emit_json, say
from auditdesk.i18n import t

if TYPE_CHECKING:
    from auditdesk.services.context import Context
    from auditdesk.services.engagements import EngagementView, StepView

engagement_app = typer.Typer(help=t("engagement.cli.help"), no_args_is_help=True, rich_markup_mode=None)

JsonOpt = Annotated[bool, typer.Option("--json", help=t("cli.opt.json"))]
EngagementArg = Annotated[str, typer.Argument(metavar="E", help=t("engagement.cli.arg.e"))]


def _context(ctx: typer.Context) -> Context:
    """The root command's options (``auditdesk.cli.app.Options``) open the database."""
    context: Context = ctx.find_root().obj.context()
    return context


def parse_day(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise typer.BadParameter(t("cli.bad_date", value=text), param_hint=option) from None


def parse_years(text: str | None, option: str) -> list[int] | None:
    """``2024,2025`` (or ``2024，2025``, ``2024 2025``) as years."""
    if text is None:
        return None
    parts = [p for p in text.replace("，", ",").replace("、", ",").replace(" ", ",").split(",") if p]
    if not parts or not all(p.isdigit() for p in parts):
        raise typer.BadParameter(t("engagement.cli.bad_years", value=text), param_hint=option)
    return [int(p) for p in parts]


def _milestones(specs: list[str] | None) -> dict[str, dt.date] | None:
    if not specs:
        return None
    dates: dict[str, dt.date] = {}
    for spec in specs:
        name, sep, value = spec.partition("=")
        day = None
        if sep:
            try:
                day = dt.date.fromisoformat(value.strip())
            except ValueError:
                day = None
        if day is None or not name.strip():
            raise typer.BadParameter(t("engagement.cli.bad_milestone", spec=spec), param_hint="--milestone")
        dates[name.strip()] = day
    return dates


def _team(view: EngagementView) -> str:
    lead = view.lead or t("engagement.cli.none_set")
    members = t("plan.list.sep").join(view.members) or t("engagement.cli.none_set")
    return t("engagement.cli.team", lead=lead, members=members)


def print_engagement(view: EngagementView, steps: list[StepView]) -> None:
    from auditdesk.services.engagement_views import milestone_label

    say(t("engagement.cli.title", reference=view.reference, unit=view.unit, id=view.id))
    say(t("engagement.cli.stage", stage=t(view.stage.label_key)))
    say(t("engagement.cli.period", years="、".join(str(y) for y in view.years)))
    say(_team(view))
    say(t("engagement.cli.scope", scope=view.scope))
    say(t("engagement.cli.areas", count=len(view.key_areas)))
    for area in view.key_areas:
        say(f"  · {t(f'engagement.area.{area}')} ({area})")
    say(t("engagement.cli.milestones"))
    for name, day in view.milestones.items():
        say(f"  {day.isoformat()}  {milestone_label(name)} ({name})")
    say(t("engagement.cli.documents", count=len(view.documents)))
    for doc in view.documents:
        say(f"  {doc.kind} v{doc.version}  {doc.file_name}  {doc.who}  {doc.at:%Y-%m-%d %H:%M}")
    say(t("engagement.cli.steps"))
    for step in steps:
        say(f"  [{t(f'engagement.cli.state.{step.state}')}] {t(step.stage.label_key)}")
        for need in step.unmet:
            say(f"      - {need}")


def _day(day: dt.date | None) -> str:
    return "" if day is None else day.isoformat()


def print_list(views: list[EngagementView]) -> None:
    if not views:
        say(t("engagement.cli.none"))
        return
    headers = [t("cli.col.id"), t("plan.cli.col.reference"), t("plan.cli.col.unit"),
               t("engagement.cli.col.years"), t("engagement.cli.col.stage"), t("engagement.cli.col.lead"),
               t("engagement.cli.col.start")]
    rows = [
        [str(v.id), v.reference, v.unit, ",".join(str(y) for y in v.years), t(v.stage.label_key),
         v.lead or "", _day(v.milestones.get("fieldwork_start"))]
        for v in views
    ]
    say(output.table(headers, rows, right={0}))


@engagement_app.command("list", help=t("engagement.cli.list.help"))
def engagement_list(
    ctx: typer.Context,
    year: Annotated[int | None, typer.Option("--year", help=t("engagement.cli.opt.year"))] = None,
    unit: Annotated[str | None, typer.Option("--unit", help=t("cli.opt.unit"))] = None,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.engagements import list_engagements

    views = list_engagements(_context(ctx), year=year, unit=unit)
    emit_json([v.to_json() for v in views]) if as_json else print_list(views)


@engagement_app.command("show", help=t("engagement.cli.show.help"))
def engagement_show(ctx: typer.Context, engagement: EngagementArg, as_json: JsonOpt = False) -> None:
    from auditdesk.services.engagements import get_engagement, stage_overview

    context = _context(ctx)
    view = get_engagement(context, engagement)
    steps = stage_overview(context, view.id)
    if as_json:
        emit_json({**view.to_json(), "steps": [s.to_json() for s in steps]})
    else:
        print_engagement(view, steps)


@engagement_app.command("edit", help=t("engagement.cli.edit.help"))
def engagement_edit(
    ctx: typer.Context,
    engagement: EngagementArg,
    lead: Annotated[str | None, typer.Option("--lead", help=t("engagement.cli.opt.lead"))] = None,
    member: Annotated[list[str] | None, typer.Option("--member", help=t("engagement.cli.opt.member"))] = None,
    scope: Annotated[str | None, typer.Option("--scope", help=t("engagement.cli.opt.scope"))] = None,
    area: Annotated[list[str] | None, typer.Option("--area", help=t("engagement.cli.opt.area"))] = None,
    years: Annotated[str | None, typer.Option("--years", help=t("engagement.cli.opt.years"))] = None,
    milestone: Annotated[
        list[str] | None, typer.Option("--milestone", help=t("engagement.cli.opt.milestone"))
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.engagements import edit_engagement

    view = edit_engagement(
        _context(ctx), engagement, lead=lead, members=member, scope=scope, key_areas=area,
        years=parse_years(years, "--years"), milestones=_milestones(milestone),
    )
    emit_json(view.to_json()) if as_json else say(t("engagement.cli.edited", reference=view.reference))


@engagement_app.command("advance", help=t("engagement.cli.advance.help"))
def engagement_advance(ctx: typer.Context, engagement: EngagementArg, as_json: JsonOpt = False) -> None:
    from auditdesk.services.engagements import advance_engagement

    result = advance_engagement(_context(ctx), engagement)
    if as_json:
        emit_json(result.to_json())
    elif result.moved:
        assert result.to_stage is not None
        say(t("engagement.cli.moved", reference=result.engagement.reference,
              before=t(result.from_stage.label_key), after=t(result.to_stage.label_key)))
    else:
        target = t(result.to_stage.label_key) if result.to_stage else "—"
        output.warn(t("engagement.cli.refused", reference=result.engagement.reference, target=target))
        for need in result.unmet:
            output.warn(f"  - {need}")
    if not result.moved:
        raise typer.Exit(1)


def notice_cmd(
    ctx: typer.Context,
    engagement: EngagementArg,
    out: Annotated[Path | None, typer.Option("--out", help=t("notice.cli.out"))] = None,
    as_json: JsonOpt = False,
) -> None:
    """Issue the audit notice: write the .docx and .md and record them (``auditdesk notice E``)."""
    from auditdesk.services.notice import issue_notice

    issued = issue_notice(_context(ctx), engagement, out_dir=out)
    if as_json:
        emit_json(issued.to_json())
        return
    say(t("notice.issued", reference=issued.reference, unit=issued.unit))
    for doc in issued.documents:
        say(t("notice.file", path=doc.path, version=doc.version, sha256=doc.sha256))
    if issued.late:
        say(t("notice.late"))

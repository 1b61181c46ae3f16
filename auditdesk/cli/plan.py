"""``auditdesk plan ...``: the annual audit plan: propose, approve (creating engagements), show."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from auditdesk.cli import output
from auditdesk.cli.output import emit_json, say
from auditdesk.i18n import t

if TYPE_CHECKING:
    from auditdesk.services.context import Context
    from auditdesk.services.plan import ApprovedPlan, PlanProposal

plan_app = typer.Typer(help=t("plan.cli.help"), no_args_is_help=True, rich_markup_mode=None)

JsonOpt = Annotated[bool, typer.Option("--json", help=t("cli.opt.json"))]
YearOpt = Annotated[int, typer.Option("--year", help=t("plan.cli.opt.year"))]
SizeOpt = Annotated[int | None, typer.Option("--size", min=0, help=t("plan.cli.opt.size"))]


def _context(ctx: typer.Context) -> Context:
    """The root command's options (``auditdesk.cli.app.Options``) open the database."""
    options = ctx.find_root().obj
    context: Context = options.context()
    return context


def print_proposal(proposal: PlanProposal) -> None:
    from auditdesk.services.plan import render_reason, weight_lines

    if not proposal.candidates:
        say(t("plan.cli.none"))
    else:
        say(t("plan.cli.heading", year=proposal.year, count=len(proposal.candidates), size=proposal.size))
        headers = [t("plan.cli.col.rank"), t("plan.cli.col.unit"), t("plan.cli.col.score"),
                   t("plan.cli.col.selected"), t("plan.cli.col.reasons")]
        rows = [
            [str(rank), c.unit.name, str(c.score), t("plan.mark.selected") if c.selected else "",
             t("plan.reasons.sep").join(render_reason(r) for r in c.reasons)]
            for rank, c in enumerate(proposal.candidates, start=1)
        ]
        say(output.table(headers, rows, right={0, 2}))
    say()
    say(t("plan.cli.weights", profile=proposal.weights.profile, file=str(proposal.weights_file)))
    for line in weight_lines(proposal.weights):
        say("  " + line)


@plan_app.command("propose", help=t("plan.cli.propose.help"))
def plan_propose(ctx: typer.Context, year: YearOpt, size: SizeOpt = None, as_json: JsonOpt = False) -> None:
    from auditdesk.services.plan import propose_plan

    proposal = propose_plan(_context(ctx), year, size)
    if as_json:
        emit_json(proposal.to_json())
    else:
        print_proposal(proposal)


@plan_app.command("show", help=t("plan.cli.show.help"))
def plan_show(ctx: typer.Context, year: YearOpt, as_json: JsonOpt = False) -> None:
    from auditdesk.services.plan import ApprovedPlan, proposal_json, show_plan

    shown = show_plan(_context(ctx), year)
    if isinstance(shown, ApprovedPlan):
        emit_json(shown.to_json()) if as_json else print_approved(shown)
        return
    if as_json:
        emit_json(proposal_json(shown))
        return
    say(t("plan.cli.not_approved", year=year))
    print_proposal(shown)


def print_approved(plan: ApprovedPlan) -> None:
    say(t("plan.cli.approved", year=plan.year, who=plan.approved_by,
          when=f"{plan.approved_at:%Y-%m-%d %H:%M}", count=len(plan.selected)))
    headers = [t("plan.cli.col.rank"), t("plan.cli.col.unit"), t("plan.cli.col.score"),
               t("plan.cli.col.selected"), t("plan.cli.col.reference"), t("plan.cli.col.reasons")]
    rows = [
        [str(i.rank), i.unit, str(i.score), t("plan.mark.selected") if i.selected else "", i.reference or "",
         t("plan.reasons.sep").join(i.reasons)]
        for i in plan.items
    ]
    say(output.table(headers, rows, right={0, 2}))
    say()
    say(t("plan.cli.weights", profile=t("plan.cli.stored_weights"), file=plan.weights_file))
    for key, value in plan.weights.items():
        shown = t("plan.list.sep").join(str(v) for v in value) if isinstance(value, list) else str(value)
        say("  " + t("plan.weight.line", label=t(f"plan.weight.{key}"), value=shown))


@plan_app.command("approve", help=t("plan.cli.approve.help"))
def plan_approve(
    ctx: typer.Context,
    year: YearOpt,
    add: Annotated[list[str] | None, typer.Option("--add", help=t("plan.cli.opt.add"))] = None,
    drop: Annotated[list[str] | None, typer.Option("--drop", help=t("plan.cli.opt.drop"))] = None,
    start: Annotated[
        str | None, typer.Option("--start", metavar="DATE", help=t("plan.cli.opt.start"))
    ] = None,
    size: SizeOpt = None,
    period: Annotated[str | None, typer.Option("--period", help=t("plan.cli.opt.period"))] = None,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.cli.engagement import parse_day, parse_years, print_list
    from auditdesk.services.plan import approve_plan

    plan = approve_plan(
        _context(ctx), year, add=add or (), drop=drop or (), start=parse_day(start, "--start"), size=size,
        period=parse_years(period, "--period"),
    )
    if as_json:
        emit_json(plan.to_json())
        return
    print_approved(plan)
    say()
    say(t("plan.cli.engagements"))
    print_list(list(plan.engagements))

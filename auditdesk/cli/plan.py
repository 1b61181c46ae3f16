"""``auditdesk plan ...``: the annual audit plan's proposal (approval comes with engagements)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from auditdesk.cli import output
from auditdesk.cli.output import emit_json, say
from auditdesk.i18n import t

if TYPE_CHECKING:
    from auditdesk.services.context import Context
    from auditdesk.services.plan import PlanProposal

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
    from auditdesk.services.plan import propose_plan

    proposal = propose_plan(_context(ctx), year)
    if as_json:
        emit_json({**proposal.to_json(), "status": "proposed", "approved": False})
        return
    say(t("plan.cli.not_approved", year=year))
    print_proposal(proposal)

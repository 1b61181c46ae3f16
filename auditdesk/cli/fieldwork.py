"""``auditdesk sample|paper|evidence ...``: samples and their test results, working papers and
their sign-off, evidence files and what they stand behind."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from auditdesk.cli.checks import JsonOpt, context
from auditdesk.cli.output import emit_json, say, table, warn
from auditdesk.core.money import format_thousands
from auditdesk.i18n import t

if TYPE_CHECKING:
    from auditdesk.services.papers import PaperView
    from auditdesk.services.sampling import SampleView

sample_app = typer.Typer(help=t("sample.cli.help"), no_args_is_help=True, rich_markup_mode=None)
paper_app = typer.Typer(help=t("paper.cli.help"), no_args_is_help=True, rich_markup_mode=None)
evidence_app = typer.Typer(help=t("evidence.cli.help"), no_args_is_help=True, rich_markup_mode=None)

EngagementArg = Annotated[str, typer.Argument(metavar="E", help=t("engagement.cli.arg.e"))]
SampleArg = Annotated[int, typer.Argument(metavar="SAMPLE", help=t("sample.cli.arg.id"))]
PaperArg = Annotated[int, typer.Argument(metavar="PAPER", help=t("paper.cli.arg.id"))]
RESULT_WORDS = {"pass": "pass", "符合": "pass", "fail": "fail", "不符合": "fail"}


def print_sample(view: SampleView) -> None:
    say(
        t(
            "sample.cli.head",
            id=view.id,
            method=t(f"sample.method.{view.method}"),
            size=view.size,
            seed=view.seed,
            unit=view.unit,
            year=view.year,
        )
    )
    say(
        t(
            "sample.cli.population",
            count=view.population_size,
            amount=format_thousands(view.population_amount),
            sha=view.population_digest[:16],
        )
    )
    rows = []
    for item in view.items:
        e = item.entry
        rows.append(
            [
                str(item.position),
                t(f"sampling.stratum.{item.stratum}")
                if item.stratum in ("top", "interval")
                else item.stratum or "—",
                e.date.isoformat() if e else "—",
                (e.voucher if e else "") or "—",
                (e.summary if e else "")[:30],
                format_thousands(item.amount),
                t(f"sample.result.{item.result}") if item.result else t("sample.result.none"),
                item.note,
            ]
        )
    say(
        table(
            [
                t("sample.cli.col.position"),
                t("sample.cli.col.stratum"),
                t("check.cli.col.date"),
                t("check.cli.col.voucher"),
                t("check.cli.col.summary"),
                t("check.cli.col.amount"),
                t("sample.cli.col.result"),
                t("sample.cli.col.note"),
            ],
            rows,
            right={0, 5},
        )
    )
    say(t("sample.cli.tested", tested=view.tested, total=len(view.items), exceptions=view.exceptions))


@sample_app.command("draw", help=t("sample.cli.draw.help"))
def sample_draw(
    ctx: typer.Context,
    engagement: EngagementArg,
    method: Annotated[str, typer.Option("--method", help=t("sample.cli.opt.method"))],
    size: Annotated[int, typer.Option("--size", help=t("sample.cli.opt.size"))],
    seed: Annotated[int, typer.Option("--seed", help=t("sample.cli.opt.seed"))],
    year: Annotated[int | None, typer.Option("--year", help=t("check.cli.opt.year"))] = None,
    population: Annotated[
        str, typer.Option("--population", help=t("sample.cli.opt.population"))
    ] = "spending",
    account: Annotated[str | None, typer.Option("--account", help=t("sample.cli.opt.account"))] = None,
    min_amount: Annotated[str | None, typer.Option("--min-amount", help=t("sample.cli.opt.min"))] = None,
    bounds: Annotated[str | None, typer.Option("--bounds", help=t("sample.cli.opt.bounds"))] = None,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.sampling import draw_sample

    cuts = tuple(b for b in (bounds or "").replace("，", ",").split(",") if b.strip())
    view = draw_sample(
        context(ctx),
        engagement,
        method=method,
        size=size,
        seed=seed,
        year=year,
        population=population,
        account=account,
        min_amount=min_amount,
        bounds=cuts,
    )
    emit_json(view.to_json()) if as_json else print_sample(view)


@sample_app.command("list", help=t("sample.cli.list.help"))
def sample_list(ctx: typer.Context, engagement: EngagementArg, as_json: JsonOpt = False) -> None:
    from auditdesk.services.sampling import list_samples

    views = list_samples(context(ctx), engagement)
    if as_json:
        emit_json([v.to_json() for v in views])
        return
    rows = [
        [
            str(v.id),
            t(f"sample.method.{v.method}"),
            str(v.year),
            str(len(v.items)),
            str(v.seed),
            f"{v.tested}/{len(v.items)}",
            str(v.exceptions),
            v.who,
        ]
        for v in views
    ]
    say(
        table(
            [
                t("check.cli.col.id"),
                t("sample.cli.col.method"),
                t("sample.cli.col.year"),
                t("sample.cli.col.items"),
                t("sample.cli.col.seed"),
                t("sample.cli.col.tested"),
                t("sample.cli.col.exceptions"),
                t("sample.cli.col.who"),
            ],
            rows,
            right={0, 3, 4, 6},
        )
    )


@sample_app.command("show", help=t("sample.cli.show.help"))
def sample_show(ctx: typer.Context, sample: SampleArg, as_json: JsonOpt = False) -> None:
    from auditdesk.services.sampling import get_sample

    view = get_sample(context(ctx), sample)
    emit_json(view.to_json()) if as_json else print_sample(view)


@sample_app.command("record", help=t("sample.cli.record.help"))
def sample_record(
    ctx: typer.Context,
    sample: SampleArg,
    position: Annotated[int, typer.Argument(metavar="N", help=t("sample.cli.arg.position"))],
    result: Annotated[str, typer.Option("--result", help=t("sample.cli.opt.result"))],
    note: Annotated[str, typer.Option("--note", help=t("sample.cli.opt.note"))] = "",
    raise_suspicion: Annotated[bool, typer.Option("--raise", help=t("sample.cli.opt.raise"))] = False,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.sampling import record_result

    outcome = RESULT_WORDS.get(result.strip().lower(), result)
    item = record_result(context(ctx), sample, position, outcome, note=note, raise_suspicion=raise_suspicion)
    if as_json:
        emit_json(item.to_json())
        return
    say(t("sample.cli.recorded", position=item.position, result=t(f"sample.result.{item.result}")))
    if item.suspicion_id is not None:
        say(t("sample.cli.raised", id=item.suspicion_id))


@sample_app.command("verify", help=t("sample.cli.verify.help"))
def sample_verify(ctx: typer.Context, sample: SampleArg, as_json: JsonOpt = False) -> None:
    from auditdesk.services.sampling import verify_sample

    check = verify_sample(context(ctx), sample)
    if as_json:
        emit_json(
            {
                "id": check.sample_id,
                "redraw_matches": check.redraw_matches,
                "population_unchanged": check.population_unchanged,
                "population_sha256": check.stored_digest,
                "current_sha256": check.current_digest,
            }
        )
    else:
        say(t("sample.cli.redraw_ok" if check.redraw_matches else "sample.cli.redraw_bad", id=sample))
        say(t("sample.cli.population_ok" if check.population_unchanged else "sample.cli.population_changed"))
    if not (check.redraw_matches and check.population_unchanged):
        raise typer.Exit(1)


# -- working papers ---------------------------------------------------------------------------------


def _text_opt(name: str) -> object:
    return typer.Option(f"--{name}", help=t(f"paper.field.{name}"))


def print_paper(view: PaperView) -> None:
    say(t("paper.cli.head", index=view.index_no, title=view.title, area=view.area, state=view.state_label))
    for name in ("objective", "procedure", "examined", "result", "conclusion"):
        say(f"{t(f'paper.field.{name}')}：{getattr(view, name) or '—'}")
    say(t("paper.cli.signed", preparer=view.preparer or "—", reviewer=view.reviewer or "—"))
    if view.missing:
        warn(t("paper.cli.missing", fields="、".join(view.missing)))


@paper_app.command("add", help=t("paper.cli.add.help"))
def paper_add(
    ctx: typer.Context,
    engagement: EngagementArg,
    area: Annotated[str, _text_opt("area")],
    title: Annotated[str, _text_opt("title")],
    objective: Annotated[str, _text_opt("objective")] = "",
    procedure: Annotated[str, _text_opt("procedure")] = "",
    examined: Annotated[str, _text_opt("examined")] = "",
    result: Annotated[str, _text_opt("result")] = "",
    conclusion: Annotated[str, _text_opt("conclusion")] = "",
    index_no: Annotated[str | None, typer.Option("--index", help=t("paper.cli.opt.index"))] = None,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.papers import add_paper

    view = add_paper(
        context(ctx),
        engagement,
        area=area,
        title=title,
        index_no=index_no,
        objective=objective,
        procedure=procedure,
        examined=examined,
        result=result,
        conclusion=conclusion,
    )
    emit_json(view.to_json()) if as_json else say(t("paper.cli.added", id=view.id, index=view.index_no))


@paper_app.command("edit", help=t("paper.cli.edit.help"))
def paper_edit(
    ctx: typer.Context,
    paper: PaperArg,
    area: Annotated[str | None, _text_opt("area")] = None,
    title: Annotated[str | None, _text_opt("title")] = None,
    objective: Annotated[str | None, _text_opt("objective")] = None,
    procedure: Annotated[str | None, _text_opt("procedure")] = None,
    examined: Annotated[str | None, _text_opt("examined")] = None,
    result: Annotated[str | None, _text_opt("result")] = None,
    conclusion: Annotated[str | None, _text_opt("conclusion")] = None,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.papers import edit_paper

    view = edit_paper(
        context(ctx),
        paper,
        area=area,
        title=title,
        objective=objective,
        procedure=procedure,
        examined=examined,
        result=result,
        conclusion=conclusion,
    )
    emit_json(view.to_json()) if as_json else print_paper(view)


@paper_app.command("sign", help=t("paper.cli.sign.help"))
def paper_sign(
    ctx: typer.Context,
    paper: PaperArg,
    role: Annotated[str, typer.Option("--as", help=t("paper.cli.opt.role"))],
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.papers import sign_paper

    view = sign_paper(context(ctx), paper, {"编制": "prepare", "复核": "review"}.get(role, role))
    emit_json(view.to_json()) if as_json else say(
        t("paper.cli.signed_now", index=view.index_no, state=view.state_label)
    )


@paper_app.command("list", help=t("paper.cli.list.help"))
def paper_list(ctx: typer.Context, engagement: EngagementArg, as_json: JsonOpt = False) -> None:
    from auditdesk.services.papers import list_papers

    views = list_papers(context(ctx), engagement)
    if as_json:
        emit_json([v.to_json() for v in views])
        return
    rows = [
        [str(v.id), v.index_no, v.area, v.title, v.state_label, v.preparer or "—", v.reviewer or "—"]
        for v in views
    ]
    say(
        table(
            [
                t("check.cli.col.id"),
                t("paper.cli.col.index"),
                t("paper.field.area"),
                t("paper.field.title"),
                t("paper.cli.col.state"),
                t("paper.cli.col.preparer"),
                t("paper.cli.col.reviewer"),
            ],
            rows,
        )
    )


@paper_app.command("show", help=t("paper.cli.show.help"))
def paper_show(ctx: typer.Context, paper: PaperArg, as_json: JsonOpt = False) -> None:
    from auditdesk.services.papers import get_paper

    view = get_paper(context(ctx), paper)
    emit_json(view.to_json()) if as_json else print_paper(view)


# -- evidence ---------------------------------------------------------------------------------------

LinkOpt = Annotated[list[int] | None, typer.Option()]


def _links(**given: list[int] | None) -> tuple[tuple[str, int], ...]:
    return tuple((target, i) for target, ids in given.items() for i in (ids or []))


@evidence_app.command("add", help=t("evidence.cli.add.help"))
def evidence_add(
    ctx: typer.Context,
    engagement: EngagementArg,
    file: Annotated[Path, typer.Argument(metavar="FILE", help=t("evidence.cli.arg.file"))],
    description: Annotated[str, typer.Option("--description", help=t("evidence.cli.opt.description"))] = "",
    entry: Annotated[list[int] | None, typer.Option("--entry", help=t("evidence.cli.opt.entry"))] = None,
    suspicion: Annotated[
        list[int] | None, typer.Option("--suspicion", help=t("evidence.cli.opt.suspicion"))
    ] = None,
    finding: Annotated[
        list[int] | None, typer.Option("--finding", help=t("evidence.cli.opt.finding"))
    ] = None,
    paper: Annotated[list[int] | None, typer.Option("--paper", help=t("evidence.cli.opt.paper"))] = None,
    sample_item: Annotated[
        list[int] | None, typer.Option("--sample-item", help=t("evidence.cli.opt.item"))
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.evidence import add_evidence

    links = _links(entry=entry, suspicion=suspicion, finding=finding, paper=paper, sample_item=sample_item)
    view = add_evidence(context(ctx), engagement, file, description=description, links=links)
    if as_json:
        emit_json(view.to_json())
    else:
        say(
            t(
                "evidence.cli.added",
                id=view.id,
                file=view.file_name,
                sha=view.sha256[:16],
                links=len(view.links),
            )
        )


@evidence_app.command("list", help=t("evidence.cli.list.help"))
def evidence_list(
    ctx: typer.Context,
    engagement: EngagementArg,
    verify: Annotated[bool, typer.Option("--verify", help=t("evidence.cli.opt.verify"))] = False,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.evidence import list_evidence, verify_evidence

    checked = (
        verify_evidence(context(ctx), engagement)
        if verify
        else [(v, None) for v in list_evidence(context(ctx), engagement)]
    )
    if as_json:
        emit_json([{**v.to_json(), **({} if ok is None else {"intact": ok})} for v, ok in checked])
    else:
        rows = [
            [
                str(v.id),
                v.file_name,
                v.sha256[:16],
                str(v.size),
                v.description,
                "、".join(f"{t(f'evidence.target.{k}')}#{i}" for k, i in v.links) or "—",
                "" if ok is None else t("evidence.cli.intact" if ok else "evidence.cli.damaged"),
            ]
            for v, ok in checked
        ]
        say(
            table(
                [
                    t("check.cli.col.id"),
                    t("evidence.cli.col.file"),
                    "sha256",
                    t("evidence.cli.col.size"),
                    t("evidence.cli.opt.description"),
                    t("evidence.cli.col.links"),
                    "",
                ],
                rows,
                right={0, 3},
            )
        )
    if any(ok is False for _, ok in checked):
        raise typer.Exit(1)


@evidence_app.command("link", help=t("evidence.cli.link.help"))
def evidence_link(
    ctx: typer.Context,
    evidence: Annotated[int, typer.Argument(metavar="EVIDENCE", help=t("evidence.cli.arg.id"))],
    target: Annotated[str, typer.Argument(metavar="KIND", help=t("evidence.cli.arg.target"))],
    target_id: Annotated[int, typer.Argument(metavar="ID", help=t("evidence.cli.arg.target_id"))],
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.evidence import link_evidence

    view = link_evidence(context(ctx), evidence, target.replace("-", "_"), target_id)
    emit_json(view.to_json()) if as_json else say(t("evidence.cli.linked", id=view.id, links=len(view.links)))

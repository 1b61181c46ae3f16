"""``auditdesk doc notice|draft|report|opinion|rectify E`` and ``doc summary --year YYYY``: the
documents of the report stage as .docx/.md (and PDF with LibreOffice); ``auditdesk reply E FINDING
agree|disagree``: the unit's reply to the draft report. ``--json`` prints each written file's path,
kind, version and sha256."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from auditdesk.cli.checks import JsonOpt, context
from auditdesk.cli.output import emit_json, say, warn
from auditdesk.i18n import t

if TYPE_CHECKING:
    from auditdesk.services.engagement_views import DocumentView

doc_app = typer.Typer(help=t("doc.cli.help"), no_args_is_help=True, rich_markup_mode=None)

EngagementArg = Annotated[str, typer.Argument(metavar="E", help=t("engagement.cli.arg.e"))]
OutOpt = Annotated[Path | None, typer.Option("--out", help=t("doc.cli.opt.out"))]
PdfOpt = Annotated[bool, typer.Option("--pdf", help=t("doc.cli.opt.pdf"))]
KINDS = ("notice", "draft", "report", "opinion", "rectify")


def title(kind: str) -> str:
    return t(f"doc.title.{kind}")


def _files(docs: tuple[DocumentView, ...]) -> None:
    for d in docs:
        say(t("doc.cli.file", kind=d.kind, version=d.version, path=d.path))


def _issue(
    ctx: typer.Context, engagement: str, kind: str, out: Path | None, pdf: bool, as_json: bool
) -> None:
    from auditdesk.services.reports import issue_document

    issued = issue_document(context(ctx), engagement, kind, out_dir=out, pdf=pdf)
    if as_json:
        emit_json(issued.to_json())
    else:
        say(t("doc.cli.issued", title=title(kind), reference=issued.reference, unit=issued.unit))
        _files(issued.documents)
        if issued.issued_findings:
            say(t("doc.cli.findings_issued", count=len(issued.issued_findings)))
        if issued.stage:
            say(t("doc.cli.stage", stage=t(f"engagement.stage.{issued.stage}")))
    if issued.pdf_error:
        warn(issued.pdf_error)


@doc_app.command("notice", help=t("doc.cli.kind.help", title=title("notice")))
def doc_notice(
    ctx: typer.Context,
    engagement: EngagementArg,
    out: OutOpt = None,
    pdf: PdfOpt = False,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.notice import issue_notice
    from auditdesk.services.reports import add_pdf

    issued = issue_notice(context(ctx), engagement, out_dir=out)
    docs = list(issued.documents)
    error = None
    if pdf:
        made, error = add_pdf(context(ctx), engagement, "notice", Path(docs[0].path))
        if made is not None:
            docs.append(made)
    if as_json:
        emit_json(
            {
                **issued.to_json(),
                "files": [
                    {"path": d.path, "kind": d.kind, "version": d.version, "sha256": d.sha256} for d in docs
                ],
                "pdf_error": error,
            }
        )
    else:
        say(t("doc.cli.issued", title=title("notice"), reference=issued.reference, unit=issued.unit))
        _files(tuple(docs))
    if error:
        warn(error)


def _kind_command(kind: str) -> None:
    def command(
        ctx: typer.Context,
        engagement: EngagementArg,
        out: OutOpt = None,
        pdf: PdfOpt = False,
        as_json: JsonOpt = False,
    ) -> None:
        _issue(ctx, engagement, kind, out, pdf, as_json)

    command.__name__ = f"doc_{kind}"
    doc_app.command(kind, help=t("doc.cli.kind.help", title=title(kind)))(command)


for _kind in ("draft", "report", "opinion", "rectify"):
    _kind_command(_kind)


@doc_app.command("summary", help=t("doc.cli.summary.help"))
def doc_summary(
    ctx: typer.Context,
    year: Annotated[int, typer.Option("--year", help=t("doc.cli.opt.year"))],
    out: OutOpt = None,
    pdf: PdfOpt = False,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.summary import issue_summary

    issued = issue_summary(context(ctx), year, out_dir=out, pdf=pdf)
    if as_json:
        emit_json(issued.to_json())
    else:
        say(t("doc.cli.summary_done", year=year, sentence=issued.sentence))
        for f in issued.files:
            say(t("doc.cli.file", kind=f.kind, version=f.version, path=f.path))
    if issued.pdf_error:
        warn(issued.pdf_error)


def reply_cmd(
    ctx: typer.Context,
    engagement: EngagementArg,
    finding: Annotated[str, typer.Argument(metavar="FINDING", help=t("register.cli.arg.id"))],
    verdict: Annotated[str, typer.Argument(metavar="agree|disagree", help=t("reply.cli.arg.verdict"))],
    note: Annotated[str, typer.Option("--note", help=t("reply.cli.opt.note"))] = "",
    as_json: JsonOpt = False,
) -> None:
    """Record the unit's reply to one finding of the draft report."""
    from auditdesk.services.reports import record_reply

    reply = record_reply(context(ctx), engagement, finding, verdict, note)
    if as_json:
        emit_json(reply)
    else:
        say(t("reply.cli.done", finding=reply["finding"], verdict=t(f"reply.verdict.{reply['verdict']}")))

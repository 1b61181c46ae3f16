"""``auditdesk standards list|show``: the standards profiles and the caps in force on a date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

import typer

from auditdesk.cli import output
from auditdesk.cli.output import emit_json, say
from auditdesk.core.money import format_amount, format_thousands
from auditdesk.i18n import t

if TYPE_CHECKING:
    from auditdesk.core.standards import RuleVersion, Standards

standards_app = typer.Typer(help=t("standards.cli.help"), no_args_is_help=True, rich_markup_mode=None)

JsonOpt = Annotated[bool, typer.Option("--json", help=t("cli.opt.json"))]


@standards_app.command("list", help=t("standards.cli.list.help"))
def standards_list(as_json: JsonOpt = False) -> None:
    from auditdesk.services.standards import list_profiles

    profiles = list_profiles()
    if as_json:
        emit_json([{"name": p.name, "title": p.title, "path": str(p.path), "is_user_copy": p.is_user_copy}
                   for p in profiles])
        return
    if not profiles:
        say(t("standards.cli.none"))
        return
    headers = [t("standards.cli.col.name"), t("standards.cli.col.title"), t("standards.cli.col.copy"),
               t("standards.cli.col.file")]
    yes = t("standards.cli.yes")
    rows = [[p.name, p.title, yes if p.is_user_copy else "", str(p.path)] for p in profiles]
    say(output.table(headers, rows))


@standards_app.command("show", help=t("standards.cli.show.help"))
def standards_show(
    name: Annotated[str | None, typer.Argument(help=t("standards.cli.arg.name"))] = None,
    on: Annotated[str | None, typer.Option("--on", metavar="DATE", help=t("standards.cli.opt.on"))] = None,
    as_json: JsonOpt = False,
) -> None:
    from auditdesk.services.standards import current_standards, load_standards

    day = _date(on)
    standards = current_standards() if name is None else load_standards(name)
    if as_json:
        emit_json(standards_json(standards, day))
    else:
        _print(standards, day)


def _date(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise typer.BadParameter(t("cli.bad_date", value=text), param_hint="--on") from None


def rule_value_text(value: Decimal, unit: str) -> str:
    """A rule's value as shown: ``1,500.00`` (yuan) or ``60%`` (a share)."""
    if unit == "percent":
        return t("standards.unit.percent", value=format(value.normalize(), "f"))
    return format_thousands(value)


def _version_json(version: RuleVersion | None) -> dict[str, Any]:
    if version is None:
        return dict.fromkeys(("value", "effective", "province", "document", "source", "strength", "note"))
    return {
        "value": format_amount(version.value), "effective": version.effective.isoformat(),
        "province": version.province, "document": version.document, "source": version.source,
        "strength": version.strength, "note": version.note,
    }


def standards_json(standards: Standards, on: dt.date) -> dict[str, Any]:
    return {
        "name": standards.name,
        "title": standards.title,
        "scope": standards.scope,
        "extends": list(standards.chain[1:]),
        "on": on.isoformat(),
        "rules": [
            {"id": rule.id, "title": t(f"standards.rule.{rule.id}"), "unit": rule.unit,
             "versions": len(rule.versions), **_version_json(rule.in_force(on))}
            for rule in standards.rules
        ],
        "keywords": [
            {"id": k.id, "title": t(f"standards.keywords.{k.id}"), "words": list(k.words),
             "allowed": list(k.allowed), "basis": k.basis}
            for k in standards.keywords
        ],
        "gift_holidays": list(standards.gift_holidays),
        "cash": list(standards.cash),
    }


def _print(standards: Standards, on: dt.date) -> None:
    say(t("standards.cli.heading", title=standards.title, name=standards.name,
          chain="、".join(standards.chain[1:]) or "—", on=on.isoformat()))
    if standards.rules:
        columns = ("rule", "value", "effective", "strength", "document")
        headers = [t(f"standards.cli.col.{c}") for c in columns]
        rows: list[list[str]] = []
        sources: list[str] = []
        for rule in standards.rules:
            title = t(f"standards.rule.{rule.id}")
            version = rule.in_force(on)
            if version is None:
                rows.append([title, "", "", "", t("standards.cli.not_in_force")])
                continue
            rows.append([title, rule_value_text(version.value, rule.unit), version.effective.isoformat(),
                         t(f"standards.strength.{version.strength}"), version.document])
            note = f"（{version.note}）" if version.note else ""
            sources.append(t("standards.cli.source", rule=title, source=version.source, note=note))
        say(output.table(headers, rows, right={1}))
        say(t("standards.cli.sources"))
        for line in sources:
            say(line)
    if standards.gift_holidays:
        say(t("standards.cli.holidays", holidays="、".join(standards.gift_holidays)))
    if standards.keywords:
        say(t("standards.cli.keywords"))
        for k in standards.keywords:
            allowed = t("standards.cli.allowed", words="、".join(k.allowed)) if k.allowed else ""
            say(t("standards.cli.keyword_line", title=t(f"standards.keywords.{k.id}"),
                  words="、".join(k.words), allowed=allowed))
    if standards.cash:
        say(t("standards.cli.cash"))
        for line in standards.cash:
            say("  " + line)

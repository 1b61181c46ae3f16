"""Build a demo database from a folder of sample ledgers described by its ``manifest.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from auditdesk.services.context import Context
from auditdesk.services.engagements import advance_engagement
from auditdesk.services.errors import ServiceError
from auditdesk.services.imports import ImportReport, import_ledger
from auditdesk.services.notice import issue_notice
from auditdesk.services.plan import approve_plan
from auditdesk.services.roster import import_roster
from auditdesk.services.units import add_unit, list_units

MANIFEST = "manifest.toml"


@dataclass(frozen=True)
class DemoResult:
    units: tuple[str, ...]
    imports: tuple[ImportReport, ...]
    engagements: tuple[str, ...] = ()  # references moved into 实施


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not path.is_file():
        raise ServiceError("demo.no_manifest", path=str(path))
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ServiceError("demo.bad_manifest", path=str(path), reason=str(exc)) from exc


def load_demo(ctx: Context, folder: Path, documents: Path | None = None) -> DemoResult:
    """Import the manifest's roster (if it names one), add its ``[[unit]]`` tables not yet present,
    and import each listed ledger. With a ``[demo]`` table: approve its ``plan_year``'s plan with the
    ``fieldwork`` units, issue each one's notice (into ``documents``) and move it into 实施."""
    data = read_manifest(folder)
    added: list[str] = []
    if "roster" in data:
        roster = import_roster(ctx, folder / str(data["roster"]))
        if roster.status != "imported":
            raise ServiceError("roster.demo_rejected", file=roster.file, count=len(roster.errors))
        added += roster.created
    known = {u.name for u in list_units(ctx)}
    for unit in data.get("unit", []):
        name = str(unit["name"])
        if name in known:
            continue
        payroll = unit.get("payroll")
        add_unit(
            ctx,
            name,
            code=unit.get("code"),
            members=unit.get("members"),
            employees=unit.get("employees"),
            payroll=None if payroll is None else Decimal(str(payroll)),
            chair=unit.get("chair"),
            contact=unit.get("contact"),
            last_audit_year=unit.get("last_audit_year"),
        )
        added.append(name)
    reports: list[ImportReport] = []
    for ledger in data.get("ledger", []):
        report = import_ledger(
            ctx,
            folder / str(ledger["file"]),
            str(ledger["unit"]),
            int(ledger["year"]),
            sheets=ledger.get("sheets"),
            quarantine=bool(ledger.get("quarantine", False)),
        )
        reports.append(report)
    demo = data.get("demo")
    moved = _start_fieldwork(ctx, demo, documents) if isinstance(demo, dict) else ()
    return DemoResult(tuple(added), tuple(reports), moved)


def _start_fieldwork(ctx: Context, demo: dict[str, Any], documents: Path | None) -> tuple[str, ...]:
    year = int(demo["plan_year"])
    wanted = [str(n) for n in demo.get("fieldwork", [])]
    if not wanted:
        return ()
    others = [u.name for u in list_units(ctx) if u.name not in wanted]
    plan = approve_plan(ctx, year, add=wanted, drop=others, size=len(wanted))
    moved = []
    for engagement in plan.engagements:
        issue_notice(ctx, engagement.reference, out_dir=documents)
        result = advance_engagement(ctx, engagement.reference)
        if not result.moved:
            raise ServiceError("demo.not_started", reference=engagement.reference,
                               unmet="；".join(result.unmet))
        moved.append(engagement.reference)
    return tuple(moved)

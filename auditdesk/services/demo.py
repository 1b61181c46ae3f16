"""Build a demo database from a folder of sample ledgers described by its ``manifest.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from auditdesk.services.context import Context
from auditdesk.services.errors import ServiceError
from auditdesk.services.imports import ImportReport, import_ledger
from auditdesk.services.roster import import_roster
from auditdesk.services.units import add_unit, list_units

MANIFEST = "manifest.toml"


@dataclass(frozen=True)
class DemoResult:
    units: tuple[str, ...]
    imports: tuple[ImportReport, ...]


def _read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not path.is_file():
        raise ServiceError("demo.no_manifest", path=str(path))
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ServiceError("demo.bad_manifest", path=str(path), reason=str(exc)) from exc


def load_demo(ctx: Context, folder: Path) -> DemoResult:
    """Import the manifest's roster (if it names one), add its ``[[unit]]`` tables not yet present,
    and import each listed ledger."""
    data = _read_manifest(folder)
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
    return DemoResult(tuple(added), tuple(reports))

"""Running the checks over a stored ledger (``auditdesk check``).

A run is idempotent: a suspicion is keyed by (unit, year, fingerprint); one found again keeps its
review, one no longer found stays with ``current`` False, nothing is deleted; a ledger imported
again gives the same hits a new fingerprint and the earlier reviews carry over by content. Each
ledger's run is one transaction with its change-log row. Reviewing (triage) is in
``services.suspicions``; its names are re-exported here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlmodel import Session, col, select

from auditdesk.core.checks import (
    CheckContext,
    CheckEntry,
    CheckFailure,
    run_checks,
)
from auditdesk.core.checks import Suspicion as Hit
from auditdesk.core.money import from_fen, to_fen
from auditdesk.i18n import t
from auditdesk.services.check_entries import load_check_entries
from auditdesk.services.context import Context
from auditdesk.services.errors import ServiceError
from auditdesk.services.fieldwork import (
    engagement_of,
)
from auditdesk.services.standards import current_standards
from auditdesk.services.suspicions import (
    STATUSES,
    SuspicionView,
    add_suspicion,
    confirm_suspicion,
    dismiss_suspicion,
    draft_findings,
    get_suspicion,
    list_suspicions,
    suspicion_views,
    targets,
)
from auditdesk.store import changelog
from auditdesk.store.models import CheckRun, LedgerImport, Suspicion, SuspicionEntry, Unit

__all__ = [
    "STATUSES",
    "CheckReport",
    "SuspicionView",
    "add_suspicion",
    "confirm_suspicion",
    "content_key",
    "dismiss_suspicion",
    "draft_findings",
    "get_suspicion",
    "list_suspicions",
    "run_ledger_checks",
    "suspicion_views",
]

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class CheckReport:
    unit: str
    year: int
    run_id: int
    profile: str
    entries: int
    found: int
    new: int
    no_longer_found: int
    failures: tuple[str, ...]
    suspicions: tuple[SuspicionView, ...] = field(default=())


def run_ledger_checks(
    ctx: Context,
    engagement: str | int | None = None,
    *,
    unit: str | None = None,
    year: int | None = None,
    only: Sequence[str] | None = None,
    progress: Progress | None = None,
    views: bool = True,
) -> list[CheckReport]:
    """Run the registered checks over each (unit, year) meant, store what they find, one transaction
    per ledger. An engagement must not be archived; a year without an imported ledger is an error.
    ``views=False`` leaves the reports' suspicions empty (a caller that lists them itself)."""
    standards = current_standards()
    with ctx.session() as session:
        meant = targets(session, engagement, unit, year)
        if engagement is not None:
            found = engagement_of(session, engagement)
            if found.stage == "archive":
                raise ServiceError("engagement.gate.archived_read_only")
        for owner, fiscal in meant:  # every year's ledger is there before anything is stored
            imported = session.exec(
                select(LedgerImport.id).where(
                    LedgerImport.unit_id == owner.id,
                    LedgerImport.year == fiscal,
                    LedgerImport.status == "active",
                )
            ).first()
            if imported is None:
                raise ServiceError("check.no_ledger", unit=owner.name, year=fiscal)
    reports = []
    for owner, fiscal in meant:
        with ctx.session() as session, session.begin():
            reports.append(_run_one(ctx, session, owner, fiscal, standards, only, progress, views))
    return reports


def _run_one(
    ctx: Context,
    session: Session,
    owner: Unit,
    year: int,
    standards: Any,
    only: Sequence[str] | None,
    progress: Progress | None,
    views: bool = True,
) -> CheckReport:
    assert owner.id is not None
    ledger = load_check_entries(session, owner.id, year)
    if not ledger.imports:
        raise ServiceError("check.no_ledger", unit=owner.name, year=year)
    check_ctx = CheckContext(
        year=year,
        standards=standards,
        members=owner.members,
        double_entry=ledger.double_entry,
        employees=owner.employees,
        payroll=None if owner.payroll_fen is None else from_fen(owner.payroll_fen),
    )
    hits, failures = run_checks(ledger.entries, check_ctx, only=only, progress=progress)
    run = CheckRun(
        unit_id=owner.id,
        year=year,
        who=ctx.actor,
        profile=standards.name,
        rules=list(only) if only else [],
        entries=len(ledger.entries),
        found=len(hits),
        failures=[{"rule": f.rule, "error": f.error} for f in failures],
    )
    session.add(run)
    session.flush()
    assert run.id is not None
    # stored suspicions of this ledger, by fingerprint (plain rows: thousands of ORM objects are slow)
    table = Suspicion.__table__  # type: ignore[attr-defined]
    existing: dict[str, tuple[int, bool, str]] = {
        fp: (sid, bool(current), rule)
        for sid, fp, current, rule in session.execute(
            select(table.c.id, table.c.fingerprint, table.c.current, table.c.rule).where(
                table.c.unit_id == owner.id, table.c.year == year, table.c.source == "check"
            )
        )
    }
    seen = {hit.fingerprint for hit in hits}
    fresh = [hit for hit in hits if hit.fingerprint not in existing]
    new_ids = _insert_many(session, owner.id, year, fresh, run.id, {e.id: e for e in ledger.entries}, seen)
    again = [
        {
            "b_id": existing[hit.fingerprint][0],
            "severity": hit.severity,
            "params": dict(hit.params),
            "basis": hit.basis,
            "basis_params": dict(hit.basis_params),
            "involved_fen": None if hit.involved is None else to_fen(hit.involved),
            "last_run_id": run.id,
        }
        for hit in hits
        if hit.fingerprint in existing
    ]
    if again:
        session.execute(
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values(
                severity=bindparam("severity"),
                params=bindparam("params"),
                basis=bindparam("basis"),
                basis_params=bindparam("basis_params"),
                involved_fen=bindparam("involved_fen"),
                last_run_id=bindparam("last_run_id"),
                current=True,
            ),
            again,
        )
    ran = set(only) if only else None
    stale = [
        sid
        for fp, (sid, current, rule) in existing.items()
        if fp not in seen and current and (ran is None or rule in ran)
    ]
    for start in range(0, len(stale), 500):
        session.execute(update(table).where(table.c.id.in_(stale[start : start + 500])).values(current=False))
    run.new = len(new_ids)
    session.add(run)
    session.flush()
    changelog.record(
        session,
        ctx.actor,
        "check_run",
        run.id,
        "run",
        None,
        {
            "unit": owner.name,
            "year": year,
            "profile": standards.name,
            "entries": run.entries,
            "found": run.found,
            "new": new_ids,
            "no_longer_found": stale,
            "failures": run.failures,
        },
    )
    return CheckReport(
        unit=owner.name,
        year=year,
        run_id=run.id,
        profile=standards.name,
        entries=run.entries,
        found=len(hits),
        new=len(new_ids),
        no_longer_found=len(stale),
        failures=tuple(_failure_text(f) for f in failures),
        suspicions=tuple(suspicion_views(session, _of_run(session, owner.id, year, seen))) if views else (),
    )


def _failure_text(failure: CheckFailure) -> str:
    return t("check.failed", rule=failure.rule, error=failure.error)


def _of_run(session: Session, unit_id: int, year: int, fingerprints: set[str]) -> list[Suspicion]:
    rows = session.exec(
        select(Suspicion)
        .where(Suspicion.unit_id == unit_id, Suspicion.year == year)
        .order_by(col(Suspicion.id))
    ).all()
    return [s for s in rows if s.fingerprint in fingerprints]


def content_key(hit: Hit, entries: Mapping[int, CheckEntry]) -> str:
    """The hit told by what its entries say (date, voucher, account, amounts, summary) rather than by
    their ids: a ledger imported again (``--force``) gives its entries new ids, and the same hit on
    them gets the same key, so the review done on the earlier import carries over."""
    lines = sorted(
        (
            e.date.isoformat(),
            e.voucher,
            e.chart_code or e.account_code,
            str(e.debit),
            str(e.credit),
            e.summary,
        )
        for e in (entries[i] for i in hit.entry_ids if i in entries)
    )
    text = json.dumps([hit.rule, hit.key, hit.scope, lines], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _insert_many(
    session: Session,
    unit_id: int,
    year: int,
    hits: Sequence[Hit],
    run_id: int,
    entries: Mapping[int, CheckEntry],
    still_found: set[str],
) -> list[int]:
    """Store new suspicions and their entries with two bulk inserts; their ids in ``hits`` order. A
    new hit whose content key matches a reviewed suspicion no longer found (its ledger re-imported)
    takes that review over, with a note saying whose."""
    if not hits:
        return []
    keys = {h.fingerprint: content_key(h, entries) for h in hits}
    earlier = _reviews_by_content(session, unit_id, year, set(keys.values()), still_found)
    table = Suspicion.__table__  # type: ignore[attr-defined]
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    session.execute(
        insert(table),
        [
            {
                "unit_id": unit_id,
                "year": year,
                "rule": h.rule,
                "severity": h.severity,
                "key": h.key,
                "params": dict(h.params),
                "basis": h.basis,
                "basis_params": dict(h.basis_params),
                "scope": h.scope,
                "involved_fen": None if h.involved is None else to_fen(h.involved),
                "fingerprint": h.fingerprint,
                "content_key": keys[h.fingerprint],
                "source": "check",
                "current": True,
                "first_run_id": run_id,
                "last_run_id": run_id,
                "created_at": now,
                **_carried(earlier.get(keys[h.fingerprint])),
            }
            for h in hits
        ],
    )
    ids: dict[str, int] = {}
    prints = [h.fingerprint for h in hits]
    for start in range(0, len(prints), 500):
        for sid, fp in session.execute(
            select(table.c.id, table.c.fingerprint).where(
                table.c.unit_id == unit_id,
                table.c.year == year,
                table.c.fingerprint.in_(prints[start : start + 500]),
            )
        ):
            ids[fp] = sid
    links = [{"suspicion_id": ids[h.fingerprint], "entry_id": e} for h in hits for e in h.entry_ids]
    if links:
        session.execute(insert(SuspicionEntry.__table__), links)  # type: ignore[attr-defined]
    return [ids[h.fingerprint] for h in hits]


def _reviews_by_content(
    session: Session, unit_id: int, year: int, keys: set[str], still_found: set[str]
) -> dict[str, Suspicion]:
    """Reviewed suspicions of the ledger with these content keys that this run no longer finds."""
    found: dict[str, Suspicion] = {}
    wanted = sorted(keys)
    for start in range(0, len(wanted), 500):
        for row in session.exec(
            select(Suspicion)
            .where(
                Suspicion.unit_id == unit_id,
                Suspicion.year == year,
                Suspicion.status != "open",
                col(Suspicion.content_key).in_(wanted[start : start + 500]),
            )
            .order_by(col(Suspicion.id))
        ):
            if row.fingerprint not in still_found:
                found[row.content_key] = row  # the latest review wins
    return found


def _carried(earlier: Suspicion | None) -> dict[str, Any]:
    if earlier is None:
        return {"status": "open", "reviewer": None, "reviewed_at": None, "reason": None, "finding_id": None}
    note = t("suspicion.carried_over", id=earlier.id, reason=earlier.reason or "—")
    return {
        "status": earlier.status,
        "reviewer": earlier.reviewer,
        "reviewed_at": earlier.reviewed_at,
        "reason": note,
        "finding_id": earlier.finding_id,
    }

"""Samples: drawn from a frozen population of a unit's ledger entries, tested item by item.

The population (entry ids with their amounts) is stored with the sample, its sha256, the method,
seed and parameters, so ``verify_sample`` re-draws it and says whether the ledger still holds the
same population. A failed item can be raised as a suspicion (rule ``sample_exception``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, cast

from sqlmodel import Session, col, select

from auditdesk.core.checks import CheckEntry
from auditdesk.core.checks import Suspicion as Hit
from auditdesk.core.checks.model import is_spending
from auditdesk.core.errors import AuditdeskError
from auditdesk.core.money import ZERO, format_amount, from_fen, parse_amount, to_fen
from auditdesk.core.sampling import METHODS, Method, PopulationItem, SampleParams, draw, population_digest
from auditdesk.i18n import t
from auditdesk.services.check_entries import load_check_entries
from auditdesk.services.checks import add_suspicion
from auditdesk.services.context import Context
from auditdesk.services.errors import ServiceError
from auditdesk.services.fieldwork import engagement_of, entry_rows, unit_name, writable_engagement
from auditdesk.services.ledger import EntryRow
from auditdesk.store import changelog
from auditdesk.store.models import Engagement, Sample, SampleItem

PopulationKind = Literal["spending", "income", "all"]
POPULATIONS: tuple[PopulationKind, ...] = ("spending", "income", "all")
RESULTS = ("pass", "fail")


@dataclass(frozen=True)
class SampleItemView:
    id: int
    position: int
    stratum: str
    reason: str
    entry: EntryRow | None
    amount: Decimal
    result: str | None
    note: str
    tested_by: str | None
    tested_at: dt.datetime | None
    suspicion_id: int | None

    def to_json(self) -> dict[str, Any]:
        e = self.entry
        return {
            "id": self.id,
            "position": self.position,
            "stratum": self.stratum,
            "reason": self.reason,
            "amount": format_amount(self.amount),
            "result": self.result,
            "note": self.note,
            "tested_by": self.tested_by,
            "tested_at": self.tested_at.isoformat() if self.tested_at else None,
            "suspicion": self.suspicion_id,
            "entry": None
            if e is None
            else {
                "id": e.id,
                "date": e.date.isoformat(),
                "voucher": e.voucher,
                "summary": e.summary,
                "account_code": e.account_code,
                "debit": format_amount(e.debit),
                "credit": format_amount(e.credit),
                "sheet": e.sheet,
                "row": e.row,
            },
        }


@dataclass(frozen=True)
class SampleView:
    id: int
    reference: str
    unit: str
    year: int
    method: str
    size: int
    seed: int
    params: dict[str, Any]
    population_size: int
    population_amount: Decimal
    population_digest: str
    who: str
    at: dt.datetime
    items: tuple[SampleItemView, ...]

    @property
    def tested(self) -> int:
        return sum(1 for i in self.items if i.result is not None)

    @property
    def exceptions(self) -> int:
        return sum(1 for i in self.items if i.result == "fail")

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "engagement": self.reference,
            "unit": self.unit,
            "year": self.year,
            "method": self.method,
            "size": self.size,
            "seed": self.seed,
            "params": self.params,
            "population": {
                "size": self.population_size,
                "amount": format_amount(self.population_amount),
                "sha256": self.population_digest,
            },
            "who": self.who,
            "at": self.at.isoformat(),
            "tested": self.tested,
            "exceptions": self.exceptions,
            "items": [i.to_json() for i in self.items],
        }


@dataclass(frozen=True)
class SampleCheck:
    """``sample verify``: the re-draw from the frozen population, and the ledger's population now."""

    sample_id: int
    redraw_matches: bool
    population_unchanged: bool
    stored_digest: str
    current_digest: str


def _population(
    entries: tuple[CheckEntry, ...], kind: PopulationKind, account: str | None, min_amount: Decimal
) -> list[PopulationItem]:
    out = []
    for e in entries:
        if e.is_closing:
            continue
        if kind == "spending":
            if not is_spending(e):
                continue
            amount = e.debit
        elif kind == "income":
            if not (e.chart_code or "").startswith("4") or e.credit <= 0:
                continue
            amount = e.credit
        else:
            amount = max(e.debit, e.credit)
        if account and not (
            (e.chart_code or "").startswith(account)
            or e.account_code.startswith(account)
            or account in e.account_name
        ):
            continue
        if amount > 0 and amount >= min_amount:
            out.append(PopulationItem(e.id, amount))
    return out


def _year_of(engagement: Engagement, year: int | None) -> int:
    years = sorted(int(y) for y in engagement.years)
    if year is not None:
        if year not in years:
            raise ServiceError("check.year_not_in_engagement", year=year, reference=engagement.reference)
        return year
    if len(years) != 1:
        raise ServiceError(
            "sample.need_year", reference=engagement.reference, years="、".join(map(str, years))
        )
    return years[0]


def draw_sample(
    ctx: Context,
    engagement: str | int,
    *,
    method: str,
    size: int,
    seed: int,
    year: int | None = None,
    population: str = "spending",
    account: str | None = None,
    min_amount: str | None = None,
    bounds: tuple[str, ...] = (),
) -> SampleView:
    """Freeze the population, draw, store the sample with its items, in one transaction."""
    if method not in METHODS:
        raise ServiceError("sample.bad_method", method=method, allowed="、".join(METHODS))
    if population not in POPULATIONS:
        raise ServiceError("sample.bad_population", population=population, allowed="、".join(POPULATIONS))
    floor = parse_amount(min_amount) if min_amount else ZERO
    cuts = tuple(parse_amount(b) for b in bounds)
    with ctx.session() as session, session.begin():
        found = writable_engagement(session, engagement)
        fiscal = _year_of(found, year)
        ledger = load_check_entries(session, found.unit_id, fiscal)
        if not ledger.imports:
            raise ServiceError("check.no_ledger", unit=unit_name(session, found.unit_id), year=fiscal)
        items = _population(ledger.entries, cast(PopulationKind, population), account, floor)
        params = SampleParams(method=cast(Method, method), size=size, seed=seed, bounds=cuts)
        try:
            picks = draw(items, params)
        except AuditdeskError as err:
            raise ServiceError(err.key, **err.params) from err
        assert found.id is not None
        sample = Sample(
            engagement_id=found.id,
            unit_id=found.unit_id,
            year=fiscal,
            method=method,
            size=size,
            seed=seed,
            params={
                "population": population,
                "account": account or "",
                "min_amount": format_amount(floor),
                "bounds": [format_amount(b) for b in cuts],
            },
            population=[[i.entry_id, to_fen(i.amount)] for i in sorted(items, key=lambda i: i.entry_id)],
            population_digest=population_digest(items),
            population_size=len(items),
            population_fen=sum(to_fen(i.amount) for i in items),
            who=ctx.actor,
        )
        session.add(sample)
        session.flush()
        assert sample.id is not None
        for pick in picks:
            session.add(
                SampleItem(
                    sample_id=sample.id,
                    entry_id=pick.entry_id,
                    position=pick.order,
                    stratum=pick.stratum,
                    reason_key=pick.reason_key,
                    reason_params=dict(pick.reason_params),
                )
            )
        session.flush()
        changelog.record(
            session,
            ctx.actor,
            "sample",
            sample.id,
            "draw",
            None,
            {
                "engagement": found.reference,
                "year": fiscal,
                "method": method,
                "size": size,
                "seed": seed,
                "params": sample.params,
                "population_sha256": sample.population_digest,
                "population_size": sample.population_size,
                "entries": [p.entry_id for p in picks],
            },
        )
        return _view(session, sample)


def _view(session: Session, sample: Sample) -> SampleView:
    assert sample.id is not None
    engagement = session.get(Engagement, sample.engagement_id)
    rows = session.exec(
        select(SampleItem).where(SampleItem.sample_id == sample.id).order_by(col(SampleItem.position))
    ).all()
    entries = entry_rows(session, (r.entry_id for r in rows))
    amounts = {int(i): int(f) for i, f in sample.population}
    items = tuple(
        SampleItemView(
            id=r.id or 0,
            position=r.position,
            stratum=r.stratum,
            reason=t(r.reason_key, **r.reason_params) if r.reason_key else "",
            entry=entries.get(r.entry_id),
            amount=from_fen(amounts.get(r.entry_id, 0)),
            result=r.result,
            note=r.note,
            tested_by=r.tested_by,
            tested_at=r.tested_at,
            suspicion_id=r.suspicion_id,
        )
        for r in rows
    )
    return SampleView(
        id=sample.id,
        reference=engagement.reference if engagement else "",
        unit=unit_name(session, sample.unit_id),
        year=sample.year,
        method=sample.method,
        size=sample.size,
        seed=sample.seed,
        params=dict(sample.params),
        population_size=sample.population_size,
        population_amount=from_fen(sample.population_fen),
        population_digest=sample.population_digest,
        who=sample.who,
        at=sample.at,
        items=items,
    )


def _get(session: Session, sample_id: int) -> Sample:
    sample = session.get(Sample, sample_id)
    if sample is None:
        raise ServiceError("sample.not_found", id=sample_id)
    return sample


def get_sample(ctx: Context, sample_id: int) -> SampleView:
    with ctx.session() as session:
        return _view(session, _get(session, sample_id))


def list_samples(ctx: Context, engagement: str | int) -> list[SampleView]:
    with ctx.session() as session:
        found = engagement_of(session, engagement)
        rows = session.exec(
            select(Sample).where(Sample.engagement_id == found.id).order_by(col(Sample.id))
        ).all()
        return [_view(session, s) for s in rows]


def record_result(
    ctx: Context,
    sample_id: int,
    position: int,
    result: str,
    *,
    note: str = "",
    raise_suspicion: bool = False,
) -> SampleItemView:
    """Record an item's test result (pass 符合 / fail 不符合) and note; a failure may be raised as a
    suspicion (a failure needs a note saying what was wrong)."""
    if result not in RESULTS:
        raise ServiceError("sample.bad_result", result=result, allowed="、".join(RESULTS))
    text = note.strip()
    if result == "fail" and not text:
        raise ServiceError("sample.note_required")
    if raise_suspicion and result != "fail":
        raise ServiceError("sample.raise_needs_fail")
    with ctx.session() as session, session.begin():
        sample = _get(session, sample_id)
        engagement = session.get(Engagement, sample.engagement_id)
        assert engagement is not None
        writable_engagement(session, engagement.reference)
        item = session.exec(
            select(SampleItem).where(SampleItem.sample_id == sample_id, SampleItem.position == position)
        ).first()
        if item is None:
            raise ServiceError(
                "sample.no_item",
                id=sample_id,
                position=position,
                count=len(session.exec(select(SampleItem.id).where(SampleItem.sample_id == sample_id)).all()),
            )
        before = {"result": item.result, "note": item.note, "suspicion_id": item.suspicion_id}
        item.result, item.note = result, text
        item.tested_by, item.tested_at = ctx.actor, dt.datetime.now(dt.UTC)
        if raise_suspicion and item.suspicion_id is None:
            entry = entry_rows(session, [item.entry_id]).get(item.entry_id)
            hit = Hit(
                rule="sample_exception",
                severity="high",
                entry_ids=(item.entry_id,),
                key="sample.exception_message",
                params={
                    "sample": str(sample_id),
                    "position": str(position),
                    "note": text,
                    "summary": entry.summary if entry else "",
                    "voucher": entry.voucher if entry else "",
                },
                basis="sample.exception_basis",
                scope=f"sample:{sample_id}:{position}",
            )
            suspicion = add_suspicion(session, ctx.actor, sample.unit_id, sample.year, hit)
            item.suspicion_id = suspicion.id
        session.add(item)
        session.flush()
        changelog.record(
            session,
            ctx.actor,
            "sample_item",
            item.id,
            "record",
            before,
            {"result": item.result, "note": item.note, "suspicion_id": item.suspicion_id},
        )
        return next(i for i in _view(session, sample).items if i.position == position)


def verify_sample(ctx: Context, sample_id: int) -> SampleCheck:
    """Re-draw the sample from its frozen population and compare; and compare that population with
    the one the ledger gives now (a re-import or a withdrawn import changes it)."""
    with ctx.session() as session:
        sample = _get(session, sample_id)
        frozen = [PopulationItem(int(i), from_fen(int(f))) for i, f in sample.population]
        bounds = tuple(parse_amount(b) for b in sample.params.get("bounds", []))
        params = SampleParams(
            method=cast(Method, sample.method),
            size=sample.size,
            seed=sample.seed,
            bounds=bounds,
        )
        picks = draw(frozen, params)
        stored = session.exec(
            select(SampleItem.entry_id, SampleItem.position).where(SampleItem.sample_id == sample_id)
        ).all()
        same = sorted((p.entry_id, p.order) for p in picks) == sorted((int(e), int(p)) for e, p in stored)
        ledger = load_check_entries(session, sample.unit_id, sample.year)
        now = _population(
            ledger.entries,
            sample.params.get("population", "spending"),
            sample.params.get("account") or None,
            parse_amount(sample.params.get("min_amount") or "0"),
        )
        digest = population_digest(now) if now else ""
        return SampleCheck(
            sample_id,
            same and population_digest(frozen) == sample.population_digest,
            digest == sample.population_digest,
            sample.population_digest,
            digest,
        )

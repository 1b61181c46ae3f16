"""The annual plan's proposal: facts of every unit from the database, scored by the standards' weights.

Nothing is stored yet: a proposal is computed each time (approval comes with engagements).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from auditdesk.core.money import format_amount, format_thousands, from_fen
from auditdesk.core.plan import Candidate, Reason, UnitFacts, propose, score_units
from auditdesk.core.standards import PlanWeights
from auditdesk.i18n import t
from auditdesk.services.context import Context
from auditdesk.services.errors import ServiceError
from auditdesk.services.standards import plan_weights
from auditdesk.store.models import LedgerEntry, LedgerImport, Unit

MIN_YEAR, MAX_YEAR = 1990, 2100
INCOME, SPENDING = "4", "5"  # first digit of the resolved chart code, in both union charts


@dataclass(frozen=True)
class PlanProposal:
    year: int
    size: int
    weights: PlanWeights
    weights_file: Path
    candidates: tuple[Candidate, ...]

    @property
    def selected(self) -> tuple[Candidate, ...]:
        return tuple(c for c in self.candidates if c.selected)

    def to_json(self) -> dict[str, Any]:
        """The CLI contract of ``auditdesk plan propose --json``."""
        return {
            "year": self.year,
            "size": self.size,
            "items": [
                {
                    "unit": c.unit.name,
                    "score": c.score,
                    "reasons": [render_reason(r) for r in c.reasons],
                    "selected": c.selected,
                }
                for c in self.candidates
            ],
            "weights": weights_json(self.weights),
            "weights_file": str(self.weights_file),
        }


def weights_json(weights: PlanWeights) -> dict[str, Any]:
    """The ``[plan]`` table as used; amounts as strings (``"200000.00"``), points as integers."""
    table: dict[str, Any] = {}
    for key, value in weights.table().items():
        if isinstance(value, list):
            table[key] = [format_amount(v) if isinstance(v, Decimal) else v for v in value]
        else:
            table[key] = value
    return table


def weight_lines(weights: PlanWeights) -> list[str]:
    """One line per weight, in words, for the shells."""
    lines = []
    for key, value in weights.table().items():
        if isinstance(value, list):
            parts = (format_thousands(v) if isinstance(v, Decimal) else str(v) for v in value)
            shown = t("plan.list.sep").join(parts)
        else:
            shown = str(value)
        lines.append(t("plan.weight.line", label=t(f"plan.weight.{key}"), value=shown))
    return lines


def render_reason(reason: Reason) -> str:
    """``reason`` in words with its points, amounts shown with thousands separators."""
    params = {k: format_thousands(v) if isinstance(v, Decimal) else v for k, v in reason.params.items()}
    return t("plan.reason.with_points", text=t(reason.key, **params), points=reason.points)


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ServiceError("plan.bad_year", year=year, first=MIN_YEAR, last=MAX_YEAR)


def _money(session: Session, unit_id: int, year: int) -> tuple[Decimal | None, Decimal | None]:
    """Income (credits − debits on 4xx) and spending (debits − credits on 5xx) of a year's active
    ledger, year-end closing entries excluded; ``None`` when no line is on an income or spending
    account (a cash or bank journal names them only as counter-accounts)."""
    kind = func.substr(col(LedgerEntry.chart_code), 1, 1)
    active = select(LedgerImport.id).where(
        LedgerImport.unit_id == unit_id, LedgerImport.year == year, LedgerImport.status == "active"
    )
    found = session.exec(
        select(kind, func.coalesce(func.sum(LedgerEntry.debit_fen), 0),
               func.coalesce(func.sum(LedgerEntry.credit_fen), 0))
        .where(
            LedgerEntry.unit_id == unit_id,
            LedgerEntry.year == year,
            col(LedgerEntry.import_id).in_(active),
            col(LedgerEntry.is_closing).is_(False),
            kind.in_((INCOME, SPENDING)),
        )
        .group_by(kind)
    ).all()
    sums = {str(k): (int(debit), int(credit)) for k, debit, credit in found}
    if not sums:
        return None, None
    income_debit, income_credit = sums.get(INCOME, (0, 0))
    spend_debit, spend_credit = sums.get(SPENDING, (0, 0))
    return from_fen(income_credit - income_debit), from_fen(spend_debit - spend_credit)


def unit_facts(ctx: Context) -> list[UnitFacts]:
    """Every unit's facts. Findings are ``None``: no rectification register exists yet."""
    with ctx.session() as session:
        units = session.exec(select(Unit).order_by(col(Unit.name))).all()
        years: dict[int, set[int]] = {}
        for unit_id, year in session.exec(
            select(LedgerImport.unit_id, LedgerImport.year).where(LedgerImport.status == "active").distinct()
        ):
            years.setdefault(unit_id, set()).add(year)
        facts = []
        for unit in units:
            assert unit.id is not None
            held = tuple(sorted(years.get(unit.id, ())))
            latest = held[-1] if held else None
            income, spending = _money(session, unit.id, latest) if latest is not None else (None, None)
            facts.append(
                UnitFacts(
                    name=unit.name,
                    code=unit.code,
                    members=unit.members,
                    last_audit_year=unit.last_audit_year,
                    ledger_years=held,
                    latest_year=latest,
                    income=income,
                    spending=spending,
                )
            )
        return facts


def propose_plan(ctx: Context, year: int, size: int | None = None) -> PlanProposal:
    """Score every unit for ``year``'s plan and select the first ``size`` (default: the standards')."""
    _check_year(year)
    if size is not None and size < 0:
        raise ServiceError("plan.bad_size", size=size)
    weights, path = plan_weights()
    chosen = weights.size if size is None else size
    candidates = propose(score_units(unit_facts(ctx), year, weights), chosen)
    return PlanProposal(year, chosen, weights, path, tuple(candidates))

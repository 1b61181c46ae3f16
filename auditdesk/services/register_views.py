"""What the register shows: a finding in the list, its detail with history, and the statistics."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from auditdesk.core.money import format_amount
from auditdesk.core.register import Status
from auditdesk.core.register_stats import RegisterStats
from auditdesk.i18n import t


def status_label(status: str) -> str:
    return t(Status(status).label_key)


@dataclass(frozen=True)
class RegisterItem:
    pk: int
    code: str
    engagement: str
    unit: str
    year: int  # the fiscal year audited
    plan_year: int | None
    category: str
    title: str
    amount: Decimal
    status: Status
    deadline: dt.date | None
    overdue: bool
    days_overdue: int
    repeat: bool  # 屡审屡犯
    days_left: int | None = None  # an open finding with a deadline not yet passed: days until it

    def due_within(self, days: int) -> bool:
        return self.days_left is not None and 0 <= self.days_left <= days

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.code,
            "pk": self.pk,
            "engagement": self.engagement,
            "unit": self.unit,
            "year": self.year,
            "category": self.category,
            "title": self.title,
            "amount": format_amount(self.amount),
            "status": self.status.value,
            "status_label": self.status_label,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "overdue": self.overdue,
            "days_overdue": self.days_overdue,
            "days_left": self.days_left,
            "repeat": self.repeat,
        }


@dataclass(frozen=True)
class EventView:
    at: dt.datetime
    who: str
    from_status: str | None
    to_status: str
    note: str
    deadline: dt.date | None
    approver: str | None
    evidence: str | None  # the evidence file's name

    def to_json(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "who": self.who,
            "from": self.from_status,
            "to": self.to_status,
            "note": self.note,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "approver": self.approver,
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class FindingDetail:
    item: RegisterItem
    facts: str
    basis: str
    cause: str
    recommendation: str
    responsible: str
    measures: str
    progress: str
    completed_on: dt.date | None
    suspicion_id: int | None
    allowed: tuple[Status, ...]
    events: tuple[EventView, ...]
    evidence: tuple[tuple[int, str, str], ...]  # (id, file name, sha256)
    entries: tuple[tuple[str, str, str, str], ...]  # (date, voucher, summary, amount)

    def to_json(self) -> dict[str, Any]:
        return {
            **self.item.to_json(),
            "facts": self.facts,
            "basis": self.basis,
            "cause": self.cause,
            "recommendation": self.recommendation,
            "responsible": self.responsible,
            "measures": self.measures,
            "progress": self.progress,
            "completed_on": self.completed_on.isoformat() if self.completed_on else None,
            "suspicion": self.suspicion_id,
            "allowed": [s.value for s in self.allowed],
            "events": [e.to_json() for e in self.events],
            "evidence": [{"id": i, "file": f, "sha256": h} for i, f, h in self.evidence],
            "entries": [{"date": d, "voucher": v, "summary": s, "amount": a} for d, v, s, a in self.entries],
        }


@dataclass(frozen=True)
class StatsView:
    year: int | None
    unit: str | None
    stats: RegisterStats
    sentence: str
    by_unit: tuple[tuple[str, RegisterStats], ...]
    repeats: int

    def to_json(self) -> dict[str, Any]:
        s = self.stats
        return {
            "year": self.year,
            "unit": self.unit,
            "categories": s.categories,
            "findings": s.findings,
            "amount": format_amount(s.amount),
            "rectified": s.rectified,
            "rate": str(s.rate),
            "sentence": self.sentence,
            "repeats": self.repeats,
            "by_category": [
                {"category": c, "findings": n, "amount": format_amount(a)} for c, n, a in s.by_category
            ],
            "by_status": [{"status": st.value, "findings": n} for st, n in s.by_status],
            "by_unit": [
                {
                    "unit": u,
                    "findings": st.findings,
                    "amount": format_amount(st.amount),
                    "rectified": st.rectified,
                    "rate": str(st.rate),
                }
                for u, st in self.by_unit
            ],
        }

"""Reading the change log and verifying its hash chain."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlmodel import col, select

from auditdesk.services.context import Context
from auditdesk.store import changelog
from auditdesk.store.models import ChangeLog


@dataclass(frozen=True)
class ChangeView:
    id: int
    at: dt.datetime
    actor: str
    entity: str
    entity_id: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at.isoformat(),
            "actor": self.actor,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "action": self.action,
            "before": self.before,
            "after": self.after,
        }


def recent_changes(ctx: Context, limit: int = 50) -> list[ChangeView]:
    with ctx.session() as session:
        rows = session.exec(select(ChangeLog).order_by(col(ChangeLog.id).desc()).limit(limit)).all()
        return [
            ChangeView(r.id or 0, r.at, r.actor, r.entity, r.entity_id, r.action, r.before, r.after)
            for r in reversed(rows)
        ]


def verify_log(ctx: Context) -> int | None:
    """The id of the first change-log row whose hash chain is broken, or None."""
    with ctx.session() as session:
        return changelog.verify(session)

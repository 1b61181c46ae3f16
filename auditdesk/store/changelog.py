"""The change log: one hash-chained row per write, in the writer's transaction."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, col, select

from auditdesk.store.models import ChangeLog, utcnow

_CHAIN_LOCK = 0x4155_4449_54  # an arbitrary, fixed advisory-lock key


def _digest(prev_hash: str, row: ChangeLog) -> str:
    payload = {
        "at": row.at.isoformat(),
        "actor": row.actor,
        "entity": row.entity,
        "entity_id": row.entity_id,
        "action": row.action,
        "before": row.before,
        "after": row.after,
    }
    text = prev_hash + json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record(
    session: Session,
    actor: str,
    entity: str,
    entity_id: object,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> ChangeLog:
    """Add a change-log row to ``session`` (the caller's transaction)."""
    if session.get_bind().dialect.name == "postgresql":
        # Writers on a shared server take turns at the chain's end until they commit; SQLite
        # already allows one writer at a time.
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CHAIN_LOCK})
    last = session.exec(select(ChangeLog.hash).order_by(col(ChangeLog.id).desc()).limit(1)).first()
    prev = last or ""
    row = ChangeLog(
        at=utcnow(),
        actor=actor,
        entity=entity,
        entity_id=str(entity_id),
        action=action,
        before=_jsonable(before),
        after=_jsonable(after),
        prev_hash=prev,
    )
    row.hash = _digest(prev, row)
    session.add(row)
    session.flush()
    return row


def verify(session: Session) -> int | None:
    """The id of the first row whose chain is broken, or None when the whole log is intact."""
    prev = ""
    for row in session.exec(select(ChangeLog).order_by(col(ChangeLog.id))):
        if row.prev_hash != prev or _digest(prev, row) != row.hash:
            return row.id
        prev = row.hash
    return None


def _jsonable(data: dict[str, Any] | None) -> dict[str, Any] | None:
    if data is None:
        return None
    return json.loads(json.dumps(data, ensure_ascii=False, default=str))

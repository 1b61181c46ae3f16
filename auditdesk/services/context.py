"""What every service gets: the engine and who is acting."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session

from auditdesk.store.db import make_engine, resolve_url
from auditdesk.store.migrations import migrate

ENV_USER = "AUDITDESK_USER"


@dataclass(frozen=True)
class Context:
    engine: Engine
    actor: str
    url: str

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)


def current_actor() -> str:
    name = os.environ.get(ENV_USER)
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers)
        return "unknown"


def open_context(db: str | None = None, actor: str | None = None) -> Context:
    """Open (and create or migrate) the database named by ``db``, ``$AUDITDESK_DB`` or the default."""
    url = resolve_url(db)
    engine = make_engine(url)
    migrate(engine)
    return Context(engine=engine, actor=actor or current_actor(), url=url)

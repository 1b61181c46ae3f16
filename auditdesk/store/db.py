"""Engine factory: a file path or any SQLAlchemy URL; SQLite with WAL and foreign keys on."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from auditdesk.core.errors import AuditdeskError

ENV_DB = "AUDITDESK_DB"

# Explicit (Python 3.12 deprecates the implicit one): a date is stored as ISO text, as SQLAlchemy does.
sqlite3.register_adapter(dt.date, dt.date.isoformat)


class StoreError(AuditdeskError):
    """The database cannot be opened or is of an unknown schema."""


def default_db_path() -> Path:
    return platformdirs.user_data_path("auditdesk", appauthor=False) / "auditdesk.db"


def resolve_url(db: str | None) -> str:
    """``--db`` beats ``$AUDITDESK_DB`` beats the user data directory. Paths become SQLite URLs."""
    target = db or os.environ.get(ENV_DB) or str(default_db_path())
    if "://" in target:
        try:
            make_url(target)
        except Exception as exc:
            raise StoreError("store.bad_url", url=target) from exc
        return target
    path = Path(target).expanduser().resolve()
    if path.is_dir():
        raise StoreError("store.path_is_dir", path=str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError("store.cannot_open", url=str(path), reason=str(exc)) from exc
    return f"sqlite:///{path}"


def make_engine(url: str) -> Engine:
    try:
        engine = create_engine(url)
    except Exception as exc:  # unknown dialect or driver
        raise StoreError("store.cannot_open", url=url, reason=str(exc)) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()

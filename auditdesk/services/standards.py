"""Finding the standards files: a user's copy in the data directory overrides the shipped one.

The shipped files live in ``templates/standards/`` beside the package (the project is installed
editable), where users are told to look; the user's copy is ``<user data dir>/standards/<name>``.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

import auditdesk
from auditdesk.core.errors import AuditdeskError
from auditdesk.core.standards import PlanWeights, load_plan_weights
from auditdesk.i18n import t
from auditdesk.services.errors import ServiceError

NATIONAL = "national.toml"


def shipped_standards_dir() -> Path:
    return Path(auditdesk.__file__).resolve().parents[1] / "templates" / "standards"


def user_standards_dir() -> Path:
    return platformdirs.user_data_path("auditdesk", appauthor=False) / "standards"


def standards_file(name: str = NATIONAL) -> Path:
    """The user's copy of ``name`` if there is one, else the shipped file; an error if neither exists."""
    user = user_standards_dir() / name
    if user.is_file():
        return user
    shipped = shipped_standards_dir() / name
    if shipped.is_file():
        return shipped
    raise ServiceError("standards.missing", name=name, shipped=str(shipped), user=str(user))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ServiceError("standards.unreadable", file=str(path), reason=str(exc)) from exc


def plan_weights(name: str = NATIONAL) -> tuple[PlanWeights, Path]:
    """The annual plan's weights and the file they were read from."""
    path = standards_file(name)
    try:
        return load_plan_weights(_read(path), str(path)), path
    except AuditdeskError as err:
        if err.key != "standards.bad_key":
            raise
        params = dict(err.params)
        params["reason"] = t(params["reason"], **params)
        raise ServiceError(err.key, **params) from err

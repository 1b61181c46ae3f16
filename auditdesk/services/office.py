"""Finding the office settings: a user's ``<user data dir>/office.toml`` overrides the shipped one.

The shipped file is ``templates/office.toml`` beside the package, as for the standards files.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

from auditdesk.core.errors import AuditdeskError
from auditdesk.core.office import OfficeSettings, load_office
from auditdesk.documents.render import shipped_templates_dir
from auditdesk.i18n import t
from auditdesk.services.errors import ServiceError

OFFICE = "office.toml"


def shipped_office_file() -> Path:
    return shipped_templates_dir() / OFFICE


def user_office_file() -> Path:
    return platformdirs.user_data_path("auditdesk", appauthor=False) / OFFICE


def office_file() -> Path:
    """The user's copy if there is one, else the shipped file; an error if neither exists."""
    user = user_office_file()
    if user.is_file():
        return user
    shipped = shipped_office_file()
    if shipped.is_file():
        return shipped
    raise ServiceError("office.missing", shipped=str(shipped), user=str(user))


def office_settings() -> tuple[OfficeSettings, Path]:
    """The office's settings and the file they were read from."""
    path = office_file()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ServiceError("office.unreadable", file=str(path), reason=str(exc)) from exc
    try:
        return load_office(text, str(path)), path
    except AuditdeskError as err:
        if err.key != "office.bad_key":
            raise
        params = dict(err.params)
        params["reason"] = t(params["reason"], **params)
        raise ServiceError(err.key, **params) from err

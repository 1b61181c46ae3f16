"""Finding the standards files: a user's copy in the data directory overrides the shipped one.

The shipped files live in ``templates/standards/`` beside the package (the project is installed
editable), where users are told to look; the user's copy is ``<user data dir>/standards/<name>``.
A profile is named by its file name without ``.toml`` (``national``, ``anhui``); user copies override
the shipped files one file at a time, and a user may add profiles of their own.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

import platformdirs

from auditdesk.core.errors import AuditdeskError
from auditdesk.core.standards import PlanWeights, Standards, load_plan_weights, load_profile
from auditdesk.documents.render import shipped_templates_dir
from auditdesk.i18n import t
from auditdesk.services.errors import ServiceError
from auditdesk.services.office import office_settings

NATIONAL = "national.toml"


def shipped_standards_dir() -> Path:
    return shipped_templates_dir() / "standards"


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
        raise _in_words(err) from err


def _in_words(err: AuditdeskError) -> AuditdeskError:
    """A ``standards.bad_key`` error with its ``reason`` rendered; any other error as it is."""
    if err.key != "standards.bad_key":
        return err
    params = dict(err.params)
    params["reason"] = t(params["reason"], **params)
    return ServiceError(err.key, **params)


class ProfileInfo(NamedTuple):
    name: str
    title: str  # the file's ``[profile] name``; empty when the file cannot be read
    path: Path
    is_user_copy: bool


def _profile_files() -> dict[str, tuple[Path, bool]]:
    """Every profile name → its file (the user's copy when there is one) and whether it is the copy."""
    found: dict[str, tuple[Path, bool]] = {}
    for folder, is_user in ((shipped_standards_dir(), False), (user_standards_dir(), True)):
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                if path.is_file():
                    found[path.stem] = (path, is_user)
    return found


class _Texts(Mapping[str, str]):
    """Profile texts read only when the loader asks for them (a broken unrelated file does not matter)."""

    def __init__(self, files: Mapping[str, tuple[Path, bool]]) -> None:
        self._files = files

    def __getitem__(self, name: str) -> str:
        return _read(self._files[name][0])

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)


def _profile_name(name: str) -> str:
    return name.removesuffix(".toml")


def load_standards(name: str) -> Standards:
    """The profile ``name`` (``anhui`` or ``anhui.toml``) with what it extends; errors in words."""
    files = _profile_files()
    sources = {n: str(path) for n, (path, _) in files.items()}
    try:
        return load_profile(_Texts(files), _profile_name(name), sources)
    except AuditdeskError as err:
        raise _in_words(err) from err


def current_standards() -> Standards:
    """The county's profile: the one the office file names (``[office] standards``, default national)."""
    office, path = office_settings()
    files = _profile_files()
    if office.standards not in files:
        raise ServiceError("standards.office_unknown", name=office.standards, file=str(path),
                           known="、".join(sorted(files)) or "—")
    return load_standards(office.standards)


def list_profiles() -> list[ProfileInfo]:
    """Every profile, shipped or the user's, by name."""
    out: list[ProfileInfo] = []
    for name, (path, is_user) in sorted(_profile_files().items()):
        title = ""
        try:
            profile = tomllib.loads(path.read_text(encoding="utf-8")).get("profile")
            if isinstance(profile, dict) and isinstance(profile.get("name"), str):
                title = profile["name"].strip()
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            pass
        out.append(ProfileInfo(name, title, path, is_user))
    return out

"""Checks shared by the settings files (standards, office): every problem names the file and the key.

``kind`` picks the error: ``"<kind>.bad_key"`` with ``file``, ``setting`` and ``reason`` (a message key
the service layer renders), plus the reason's own parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from auditdesk.core.errors import AuditdeskError


def bad(kind: str, source: str, setting: str, reason: str, **params: Any) -> AuditdeskError:
    return AuditdeskError(f"{kind}.bad_key", file=source, setting=setting, reason=reason, **params)


def table(
    kind: str,
    doc: Mapping[str, Any],
    name: str,
    allowed: tuple[str, ...],
    required: tuple[str, ...],
    source: str,
) -> Mapping[str, Any]:
    """The table ``name`` with only ``allowed`` keys and every ``required`` one; an absent table is
    empty when nothing in it is required."""
    found = doc.get(name)
    if found is None:
        if required:
            raise bad(kind, source, name, "standards.reason.missing_table")
        return {}
    if not isinstance(found, dict):
        raise bad(kind, source, name, "standards.reason.not_table")
    for key in found:
        if key not in allowed:
            raise bad(kind, source, f"{name}.{key}", "standards.reason.unknown", allowed="、".join(allowed))
    for key in required:
        if key not in found:
            raise bad(kind, source, f"{name}.{key}", "standards.reason.missing")
    return found


def whole(kind: str, value: Any, source: str, key: str) -> int:
    """A whole number ≥ 0 (not a float, a string or a boolean)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad(kind, source, key, "standards.reason.not_whole", value=value)
    if value < 0:
        raise bad(kind, source, key, "standards.reason.negative", value=value)
    return value


def text(kind: str, value: Any, source: str, key: str) -> str:
    """A non-empty text, stripped."""
    if not isinstance(value, str) or not value.strip():
        raise bad(kind, source, key, "standards.reason.not_text", value=value)
    return value.strip()

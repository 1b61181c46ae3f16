"""Printing for the CLI: JSON (the contract) or plain Chinese lines, errors through the catalogue."""

from __future__ import annotations

import json
import sys
from typing import Any

from auditdesk.core.errors import AuditdeskError
from auditdesk.i18n import t


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    sys.stdout.flush()


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def warn(text: str) -> None:
    sys.stderr.write(text + "\n")


def error_text(err: AuditdeskError) -> str:
    return t(err.key, **err.params)


def report_error(err: AuditdeskError, as_json: bool) -> None:
    message = error_text(err)
    if as_json:
        emit_json({"status": "error", "error": {"key": err.key, "message": message}})
    else:
        warn(t("cli.error", message=message))


def table(headers: list[str], rows: list[list[str]], right: set[int] | None = None) -> str:
    """A plain text table; widths count CJK characters as two columns."""
    right = right or set()
    widths = [_width(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], _width(cell))

    def line(cells: list[str]) -> str:
        out = []
        for i, cell in enumerate(cells):
            pad = " " * (widths[i] - _width(cell))
            out.append(pad + cell if i in right else cell + pad)
        return "  ".join(out).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)

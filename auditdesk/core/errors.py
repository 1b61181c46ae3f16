"""Typed domain errors: a message key and its parameters, rendered by the shells through the catalogue."""

from __future__ import annotations

from typing import Any


class AuditdeskError(Exception):
    """Base of every error a user may see. ``key`` names a message in ``auditdesk.i18n``."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key, params)
        self.key = key
        self.params: dict[str, Any] = params

    def __str__(self) -> str:  # developer-facing only; users see the catalogue's text
        return f"{self.key} {self.params}" if self.params else self.key


class ValueProblem(AuditdeskError):
    """A single cell value cannot be read (an amount, a date)."""


class AmountError(ValueProblem):
    """An amount cell or text is not an exact amount of money."""


class DateError(ValueProblem):
    """A date cell or text is not a real calendar date."""

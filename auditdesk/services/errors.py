"""Errors raised by services: a message key and its parameters."""

from __future__ import annotations

from auditdesk.core.errors import AuditdeskError


class ServiceError(AuditdeskError):
    """A user action that cannot be carried out as asked."""

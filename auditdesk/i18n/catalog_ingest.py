"""Messages of the ingest layer."""

MESSAGES: dict[str, dict[str, str]] = {}

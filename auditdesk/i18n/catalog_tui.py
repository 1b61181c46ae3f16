"""Messages of the tui layer."""

MESSAGES: dict[str, dict[str, str]] = {}

"""Persistence: SQLModel tables, the engine factory, schema migrations and the change log."""

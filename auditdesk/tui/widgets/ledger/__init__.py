"""Widgets of the ledger screen."""

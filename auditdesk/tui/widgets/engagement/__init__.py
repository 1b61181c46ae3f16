"""Widgets of the engagement screens."""

"""Reusable widgets, grouped by the screen area they serve."""

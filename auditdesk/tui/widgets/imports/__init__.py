"""Widgets of the imports screen."""

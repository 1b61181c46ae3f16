"""Widgets of the report screen (报告): the documents with a Markdown preview, the unit's replies."""

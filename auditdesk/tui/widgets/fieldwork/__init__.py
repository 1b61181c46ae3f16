"""Widgets of the fieldwork screen (现场审计): one pane per tab, each posting its writes to the screen."""

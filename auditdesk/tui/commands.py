"""Command palette: the current screen's actions, by their translated names and tooltips."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ScreenActions(Provider):
    """Every auditdesk binding active on the screen the palette was opened from (keys have ids)."""

    def _actions(self) -> list[tuple[str, str, Callable[[], Any]]]:
        found: list[tuple[str, str, Callable[[], Any]]] = []
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if binding.id is None or not binding.description or binding.action == "command_palette":
                continue
            if not active.enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            command = partial(self.app.run_action, binding.action, active.node)
            found.append((binding.description, binding.tooltip, command))
        return found

    async def discover(self) -> Hits:
        for name, help_text, command in self._actions():
            yield DiscoveryHit(name, command, help=help_text or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, command in self._actions():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, text=name, help=help_text or None)


class GlobalScreens(Provider):
    """Screens reachable from anywhere: the rectification register (问题台账)."""

    def _commands(self) -> list[tuple[str, str, Callable[[], Any]]]:
        from auditdesk.i18n import t

        return [(t("tui.register.open"), t("tui.register.open_tip"), self._open_register)]

    def _open_register(self) -> None:
        from auditdesk.tui.screens.register import RegisterScreen

        self.app.push_screen(RegisterScreen())

    async def discover(self) -> Hits:
        for name, help_text, command in self._commands():
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, command in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, text=name, help=help_text)

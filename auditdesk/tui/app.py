"""The Textual application of auditdesk.

Language: every visible string comes from ``auditdesk.i18n.t()`` and is resolved when a widget
or screen is *built*, never when a module is imported. Bindings declare message keys and are
translated per instance by ``auditdesk.tui.localize.localize_bindings``. So the CLI only has to
call ``set_lang("en")`` before ``build_app(ctx)`` for ``--lang en`` to take effect.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, cast

from textual.app import App, CSSPathType
from textual.binding import Binding, BindingType
from textual.command import CommandPalette, Provider

from auditdesk.i18n import t
from auditdesk.services.context import Context
from auditdesk.tui.commands import GlobalScreens, ScreenActions
from auditdesk.tui.localize import localize_bindings
from auditdesk.tui.screens.error import ErrorModal, error_text
from auditdesk.tui.screens.home import HomeScreen

STYLES = Path(__file__).parent / "styles"


class AuditdeskApp(App[None]):
    CSS_PATH: ClassVar[CSSPathType | None] = [
        STYLES / name for name in (
            "app.tcss", "home.tcss", "import.tcss", "ledger.tcss", "modals.tcss", "engagement.tcss"
        )
    ]
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ScreenActions, GlobalScreens}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+q", "quit", "tui.key.quit", id="app.quit", tooltip="tui.tip.quit", show=False, priority=True
        ),
        Binding(
            "ctrl+p",
            "command_palette",
            "tui.key.palette",
            id="app.palette",
            tooltip="tui.tip.palette",
            show=False,
            priority=True,
        ),
    ]

    def __init__(
        self, ctx: Context, start_dir: Path | None = None, documents_dir: Path | None = None
    ) -> None:
        super().__init__()
        localize_bindings(self)
        self.ctx = ctx
        self.start_dir = start_dir or Path.cwd()
        self.documents_dir = documents_dir  # where notices are written; None: the services' default
        self.title = t("tui.app.title")

    def get_default_screen(self) -> HomeScreen:
        return HomeScreen()

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(CommandPalette(placeholder=t("tui.palette.placeholder"), id="--command-palette"))

    def show_error(self, error: BaseException) -> None:
        """One modal for every failure: the catalogue's sentence, never a traceback."""
        self.push_screen(ErrorModal(error_text(error)))


def build_app(
    ctx: Context, start_dir: Path | None = None, documents_dir: Path | None = None
) -> AuditdeskApp:
    """The app as the CLI runs it (``build_app(ctx).run()``); tests build it the same way."""
    return AuditdeskApp(ctx, start_dir=start_dir, documents_dir=documents_dir)

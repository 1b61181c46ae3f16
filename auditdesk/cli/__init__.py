"""Command line: ``auditdesk`` opens the TUI; subcommands do the same work from a shell.

The language is chosen before the command definitions are imported, so that help texts,
like every other string, come from the catalogue in the language asked for.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from auditdesk.i18n import set_lang


def _early_lang(argv: Sequence[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get("AUDITDESK_LANG")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    lang = _early_lang(args)
    if lang in ("zh", "en"):
        set_lang(lang)
    from auditdesk.cli.app import run

    return run(args)

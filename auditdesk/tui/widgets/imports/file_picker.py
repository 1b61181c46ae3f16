"""Picking a ledger file: a directory tree filtered to spreadsheets, and path completion."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from textual.suggester import Suggester
from textual.widgets import DirectoryTree

LEDGER_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".csv"})


def is_ledger_file(path: Path) -> bool:
    return path.suffix.lower() in LEDGER_SUFFIXES


class LedgerDirectoryTree(DirectoryTree):
    """Folders and the spreadsheet/CSV files auditdesk can import; hidden entries left out."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        shown: list[Path] = []
        for path in paths:
            if path.name.startswith("."):
                continue
            try:
                if path.is_dir() or is_ledger_file(path):
                    shown.append(path)
            except OSError:
                continue
        return shown


class PathSuggester(Suggester):
    """Completes the last component of a typed path to a folder or a ledger file."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value)


def complete_path(value: str) -> str | None:
    """The first folder or ledger file that extends ``value`` (folders end with a separator)."""
    if not value:
        return None
    expanded = os.path.expanduser(value)
    folder, stem = os.path.split(expanded)
    base = Path(folder) if folder else Path(".")
    try:
        names = sorted(os.scandir(base), key=lambda e: (not e.is_dir(), e.name.lower()))
    except OSError:
        return None
    for entry in names:
        if entry.name.startswith(".") and not stem.startswith("."):
            continue
        if not entry.name.startswith(stem) or entry.name == stem:
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            continue
        if not is_dir and not is_ledger_file(Path(entry.name)):
            continue
        return value + entry.name[len(stem) :] + (os.sep if is_dir else "")
    return None

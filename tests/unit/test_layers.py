"""The headless layers must load without Textual (harlequin's habit, beside the import-linter contracts)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import auditdesk

HEADLESS = ("core", "ingest", "store", "services", "documents")


def _modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(auditdesk.__path__, "auditdesk."):
        layer = info.name.split(".")[1]
        if layer in HEADLESS:
            names.append(info.name)
    return names


@pytest.mark.parametrize("layer", HEADLESS)
def test_headless_layer_imports_without_textual(layer: str) -> None:
    modules = [m for m in _modules() if m.split(".")[1] == layer] or [f"auditdesk.{layer}"]
    code = "import importlib, sys\n" + "".join(f"importlib.import_module({m!r})\n" for m in modules)
    code += "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
    code += "assert not bad, bad\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr

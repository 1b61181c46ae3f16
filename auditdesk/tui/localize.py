"""Key bindings whose descriptions and tooltips are message keys, translated per instance.

Textual merges a class's ``BINDINGS`` when the class is *created* (at import time), so a
``Binding("i", "import", t("..."))`` in a class body would freeze whatever language was active
when the module was imported. Instead every auditdesk ``Binding`` carries message *keys* in
``description`` and ``tooltip``; ``localize_bindings(node)`` — called from each node's
``__init__`` — replaces them with ``t(key)`` in the language active when the app is built.
So ``set_lang("en")`` only has to happen before ``build_app()``, not before any import.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from auditdesk.i18n import CATALOGUE, has, t


def _text(value: str) -> str:
    return t(value) if value and has(value) else value


def localize_binding(binding: Binding) -> Binding:
    return replace(binding, description=_text(binding.description), tooltip=_text(binding.tooltip))


def localize_bindings(node: DOMNode) -> None:
    """Translate the message keys in ``node``'s merged bindings (in place, for this instance only)."""
    keys = {
        key: [localize_binding(b) for b in bindings]
        for key, bindings in node._bindings.key_to_bindings.items()
    }
    node._bindings = BindingsMap.from_keys(keys)


CATEGORY_SLUGS = ("budget", "income", "spending", "assets", "accounting", "control")
"""The default problem categories (``core.register.DEFAULT_CATEGORIES``): each has a label
``tui.category.<slug>`` whose Chinese text is the category as stored."""


def category_label(category: str) -> str:
    """A problem category (stored by its Chinese name) in the current language; others as stored."""
    for slug in CATEGORY_SLUGS:
        key = f"tui.category.{slug}"
        if CATALOGUE[key]["zh"] == category:
            return t(key)
    return category

"""The one message catalogue. Simplified Chinese by default; ``--lang en`` switches to English.

The catalogue is one dictionary assembled from per-area parts (so that parts can be edited
side by side); every user-visible string is looked up here by key.
"""

from __future__ import annotations

import os
from typing import Any

from auditdesk.i18n import (
    catalog_checks,
    catalog_checks_cash,
    catalog_checks_hints,
    catalog_cli,
    catalog_core,
    catalog_documents,
    catalog_documents_reports,
    catalog_engagement,
    catalog_fieldwork,
    catalog_ingest,
    catalog_plan,
    catalog_register,
    catalog_register_workbook,
    catalog_roster,
    catalog_sampling,
    catalog_services,
    catalog_standards,
    catalog_tui,
    catalog_tui_fieldwork,
    catalog_tui_register,
    catalog_tui_report,
)

LANGS = ("zh", "en")

CATALOGUE: dict[str, dict[str, str]] = {}
_PARTS = (
    catalog_core,
    catalog_ingest,
    catalog_services,
    catalog_cli,
    catalog_tui,
    catalog_roster,
    catalog_plan,
    catalog_engagement,
    catalog_documents,
    catalog_documents_reports,
    catalog_standards,
    catalog_checks,
    catalog_checks_cash,
    catalog_checks_hints,
    catalog_sampling,
    catalog_register,
    catalog_register_workbook,
    catalog_fieldwork,
    catalog_tui_fieldwork,
    catalog_tui_register,
    catalog_tui_report,
)
for _part in _PARTS:
    for _key, _texts in _part.MESSAGES.items():
        if _key in CATALOGUE:
            raise RuntimeError(f"duplicate message key {_key}")
        CATALOGUE[_key] = _texts

_lang = "en" if os.environ.get("AUDITDESK_LANG", "zh").lower().startswith("en") else "zh"


def set_lang(lang: str) -> None:
    global _lang
    if lang not in LANGS:
        raise ValueError(lang)
    _lang = lang


def get_lang() -> str:
    return _lang


def t(key: str, **params: Any) -> str:
    """The message ``key`` in the current language with ``params`` filled in."""
    texts = CATALOGUE.get(key)
    if texts is None:
        raise KeyError(f"message key {key!r} is not in the catalogue")
    template = texts.get(_lang) or texts["zh"]
    try:
        return template.format(**params)
    except (KeyError, IndexError) as exc:
        raise KeyError(f"message {key!r} needs parameter {exc}") from None


def has(key: str) -> bool:
    return key in CATALOGUE

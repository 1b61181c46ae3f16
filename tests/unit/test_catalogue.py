"""The one message catalogue: every key has both languages, and every key the code names exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

from auditdesk.i18n import CATALOGUE, LANGS

PACKAGE = Path(__file__).resolve().parents[2] / "auditdesk"
# t("key"), Error("key", ...), key="..." and "cli.status.{...}"-style prefixes are all message keys.
_USES = re.compile(r'(?:\bt\(|Error\(|\bkey=)\s*"([a-z_]+(?:\.[a-z0-9_\-]+)+)"')


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    for key, texts in CATALOGUE.items():
        assert set(texts) == set(LANGS), key
        fields = [
            {name for _, name, _, _ in string.Formatter().parse(texts[lang]) if name} for lang in LANGS
        ]
        assert fields[0] == fields[1], key


def test_every_key_named_in_the_code_is_catalogued() -> None:
    used: set[str] = set()
    for source in PACKAGE.rglob("*.py"):
        if "i18n" in source.parts:
            continue
        used |= set(_USES.findall(source.read_text(encoding="utf-8")))
    assert len(used) > 50
    missing = sorted(k for k in used if k not in CATALOGUE)
    assert not missing, missing


_PREFIXED = re.compile(  # not widget ids, worker groups or foreign keys
    r'(?<!id=)(?<!group=)(?<!_key=)"((?:tui|cli|import|unit|store|ingest|skip|layout|field|amount|date|account|demo)\.[a-z0-9_\-]+'
    r'(?:\.[a-z0-9_\-]+)*)"'
)


def test_every_prefixed_literal_is_catalogued() -> None:
    """Keys passed around before rendering (bindings, layouts, column titles) must exist too."""
    used: set[str] = set()
    for source in PACKAGE.rglob("*.py"):
        if "i18n" in source.parts:
            continue
        used |= set(_PREFIXED.findall(source.read_text(encoding="utf-8")))
    files = (".py", ".db", ".toml", ".tcss")
    missing = sorted(k for k in used if k not in CATALOGUE and not k.endswith(files))
    assert not missing, missing

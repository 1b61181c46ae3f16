"""Every key the ingest layer emits is in the catalogue and renders with the parameters it carries."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from auditdesk.i18n import CATALOGUE, set_lang, t
from auditdesk.ingest import FIELDS, IngestError, parse_ledger
from tests.fixtures.ledgers import JOURNAL_HEADER, write_xlsx

INGEST = Path(__file__).resolve().parents[2] / "auditdesk" / "ingest"


def test_every_key_in_the_source_is_catalogued() -> None:
    keys: set[str] = set()
    for source in INGEST.glob("*.py"):
        keys |= set(re.findall(r'"((?:ingest|skip|layout)\.[a-z_]+)"', source.read_text(encoding="utf-8")))
    assert keys and not sorted(k for k in keys if k not in CATALOGUE)
    assert all(f"field.{f}" in CATALOGUE for f in FIELDS)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_problems_and_errors_render(tmp_path: Path, lang: str) -> None:
    set_lang(lang)
    rows = [
        JOURNAL_HEADER,
        ["2024-02-30", "记-1", "x", "", "", "abc", "=1+1", "两张"],
        [dt.date(2023, 1, 1), "记-2", "x", "102", "银行存款", 12.345, None, None],
        [dt.date(2024, 1, 1), "记-3", "x", "102", "银行存款", None, None, None],
        [None, None, "本月合计", None, None, 1.0, None, None],
    ]
    led = parse_ledger(write_xlsx(tmp_path / "p.xlsx", {"s": rows}), 2024)
    assert len({p.key for p in led.problems}) >= 6
    for problem in led.problems:
        assert t(problem.key, **problem.params)
    for row in led.skipped:
        assert t(row.key)
    for sheet in led.sheets:
        assert t(sheet.layout)
    for path, key in (
        (tmp_path / "none.xlsx", "ingest.file_missing"),
        (tmp_path / "x.doc", "ingest.unknown_format"),
    ):
        if path.suffix == ".doc":
            path.write_bytes(b"x")
        with pytest.raises(IngestError) as err:
            parse_ledger(path, 2024)
        assert err.value.key == key and str(path) in t(err.value.key, **err.value.params)

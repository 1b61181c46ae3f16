"""The shipped templates reach a wheel install: every file of templates/ matches a data-files pattern,
and an installed copy below a data prefix is found when there is no source tree beside the package."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

from auditdesk.documents.render import INSTALLED_TEMPLATES, installed_templates_dir, shipped_templates_dir

ROOT = Path(__file__).resolve().parents[2]


def test_every_template_file_is_in_the_wheels_data_files() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = [p for ps in config["tool"]["setuptools"]["data-files"].values() for p in ps]
    files = [f.relative_to(ROOT).as_posix() for f in (ROOT / "templates").rglob("*") if f.is_file()]
    assert (
        files
        and [f for f in files if not any(fnmatch(f, p) and f.count("/") == p.count("/") for p in patterns)]
        == []
    )


def test_an_installed_copy_is_found_below_a_data_prefix(tmp_path: Path) -> None:
    assert shipped_templates_dir() == ROOT / "templates"  # a source checkout uses its own
    assert installed_templates_dir([tmp_path]) is None
    (tmp_path / INSTALLED_TEMPLATES / "standards").mkdir(parents=True)
    assert installed_templates_dir([tmp_path / "nope", tmp_path]) == tmp_path / INSTALLED_TEMPLATES

"""Shared rendering: a docxtpl Word template and a Jinja Markdown template, strict about fields.

Both templates see the same context. ``StrictUndefined`` makes a template that names a field the
context lacks an error (``documents.template_field``) instead of a silent blank in an official
document. The .docx is rendered with XML autoescaping, so ``&`` or ``<`` in a unit's name is safe.
Outputs are rendered in memory first and written only when both templates succeeded.
"""

from __future__ import annotations

import io
import re
import site
import sys
import sysconfig
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate

from auditdesk.core.errors import AuditdeskError

_UNDEFINED = (
    re.compile(r"'([^']+)' is undefined"),
    re.compile(r"has no attribute '([^']+)'"),
)


INSTALLED_TEMPLATES = Path("share") / "auditdesk" / "templates"
"""Where a wheel installs ``templates/`` (``[tool.setuptools.data-files]``), below a data prefix."""


def shipped_templates_dir() -> Path:
    """The shipped ``templates/`` (documents, office.toml, standards/): beside the package in a source
    checkout or an editable install; otherwise where the wheel put them, below the environment's
    data prefix (``sys.prefix``, or the user base for ``pip install --user``)."""
    source = Path(__file__).resolve().parents[2] / "templates"
    if source.is_dir():
        return source
    prefixes = [Path(sysconfig.get_path("data")), Path(sys.prefix)]
    if site.USER_BASE:
        prefixes.append(Path(site.USER_BASE))
    installed = installed_templates_dir(prefixes)
    return installed or source  # missing everywhere: find_template names the source place


def installed_templates_dir(prefixes: Sequence[Path]) -> Path | None:
    """The first ``<prefix>/share/auditdesk/templates`` that exists."""
    for prefix in prefixes:
        candidate = prefix / INSTALLED_TEMPLATES
        if candidate.is_dir():
            return candidate
    return None


def find_template(name: str, shipped_dir: Path, user_dir: Path) -> Path:
    """The user's copy of ``name`` in ``user_dir`` if there is one, else the shipped file.

    Raises ``documents.template_missing`` (with the places searched) when neither exists.
    """
    candidates = (user_dir / name, shipped_dir / name)
    if Path(name).name == name and name not in ("", ".", ".."):
        for candidate in candidates:
            if candidate.is_file():
                return candidate
    raise AuditdeskError(
        "documents.template_missing", name=name, searched="; ".join(str(path) for path in candidates)
    )


def _environment(*, autoescape: bool) -> jinja2.Environment:
    return jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=not autoescape,  # Markdown: a {% tag %} line leaves no blank line behind
        lstrip_blocks=not autoescape,
    )


def _template_error(template: Path, exc: jinja2.TemplateError) -> AuditdeskError:
    """The user-facing error for a Jinja failure: the missing field named, or the syntax problem."""
    message = str(exc.message or exc)
    if isinstance(exc, jinja2.UndefinedError):
        for pattern in _UNDEFINED:
            match = pattern.search(message)
            if match:
                return AuditdeskError("documents.template_field", template=template.name, field=match[1])
        return AuditdeskError("documents.template_field", template=template.name, field=message)
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return AuditdeskError(
            "documents.template_syntax", template=template.name, line=exc.lineno, message=message
        )
    return AuditdeskError("documents.template_syntax", template=template.name, line=0, message=message)


def render_docx_bytes(template: Path, context: Mapping[str, Any]) -> bytes:
    """Render a docxtpl template into the bytes of a .docx."""
    try:
        document = DocxTemplate(str(template))
        document.render(dict(context), jinja_env=_environment(autoescape=True))
    except jinja2.TemplateError as exc:
        raise _template_error(template, exc) from None
    except (OSError, zipfile.BadZipFile, KeyError, PackageNotFoundError, ValueError) as exc:
        raise AuditdeskError(
            "documents.template_unreadable", template=template.name, reason=str(exc) or type(exc).__name__
        ) from None
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_markdown(template: Path, context: Mapping[str, Any]) -> str:
    """Render a Jinja Markdown template (UTF-8; a BOM is tolerated) into text."""
    try:
        source = template.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AuditdeskError(
            "documents.template_unreadable", template=template.name, reason=str(exc) or type(exc).__name__
        ) from None
    try:
        return _environment(autoescape=False).from_string(source).render(dict(context))
    except jinja2.TemplateError as exc:
        raise _template_error(template, exc) from None


def write_outputs(out_dir: Path, files: Mapping[str, bytes]) -> tuple[Path, ...]:
    """Write ``{file name: content}`` into ``out_dir`` (created if needed); each file replaced whole."""
    written: list[Path] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            target = out_dir / name
            partial = out_dir / f".{name}.partial"
            partial.write_bytes(content)
            partial.replace(target)
            written.append(target)
    except OSError as exc:
        raise AuditdeskError("documents.write_failed", path=str(out_dir), reason=str(exc)) from None
    return tuple(written)


def render_pair(
    context: Mapping[str, Any], *, docx_template: Path, md_template: Path, out_dir: Path, stem: str
) -> tuple[Path, Path]:
    """Render both templates with ``context`` and write ``stem.docx`` and ``stem.md``."""
    if not stem or Path(stem).name != stem:
        raise AuditdeskError("documents.bad_stem", stem=stem)
    docx_bytes = render_docx_bytes(docx_template, context)
    markdown = render_markdown(md_template, context)
    docx_path, md_path = write_outputs(
        out_dir, {f"{stem}.docx": docx_bytes, f"{stem}.md": markdown.encode("utf-8")}
    )
    return docx_path, md_path

"""A .docx to PDF with LibreOffice, when it is installed (auditdesk never requires it).

``soffice --headless --convert-to pdf --outdir DIR FILE`` with a private, throw-away user profile: a
LibreOffice the user has open (or a stale lock from a crashed one) would otherwise take the request
and exit without converting anything.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from auditdesk.core.errors import AuditdeskError

__all__ = ["EXECUTABLES", "find_soffice", "to_pdf"]

EXECUTABLES = ("soffice", "libreoffice")
_REASON_CHARS = 300  # the tail of LibreOffice's output kept in an error


def find_soffice() -> str | None:
    """The path of ``soffice`` (or ``libreoffice``) on PATH, or ``None``."""
    for name in EXECUTABLES:
        found = shutil.which(name)
        if found:
            return found
    return None


def to_pdf(docx: Path, out_dir: Path | None = None, timeout: float = 120) -> Path:
    """Convert ``docx`` to ``out_dir/<same stem>.pdf`` (default: beside it) and return that path.

    Raises ``pdf.no_libreoffice`` when LibreOffice is not installed, ``pdf.no_source`` when ``docx``
    does not exist, ``pdf.timeout`` after ``timeout`` seconds and ``pdf.failed`` when LibreOffice
    ends without writing the PDF (with the tail of its output as the reason).
    """
    soffice = find_soffice()
    if soffice is None:
        raise AuditdeskError("pdf.no_libreoffice")
    source = Path(docx).resolve()
    if not source.is_file():
        raise AuditdeskError("pdf.no_source", path=str(docx))
    target_dir = (Path(out_dir) if out_dir is not None else source.parent).resolve()
    target = target_dir / f"{source.stem}.pdf"
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)  # never mistake an old PDF for this conversion's
    except OSError as exc:
        raise AuditdeskError("pdf.failed", file=source.name, reason=exc.strerror or str(exc)) from None
    with tempfile.TemporaryDirectory(prefix="auditdesk-soffice-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(target_dir),
            str(source),
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise AuditdeskError("pdf.timeout", file=source.name, seconds=round(timeout)) from None
        except OSError as exc:
            raise AuditdeskError("pdf.failed", file=source.name, reason=exc.strerror or str(exc)) from None
    if result.returncode != 0 or not target.is_file():
        output = " ".join(f"{result.stderr} {result.stdout}".split())
        reason = output[-_REASON_CHARS:] or f"exit status {result.returncode}"
        raise AuditdeskError("pdf.failed", file=source.name, reason=reason)
    return target

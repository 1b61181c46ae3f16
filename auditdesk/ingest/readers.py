"""Open a file and hand back its sheets as grids of cell values (row 0 = Excel row 1, column 0 = A).

Spreadsheets go through python-calamine; CSV through the csv module after the encoding is detected.
The kind of file is told by its bytes, not only by its name, so that a PNG renamed ``.xlsx`` or a
password-protected workbook gets a plain error instead of a library's message.
"""

from __future__ import annotations

import csv
import hashlib
import io
import threading
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook, PasswordError

from auditdesk.ingest.formulas import scan_uncached_formulas
from auditdesk.ingest.model import IngestError
from auditdesk.ingest.values import FormulaCell

SPREADSHEET_EXTS = {".xlsx": "xlsx", ".xlsm": "xlsm", ".xls": "xls", ".ods": "ods"}
SUPPORTED_EXTS = (*SPREADSHEET_EXTS, ".csv")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_WORKBOOK = "Workbook".encode("utf-16-le")
_BOOK = "Book".encode("utf-16-le")


@dataclass
class RawSheet:
    name: str
    rows: list[list[Any]]  # each row padded to ``width``; FormulaCell where a formula has no value
    width: int
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1 inclusive


@dataclass
class RawBook:
    path: Path
    format: str
    encoding: str | None
    sha256: str
    sheets: list[RawSheet]
    sheet_names: list[str]  # every sheet of the file, also those not read


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def read_book(path: Path, sheets: Sequence[str] | None = None) -> RawBook:
    """Read the named sheets (all when None). Raises IngestError for any file-level failure."""
    path = Path(path)
    if not path.is_file():
        raise IngestError("ingest.file_missing", path=str(path))
    ext = path.suffix.lower()
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise IngestError("ingest.unreadable", path=str(path), reason=exc.strerror or str(exc)) from None
    if not head:
        raise IngestError("ingest.empty", path=str(path))
    if ext not in SUPPORTED_EXTS:
        raise IngestError("ingest.unknown_format", path=str(path), ext=ext or "-")
    if head.startswith(_OLE):
        _check_ole(path)
        return _read_calamine(path, "xls", sheets, by_content=ext != ".xls")
    if head.startswith(_ZIP):
        kind = _zip_kind(path)
        if kind == "xlsx":
            fmt = "xlsm" if ext == ".xlsm" else "xlsx"
            return _read_calamine(path, fmt, sheets, by_content=ext not in (".xlsx", ".xlsm"))
        if kind == "ods":
            return _read_calamine(path, "ods", sheets, by_content=ext != ".ods")
        raise IngestError("ingest.not_spreadsheet", path=str(path))
    if ext == ".csv":
        return _read_csv(path, sheets)
    raise IngestError("ingest.not_spreadsheet", path=str(path))


def _check_ole(path: Path) -> None:
    """An OLE container is an old .xls, an encrypted OOXML workbook, or something else (a .doc)."""
    data = path.read_bytes()
    if _ENCRYPTED in data:
        raise IngestError("ingest.password", path=str(path))
    if _WORKBOOK not in data and _BOOK not in data:
        raise IngestError("ingest.not_spreadsheet", path=str(path))


def _zip_kind(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "content.xml" in names and "mimetype" in names:
                mime = zf.read("mimetype")
                return "ods" if b"spreadsheet" in mime else None
            return None
    except (zipfile.BadZipFile, OSError, EOFError):
        raise IngestError("ingest.corrupt", path=str(path)) from None


def _read_calamine(path: Path, fmt: str, wanted: Sequence[str] | None, *, by_content: bool) -> RawBook:
    scan: dict[str, Any] = {}
    worker = threading.Thread(target=_background, args=(path, fmt, scan), daemon=True)
    worker.start()  # hashing and the formula scan overlap with calamine's read
    try:
        try:
            if by_content:
                with open(path, "rb") as fh:
                    wb = CalamineWorkbook.from_filelike(io.BytesIO(fh.read()))
            else:
                wb = CalamineWorkbook.from_path(str(path))
        except PasswordError:
            raise IngestError("ingest.password", path=str(path)) from None
        except CalamineError:
            raise IngestError("ingest.corrupt", path=str(path)) from None
        with wb:
            names = list(wb.sheet_names)
            selected = _select(names, wanted)
            out: list[RawSheet] = []
            for name in selected:
                try:
                    sheet = wb.get_sheet_by_name(name)
                    rows = sheet.to_python(skip_empty_area=False)
                    merges = sheet.merged_cell_ranges or []
                except PasswordError:
                    raise IngestError("ingest.password", path=str(path)) from None
                except CalamineError:
                    raise IngestError("ingest.corrupt", path=str(path)) from None
                width = len(rows[0]) if rows else 0  # calamine's rows all have the sheet's width
                out.append(RawSheet(name, rows, width, [(a, b, c, d) for (a, b), (c, d) in merges]))
    finally:
        worker.join()
    error = scan.get("error")
    if isinstance(error, _DAMAGED):
        raise IngestError("ingest.corrupt", path=str(path))
    if error is not None:
        raise error
    formulas: dict[str, dict[tuple[int, int], FormulaCell]] = scan.get("formulas", {})
    for raw in out:
        _place_formulas(raw, formulas.get(raw.name, {}))
    return RawBook(path, fmt, None, scan["sha256"], out, names)


_DAMAGED = (zipfile.BadZipFile, KeyError, OSError, EOFError, zlib.error)


def _background(path: Path, fmt: str, out: dict[str, Any]) -> None:
    try:
        out["sha256"] = sha256_file(path)
        if fmt in ("xlsx", "xlsm"):
            out["formulas"] = scan_uncached_formulas(path)
    except Exception as exc:  # handed to the reading thread: _DAMAGED is a corrupt file, the rest a bug
        out["error"] = exc


def _place_formulas(raw: RawSheet, cells: dict[tuple[int, int], FormulaCell]) -> None:
    for (r, c), cell in cells.items():
        while len(raw.rows) <= r:
            raw.rows.append([""] * raw.width)
        if c >= raw.width:
            for row in raw.rows:
                row.extend([""] * (c + 1 - len(row)))
            raw.width = c + 1
        row = raw.rows[r]
        if len(row) < raw.width:
            row.extend([""] * (raw.width - len(row)))
        if is_empty(row[c]):
            row[c] = cell


def is_empty(value: Any) -> bool:
    return value is None or value == ""


def _select(names: list[str], wanted: Sequence[str] | None) -> list[str]:
    if not wanted:
        return names
    out: list[str] = []
    by_stripped = {n.strip(): n for n in names}
    for w in wanted:
        name = w if w in names else by_stripped.get(w.strip())
        if name is None:
            raise IngestError("ingest.sheet_not_found", sheet=w, available="、".join(names))
        if name not in out:
            out.append(name)
    return out


# -- CSV --------------------------------------------------------------------------------------------
def decode_text(data: bytes) -> tuple[str, str] | None:
    """Text and encoding of CSV bytes: UTF-8 (with or without BOM), else GBK, else GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    else:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    for enc in ("gbk", "gb18030"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    return None


def _read_csv(path: Path, wanted: Sequence[str] | None) -> RawBook:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise IngestError("ingest.not_spreadsheet", path=str(path))
    decoded = decode_text(data)
    if decoded is None:
        raise IngestError("ingest.encoding", path=str(path))
    text, encoding = decoded
    name = path.stem
    if wanted:
        _select([name], wanted)
    sample = text[:8192]
    delimiter = ","
    if sample.count("\t") > sample.count(",") and sample.count("\t") > sample.count(";"):
        delimiter = "\t"
    elif sample.count(";") > sample.count(","):
        delimiter = ";"
    try:
        rows: list[list[Any]] = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        raise IngestError("ingest.corrupt", path=str(path)) from None
    width = max((len(r) for r in rows), default=0)
    for row in rows:
        if len(row) < width:
            row.extend([""] * (width - len(row)))
    digest = hashlib.sha256(data).hexdigest()
    return RawBook(path, "csv", encoding, digest, [RawSheet(name, rows, width)], [name])

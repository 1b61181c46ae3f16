"""Find formula cells saved without a computed value in an .xlsx/.xlsm file.

python-calamine reads such a cell as empty, which would silently turn an amount into zero.
Workbooks written by Excel or WPS always carry the value; files written by scripts (openpyxl)
often do not. The sheet XML is streamed once looking for a formula tag at all (cheap, and run in
a thread beside calamine's read); only a sheet that has formulas is then parsed cell by cell.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from html import unescape
from pathlib import Path

from auditdesk.ingest.values import FormulaCell, column_index

_CHUNK = 1 << 22
_MARKERS = (b"<f>", b"<f ", b"<f/", b":f>", b":f ")
_SHEET = re.compile(
    rb"<(?:\w+:)?sheet\b[^>]*?\bname=\"([^\"]*)\"[^>]*?\br:id=\"([^\"]*)\"|"
    rb"<(?:\w+:)?sheet\b[^>]*?\br:id=\"([^\"]*)\"[^>]*?\bname=\"([^\"]*)\""
)
_REL = re.compile(rb"<Relationship\b[^>]*>")
_ATTR = re.compile(rb"(\w+)=\"([^\"]*)\"")
_CELL_START = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(/?)>")
_FORMULA = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
_VALUE = re.compile(rb"<(?:\w+:)?v\s*>([^<]*)<|<(?:\w+:)?v\s*/>")
_REF = re.compile(rb"([A-Z]+)(\d+)")
_CELL_CLOSE = re.compile(rb"</(?:\w+:)?c>")


def scan_uncached_formulas(path: Path) -> dict[str, dict[tuple[int, int], FormulaCell]]:
    """Sheet name -> {(row0, col0): FormulaCell} for every formula cell without a cached value."""
    out: dict[str, dict[tuple[int, int], FormulaCell]] = {}
    with zipfile.ZipFile(path) as zf:
        for name, part in _sheet_parts(zf).items():
            if part not in zf.namelist() or not _has_formula(zf, part):
                continue
            cells = _uncached(zf.read(part))
            if cells:
                out[name] = cells
    return out


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    workbook = zf.read("xl/workbook.xml")
    rels: dict[str, str] = {}
    try:
        rel_xml = zf.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        rel_xml = b""
    for tag in _REL.findall(rel_xml):
        attrs = dict(_ATTR.findall(tag))
        target = attrs.get(b"Target", b"").decode()
        if target.startswith("/"):
            target = target[1:]
        else:
            target = posixpath.normpath(posixpath.join("xl", target))
        rels[attrs.get(b"Id", b"").decode()] = target
    parts: dict[str, str] = {}
    for m in _SHEET.finditer(workbook):
        name, rid = (m[1], m[2]) if m[1] is not None else (m[4], m[3])
        part = rels.get(rid.decode())
        if part:
            parts[unescape(name.decode("utf-8"))] = part
    return parts


def _has_formula(zf: zipfile.ZipFile, part: str) -> bool:
    tail = b""
    with zf.open(part) as fh:
        while chunk := fh.read(_CHUNK):
            buf = tail + chunk
            if any(m in buf for m in _MARKERS):
                return True
            tail = buf[-4:]
    return False


def _uncached(xml: bytes) -> dict[tuple[int, int], FormulaCell]:
    cells: dict[tuple[int, int], FormulaCell] = {}
    pos = 0
    while (at := _next_formula(xml, pos)) >= 0:
        pos = at + 2
        begin = max(xml.rfind(b"<c ", 0, at), xml.rfind(b"<", 0, max(xml.rfind(b":c ", 0, at), 0) + 1))
        head = _CELL_START.match(xml, begin) if begin >= 0 else None
        close = _CELL_CLOSE.search(xml, at)
        if head is None or close is None or head[2]:
            continue
        pos = close.end()
        body = xml[head.end() : close.start()]
        fm = _FORMULA.search(body)
        if fm is None:
            continue
        attrs = dict(_ATTR.findall(head[1]))
        vm = _VALUE.search(body)
        value = vm[1] if vm is not None else None
        if value or (value is not None and attrs.get(b"t") in (b"str", b"s", b"inlineStr")):
            continue  # a cached value (an empty text result counts as one)
        ref = _REF.match(attrs.get(b"r", b""))
        if ref is None:
            continue
        row, col = int(ref[2]) - 1, column_index(ref[1].decode())
        text = unescape((fm[1] or b"").decode("utf-8", "replace"))
        cells[(row, col)] = FormulaCell(ref[0].decode(), text)
    return cells


def _next_formula(xml: bytes, pos: int) -> int:
    found = [i for i in (xml.find(m, pos) for m in _MARKERS) if i >= 0]
    return min(found) if found else -1

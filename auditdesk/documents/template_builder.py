"""Builds the shipped Word templates with python-docx: the audit notice (``templates/审计通知书.docx``) here,
the report documents and the annual summary in ``report_templates`` with the shared helpers below
(``new_document``, ``office_header``, ``para``, ``loop_table``, ``signature``, ``save_document``).

Run ``python -m auditdesk.documents.template_builder templates`` to (re)write them all. The layout follows
GB/T 9704: A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (a 156 x 225 mm type area),
22 lines of about 28 characters (fixed 28.95 pt line spacing and a line grid), red issuing-office
mark and 文号 over a red rule, title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号, first-level headings
in 黑体, page numbers "— 1 —" in 宋体 四号. East-Asian font names are set on every run and listed in
the font table with a fallback (``w:altName``), so Word/WPS substitute a common font where the
official one is not installed. The paragraphs carry docxtpl Jinja tags (fields listed in
``auditdesk.documents.notice.notice_context``); users may edit the file in Word or WPS.
The output is byte-for-byte reproducible (fixed zip timestamps and document properties).
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from auditdesk.documents.notice import NOTICE_DOCX

LINE_PITCH = Pt(28.95)  # 22 lines in the 225 mm type area
BODY_PT = 16.0  # 三号
TITLE_PT = 22.0  # 二号
PAGE_W, PAGE_H = Mm(210), Mm(297)
MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
RED = RGBColor(0xFF, 0x00, 0x00)
LATIN = "Times New Roman"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FIXED_TIME = datetime(2026, 1, 1)


@dataclass(frozen=True)
class Face:
    """A typeface for a kind of text: its east-Asian font, its size in points, its colour."""

    east_asia: str
    size: float
    color: RGBColor | None = None
    bold: bool = False


TITLE = Face("方正小标宋简体", TITLE_PT)
OFFICE_MARK = Face("方正小标宋简体", 26.0, RED)  # 发文机关标志 (一号, red)
BODY = Face("仿宋_GB2312", BODY_PT)
HEADING = Face("黑体", BODY_PT)
PAGE_NUMBER = Face("宋体", 14.0)  # 四号
SUBHEADING = Face("楷体_GB2312", BODY_PT)  # second-level headings （一）
STRONG = Face("仿宋_GB2312", BODY_PT, bold=True)  # third-level headings 1.
TABLE_PT = 14.0  # 四号: tables of four or five columns
TABLE_PITCH = Pt(22)
TABLE_PITCH_SMALL = Pt(16)  # for 五号 tables

# The font table entry of each official font, with the common font Word/WPS use when it is absent.
FALLBACKS = {"方正小标宋简体": "宋体", "仿宋_GB2312": "仿宋", "黑体": "SimHei", "宋体": "SimSun"}
# The report documents also use 楷体_GB2312 (the notice's table is left as it is, byte for byte).
REPORT_FALLBACKS = {**FALLBACKS, "楷体_GB2312": "楷体"}


def set_fonts(rpr: BaseOxmlElement, face: Face) -> None:
    """Latin in Times New Roman, Chinese in ``face.east_asia``; theme fonts removed; zh-CN language."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0 if rpr.find(qn("w:rStyle")) is None else 1, rfonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(theme), None)
    for attr, value in (("ascii", LATIN), ("hAnsi", LATIN), ("eastAsia", face.east_asia), ("cs", LATIN)):
        rfonts.set(qn(f"w:{attr}"), value)
    rfonts.set(qn("w:hint"), "eastAsia")  # “”—… take the Chinese font, not the Latin one
    for tag in ("w:sz", "w:szCs"):
        element = rpr.find(qn(tag))
        if element is None:
            element = OxmlElement(tag)
            rpr.insert_element_before(element, *_RPR_AFTER_SZ[tag])
        element.set(qn("w:val"), str(round(face.size * 2)))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "en-US")
        rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.set(qn("w:eastAsia"), "zh-CN")


_RPR_TAIL = (
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)
_RPR_AFTER_SZ = {"w:sz": ("w:szCs", *_RPR_TAIL), "w:szCs": _RPR_TAIL}


def format_paragraph(
    paragraph: Paragraph,
    *,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent_chars: int = 0,
    right_chars: int = 0,
    pitch: Pt = LINE_PITCH,
) -> None:
    """Fixed 28.95 pt lines, no spacing around; indents in characters (Word keeps them per font)."""
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = pitch
    fmt.space_before = fmt.space_after = Pt(0)
    if align is not None:
        fmt.alignment = align
    if indent_chars:
        fmt.first_line_indent = Pt(BODY_PT * indent_chars)
    if right_chars:
        fmt.right_indent = Pt(BODY_PT * right_chars)
    ind = paragraph._p.get_or_add_pPr().find(qn("w:ind"))
    if ind is not None:
        if indent_chars:
            ind.set(qn("w:firstLineChars"), str(indent_chars * 100))
        if right_chars:
            ind.set(qn("w:rightChars"), str(right_chars * 100))


def para(
    doc: DocumentObject,
    text: str = "",
    face: Face = BODY,
    *,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent_chars: int = 0,
    right_chars: int = 0,
) -> Paragraph:
    paragraph = doc.add_paragraph()
    format_paragraph(paragraph, align=align, indent_chars=indent_chars, right_chars=right_chars)
    if text:
        run = paragraph.add_run(text)
        set_fonts(run._r.get_or_add_rPr(), face)
        if face.color is not None:
            run.font.color.rgb = face.color
        if face.bold:
            run.bold = True
    return paragraph


def rule_below(paragraph: Paragraph) -> None:
    """The red separator line under the 文号 (a bottom border of its paragraph)."""
    border = parse_xml(
        f'<w:pBdr xmlns:w="{W_NS}"><w:bottom w:val="single" w:sz="12" w:space="8" w:color="FF0000"/></w:pBdr>'
    )
    paragraph._p.get_or_add_pPr().insert_element_before(
        border,
        "w:shd",
        "w:tabs",
        "w:suppressAutoHyphens",
        "w:kinsoku",
        "w:wordWrap",
        "w:overflowPunct",
        "w:topLinePunct",
        "w:autoSpaceDE",
        "w:autoSpaceDN",
        "w:bidi",
        "w:adjustRightInd",
        "w:snapToGrid",
        "w:spacing",
        "w:ind",
        "w:contextualSpacing",
        "w:mirrorIndents",
        "w:suppressOverlap",
        "w:jc",
    )


def _page_setup(doc: DocumentObject) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = PAGE_W, PAGE_H
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance, section.footer_distance = Mm(15), Mm(25)
    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.insert_element_before(grid, "w:printerSettings", "w:sectPrChange")
    # A line grid only: a character grid's pitch is taken relative to the document's default font by
    # some word processors (LibreOffice spread lines to 16 characters); 三号 glyphs on the 156 mm type
    # width give the standard's 28 characters a line (27.6) without one.
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH.pt * 20)))
    footer = section.footer.paragraphs[0]
    format_paragraph(footer, align=WD_ALIGN_PARAGRAPH.CENTER)
    footer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    pieces: list[BaseOxmlElement | str] = [
        "— ",
        _field_char("begin"),
        _text_element("w:instrText", " PAGE "),
        _field_char("separate"),
        "1",
        _field_char("end"),
        " —",
    ]
    for piece in pieces:
        run = footer.add_run(piece if isinstance(piece, str) else "")
        if not isinstance(piece, str):
            run._r.append(piece)
        set_fonts(run._r.get_or_add_rPr(), PAGE_NUMBER)


def _field_char(kind: str) -> BaseOxmlElement:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    return char


def _text_element(tag: str, text: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    element.text = text
    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return element


def _styles(doc: DocumentObject) -> None:
    """Normal = the body face, so text a user adds in Word looks right; the defaults likewise."""
    normal = doc.styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr(), BODY)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, LINE_PITCH
    fmt.space_before = fmt.space_after = Pt(0)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = None if defaults is None else defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is not None:
        set_fonts(rpr, BODY)


def font_table(doc: DocumentObject, fallbacks: Mapping[str, str] = FALLBACKS) -> None:
    """Declare each official font with a fallback (altName) and the GB2312 character set."""
    part = next(rel.target_part for rel in doc.part.rels.values() if rel.reltype == RT.FONT_TABLE)
    root = parse_xml(part.blob)
    for name, alternative in fallbacks.items():
        if any(font.get(qn("w:name")) == name for font in root.findall(qn("w:font"))):
            continue
        root.append(
            parse_xml(
                f'<w:font xmlns:w="{W_NS}" w:name="{name}">'
                f'<w:altName w:val="{alternative}"/><w:charset w:val="86"/><w:family w:val="auto"/>'
                '<w:pitch w:val="variable"/></w:font>'
            )
        )
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _team_table(doc: DocumentObject) -> None:
    """职务 | 姓名, one row per team member through a docxtpl row loop."""
    table = doc.add_table(rows=4, cols=2)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    cells = (
        ("职务", "姓名"),
        ("{%tr for member in team %}", ""),
        ("{{ member.role }}", "{{ member.name }}"),
        ("{%tr endfor %}", ""),
    )
    for row, texts in zip(table.rows, cells, strict=True):
        for cell, text, width in zip(row.cells, texts, (Mm(50), Mm(70)), strict=True):
            cell.width = width
            paragraph = cell.paragraphs[0]
            format_paragraph(paragraph, align=WD_ALIGN_PARAGRAPH.CENTER)
            if text:
                run = paragraph.add_run(text)
                set_fonts(run._r.get_or_add_rPr(), HEADING if row is table.rows[0] else BODY)


@dataclass(frozen=True)
class Column:
    """A column of a row-loop table: its header, the data row's text (Jinja), width and alignment."""

    header: str
    cell: str
    width_mm: float
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER
    total: str = ""  # the text of the totals row (when the table has one)


def loop_table(
    doc: DocumentObject,
    columns: Sequence[Column],
    loop: str,
    *,
    totals: bool = False,
    size: float = TABLE_PT,
    pitch: Pt = TABLE_PITCH,
    cell_margin_mm: float | None = None,
) -> Table:
    """A bordered table: a header row (repeated on each page), one row per item through the docxtpl row
    loop ``{%tr for … %}`` and optionally a totals row. ``loop`` is the ``for`` clause: ``line in income``.
    A header may hold ``\n`` (a line break). Rows never split over two pages. ``cell_margin_mm`` narrows
    the left and right cell margins (Word's default is 1.9 mm) for tables of many columns.
    """
    rows = [
        [c.header for c in columns],
        ["{%tr for " + loop + " %}", *([""] * (len(columns) - 1))],
        [c.cell for c in columns],
        ["{%tr endfor %}", *([""] * (len(columns) - 1))],
    ]
    if totals:
        rows.append([c.total for c in columns])
    table = doc.add_table(rows=len(rows), cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    head, body = Face("黑体", size), Face("仿宋_GB2312", size)
    for column, spec in zip(table.columns, columns, strict=True):
        column.width = Mm(spec.width_mm)
    if cell_margin_mm is not None:
        twips = round(Mm(cell_margin_mm).twips)
        margins = parse_xml(
            f'<w:tblCellMar xmlns:w="{W_NS}"><w:left w:w="{twips}" w:type="dxa"/>'
            f'<w:right w:w="{twips}" w:type="dxa"/></w:tblCellMar>'
        )
        table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")
    for r, (row, texts) in enumerate(zip(table.rows, rows, strict=True)):
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        if r == 0:
            row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for cell, text, spec in zip(row.cells, texts, columns, strict=True):
            cell.width = Mm(spec.width_mm)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            header_like = r == 0 or (totals and r == len(rows) - 1)
            align = WD_ALIGN_PARAGRAPH.CENTER if r == 0 else spec.align
            format_paragraph(paragraph, align=align, pitch=pitch)
            if text:
                run = paragraph.add_run(text)
                label = header_like and not text.startswith("{{")
                set_fonts(run._r.get_or_add_rPr(), head if label else body)
    return table


def new_document(fallbacks: Mapping[str, str] = FALLBACKS) -> DocumentObject:
    """An empty document with the official page, the body face as Normal and the fonts declared."""
    doc = Document()
    _page_setup(doc)
    _styles(doc)
    font_table(doc, fallbacks)
    body = doc.paragraphs[0] if doc.paragraphs else None
    if body is not None:  # the default document's empty first paragraph
        body._p.getparent().remove(body._p)
    return doc


def office_header(doc: DocumentObject, reference: str = "{{ reference }}") -> None:
    """The red issuing-office mark, then the 文号 centred over the red rule, each followed by a blank line."""
    center = WD_ALIGN_PARAGRAPH.CENTER
    para(doc, "{{ office }}", OFFICE_MARK, align=center)
    para(doc)
    rule_below(para(doc, reference, align=center))
    para(doc)


def signature(doc: DocumentObject, day: str, office: str = "{{ office }}") -> None:
    """A blank line, then the issuing office and the date, right-aligned two characters from the edge."""
    right = WD_ALIGN_PARAGRAPH.RIGHT
    para(doc)
    para(doc, office, align=right, right_chars=2)
    para(doc, day, align=right, right_chars=2)


def save_document(doc: DocumentObject, path: Path, title: str) -> Path:
    """Fixed document properties and zip timestamps, so an unchanged template rebuilds byte for byte."""
    properties = doc.core_properties
    properties.title, properties.author, properties.last_modified_by = title, "auditdesk", "auditdesk"
    properties.created = properties.modified = _FIXED_TIME
    properties.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_reproducible(buffer.getvalue()))
    return path


def build_notice_template(path: Path) -> Path:
    """Write the audit notice template to ``path`` (a .docx); return ``path``."""
    doc = new_document()
    center = WD_ALIGN_PARAGRAPH.CENTER
    office_header(doc)
    para(doc, "审计通知书", TITLE, align=center)
    para(doc)
    para(doc, "{{ unit }}：")
    para(
        doc,
        "根据《中华人民共和国工会法》《中国工会章程》有关规定和{{ plan_year }}年度工会经费审查审计工作计划，"
        "本办决定派出审计组，自{{ fieldwork_start }}起对你单位{{ subject }}进行审计。"
        "现将有关事项通知如下：",
        indent_chars=2,
    )
    para(doc, "一、审计时间和范围", HEADING, indent_chars=2)
    para(
        doc,
        "现场审计时间为{{ fieldwork_start }}至{{ fieldwork_end }}。审计期间为{{ period }}，"
        "必要时将追溯以前年度或延伸检查有关事项。",
        indent_chars=2,
    )
    para(doc, "二、审计重点", HEADING, indent_chars=2)
    para(doc, "{%p for area in key_areas %}")
    para(doc, "{{ loop.index }}.{{ area }}", indent_chars=2)
    para(doc, "{%p endfor %}")
    para(doc, "三、审计组组成", HEADING, indent_chars=2)
    para(doc, "本次审计的审计组组成如下：", indent_chars=2)
    _team_table(doc)
    para(doc, "审计组将严格遵守审计工作纪律，请你单位对审计组成员遵守纪律情况进行监督。", indent_chars=2)
    para(doc, "四、需提供的资料", HEADING, indent_chars=2)
    para(
        doc,
        "请你单位于{{ fieldwork_start }}前准备好以下资料，并对所提供资料的真实性、完整性负责：",
        indent_chars=2,
    )
    para(doc, "{%p for item in materials %}")
    para(doc, "{{ loop.index }}.{{ item }}", indent_chars=2)
    para(doc, "{%p endfor %}")
    para(doc, "五、有关要求", HEADING, indent_chars=2)
    para(
        doc,
        "请你单位指定专人负责联系和配合审计工作，为审计组提供必要的工作条件。审计进点时召开进点会议，"
        "请你单位工会主席、经费审查委员会主任及财务（记账）人员参加。",
        indent_chars=2,
    )
    para(doc, "联系人及电话：{{ contact }}", indent_chars=2)
    signature(doc, "{{ notice_date }}")
    return save_document(doc, path, "审计通知书")


def _reproducible(docx: bytes) -> bytes:
    """The same package with fixed zip timestamps, so rebuilding an unchanged template changes no byte."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(docx)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def build_all(folder: Path) -> tuple[Path, ...]:
    """Write every shipped Word template into ``folder``: the notice, the four report documents and the
    annual summary (their builders are in ``report_templates``, which uses the helpers above)."""
    from auditdesk.documents.report_templates import build_report_templates

    return (build_notice_template(folder / NOTICE_DOCX), *build_report_templates(folder))


def main(argv: list[str] | None = None) -> int:
    """``python -m auditdesk.documents.template_builder DIR``: write every shipped .docx template into DIR."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m auditdesk.documents.template_builder TEMPLATES_DIR", file=sys.stderr)
        return 2
    for path in build_all(Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

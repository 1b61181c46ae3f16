"""Builds the shipped Word template of the audit notice (``templates/审计通知书.docx``) with python-docx.

Run ``python -m auditdesk.documents.template_builder templates`` to (re)write it. The layout follows
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
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
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


TITLE = Face("方正小标宋简体", TITLE_PT)
OFFICE_MARK = Face("方正小标宋简体", 26.0, RED)  # 发文机关标志 (一号, red)
BODY = Face("仿宋_GB2312", BODY_PT)
HEADING = Face("黑体", BODY_PT)
PAGE_NUMBER = Face("宋体", 14.0)  # 四号

# The font table entry of each official font, with the common font Word/WPS use when it is absent.
FALLBACKS = {"方正小标宋简体": "宋体", "仿宋_GB2312": "仿宋", "黑体": "SimHei", "宋体": "SimSun"}


def _set_fonts(rpr: BaseOxmlElement, face: Face) -> None:
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


def _format(
    paragraph: Paragraph,
    *,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent_chars: int = 0,
    right_chars: int = 0,
) -> None:
    """Fixed 28.95 pt lines, no spacing around; indents in characters (Word keeps them per font)."""
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH
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


def _para(
    doc: DocumentObject,
    text: str = "",
    face: Face = BODY,
    *,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent_chars: int = 0,
    right_chars: int = 0,
) -> Paragraph:
    paragraph = doc.add_paragraph()
    _format(paragraph, align=align, indent_chars=indent_chars, right_chars=right_chars)
    if text:
        run = paragraph.add_run(text)
        _set_fonts(run._r.get_or_add_rPr(), face)
        if face.color is not None:
            run.font.color.rgb = face.color
    return paragraph


def _rule_below(paragraph: Paragraph) -> None:
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
    _format(footer, align=WD_ALIGN_PARAGRAPH.CENTER)
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
        _set_fonts(run._r.get_or_add_rPr(), PAGE_NUMBER)


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
    _set_fonts(normal.element.get_or_add_rPr(), BODY)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, LINE_PITCH
    fmt.space_before = fmt.space_after = Pt(0)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = None if defaults is None else defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is not None:
        _set_fonts(rpr, BODY)


def _font_table(doc: DocumentObject) -> None:
    """Declare each official font with a fallback (altName) and the GB2312 character set."""
    part = next(rel.target_part for rel in doc.part.rels.values() if rel.reltype == RT.FONT_TABLE)
    root = parse_xml(part.blob)
    for name, alternative in FALLBACKS.items():
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
            _format(paragraph, align=WD_ALIGN_PARAGRAPH.CENTER)
            if text:
                run = paragraph.add_run(text)
                _set_fonts(run._r.get_or_add_rPr(), HEADING if row is table.rows[0] else BODY)


def build_notice_template(path: Path) -> Path:
    """Write the audit notice template to ``path`` (a .docx); return ``path``."""
    doc = Document()
    _page_setup(doc)
    _styles(doc)
    _font_table(doc)
    body = doc.paragraphs[0] if doc.paragraphs else None
    if body is not None:  # the default document's empty first paragraph
        body._p.getparent().remove(body._p)
    center, right = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    _para(doc, "{{ office }}", OFFICE_MARK, align=center)
    _para(doc)
    _rule_below(_para(doc, "{{ reference }}", align=center))
    _para(doc)
    _para(doc, "审计通知书", TITLE, align=center)
    _para(doc)
    _para(doc, "{{ unit }}：")
    _para(
        doc,
        "根据《中华人民共和国工会法》《中国工会章程》有关规定和{{ plan_year }}年度工会经费审查审计工作计划，"
        "本办决定派出审计组，自{{ fieldwork_start }}起对你单位{{ subject }}进行审计。"
        "现将有关事项通知如下：",
        indent_chars=2,
    )
    _para(doc, "一、审计时间和范围", HEADING, indent_chars=2)
    _para(
        doc,
        "现场审计时间为{{ fieldwork_start }}至{{ fieldwork_end }}。审计期间为{{ period }}，"
        "必要时将追溯以前年度或延伸检查有关事项。",
        indent_chars=2,
    )
    _para(doc, "二、审计重点", HEADING, indent_chars=2)
    _para(doc, "{%p for area in key_areas %}")
    _para(doc, "{{ loop.index }}.{{ area }}", indent_chars=2)
    _para(doc, "{%p endfor %}")
    _para(doc, "三、审计组组成", HEADING, indent_chars=2)
    _para(doc, "本次审计的审计组组成如下：", indent_chars=2)
    _team_table(doc)
    _para(doc, "审计组将严格遵守审计工作纪律，请你单位对审计组成员遵守纪律情况进行监督。", indent_chars=2)
    _para(doc, "四、需提供的资料", HEADING, indent_chars=2)
    _para(
        doc,
        "请你单位于{{ fieldwork_start }}前准备好以下资料，并对所提供资料的真实性、完整性负责：",
        indent_chars=2,
    )
    _para(doc, "{%p for item in materials %}")
    _para(doc, "{{ loop.index }}.{{ item }}", indent_chars=2)
    _para(doc, "{%p endfor %}")
    _para(doc, "五、有关要求", HEADING, indent_chars=2)
    _para(
        doc,
        "请你单位指定专人负责联系和配合审计工作，为审计组提供必要的工作条件。审计进点时召开进点会议，"
        "请你单位工会主席、经费审查委员会主任及财务（记账）人员参加。",
        indent_chars=2,
    )
    _para(doc, "联系人及电话：{{ contact }}", indent_chars=2)
    _para(doc)
    _para(doc, "{{ office }}", align=right, right_chars=2)
    _para(doc, "{{ notice_date }}", align=right, right_chars=2)
    properties = doc.core_properties
    properties.title, properties.author, properties.last_modified_by = "审计通知书", "auditdesk", "auditdesk"
    properties.created = properties.modified = _FIXED_TIME
    properties.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_reproducible(buffer.getvalue()))
    return path


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


def main(argv: list[str] | None = None) -> int:
    """``python -m auditdesk.documents.template_builder DIR``: write DIR/审计通知书.docx."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m auditdesk.documents.template_builder TEMPLATES_DIR", file=sys.stderr)
        return 2
    print(build_notice_template(Path(args[0]) / NOTICE_DOCX))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

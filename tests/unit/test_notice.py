"""The audit notice (审计通知书): rendered from the shipped templates into .docx and .md."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from auditdesk.core.errors import AuditdeskError
from auditdesk.documents import notice
from auditdesk.documents.notice import (
    DEFAULT_MATERIALS,
    NOTICE_DOCX,
    NOTICE_MD,
    NoticeData,
    audit_subject,
    chinese_date,
    find_template,
    notice_context,
    period_text,
    render_notice,
)
from auditdesk.documents.render import shipped_templates_dir
from auditdesk.documents.template_builder import build_notice_template
from auditdesk.i18n import catalog_documents

SHIPPED = shipped_templates_dir()
DATA = NoticeData(
    reference="青工经审〔2026〕3号",
    office="青陉县总工会经费审查委员会办公室",
    unit="青陉县A&B<精密>机械有限公司工会委员会",  # XML-special characters must survive
    years=(2025, 2024),
    scope="工会经费收支及管理使用情况",
    key_areas=("预算编制与执行", "会员活动支出（节日慰问品）", "大额支出集体决策"),
    lead="张明",
    members=("李华", "王芳"),
    fieldwork_start=date(2026, 3, 9),
    fieldwork_end=date(2026, 3, 20),
    notice_date=date(2026, 3, 2),
    materials=(*DEFAULT_MATERIALS[:3], "2025年度职工福利发放签领表"),
    contact="赵静 0311-82012345",
)
FACTS = (
    DATA.reference,
    DATA.office,
    DATA.unit + "：",
    "2024—2025年度工会经费收支及管理使用情况",
    "2026年3月9日",
    "2026年3月20日",
    "2026年3月2日",
    DATA.contact,
    *DATA.key_areas,
    *DATA.materials,
)


@pytest.fixture
def docx_template(tmp_path: Path) -> Path:
    return build_notice_template(tmp_path / "tpl" / NOTICE_DOCX)


def _render(docx_template: Path, out: Path, data: NoticeData = DATA) -> tuple[Path, Path]:
    return render_notice(
        data, docx_template=docx_template, md_template=SHIPPED / NOTICE_MD, out_dir=out, stem="通知"
    )


def _text(document: DocumentObject) -> str:
    lines = [p.text for p in document.paragraphs]
    lines += ["\t".join(c.text for c in row.cells) for t in document.tables for row in t.rows]
    return "\n".join(lines)


def _paragraph(document: DocumentObject, text: str) -> Paragraph:
    return next(p for p in document.paragraphs if p.text == text)


def _font(paragraph: Paragraph) -> tuple[str | None, str | None]:
    """(east-Asian font, size in half-points) of the paragraph's first run."""
    rpr = paragraph.runs[0]._r.rPr
    assert rpr is not None
    return rpr.find(qn("w:rFonts")).get(qn("w:eastAsia")), rpr.find(qn("w:sz")).get(qn("w:val"))


def _check_document(path: Path) -> DocumentObject:
    document = docx.Document(str(path))
    text = _text(document)
    for fact in FACTS:
        assert fact in text, fact
    assert "审计通知书" in text
    team = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert team == [["职务", "姓名"], ["组长（主审）", "张明"], ["成员", "李华"], ["成员", "王芳"]]
    numbered = [p.text for p in document.paragraphs if re.match(r"\d+\.", p.text)]
    assert numbered == [f"{i}.{x}" for i, x in enumerate(DATA.key_areas, 1)] + [
        f"{i}.{x}" for i, x in enumerate(DATA.materials, 1)
    ]
    assert "{{" not in text and "{%" not in text and "None" not in text
    return document


def test_the_notice_docx_carries_every_fact(docx_template: Path, tmp_path: Path) -> None:
    docx_path, md_path = _render(docx_template, tmp_path / "out")
    assert (docx_path, md_path) == (tmp_path / "out" / "通知.docx", tmp_path / "out" / "通知.md")
    document = _check_document(docx_path)
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[-2:] == [DATA.office, "2026年3月2日"]  # the signature block closes the notice


def test_the_notice_follows_the_official_layout(docx_template: Path, tmp_path: Path) -> None:
    document = docx.Document(str(_render(docx_template, tmp_path / "out")[0]))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm, 1) for m in margins] == [37.0, 35.0, 28.0, 26.0]
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579" and grid.get(qn("w:type")) == "lines"
    title = _paragraph(document, "审计通知书")
    assert _font(title) == ("方正小标宋简体", "44")  # 二号 = 22 pt
    assert title.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    body = next(p for p in document.paragraphs if p.text.startswith("根据"))
    assert _font(body) == ("仿宋_GB2312", "32")  # 三号 = 16 pt
    assert body.paragraph_format.line_spacing.pt == pytest.approx(28.95, abs=0.05)
    assert body.paragraph_format.first_line_indent.pt == pytest.approx(32)
    assert _font(_paragraph(document, "二、审计重点"))[0] == "黑体"
    signature = _paragraph(document, "2026年3月2日")
    assert signature.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    assert _font(_paragraph(document, DATA.reference)) == ("仿宋_GB2312", "32")
    # Word/WPS substitute a common font when the official one is missing
    fonts = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable"))
    assert 'w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in fonts.blob.decode("utf-8")


def test_the_markdown_says_the_same(docx_template: Path, tmp_path: Path) -> None:
    markdown = _render(docx_template, tmp_path)[1].read_text(encoding="utf-8")
    for fact in FACTS:
        assert fact in markdown, fact
    assert "| 组长（主审） | 张明 |" in markdown and "| 成员 | 王芳 |" in markdown
    assert "1. 预算编制与执行" in markdown and "4. 2025年度职工福利发放签领表" in markdown
    assert "{{" not in markdown and "{#" not in markdown and "\n\n\n" not in markdown


@pytest.mark.skipif(not (SHIPPED / NOTICE_DOCX).is_file(), reason="template not generated yet")
def test_the_committed_docx_template_renders(tmp_path: Path) -> None:
    _check_document(_render(SHIPPED / NOTICE_DOCX, tmp_path)[0])


def test_a_template_naming_an_unknown_field_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("{{ unit }}：本年度预算总额{{ budget_total }}元")
    bad_docx = tmp_path / "bad.docx"
    document.save(str(bad_docx))
    out = tmp_path / "out"
    with pytest.raises(AuditdeskError) as caught:
        render_notice(DATA, docx_template=bad_docx, md_template=SHIPPED / NOTICE_MD, out_dir=out, stem="n")
    assert caught.value.key == "documents.template_field"
    assert caught.value.params == {"template": "bad.docx", "field": "budget_total"}
    bad_md = tmp_path / "bad.md"
    bad_md.write_text("{{ unit }}\n{% for m in team %}{{ m.phone }}{% endfor %}\n", encoding="utf-8")
    with pytest.raises(AuditdeskError) as caught:
        _render_with(tmp_path, bad_md, out)
    assert caught.value.params == {"template": "bad.md", "field": "phone"}
    assert not out.exists() or not any(out.iterdir())


def _render_with(tmp_path: Path, md_template: Path, out: Path) -> None:
    good_docx = build_notice_template(tmp_path / "good.docx")
    render_notice(DATA, docx_template=good_docx, md_template=md_template, out_dir=out, stem="n")


def test_broken_templates_are_reported(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(AuditdeskError) as caught:
        render_notice(DATA, docx_template=broken, md_template=SHIPPED / NOTICE_MD, out_dir=tmp_path, stem="n")
    assert caught.value.key == "documents.template_unreadable"
    syntax = tmp_path / "syntax.md"
    syntax.write_text("{{ unit }\n", encoding="utf-8")
    with pytest.raises(AuditdeskError) as caught:
        _render_with(tmp_path, syntax, tmp_path / "out")
    assert caught.value.key == "documents.template_syntax" and caught.value.params["line"] == 1


def test_a_user_copy_overrides_the_shipped_template(tmp_path: Path) -> None:
    shipped, user = tmp_path / "shipped", tmp_path / "user"
    shipped.mkdir()
    (shipped / NOTICE_MD).write_text("shipped", encoding="utf-8")
    assert find_template(NOTICE_MD, shipped, user) == shipped / NOTICE_MD
    user.mkdir()
    (user / NOTICE_MD).write_text("mine", encoding="utf-8")
    assert find_template(NOTICE_MD, shipped, user) == user / NOTICE_MD
    with pytest.raises(AuditdeskError) as caught:
        find_template(NOTICE_DOCX, shipped, user)
    assert caught.value.key == "documents.template_missing"
    assert (
        caught.value.params["name"] == NOTICE_DOCX
        and str(user / NOTICE_DOCX) in caught.value.params["searched"]
    )
    with pytest.raises(AuditdeskError):
        find_template(f"../user/{NOTICE_MD}", shipped, user)  # a name, not a path


def test_the_context_in_words() -> None:
    assert chinese_date(date(2026, 3, 9)) == "2026年3月9日"
    assert period_text((2024,)) == "2024年度"
    assert period_text((2025, 2024, 2024)) == "2024—2025年度"
    assert period_text((2021, 2022, 2024)) == "2021—2022、2024年度"
    assert audit_subject((2024, 2025), "工会经费收支情况") == "2024—2025年度工会经费收支情况"
    assert audit_subject((2024,), "2024年度工会经费收支情况") == "2024年度工会经费收支情况"  # not twice
    context = notice_context(DATA)
    assert context["team_text"] == "组长（主审）：张明；成员：李华、王芳"
    assert context["years"] == [2024, 2025] and context["plan_year"] == 2026
    no_lead = notice_context(replace(DATA, lead=None, members=("李华",)))
    assert no_lead["lead"] == "" and no_lead["team"] == [{"role": "成员", "name": "李华"}]
    with pytest.raises(AuditdeskError) as caught:
        notice_context(replace(DATA, years=()))
    assert caught.value.key == "documents.notice_no_period"
    with pytest.raises(AuditdeskError) as caught:
        notice_context(replace(DATA, fieldwork_end=date(2026, 3, 1)))
    assert caught.value.key == "documents.notice_dates_order"


def test_the_template_build_is_reproducible(tmp_path: Path) -> None:
    first = build_notice_template(tmp_path / "a.docx").read_bytes()
    assert build_notice_template(tmp_path / "b.docx").read_bytes() == first


def test_every_documents_key_is_in_its_catalogue_part() -> None:
    sources = (Path(notice.__file__).parent).glob("*.py")
    used = {k for s in sources for k in re.findall(r'"(documents\.[a-z_.]+)"', s.read_text(encoding="utf-8"))}
    assert used and used <= set(catalog_documents.MESSAGES)
    for texts in catalog_documents.MESSAGES.values():
        assert set(texts) == {"zh", "en"}

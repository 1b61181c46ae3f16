"""The report-stage documents: draft report, audit report, opinion letter, rectification notice, the annual
summary and its workbook, rendered from the shipped templates into real files and read back."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from openpyxl import load_workbook

from auditdesk.core.errors import AuditdeskError
from auditdesk.core.money import parse_amount
from auditdesk.documents import pdf
from auditdesk.documents.render import find_template, shipped_templates_dir
from auditdesk.documents.report_templates import build_report_templates
from auditdesk.documents.reports import (
    KINDS,
    TEMPLATES,
    TITLES,
    FindingText,
    FundLine,
    Kind,
    ReportData,
    categories_of,
    chinese_numeral,
    render_report,
    report_context,
    sentence,
    share,
)
from auditdesk.documents.summary import SUMMARY_TEMPLATES, SummaryData, UnitSummary, render_summary
from auditdesk.documents.summary_workbook import CATEGORY_SHEET, UNIT_SHEET, write_summary_workbook

SHIPPED = shipped_templates_dir()
D = Decimal
OFFICE = "青陉县总工会经费审查委员会办公室"
UNIT = "青陉县实验小学工会委员会"
INCOME = (
    FundLine("401", "会费收入", D("18360.00")),
    FundLine("402", "拨缴经费收入", D("86400.00")),
    FundLine("403", "上级补助收入", D("5000.00")),
    FundLine("405", "行政补助收入", D("20000.00")),
    FundLine("408", "其他收入", D("126.35")),
)
SPENDING = (
    FundLine("501", "职工活动支出", D("98765.40")),
    FundLine("503", "职工服务支出", D("12000.00")),
    FundLine("504", "维权支出", D("8000.00")),
    FundLine("505", "业务支出", D("3210.00")),
)
FINDINGS = (
    FindingText(
        1,
        "Q-01",
        "支出管理",
        "以购物卡形式发放节日慰问",
        "2024年1月，工会以购物卡形式向全体会员发放春节慰问，每人500元，共118人（记-0012号凭证）",
        D("59000.00"),
        "《基层工会经费收支管理办法》第十条",
        "不得以购物卡、代金券等形式发放节日慰问",
        date(2026, 6, 30),
        reply="agree",
    ),
    FindingText(
        2,
        "Q-02",
        "支出管理",
        "慰问品发放无签领表",
        "2024年中秋节购买慰问品，未附发放签领表。",
        D("12345.60"),
        "《基层工会经费收支管理办法》第二十二条",
        "补充发放签领表，今后实名签领",
        None,
        reply="disagree",
        reply_note="签领表已找到",
        changes=("涉及金额由15,000.00元调整为12,345.60元",),
    ),
    FindingText(
        3,
        "Q-03",
        "会计核算",
        "以白条入账",
        "记-0045号凭证以收据列支茶叶费用。",
        D("3200.00"),
        "《会计基础工作规范》第四十八条",
        "取得合法有效票据",
        date(2026, 5, 31),
    ),
    FindingText(
        4,
        "Q-04",
        "内部控制/制度建设",
        "大额支出未经集体决策",
        "三笔大额支出未见集体研究记录。",
        D("0"),
        "",
        "建立健全大额支出集体决策制度",
        None,
    ),
)
DRAFT = ReportData(
    kind="draft",
    doc_reference="青工经审〔2026〕7号",
    engagement_reference="青工经审〔2026〕3号",
    office=OFFICE,
    unit=UNIT,
    years=(2024,),
    scope="工会经费收支及管理使用情况",
    lead="张明",
    members=("李华", "王芳"),
    fieldwork_start=date(2026, 3, 9),
    fieldwork_end=date(2026, 3, 20),
    issued=date(2026, 4, 10),
    unit_members=118,
    unit_employees=120,
    unit_chair="刘红",
    payroll=D("4320000.00"),
    income=INCOME,
    spending=SPENDING,
    income_total=D("129886.35"),
    spending_total=D("121975.40"),
    opening_note="预算执行率97.6%",
    findings=FINDINGS,
    rectify_deadline=date(2026, 7, 31),
    report_within_days=90,
    contact="赵静 0311-82012345",
)
REFERENCES = {
    "draft": "青工经审〔2026〕7号",
    "report": "青工经审〔2026〕8号",
    "opinion": "青工经审〔2026〕9号",
    "rectify": "青工经审〔2026〕12号",
}


def data(kind: Kind) -> ReportData:
    return replace(DRAFT, kind=kind, doc_reference=REFERENCES[kind])


UNITS = (
    UnitSummary(
        UNIT, "青工经审〔2026〕3号", (2024,), D("129886.35"), D("121975.40"), 4, D("74545.60"), 3, "75%"
    ),
    UnitSummary(
        "青陉县人民医院工会委员会",
        "青工经审〔2026〕4号",
        (2023, 2024),
        D("1456789.12"),
        D("1398765.43"),
        6,
        D("23456.00"),
        6,
        "100%",
    ),
    UnitSummary(
        "青陉县恒泰建材有限公司工会委员会",
        "青工经审〔2026〕5号",
        (2024,),
        D("56789.01"),
        D("60123.45"),
        0,
        D("0"),
        0,
        "—",
    ),
)
SUMMARY = SummaryData(
    office=OFFICE,
    year=2026,
    issued=date(2026, 12, 20),
    units=UNITS,
    categories=(
        ("支出管理", 5, D("80000.00")),
        ("会计核算", 3, D("18001.60")),
        ("内部控制/制度建设", 2, D("0")),
    ),
    sentence="全年共发现3类10个问题，涉及金额98,001.60元，已整改9个",
    findings=10,
    amount=D("98001.60"),
    rectified=9,
    rate="90%",
    repeats=("实验小学以购物卡发放节日慰问的问题再次发生",),
    trainings=("3月举办基层工会财务人员业务培训班，62人参加",),
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("templates")
    build_report_templates(folder)
    return folder


def _render(kind: Kind, folder: Path, out: Path, report: ReportData | None = None) -> tuple[Path, Path]:
    docx_name, md_name = TEMPLATES[kind]
    return render_report(
        report or data(kind),
        docx_template=folder / docx_name,
        md_template=SHIPPED / md_name,
        out_dir=out,
        stem=kind,
    )


def _text(document: DocumentObject) -> str:
    lines = [p.text for p in document.paragraphs]
    lines += ["\t".join(c.text for c in row.cells) for t in document.tables for row in t.rows]
    return "\n".join(lines)


def _table(document: DocumentObject, index: int) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in document.tables[index].rows]


def _facts(kind: Kind) -> list[str]:
    facts = [
        UNIT + "：",
        REFERENCES[kind],
        TITLES[kind],
        OFFICE,
        "2026年4月10日",
        "2024年度工会经费收支及管理使用情况",
    ]
    facts += [f.title for f in FINDINGS]
    facts += ["59,000.00", "12,345.60", "3,200.00"]
    if kind in ("draft", "report"):
        facts += [
            "129,886.35",
            "121,975.40",
            "壹拾贰万玖仟捌佰捌拾陆元叁角伍分",
            "壹拾贰万壹仟玖佰柒拾伍元肆角整",
            "结余7,910.95元",
            "共发现3类4个问题，涉及金额74,545.60元",
            "定性依据：《会计基础工作规范》第四十八条。",
            "该单位现有职工120人，工会会员118人，工会主席刘红，上年度工资总额4,320,000.00元。",
            "审计组组长（主审）：张明；成员：李华、王芳。",
            "预算执行率97.6%。",
            "（一）支出管理方面",
            "（三）内部控制/制度建设方面",
        ]
    if kind in ("opinion", "rectify"):
        facts += [
            "伍万玖仟元整",
            "壹万贰仟叁佰肆拾伍元陆角整",
            "叁仟贰佰元整",
            "柒万肆仟伍佰肆拾伍元陆角整",
            "2026年6月30日前",
            "2026年5月31日前",
            "2026年7月31日前",
            "90日内",
            "赵静 0311-82012345",
        ]
    if kind == "opinion":  # a finding without its own deadline takes the default one
        facts += [
            "整改期限：2026年7月31日前。",
            "（审计通知书青工经审〔2026〕3号）",
            "（四）大额支出未经集体决策",
        ]
    return facts


@pytest.mark.parametrize("kind", KINDS)
def test_each_document_carries_its_facts(kind: Kind, built: Path, tmp_path: Path) -> None:
    docx_path, md_path = _render(kind, built, tmp_path)
    assert (docx_path.name, md_path.name) == (f"{kind}.docx", f"{kind}.md")
    document = docx.Document(str(docx_path))
    text = _text(document)
    markdown = md_path.read_text(encoding="utf-8")
    for fact in _facts(kind):
        assert fact in text, fact
        assert fact in markdown, fact
    for rendered in (text, markdown):
        assert "{{" not in rendered and "{%" not in rendered and "None" not in rendered
    assert "\n\n\n" not in markdown and "{#" not in markdown
    assert not re.search(r"[^\n]\n(\*\*|#|\|)", markdown.replace("|\n|", "")), "a paragraph runs on"
    paragraphs = [p.text for p in document.paragraphs if p.text]
    assert paragraphs[-2:] == [OFFICE, "2026年4月10日"]
    draft_words = ("视同无异议", "2026年4月20日前送交本办", "10日内")
    assert all((w in text) == (kind == "draft") for w in draft_words)
    assert (paragraphs[0] == "征求意见稿") == (kind == "draft")
    assert ("根据被审计单位反馈意见作出的修改" in text) == (kind == "report")
    if kind == "report":
        assert "1.第2个问题（慰问品发放无签领表）：涉及金额由15,000.00元调整为12,345.60元。" in text


@pytest.mark.parametrize("kind", ["draft", "report"])
def test_the_report_tables_add_up(kind: Kind, built: Path, tmp_path: Path) -> None:
    document = docx.Document(str(_render(kind, built, tmp_path)[0]))
    for index, lines, total in ((0, INCOME, D("129886.35")), (1, SPENDING, D("121975.40"))):
        rows = _table(document, index)
        assert rows[0] == ["科目编码", "科目名称", "金额（元）", "占比"]
        assert [r[:2] for r in rows[1:-1]] == [[line.code, line.name] for line in lines]
        assert sum(parse_amount(r[2]) for r in rows[1:-1]) == parse_amount(rows[-1][2]) == total
        assert rows[-1][0] == "合计" and rows[-1][3] == "100%"
    listed = _table(document, 2)
    assert [r[2] for r in listed[1:-1]] == [f.title for f in FINDINGS]
    assert [r[3] for r in listed[1:-1]] == ["59,000.00", "12,345.60", "3,200.00", "—"]
    assert listed[-1][2:] == ["4个问题", "74,545.60"]


def test_the_layout_is_official(built: Path, tmp_path: Path) -> None:
    document = docx.Document(str(_render("opinion", built, tmp_path)[0]))
    section = document.sections[0]
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm, 1) for m in margins if m is not None] == [37.0, 35.0, 28.0, 26.0]
    assert section._sectPr.find(qn("w:docGrid")).get(qn("w:linePitch")) == "579"

    def font(text: str) -> tuple[str, str]:
        paragraph = next(p for p in document.paragraphs if p.text == text)
        rpr = paragraph.runs[0]._r.rPr
        assert rpr is not None
        return rpr.find(qn("w:rFonts")).get(qn("w:eastAsia")), rpr.find(qn("w:sz")).get(qn("w:val"))

    assert font("审计意见书") == ("方正小标宋简体", "44")
    assert font("一、审计发现的问题及整改要求") == ("黑体", "32")
    assert font("（一）以购物卡形式发放节日慰问") == ("楷体_GB2312", "32")
    assert font("整改期限：2026年6月30日前。") == ("仿宋_GB2312", "32")
    title = next(p for p in document.paragraphs if p.text == "审计意见书")
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert document.paragraphs[-1].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    fonts = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable"))
    assert 'w:name="楷体_GB2312"><w:altName w:val="楷体"/>' in fonts.blob.decode("utf-8")


def test_a_report_without_findings_says_so(built: Path, tmp_path: Path) -> None:
    clean_audit = replace(data("report"), findings=())
    docx_path, md_path = _render("report", built, tmp_path, clean_audit)
    document = docx.Document(str(docx_path))
    text = _text(document)
    for rendered in (text, md_path.read_text(encoding="utf-8")):
        assert "未发现需要整改的问题。" in rendered and "本次审计未发现需要整改的问题" in rendered
        assert "根据被审计单位反馈意见" not in rendered and "审计发现问题清单" not in rendered
    assert len(document.tables) == 2  # the fund tables only


def test_the_context_in_words() -> None:
    context = report_context(DRAFT)
    assert context["findings_sentence"] == "共发现3类4个问题，涉及金额74,545.60元"
    assert [c["name"] for c in context["categories"]] == ["支出管理", "会计核算", "内部控制/制度建设"]
    assert [f["number"] for f in context["categories"][0]["findings"]] == [1, 2]
    assert context["reply_deadline"] == "2026年4月20日"  # 10 days after issue unless given
    assert (
        report_context(replace(DRAFT, reply_deadline=date(2026, 4, 25)))["reply_deadline"] == "2026年4月25日"
    )
    assert context["recommendations"][0] == "不得以购物卡、代金券等形式发放节日慰问。"
    assert [f["reply_text"] for f in context["feedback"]] == ["同意", "不同意"]
    assert context["income"][1] == {
        "code": "402",
        "name": "拨缴经费收入",
        "amount": "86,400.00",
        "share": "66.5%",
    }
    assert categories_of(FINDINGS) == (
        ("支出管理", 2, D("71345.60")),
        ("会计核算", 1, D("3200.00")),
        ("内部控制/制度建设", 1, D("0")),
    )
    overspent = report_context(
        replace(DRAFT, spending=(FundLine("501", "职工活动支出", D("130000")),), spending_total=D("130000"))
    )
    assert (overspent["balance_word"], overspent["balance"]) == ("超支", "113.65")
    assert [chinese_numeral(n) for n in (1, 10, 11, 20, 35)] == ["一", "十", "十一", "二十", "三十五"]
    assert sentence("见附件（凭证）") == "见附件（凭证）。" and sentence("已整改。") == "已整改。"
    assert sentence("多行\n  文字，") == "多行文字。" and share(D("1"), D("0")) == "—"
    unknown = report_context(
        replace(DRAFT, unit_members=None, unit_employees=None, unit_chair=None, payroll=None)
    )
    assert unknown["unit_facts"] == ""


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"years": ()}, "reports.no_period"),
        ({"fieldwork_end": date(2026, 3, 1)}, "reports.dates_order"),
        ({"income_total": D("129886.36")}, "reports.totals_mismatch"),
        ({"findings": (replace(FINDINGS[0], reply="maybe"),)}, "reports.bad_reply"),
    ],
)
def test_bad_data_is_refused_before_anything_is_written(
    change: dict[str, object], key: str, built: Path, tmp_path: Path
) -> None:
    with pytest.raises(AuditdeskError) as caught:
        _render("draft", built, tmp_path / "out", replace(DRAFT, **change))  # type: ignore[arg-type]
    assert caught.value.key == key
    assert not (tmp_path / "out").exists()


def test_a_user_copy_of_a_report_template_overrides(tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    for docx_name, md_name in TEMPLATES.values():
        assert find_template(docx_name, SHIPPED, user) == SHIPPED / docx_name
        (user / md_name).write_text("{{ unit }}：{{ findings_sentence }}", encoding="utf-8")
        assert find_template(md_name, SHIPPED, user) == user / md_name
    md = find_template(TEMPLATES["opinion"][1], SHIPPED, user)
    out = render_report(
        data("opinion"),
        docx_template=SHIPPED / TEMPLATES["opinion"][0],
        md_template=md,
        out_dir=tmp_path / "out",
        stem="o",
    )[1]
    assert out.read_text(encoding="utf-8") == f"{UNIT}：共发现3类4个问题，涉及金额74,545.60元"


def test_the_summary_document(built: Path, tmp_path: Path) -> None:
    docx_path, md_path = render_summary(
        SUMMARY,
        docx_template=built / SUMMARY_TEMPLATES[0],
        md_template=SHIPPED / SUMMARY_TEMPLATES[1],
        out_dir=tmp_path,
        stem="summary",
    )
    document = docx.Document(str(docx_path))
    text, markdown = _text(document), md_path.read_text(encoding="utf-8")
    facts = [
        "2026年度经费审查审计工作总结",
        OFFICE,
        *(u.unit for u in UNITS),
        "1,643,464.48",
        "1,580,864.28",
        SUMMARY.sentence,
        "已整改9个，整改率90%",
        "尚未完成整改的1个问题",
        *SUMMARY.repeats,
        "全年组织业务培训1次",
        "2026年12月20日",
        "81.6%",
    ]
    for fact in facts:
        assert fact in text, fact
        assert fact in markdown, fact
    assert "{{" not in text + markdown and "\n\n\n" not in markdown
    assert not re.search(r"[^\n]\n(\*\*|#|\|)", markdown.replace("|\n|", ""))
    units = _table(document, 0)
    assert len(units) == 2 + len(UNITS)
    totals = units[-1]
    for column in (2, 3, 5):
        assert sum(parse_amount(r[column]) for r in units[1:-1] if r[column] != "—") == parse_amount(
            totals[column]
        )
    assert totals[4] == "10" and totals[6:] == ["9", "90%"]
    assert units[2][1] == "青陉县人民医院工会委员会（2023—2024年度）"
    categories = _table(document, 1)
    assert [r[1] for r in categories[1:-1]] == ["支出管理", "会计核算", "内部控制/制度建设"]
    assert categories[-1][2:4] == ["10", "98,001.60"]
    quiet = replace(SUMMARY, repeats=(), trainings=())
    again = render_summary(
        quiet,
        docx_template=built / SUMMARY_TEMPLATES[0],
        md_template=SHIPPED / SUMMARY_TEMPLATES[1],
        out_dir=tmp_path,
        stem="quiet",
    )
    quiet_text = _text(docx.Document(str(again[0])))
    assert "本年度审计未发现屡审屡犯问题。" in quiet_text and "本年度未组织专题业务培训。" in quiet_text


def test_the_summary_refuses_rows_that_do_not_add_up(tmp_path: Path) -> None:
    wrong = replace(SUMMARY, findings=11)
    with pytest.raises(AuditdeskError) as caught:
        write_summary_workbook(tmp_path / "s.xlsx", wrong)
    assert caught.value.key == "summary.totals_mismatch" and caught.value.params["figure"] == "各单位问题个数"
    assert not (tmp_path / "s.xlsx").exists()


def test_the_summary_workbook_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "summary.xlsx"
    digest = write_summary_workbook(path, SUMMARY)
    assert digest == hashlib.sha256(path.read_bytes()).hexdigest()
    wb = load_workbook(path)
    assert wb.sheetnames == [UNIT_SHEET, CATEGORY_SHEET]
    units = wb[UNIT_SHEET]
    assert units.freeze_panes == "A4" and units["A1"].value.startswith("2026年度")
    rows = [list(r) for r in units.iter_rows(min_row=4, values_only=True)]
    assert [r[1] for r in rows[:-1]] == [u.unit for u in UNITS] and rows[-1][0] == "合计"
    for column in (4, 5, 7):
        assert sum(parse_amount(r[column]) for r in rows[:-1]) == parse_amount(rows[-1][column])
    assert parse_amount(rows[-1][4]) == D("1643464.48") and parse_amount(rows[-1][7]) == SUMMARY.amount
    assert [rows[-1][6], rows[-1][8], rows[-1][9]] == [10, 9, "90%"]
    assert units.cell(4, 5).number_format == "#,##0.00" and units.cell(5, 4).value == "2023—2024年度"
    categories = [list(r) for r in wb[CATEGORY_SHEET].iter_rows(min_row=4, values_only=True)]
    assert sum(int(str(r[2])) for r in categories[:-1]) == categories[-1][2] == 10
    assert (
        sum(parse_amount(r[3]) for r in categories[:-1]) == parse_amount(categories[-1][3]) == SUMMARY.amount
    )
    assert categories[0][4] == pytest.approx(0.8163) and wb[CATEGORY_SHEET].cell(4, 5).number_format == "0.0%"


def test_the_templates_build_reproducibly_and_the_shipped_ones_are_current(
    built: Path, tmp_path: Path
) -> None:
    again = build_report_templates(tmp_path)
    for path in again:
        assert path.read_bytes() == (built / path.name).read_bytes(), path.name
        assert (SHIPPED / path.name).read_bytes() == path.read_bytes(), f"rebuild templates/{path.name}"
    for _, md_name in (*TEMPLATES.values(), SUMMARY_TEMPLATES):
        assert (SHIPPED / md_name).is_file()


# -- PDF ----------------------------------------------------------------------------------------------

FAKE_SOFFICE = """#!/bin/sh
out=""
while [ $# -gt 1 ]; do
  if [ "$1" = "--outdir" ]; then out="$2"; fi
  shift
done
{action}
"""


def _fake(folder: Path, action: str) -> None:
    folder.mkdir(exist_ok=True)
    script = folder / "soffice"
    script.write_text(FAKE_SOFFICE.format(action=action), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


def test_without_libreoffice_the_error_is_plain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert pdf.find_soffice() is None
    source = tmp_path / "a.docx"
    source.write_bytes(b"x")
    with pytest.raises(AuditdeskError) as caught:
        pdf.to_pdf(source)
    assert caught.value.key == "pdf.no_libreoffice"


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for soffice")
def test_the_conversion_is_called_and_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "bin"
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")  # the fake comes first
    source = tmp_path / "审计意见书.docx"
    source.write_bytes(b"x")
    _fake(bin_dir, 'name=${1##*/}; printf "%%PDF-1.4" > "$out/${name%.docx}.pdf"')
    assert pdf.find_soffice() == str(bin_dir / "soffice")
    assert pdf.to_pdf(source, tmp_path / "pdfs") == tmp_path / "pdfs" / "审计意见书.pdf"
    assert (tmp_path / "pdfs" / "审计意见书.pdf").read_bytes() == b"%PDF-1.4"
    _fake(bin_dir, 'echo "Error: source file could not be loaded" >&2; exit 1')
    with pytest.raises(AuditdeskError) as caught:
        pdf.to_pdf(source, tmp_path / "pdfs")
    assert caught.value.key == "pdf.failed" and "could not be loaded" in caught.value.params["reason"]
    assert not (tmp_path / "pdfs" / "审计意见书.pdf").exists()  # the old PDF is never taken for the new one
    _fake(bin_dir, "exec sleep 5")
    with pytest.raises(AuditdeskError) as caught:
        pdf.to_pdf(source, timeout=0.3)
    assert caught.value.key == "pdf.timeout"
    with pytest.raises(AuditdeskError) as caught:
        pdf.to_pdf(tmp_path / "missing.docx")
    assert caught.value.key == "pdf.no_source"


@pytest.mark.skipif(pdf.find_soffice() is None, reason="LibreOffice is not installed")
def test_a_real_pdf_when_libreoffice_is_installed(built: Path, tmp_path: Path) -> None:
    docx_path = _render("rectify", built, tmp_path)[0]
    result = pdf.to_pdf(docx_path, tmp_path / "pdf")
    assert result == tmp_path / "pdf" / "rectify.pdf" and result.read_bytes().startswith(b"%PDF")

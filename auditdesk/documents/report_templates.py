"""Builds the shipped Word templates of the report stage with the notice's page, faces and helpers:
审计报告(征求意见稿), 审计报告, 审计意见书, 整改通知书 (fields: ``reports.report_context``) and
年度经审工作总结 (fields: ``summary.summary_context``).

GB/T 9704 as in the notice: red issuing-office mark and 文号 over a red rule, title 小标宋 二号, body
仿宋_GB2312 三号, headings 一、 in 黑体, （一） in 楷体_GB2312, 1. in bold 仿宋; tables in 四号 (the
summary's nine-column table in 五号); the issuing office and the date right-aligned at the end.
Run ``python -m auditdesk.documents.template_builder templates``; every file is reproducible.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH

from auditdesk.documents.reports import TEMPLATES, TITLES, Kind
from auditdesk.documents.summary import SUMMARY_TEMPLATES
from auditdesk.documents.template_builder import (
    HEADING,
    REPORT_FALLBACKS,
    STRONG,
    SUBHEADING,
    TABLE_PITCH_SMALL,
    TITLE,
    Column,
    Face,
    loop_table,
    new_document,
    office_header,
    para,
    save_document,
    signature,
)

CENTER, RIGHT, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT
AUTHORITY = "根据《中华人民共和国工会法》《中国工会章程》有关规定，"
FIELDWORK = "{% if fieldwork_text %}于{{ fieldwork_text }}{% endif %}"
UNIT_WITH_PERIOD = "{{ u.unit }}{% if u.period %}（{{ u.period }}）{% endif %}"


def _text(doc: DocumentObject, text: str) -> None:
    para(doc, text, indent_chars=2)


def _heading(doc: DocumentObject, text: str, face: Face = HEADING) -> None:
    """A heading in ``face``, kept on the page of the paragraph (or table) that follows it."""
    para(doc, text, face, indent_chars=2).paragraph_format.keep_with_next = True


def _tag(doc: DocumentObject, tag: str) -> None:
    """A paragraph holding only a docxtpl ``{%p … %}`` tag (it disappears when rendered)."""
    para(doc, tag)


def _if_text(doc: DocumentObject, condition: str, text: str) -> None:
    _tag(doc, "{%p if " + condition + " %}")
    _text(doc, text)
    _tag(doc, "{%p endif %}")


def _numbered(doc: DocumentObject, items: str, intro: str = "") -> None:
    """``1.…`` paragraphs for each entry of the list ``items``."""
    _tag(doc, "{%p for item in " + items + " %}")
    _text(doc, "{{ loop.index }}." + intro + "{{ item }}")
    _tag(doc, "{%p endfor %}")


def _fund_table(doc: DocumentObject, lines: str, total: str) -> None:
    loop_table(
        doc,
        (
            Column("科目编码", "{{ line.code }}", 26, total="合计"),
            Column("科目名称", "{{ line.name }}", 62, LEFT),
            Column("金额（元）", "{{ line.amount }}", 42, RIGHT, total="{{ " + total + " }}"),
            Column("占比", "{{ line.share }}", 26, RIGHT, total="100%"),
        ),
        f"line in {lines}",
        totals=True,
    )


def _findings_table(doc: DocumentObject) -> None:
    loop_table(
        doc,
        (
            Column("序号", "{{ f.number }}", 14, total="合计"),
            Column("问题类别", "{{ f.category }}", 30),
            Column("问题", "{{ f.title }}", 76, LEFT, total="{{ findings_count }}个问题"),
            Column("涉及金额（元）", "{{ f.amount_cell }}", 36, RIGHT, total="{{ findings_amount }}"),
        ),
        "f in findings",
        totals=True,
    )


def build_report_template(path: Path, kind: Kind) -> Path:
    """The draft (``kind="draft"``) or the final audit report (``"report"``)."""
    draft = kind == "draft"
    doc = new_document(REPORT_FALLBACKS)
    if draft:  # marked at the top left, where GB/T 9704 puts 密级 and 紧急程度
        para(doc, "征求意见稿", HEADING)
    office_header(doc)
    para(doc, TITLES[kind], TITLE, align=CENTER)
    para(doc)
    para(doc, "{{ unit }}：")
    _text(
        doc,
        AUTHORITY + "本办派出审计组，" + FIELDWORK + "对你单位{{ subject }}进行了审计。"
        "你单位对所提供的会计资料及其他有关资料的真实性、完整性负责。审计组按照有关规定实施了审计，"
        "现将审计情况报告如下：",
    )
    _heading(doc, "一、基本情况")
    _if_text(doc, "unit_facts", "{{ unit_facts }}")
    _text(
        doc,
        "本次审计的范围为{{ subject }}，审计期间为{{ period }}，必要时追溯以前年度或延伸检查有关事项。"
        "{% if team_text %}审计组{{ team_text }}。{% endif %}",
    )
    _heading(doc, "二、经费收支情况")
    _text(
        doc,
        "审计期间，你单位工会经费收入合计{{ income_total }}元（大写：{{ income_total_capital }}），"
        "支出合计{{ spending_total }}元（大写：{{ spending_total_capital }}），"
        "收支相抵{{ balance_word }}{{ balance }}元（以上数据不含年末收支结转）。",
    )
    _heading(doc, "（一）经费收入情况", SUBHEADING)
    _fund_table(doc, "income", "income_total")
    _heading(doc, "（二）经费支出情况", SUBHEADING)
    _fund_table(doc, "spending", "spending_total")
    _if_text(doc, "opening_note", "{{ opening_note }}")
    _heading(doc, "三、审计评价")
    _text(
        doc,
        "从审计情况看，你单位能够执行《工会会计制度》等有关规定，工会经费收支"
        "{% if has_findings %}基本纳入账内核算，但在{{ category_names_text }}等方面还存在一些问题，"
        "需要加以规范。{% else %}纳入账内核算，本次审计未发现需要整改的问题。{% endif %}",
    )
    _heading(doc, "四、审计发现的主要问题")
    _text(doc, "{{ findings_sentence }}{% if has_findings %}，具体如下：{% else %}。{% endif %}")
    _tag(doc, "{%p for cat in categories %}")
    _heading(doc, "（{{ cat.ordinal }}）{{ cat.name }}方面", SUBHEADING)
    _tag(doc, "{%p for f in cat.findings %}")
    _heading(doc, "{{ f.number }}.{{ f.title }}", STRONG)
    _text(doc, "{{ f.facts }}{% if f.has_amount %}涉及金额{{ f.amount }}元。{% endif %}")
    _if_text(doc, "f.basis", "定性依据：{{ f.basis }}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p if has_findings %}")
    _text(doc, "审计发现问题清单如下：")
    _findings_table(doc)
    _tag(doc, "{%p endif %}")
    _heading(doc, "五、审计建议")
    _tag(doc, "{%p if recommendations %}")
    _text(doc, "针对审计发现的问题，提出如下建议：")
    _numbered(doc, "recommendations")
    _tag(doc, "{%p else %}")
    _text(doc, "请你单位继续严格执行工会经费收支管理的各项规定，规范会计核算，加强内部控制。")
    _tag(doc, "{%p endif %}")
    if draft:
        _text(
            doc,
            "本报告为征求意见稿，不作为正式审计结论。请你单位自收到本征求意见稿之日起{{ reply_days }}日内"
            "提出书面意见，并于{{ reply_deadline }}前送交本办；逾期未提出书面意见的，视同无异议。",
        )
        _if_text(doc, "contact", "联系人及电话：{{ contact }}")
    else:
        _tag(doc, "{%p if has_changes %}")
        _heading(doc, "六、根据被审计单位反馈意见作出的修改")
        _text(doc, "审计组对你单位就征求意见稿提出的书面意见进行了研究核实，对报告作了如下修改：")
        _tag(doc, "{%p for c in changes %}")
        _text(doc, "{{ loop.index }}.第{{ c.number }}个问题（{{ c.title }}）：{{ c.text }}")
        _tag(doc, "{%p endfor %}")
        _tag(doc, "{%p for c in other_changes %}")
        _text(doc, "{{ changes|length + loop.index }}.{{ c }}")
        _tag(doc, "{%p endfor %}")
        _tag(doc, "{%p endif %}")
    signature(doc, "{{ issued }}")
    return save_document(doc, path, TITLES[kind])


def build_opinion_template(path: Path) -> Path:
    """审计意见书: the problems one by one, the rectification each requires, the deadline, the report back."""
    doc = new_document(REPORT_FALLBACKS)
    office_header(doc)
    para(doc, TITLES["opinion"], TITLE, align=CENTER)
    para(doc)
    para(doc, "{{ unit }}：")
    _text(
        doc,
        AUTHORITY + "本办派出审计组，" + FIELDWORK + "对你单位{{ subject }}进行了审计"
        "{% if engagement_reference %}（审计通知书{{ engagement_reference }}）{% endif %}。"
        "审计期间，你单位工会经费收入合计{{ income_total }}元，支出合计{{ spending_total }}元。"
        "{{ findings_sentence }}。现提出审计意见如下：",
    )
    _heading(doc, "一、审计发现的问题及整改要求")
    _tag(doc, "{%p for f in findings %}")
    _heading(doc, "（{{ f.ordinal }}）{{ f.title }}", SUBHEADING)
    _if_text(doc, "f.facts", "{{ f.facts }}")
    _if_text(doc, "f.has_amount", "涉及金额：{{ f.amount }}元（大写：{{ f.amount_capital }}）。")
    _if_text(doc, "f.basis", "定性依据：{{ f.basis }}")
    _if_text(doc, "f.recommendation", "整改要求：{{ f.recommendation }}")
    _if_text(doc, "f.deadline", "整改期限：{{ f.deadline }}前。")
    _tag(doc, "{%p endfor %}")
    _if_text(
        doc,
        "has_findings",
        "以上问题共计{{ findings_count }}个，涉及金额{{ findings_amount }}元"
        "（大写：{{ findings_amount_capital }}）。",
    )
    _heading(doc, "二、整改及报告要求")
    _text(
        doc,
        "请你单位高度重视审计发现的问题，逐项制定整改措施，明确责任人和完成时限，"
        "{% if rectify_deadline %}于{{ rectify_deadline }}前{% else %}在上述期限内{% endif %}整改到位。",
    )
    _text(
        doc,
        "请你单位{% if report_within_days %}自收到本意见书之日起{{ report_within_days }}日内"
        "{% else %}在整改期限届满后及时{% endif %}将整改情况书面报告本办，逐项说明整改措施和整改结果，"
        "并附相关证明材料；因客观原因不能按期完成整改的，应书面说明原因及计划完成时间。"
        "本办将对整改情况进行跟踪检查，逐项核实销号。",
    )
    _if_text(doc, "contact", "联系人及电话：{{ contact }}")
    signature(doc, "{{ issued }}")
    return save_document(doc, path, TITLES["opinion"])


def build_rectify_template(path: Path) -> Path:
    """整改通知书: shorter; the problems still to rectify, each with its requirement and deadline."""
    doc = new_document(REPORT_FALLBACKS)
    office_header(doc)
    para(doc, TITLES["rectify"], TITLE, align=CENTER)
    para(doc)
    para(doc, "{{ unit }}：")
    _text(
        doc,
        "本办" + FIELDWORK + "对你单位{{ subject }}进行了审计"
        "{% if engagement_reference %}（审计通知书{{ engagement_reference }}）{% endif %}。"
        "截至{{ issued }}，审计发现的下列{{ findings_count }}个问题尚需整改，涉及金额{{ findings_amount }}元"
        "（大写：{{ findings_amount_capital }}）。现将有关事项通知如下：",
    )
    _heading(doc, "一、需整改的问题")
    _tag(doc, "{%p for f in findings %}")
    _heading(doc, "{{ loop.index }}.{{ f.title }}", STRONG)
    _text(
        doc,
        "{% if f.has_amount %}涉及金额{{ f.amount }}元（大写：{{ f.amount_capital }}）。{% endif %}"
        "{% if f.recommendation %}整改要求：{{ f.recommendation }}{% endif %}"
        "{% if f.deadline %}整改期限：{{ f.deadline }}前。{% endif %}",
    )
    _tag(doc, "{%p endfor %}")
    _heading(doc, "二、有关要求")
    _text(
        doc,
        "请你单位{% if rectify_deadline %}于{{ rectify_deadline }}前{% else %}在上述期限内{% endif %}"
        "完成整改，并{% if report_within_days %}自收到本通知之日起{{ report_within_days }}日内"
        "{% else %}在整改完成后及时{% endif %}将整改情况书面报告本办，附相关证明材料。"
        "逾期未整改或整改不到位的，本办将按照有关规定处理。",
    )
    _if_text(doc, "contact", "联系人及电话：{{ contact }}")
    signature(doc, "{{ issued }}")
    return save_document(doc, path, TITLES["rectify"])


def build_summary_template(path: Path) -> Path:
    """年度经审工作总结: the year in figures with a table per unit and a table per category."""
    doc = new_document(REPORT_FALLBACKS)
    para(doc)
    para(doc, "{{ title }}", TITLE, align=CENTER)
    para(doc, "{{ office }}", SUBHEADING, align=CENTER)
    para(doc)
    _text(
        doc,
        "{{ year }}年，本办按照年度经费审查审计工作计划，对{{ units_count }}个基层工会的经费收支情况"
        "进行了审计。现将全年工作情况总结如下：",
    )
    _heading(doc, "一、审计工作开展情况")
    _text(
        doc,
        "全年共审计基层工会{{ units_count }}个，审计经费收入{{ income_total }}元、"
        "支出{{ spending_total }}元。各单位审计情况见下表：",
    )
    loop_table(
        doc,
        (
            Column("序号", "{{ u.seq }}", 10, total="合计"),
            Column("被审计单位\n（审计期间）", UNIT_WITH_PERIOD, 27, LEFT),
            Column("经费收入\n（元）", "{{ u.income_total }}", 26, RIGHT, total="{{ income_total }}"),
            Column("经费支出\n（元）", "{{ u.spending_total }}", 26, RIGHT, total="{{ spending_total }}"),
            Column("问题\n个数", "{{ u.findings }}", 12, total="{{ findings }}"),
            Column("涉及金额\n（元）", "{{ u.amount_cell }}", 25, RIGHT, total="{{ amount }}"),
            Column("已整改\n个数", "{{ u.rectified }}", 14, total="{{ rectified }}"),
            Column("整改率", "{{ u.rate }}", 16, total="{{ rate }}"),
        ),
        "u in units",
        totals=True,
        size=10.5,  # 五号
        pitch=TABLE_PITCH_SMALL,
        cell_margin_mm=1.0,
    )
    _heading(doc, "二、审计发现的问题")
    _text(doc, "{{ sentence }}{% if categories %}按问题类别统计如下：{% endif %}")
    _tag(doc, "{%p if categories %}")
    loop_table(
        doc,
        (
            Column("序号", "{{ c.seq }}", 16, total="合计"),
            Column("问题类别", "{{ c.name }}", 54, LEFT),
            Column("问题数", "{{ c.count }}", 24, total="{{ findings }}"),
            Column("涉及金额（元）", "{{ c.amount_cell }}", 38, RIGHT, total="{{ amount }}"),
            Column("占比", "{{ c.share }}", 24, RIGHT, total="100%"),
        ),
        "c in categories",
        totals=True,
    )
    _tag(doc, "{%p endif %}")
    _heading(doc, "三、整改落实情况")
    _text(
        doc,
        "截至{{ issued }}，审计发现的{{ findings }}个问题已整改{{ rectified }}个，整改率{{ rate }}"
        "{% if unrectified %}；尚未完成整改的{{ unrectified }}个问题，本办将继续跟踪督促{% endif %}。",
    )
    _heading(doc, "四、屡审屡犯问题")
    _tag(doc, "{%p if repeats %}")
    _text(doc, "以下问题在以往审计中已经指出，本年度审计再次发现，需要重点关注：")
    _numbered(doc, "repeats")
    _tag(doc, "{%p else %}")
    _text(doc, "本年度审计未发现屡审屡犯问题。")
    _tag(doc, "{%p endif %}")
    _heading(doc, "五、业务培训")
    _tag(doc, "{%p if trainings %}")
    _text(doc, "全年组织业务培训{{ trainings_count }}次：")
    _numbered(doc, "trainings")
    _tag(doc, "{%p else %}")
    _text(doc, "本年度未组织专题业务培训。")
    _tag(doc, "{%p endif %}")
    _heading(doc, "六、下一步工作")
    _text(
        doc,
        "下一步，本办将继续加强对基层工会经费收支的审查审计监督，督促被审计单位落实整改，"
        "对屡审屡犯问题加大跟踪力度，推动基层工会经费管理规范化。",
    )
    signature(doc, "{{ issued }}")
    return save_document(doc, path, "年度经审工作总结")


def build_report_templates(folder: Path) -> tuple[Path, ...]:
    """Write the four report documents' and the summary's .docx templates into ``folder``."""
    reports: tuple[Kind, ...] = ("draft", "report")
    written = [build_report_template(folder / TEMPLATES[kind][0], kind) for kind in reports]
    written.append(build_opinion_template(folder / TEMPLATES["opinion"][0]))
    written.append(build_rectify_template(folder / TEMPLATES["rectify"][0]))
    written.append(build_summary_template(folder / SUMMARY_TEMPLATES[0]))
    return tuple(written)

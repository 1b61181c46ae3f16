"""The engagement's documents after fieldwork: the draft report (审计报告（征求意见稿）), the audit report
(审计报告), the audit opinion letter (审计意见书) and the rectification notice (整改通知书).

The service fills a ``ReportData`` from the database; ``report_context`` turns it into what the
templates see (amounts in figures ``1,234.50`` and, where an official form needs them, in Chinese
capitals; dates in Chinese; the count sentence ``共发现2类3个问题，涉及金额1,234.50元`` computed from
the findings). The words composed here are document text, Chinese by nature, as in ``notice.py``;
the rest of the wording is in the templates (``templates/审计报告.docx`` …), which users edit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, Literal

from auditdesk.core.errors import AuditdeskError
from auditdesk.core.money import ZERO, chinese_capital, format_thousands
from auditdesk.documents.notice import (
    LEAD_ROLE,
    LIST_SEPARATOR,
    MEMBER_ROLE,
    audit_subject,
    chinese_date,
    period_text,
)
from auditdesk.documents.render import render_pair

__all__ = [
    "DASH",
    "KINDS",
    "REPLY_DAYS",
    "TEMPLATES",
    "TITLES",
    "FindingText",
    "FundLine",
    "Kind",
    "ReportData",
    "categories_of",
    "chinese_numeral",
    "clean",
    "money",
    "render_report",
    "report_context",
    "sentence",
    "share",
]

Kind = Literal["draft", "report", "opinion", "rectify"]
KINDS: tuple[Kind, ...] = ("draft", "report", "opinion", "rectify")
TEMPLATES: dict[Kind, tuple[str, str]] = {
    "draft": ("审计报告(征求意见稿).docx", "审计报告(征求意见稿).md"),
    "report": ("审计报告.docx", "审计报告.md"),
    "opinion": ("审计意见书.docx", "审计意见书.md"),
    "rectify": ("整改通知书.docx", "整改通知书.md"),
}
TITLES: dict[Kind, str] = {
    "draft": "审计报告（征求意见稿）",
    "report": "审计报告",
    "opinion": "审计意见书",
    "rectify": "整改通知书",
}
REPLY_DAYS = 10  # the unit answers the draft in writing within 10 days; silence means no objection
REPLIES = {"agree": "同意", "disagree": "不同意", "": "未书面反馈"}
NO_FINDINGS = "未发现需要整改的问题"
DASH = "—"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"\s*\n\s*")
_NUMERALS = "零一二三四五六七八九"
_ENDINGS = "。！？!?…”’」』"


@dataclass(frozen=True)
class FundLine:
    """Income or spending of one first-level account over the audit period (closing entries excluded)."""

    code: str
    name: str
    amount: Decimal


@dataclass(frozen=True)
class FindingText:
    """One finding as the documents state it."""

    number: int
    code: str
    category: str
    title: str
    facts: str
    amount: Decimal
    basis: str
    recommendation: str
    deadline: date | None
    reply: str = ""  # "agree" | "disagree" | "" (no reply)
    reply_note: str = ""
    changes: tuple[str, ...] = ()  # what changed after the unit's reply (final report), each a sentence


@dataclass(frozen=True)
class ReportData:
    """Everything one of the four documents says; the report service fills it from the database."""

    kind: Kind
    doc_reference: str  # this document's 文号
    engagement_reference: str  # the engagement's (the audit notice's) 文号
    office: str
    unit: str
    years: tuple[int, ...]
    scope: str
    lead: str | None
    members: tuple[str, ...]
    fieldwork_start: date | None
    fieldwork_end: date | None
    issued: date
    unit_members: int | None
    unit_employees: int | None
    unit_chair: str | None
    payroll: Decimal | None  # last year's total payroll
    income: tuple[FundLine, ...]  # by first-level account, closing entries excluded
    spending: tuple[FundLine, ...]
    income_total: Decimal
    spending_total: Decimal
    opening_note: str = ""  # e.g. budget execution where known; empty if unknown
    findings: tuple[FindingText, ...] = ()
    reply_deadline: date | None = None  # draft: reply in writing by this date (default: issued + 10 days)
    rectify_deadline: date | None = None  # opinion/rectify: the default deadline
    report_within_days: int | None = None  # opinion/rectify: the unit reports in writing within N days
    contact: str = ""
    other_changes: tuple[str, ...] = ()  # final report: changes tied to no listed finding (one withdrawn…)


# -- wording helpers (shared with the annual summary) ---------------------------------------------------


def clean(text: str | None) -> str:
    """Text for a document: control characters dropped, line breaks joined (Chinese needs no space)."""
    if not text:
        return ""
    return _LINE_BREAKS.sub("", _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))).strip()


def sentence(text: str | None) -> str:
    """``clean`` text ending in a full stop (``。`` added unless it ends in 。！？… or a closing mark)."""
    cleaned = clean(text)
    if not cleaned or cleaned[-1] in _ENDINGS:
        return cleaned
    return cleaned.rstrip("，,；;：:、") + "。"


def money(amount: Decimal) -> str:
    """``1,234.50`` — how the documents write an amount in figures."""
    return format_thousands(amount)


def share(part: Decimal, whole: Decimal) -> str:
    """``45.2%`` of ``whole`` (one decimal, half up); ``—`` when the whole is zero."""
    if not whole:
        return DASH
    percent = (part * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{percent}%"


def chinese_numeral(number: int) -> str:
    """``一`` … ``十`` … ``十九``, ``二十`` … ``九十九`` (the ordinals of （一）-style headings)."""
    if not 0 < number < 100:
        return str(number)
    tens, ones = divmod(number, 10)
    if not tens:
        return _NUMERALS[ones]
    return ("" if tens == 1 else _NUMERALS[tens]) + "十" + (_NUMERALS[ones] if ones else "")


def categories_of(findings: Iterable[FindingText]) -> tuple[tuple[str, int, Decimal], ...]:
    """(category, number of findings, amount) per category, in the order categories first appear."""
    counts: dict[str, list[Any]] = {}
    for finding in findings:
        entry = counts.setdefault(clean(finding.category), [0, ZERO])
        entry[0] += 1
        entry[1] += finding.amount
    return tuple((name, count, amount) for name, (count, amount) in counts.items())


def findings_sentence(findings: Sequence[FindingText]) -> str:
    """``共发现2类3个问题，涉及金额1,234.50元`` (no full stop), or ``未发现需要整改的问题``."""
    if not findings:
        return NO_FINDINGS
    total = sum((f.amount for f in findings), ZERO)
    return f"共发现{len(categories_of(findings))}类{len(findings)}个问题，涉及金额{money(total)}元"


# -- the context --------------------------------------------------------------------------------------


def _date(day: date | None) -> tuple[str, str]:
    return (chinese_date(day), day.isoformat()) if day else ("", "")


def _fieldwork(start: date | None, end: date | None) -> str:
    if start and end:
        if end < start:
            raise AuditdeskError("reports.dates_order", start=start.isoformat(), end=end.isoformat())
        return f"{chinese_date(start)}至{chinese_date(end)}"
    if start:
        return f"{chinese_date(start)}起"
    return ""


def _team(lead: str | None, members: tuple[str, ...]) -> tuple[list[dict[str, str]], str]:
    rows = [{"role": LEAD_ROLE, "name": clean(lead)}] if lead else []
    rows += [{"role": MEMBER_ROLE, "name": clean(m)} for m in members]
    parts = [f"{LEAD_ROLE}：{clean(lead)}"] if lead else []
    if members:
        parts.append(f"{MEMBER_ROLE}：{LIST_SEPARATOR.join(clean(m) for m in members)}")
    return rows, "；".join(parts)


def _unit_facts(data: ReportData) -> str:
    """``该单位现有职工120人，工会会员118人，工会主席刘红，上年度工资总额3,456,000.00元。``

    Only the known parts; empty when nothing is known.
    """
    parts = []
    if data.unit_employees is not None:
        parts.append(f"现有职工{data.unit_employees}人")
    if data.unit_members is not None:
        parts.append(f"工会会员{data.unit_members}人")
    if data.unit_chair:
        parts.append(f"工会主席{clean(data.unit_chair)}")
    if data.payroll is not None:
        parts.append(f"上年度工资总额{money(data.payroll)}元")
    return "该单位" + "，".join(parts) + "。" if parts else ""


def _funds(lines: tuple[FundLine, ...], total: Decimal, side: str) -> list[dict[str, str]]:
    """The table rows of one side (``side`` is the document's word for it, put in the error)."""
    listed = sum((line.amount for line in lines), ZERO)
    if listed != total:
        raise AuditdeskError("reports.totals_mismatch", side=side, total=money(total), rows=money(listed))
    return [
        {"code": clean(line.code), "name": clean(line.name), "amount": money(line.amount),
         "share": share(line.amount, total)}
        for line in lines
    ]  # fmt: skip


def _finding(finding: FindingText, default_deadline: date | None) -> dict[str, Any]:
    if finding.reply not in REPLIES:
        raise AuditdeskError("reports.bad_reply", number=finding.number, value=finding.reply)
    deadline, deadline_iso = _date(finding.deadline or default_deadline)
    return {
        "number": finding.number,
        "ordinal": chinese_numeral(finding.number),
        "code": clean(finding.code),
        "category": clean(finding.category),
        "title": clean(finding.title),
        "facts": sentence(finding.facts),
        "amount": money(finding.amount),
        "amount_capital": chinese_capital(finding.amount),
        "amount_cell": money(finding.amount) if finding.amount else DASH,
        "has_amount": bool(finding.amount),
        "basis": sentence(finding.basis),
        "recommendation": sentence(finding.recommendation),
        "deadline": deadline,
        "deadline_iso": deadline_iso,
        "reply": finding.reply,
        "reply_text": REPLIES[finding.reply],
        "reply_note": sentence(finding.reply_note),
        "changes": [sentence(c) for c in finding.changes if clean(c)],
    }


def _categories(findings: list[dict[str, Any]], total: Decimal, raw: Sequence[FindingText]) -> list[Any]:
    out = []
    for i, (name, count, amount) in enumerate(categories_of(raw), start=1):
        out.append({
            "ordinal": chinese_numeral(i), "name": name, "count": count, "amount": money(amount),
            "amount_capital": chinese_capital(amount), "share": share(amount, total),
            "findings": [f for f in findings if f["category"] == name],
        })  # fmt: skip
    return out


def report_context(data: ReportData) -> dict[str, Any]:
    """What the templates of all four kinds see; the fields are listed in ``templates/README.md``.

    Raises ``reports.bad_kind``, ``reports.no_period``, ``reports.dates_order``,
    ``reports.totals_mismatch`` (the account lines do not add up to the total: a bug upstream, never
    printed) and ``reports.bad_reply``.
    """
    if data.kind not in TEMPLATES:
        raise AuditdeskError("reports.bad_kind", kind=str(data.kind))
    if not data.years:
        raise AuditdeskError("reports.no_period", title=TITLES[data.kind])
    team, team_text = _team(data.lead, data.members)
    findings = [_finding(f, data.rectify_deadline) for f in data.findings]
    found = sum((f.amount for f in data.findings), ZERO)
    balance = data.income_total - data.spending_total
    reply_deadline = data.reply_deadline or data.issued + timedelta(days=REPLY_DAYS)
    recommendations = list(dict.fromkeys(f["recommendation"] for f in findings if f["recommendation"]))
    categories = _categories(findings, found, data.findings)
    context: dict[str, Any] = {
        "kind": data.kind,
        "title": TITLES[data.kind],
        "reference": clean(data.doc_reference),
        "doc_reference": clean(data.doc_reference),
        "engagement_reference": clean(data.engagement_reference),
        "office": clean(data.office),
        "unit": clean(data.unit),
        "scope": clean(data.scope),
        "subject": audit_subject(data.years, clean(data.scope)),
        "period": period_text(data.years),
        "years": sorted(set(data.years)),
        "contact": clean(data.contact),
        "lead": clean(data.lead),
        "members": [clean(m) for m in data.members],
        "members_text": LIST_SEPARATOR.join(clean(m) for m in data.members),
        "team": team,
        "team_text": team_text,
        "fieldwork_text": _fieldwork(data.fieldwork_start, data.fieldwork_end),
        "unit_members": "" if data.unit_members is None else str(data.unit_members),
        "unit_employees": "" if data.unit_employees is None else str(data.unit_employees),
        "unit_chair": clean(data.unit_chair),
        "payroll": "" if data.payroll is None else money(data.payroll),
        "unit_facts": _unit_facts(data),
        "opening_note": sentence(data.opening_note),
        "income": _funds(data.income, data.income_total, "收入"),
        "spending": _funds(data.spending, data.spending_total, "支出"),
        "income_total": money(data.income_total),
        "income_total_capital": chinese_capital(data.income_total),
        "spending_total": money(data.spending_total),
        "spending_total_capital": chinese_capital(data.spending_total),
        "balance": money(abs(balance)),
        "balance_capital": chinese_capital(abs(balance)),
        "balance_word": "结余" if balance >= 0 else "超支",
        "findings": findings,
        "has_findings": bool(findings),
        "findings_count": len(findings),
        "findings_amount": money(found),
        "findings_amount_capital": chinese_capital(found),
        "findings_sentence": findings_sentence(data.findings),
        "categories": categories,
        "categories_count": len(categories),
        "category_names_text": LIST_SEPARATOR.join(c["name"] for c in categories),
        "recommendations": recommendations,
        "feedback": [f for f in findings if f["reply"] or f["changes"]],
        "changes": [
            {"number": f["number"], "title": f["title"], "text": change}
            for f in findings
            for change in f["changes"]
        ],
        "other_changes": [sentence(c) for c in data.other_changes if clean(c)],
        "reply_days": REPLY_DAYS,
        "report_within_days": "" if data.report_within_days is None else data.report_within_days,
    }
    context["has_changes"] = bool(context["changes"] or context["other_changes"])
    dates = {
        "fieldwork_start": data.fieldwork_start,
        "fieldwork_end": data.fieldwork_end,
        "issued": data.issued,
        "reply_deadline": reply_deadline,
        "rectify_deadline": data.rectify_deadline,
    }
    for name, day in dates.items():
        context[name], context[f"{name}_iso"] = _date(day)
    return context


def render_report(
    data: ReportData, *, docx_template: Path, md_template: Path, out_dir: Path, stem: str
) -> tuple[Path, Path]:
    """Write ``stem.docx`` and ``stem.md`` into ``out_dir``; nothing is written when either fails."""
    context = report_context(data)
    return render_pair(
        context, docx_template=docx_template, md_template=md_template, out_dir=out_dir, stem=stem
    )

"""The audit notice (审计通知书): its data, what its templates see, and rendering to .docx and .md.

The notice is an official Chinese document, so the few words this module composes (dates, the audit
period, the team's roles) are Chinese by nature, not interface text. Everything else is in the
templates (``templates/审计通知书.docx`` and ``.md``), which users edit in Word/WPS or a text editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from auditdesk.core.errors import AuditdeskError
from auditdesk.documents.render import find_template, render_pair

__all__ = [
    "DEFAULT_MATERIALS",
    "NOTICE_DOCX",
    "NOTICE_MD",
    "NoticeData",
    "audit_subject",
    "chinese_date",
    "find_template",
    "notice_context",
    "period_text",
    "render_notice",
]

NOTICE_DOCX = "审计通知书.docx"
NOTICE_MD = "审计通知书.md"

LEAD_ROLE = "组长（主审）"
MEMBER_ROLE = "成员"
LIST_SEPARATOR = "、"
RANGE_DASH = "—"  # GB/T 9704 writes year ranges with a dash: 2024—2025年度

# What a county office usually asks a grassroots union to have ready (DOMAIN.md, "Rules an auditor
# checks" and "What ledgers look like"); the engagement service may offer it as the default list.
DEFAULT_MATERIALS: tuple[str, ...] = (
    "审计期间的工会经费收支预算、调整预算及决算资料",
    "会计账簿（总账、明细账、现金及银行存款日记账）和科目余额表",
    "记账凭证及所附原始单据（发票、清单、发放签领表等）",
    "银行开户资料、银行对账单及银行存款余额调节表",
    "工会委员会会议、经费审查委员会会议记录及重大支出集体决策资料",
    "固定资产、库存物品明细表及盘点记录",
    "工会财务管理及内部控制制度",
    "会员名册、会费收缴及拨缴经费计提、上解资料",
    "上次审计发现问题的整改资料",
)


@dataclass(frozen=True)
class NoticeData:
    """Everything an audit notice says; the engagement service fills it from the database."""

    reference: str  # 文号, e.g. 青工经审〔2026〕3号
    office: str  # issuing office, e.g. 青陉县总工会经费审查委员会办公室
    unit: str  # audited unit
    years: tuple[int, ...]  # audit period (fiscal years)
    scope: str
    key_areas: tuple[str, ...]  # already rendered labels
    lead: str | None
    members: tuple[str, ...]
    fieldwork_start: date
    fieldwork_end: date
    notice_date: date
    materials: tuple[str, ...]
    contact: str  # person and phone


def chinese_date(day: date) -> str:
    """``2026年3月9日`` (Arabic numerals, no padding, as GB/T 9704 writes the date of issue)."""
    return f"{day.year}年{day.month}月{day.day}日"


def period_text(years: tuple[int, ...]) -> str:
    """``2024年度``, ``2024—2025年度``, ``2021—2022、2024年度`` (consecutive years joined by a dash)."""
    ordered = sorted(set(years))
    if not ordered:
        raise AuditdeskError("documents.notice_no_period")
    runs: list[list[int]] = []
    for year in ordered:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    parts = [str(run[0]) if len(run) == 1 else f"{run[0]}{RANGE_DASH}{run[-1]}" for run in runs]
    return LIST_SEPARATOR.join(parts) + "年度"


def audit_subject(years: tuple[int, ...], scope: str) -> str:
    """What is audited, period included: ``2024—2025年度工会经费收支情况``.

    A scope that already names a year (an office setting such as ``{years}年度工会经费收支情况``) is
    taken as it is, so the period is never written twice.
    """
    return scope if re.search(r"\d{4}", scope) else period_text(years) + scope


def _team(lead: str | None, members: tuple[str, ...]) -> tuple[list[dict[str, str]], str]:
    rows = [{"role": LEAD_ROLE, "name": lead}] if lead else []
    rows += [{"role": MEMBER_ROLE, "name": member} for member in members]
    parts = [f"{LEAD_ROLE}：{lead}"] if lead else []
    if members:
        parts.append(f"{MEMBER_ROLE}：{LIST_SEPARATOR.join(members)}")
    return rows, "；".join(parts)


def notice_context(data: NoticeData) -> dict[str, Any]:
    """What both notice templates see (every value a string, a number or a list of them).

    Fields: reference, office, unit, scope, contact; years (list of int), period (``2024—2025年度``),
    subject (period and scope: ``2024—2025年度工会经费收支情况``; a scope naming a year is kept as is),
    plan_year (the year of fieldwork, whose annual plan the audit belongs to); key_areas and materials
    (lists of text); lead (empty when not named), members (list), members_text (``李四、王五``),
    team (list of {role, name}: the lead first), team_text (``组长（主审）：张三；成员：李四、王五``);
    fieldwork_start, fieldwork_end, notice_date in Chinese (``2026年3月9日``) and the same with
    ``_iso`` appended (``2026-03-09``).
    """
    if data.fieldwork_end < data.fieldwork_start:
        raise AuditdeskError(
            "documents.notice_dates_order",
            start=data.fieldwork_start.isoformat(),
            end=data.fieldwork_end.isoformat(),
        )
    team, team_text = _team(data.lead, data.members)
    return {
        "reference": data.reference,
        "office": data.office,
        "unit": data.unit,
        "scope": data.scope,
        "subject": audit_subject(data.years, data.scope),
        "contact": data.contact,
        "years": sorted(set(data.years)),
        "period": period_text(data.years),
        "plan_year": data.fieldwork_start.year,
        "key_areas": list(data.key_areas),
        "materials": list(data.materials),
        "lead": data.lead or "",
        "members": list(data.members),
        "members_text": LIST_SEPARATOR.join(data.members),
        "team": team,
        "team_text": team_text,
        "fieldwork_start": chinese_date(data.fieldwork_start),
        "fieldwork_end": chinese_date(data.fieldwork_end),
        "notice_date": chinese_date(data.notice_date),
        "fieldwork_start_iso": data.fieldwork_start.isoformat(),
        "fieldwork_end_iso": data.fieldwork_end.isoformat(),
        "notice_date_iso": data.notice_date.isoformat(),
    }


def render_notice(
    data: NoticeData, *, docx_template: Path, md_template: Path, out_dir: Path, stem: str
) -> tuple[Path, Path]:
    """Write ``stem.docx`` and ``stem.md`` into ``out_dir`` from the two templates; return both paths.

    Nothing is written when either template fails (a missing field, a syntax error, a broken file).
    """
    context = notice_context(data)
    return render_pair(
        context, docx_template=docx_template, md_template=md_template, out_dir=out_dir, stem=stem
    )

"""The county office's annual summary (年度经审工作总结): units audited, fund figures, findings by category,
amounts, rectification, repeat problems and training, with a table per unit.

The summary service fills a ``SummaryData`` from the database; ``summary_context`` checks that the
rows add up to the totals (a table whose 合计 differs from its rows must never be printed) and turns
it into what the templates (``templates/年度经审工作总结.docx`` and ``.md``) see. The same data
becomes a workbook in ``summary_workbook``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from auditdesk.core.errors import AuditdeskError
from auditdesk.core.money import ZERO, chinese_capital
from auditdesk.documents.notice import LIST_SEPARATOR, chinese_date, period_text
from auditdesk.documents.render import render_pair
from auditdesk.documents.reports import DASH, chinese_numeral, clean, money, sentence, share

__all__ = [
    "SUMMARY_TEMPLATES",
    "SummaryData",
    "UnitSummary",
    "check_totals",
    "render_summary",
    "summary_context",
]

SUMMARY_TEMPLATES: tuple[str, str] = ("年度经审工作总结.docx", "年度经审工作总结.md")
SUMMARY_TITLE = "年度经费审查审计工作总结"


@dataclass(frozen=True)
class UnitSummary:
    """One audited unit's line of the summary."""

    unit: str
    reference: str  # the engagement's 文号
    years: tuple[int, ...]
    income_total: Decimal
    spending_total: Decimal
    findings: int
    amount: Decimal
    rectified: int
    rate: str  # already formatted like "100%" or "—"


@dataclass(frozen=True)
class SummaryData:
    """The year of one county office; ``sentence`` is the register's count sentence, given."""

    office: str
    year: int
    issued: date
    units: tuple[UnitSummary, ...]
    categories: tuple[tuple[str, int, Decimal], ...]  # category, count, amount
    sentence: str
    findings: int
    amount: Decimal
    rectified: int
    rate: str
    repeats: tuple[str, ...] = ()  # repeat problems (屡审屡犯), each a sentence
    trainings: tuple[str, ...] = ()


def check_totals(data: SummaryData) -> None:
    """The unit rows and the category rows each add up to the year's findings, amount and rectified.

    Raises ``summary.totals_mismatch`` naming the figure (a bug upstream: the document is not written).
    """
    sums = {  # the figure's name is put in the message as the document calls it
        "各单位问题个数": (data.findings, sum(u.findings for u in data.units)),
        "各单位涉及金额": (data.amount, sum((u.amount for u in data.units), ZERO)),
        "各单位已整改个数": (data.rectified, sum(u.rectified for u in data.units)),
        "各类别问题个数": (data.findings, sum(c[1] for c in data.categories)),
        "各类别涉及金额": (data.amount, sum((c[2] for c in data.categories), ZERO)),
    }
    for figure, (total, rows) in sums.items():
        if total != rows:
            raise AuditdeskError("summary.totals_mismatch", figure=figure, total=str(total), rows=str(rows))


def summary_context(data: SummaryData) -> dict[str, Any]:
    """What both summary templates see; the fields are listed in ``templates/README.md``."""
    check_totals(data)
    income = sum((u.income_total for u in data.units), ZERO)
    spending = sum((u.spending_total for u in data.units), ZERO)
    units: list[dict[str, Any]] = [
        {
            "seq": i,
            "unit": clean(u.unit),
            "reference": clean(u.reference),
            "years": sorted(set(u.years)),
            "period": period_text(u.years) if u.years else "",
            "income_total": money(u.income_total),
            "spending_total": money(u.spending_total),
            "findings": u.findings,
            "amount": money(u.amount),
            "amount_cell": money(u.amount) if u.amount else DASH,
            "rectified": u.rectified,
            "rate": clean(u.rate) or DASH,
        }
        for i, u in enumerate(data.units, start=1)
    ]
    categories: list[dict[str, Any]] = [
        {"seq": i, "ordinal": chinese_numeral(i), "name": clean(name), "count": count,
         "amount": money(amount), "amount_cell": money(amount) if amount else DASH,
         "share": share(amount, data.amount)}
        for i, (name, count, amount) in enumerate(data.categories, start=1)
    ]  # fmt: skip
    repeats = [sentence(r) for r in data.repeats if clean(r)]
    trainings = [sentence(t) for t in data.trainings if clean(t)]
    return {
        "title": f"{data.year}{SUMMARY_TITLE}",
        "office": clean(data.office),
        "year": data.year,
        "issued": chinese_date(data.issued),
        "issued_iso": data.issued.isoformat(),
        "units": units,
        "units_count": len(units),
        "unit_names_text": LIST_SEPARATOR.join(u["unit"] for u in units),
        "income_total": money(income),
        "income_total_capital": chinese_capital(income),
        "spending_total": money(spending),
        "spending_total_capital": chinese_capital(spending),
        "categories": categories,
        "categories_count": len(categories),
        "category_names_text": LIST_SEPARATOR.join(c["name"] for c in categories),
        "sentence": sentence(data.sentence),
        "findings": data.findings,
        "amount": money(data.amount),
        "amount_capital": chinese_capital(data.amount),
        "rectified": data.rectified,
        "unrectified": data.findings - data.rectified,
        "rate": clean(data.rate) or DASH,
        "repeats": repeats,
        "trainings": trainings,
        "trainings_count": len(trainings),
    }


def render_summary(
    data: SummaryData, *, docx_template: Path, md_template: Path, out_dir: Path, stem: str
) -> tuple[Path, Path]:
    """Write ``stem.docx`` and ``stem.md`` into ``out_dir``; nothing is written when either fails."""
    context = summary_context(data)
    return render_pair(
        context, docx_template=docx_template, md_template=md_template, out_dir=out_dir, stem=stem
    )

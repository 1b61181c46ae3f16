"""The figures and findings the report-stage documents print, computed from the database (never typed):
fund income and spending by first-level account from the ledger (closing entries excluded, one-sided
journals read through their counter accounts), and the engagement's findings with the unit's replies
and what changed after them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlmodel import Session, col, select

from auditdesk.core.accounts import Account, chart, chart_for_year
from auditdesk.core.checks import CheckEntry
from auditdesk.core.money import ZERO, format_thousands, from_fen
from auditdesk.core.register import Status
from auditdesk.documents.reports import FindingText, FundLine
from auditdesk.services.check_entries import load_check_entries
from auditdesk.store.models import ChangeLog, Document, Engagement, Finding, FindingReply

CHANGE_FIELDS = {
    "title": "问题标题",
    "facts": "问题事实",
    "basis": "定性依据",
    "recommendation": "整改要求",
    "category": "问题类别",
}


@dataclass(frozen=True)
class FundFigures:
    """Income (4xx: credit − debit) and spending (5xx: debit − credit) by first-level account over an
    engagement's years, and the entries whose account could not be resolved (in neither table)."""

    income: tuple[FundLine, ...]
    spending: tuple[FundLine, ...]
    unresolved: int
    unresolved_debit: Decimal
    unresolved_credit: Decimal

    @property
    def unresolved_note(self) -> str:
        """A sentence saying how many entries are in neither table and their amounts; empty if none."""
        if not self.unresolved:
            return ""
        return (
            f"另有{self.unresolved}笔分录的会计科目未能与工会会计制度科目对应（借方合计"
            f"{format_thousands(self.unresolved_debit)}元，贷方合计{format_thousands(self.unresolved_credit)}元），"
            "未列入上表，须结合原始凭证核实其性质"
        )


def fund_figures(session: Session, engagement: Engagement) -> FundFigures:
    """The fund figures of ``engagement``'s period, reading each year's ledger once."""
    income: dict[str, Decimal] = {}
    spending: dict[str, Decimal] = {}
    names: dict[str, str] = {}
    count, debit, credit = 0, ZERO, ZERO
    for year in sorted(int(y) for y in engagement.years):
        accounts = chart(chart_for_year(year))
        for e in load_check_entries(session, engagement.unit_id, year).entries:
            if e.is_closing:
                continue
            if e.chart_code is None:
                count, debit, credit = count + 1, debit + e.debit, credit + e.credit
                continue
            _add(e, income, spending, names, accounts)

    def lines(found: dict[str, Decimal]) -> tuple[FundLine, ...]:
        return tuple(FundLine(code, names[code], amount) for code, amount in sorted(found.items()) if amount)

    return FundFigures(lines(income), lines(spending), count, debit, credit)


def _add(
    e: CheckEntry,
    income: dict[str, Decimal],
    spending: dict[str, Decimal],
    names: dict[str, str],
    accounts: Mapping[str, Account],
) -> None:
    code = (e.chart_code or "")[:3]
    if code.startswith("4"):
        income[code] = income.get(code, ZERO) + e.credit - e.debit
    elif code.startswith("5"):
        spending[code] = spending.get(code, ZERO) + e.debit - e.credit
    else:
        return
    if code not in names:
        names[code] = accounts[code].name if code in accounts else code


def total(lines: Iterable[FundLine]) -> Decimal:
    return sum((line.amount for line in lines), ZERO)


def issued_findings(session: Session, engagement_id: int, *, open_only: bool = False) -> list[Finding]:
    excluded = [Status.WITHDRAWN.value]
    if open_only:
        excluded += [Status.CLOSED.value, Status.IMPOSSIBLE.value]
    return list(
        session.exec(
            select(Finding)
            .where(Finding.engagement_id == engagement_id, col(Finding.status).not_in(excluded))
            .order_by(col(Finding.seq))
        ).all()
    )


def first_draft(session: Session, engagement_id: int) -> Document | None:
    return session.exec(
        select(Document)
        .where(Document.engagement_id == engagement_id, Document.kind == "draft")
        .order_by(col(Document.version))
    ).first()


def latest_replies(session: Session, finding_ids: list[int]) -> dict[int, FindingReply]:
    found: dict[int, FindingReply] = {}
    if not finding_ids:
        return found
    for reply in session.exec(
        select(FindingReply)
        .where(col(FindingReply.finding_id).in_(finding_ids))
        .order_by(col(FindingReply.id))
    ):
        found[reply.finding_id] = reply
    return found


def changes_since(session: Session, finding: Finding, since: dt.datetime | None) -> tuple[str, ...]:
    """What changed in ``finding`` after ``since`` (the draft's issue), as sentences for the report."""
    if since is None:
        return ()
    out: list[str] = []
    rows = session.exec(
        select(ChangeLog)
        .where(
            ChangeLog.entity == "finding",
            ChangeLog.entity_id == str(finding.id),
            ChangeLog.action == "edit",
            col(ChangeLog.at) >= since,
        )
        .order_by(col(ChangeLog.id))
    ).all()
    for row in rows:
        before, after = row.before or {}, row.after or {}
        if before.get("amount_fen") != after.get("amount_fen"):
            out.append(
                f"涉及金额由{format_thousands(from_fen(int(before.get('amount_fen') or 0)))}元"
                f"改为{format_thousands(from_fen(int(after.get('amount_fen') or 0)))}元"
            )
        for field, label in CHANGE_FIELDS.items():
            if before.get(field) != after.get(field):
                out.append(f"{label}已修改")
    return tuple(dict.fromkeys(out))


def finding_texts(
    session: Session, findings: list[Finding], since: dt.datetime | None, categories: Sequence[str] = ()
) -> tuple[FindingText, ...]:
    """The findings as the documents print them, numbered 1, 2, 3 … in the order of the categories
    (the office's order), then their sequence within the engagement."""
    replies = latest_replies(session, [f.id for f in findings if f.id is not None])
    order = {name: i for i, name in enumerate(categories)}
    findings = sorted(findings, key=lambda f: (order.get(f.category, len(order)), f.category, f.seq))
    texts = []
    for number, f in enumerate(findings, start=1):
        reply = replies.get(f.id or 0)
        texts.append(
            FindingText(
                number=number,
                code=f.code,
                category=f.category,
                title=f.title,
                facts=f.facts,
                amount=from_fen(f.amount_fen),
                basis=f.basis,
                recommendation=f.recommendation,
                deadline=f.deadline,
                reply=reply.verdict if reply else "",
                reply_note=reply.note if reply else "",
                changes=changes_since(session, f, since),
            )
        )
    return tuple(texts)


def withdrawn_since(session: Session, engagement_id: int, since: dt.datetime | None) -> tuple[str, ...]:
    """Findings of the draft withdrawn after it was issued (the final report says so)."""
    if since is None:
        return ()
    rows = session.exec(
        select(Finding).where(
            Finding.engagement_id == engagement_id,
            Finding.status == Status.WITHDRAWN.value,
            col(Finding.updated_at) >= since,
            col(Finding.created_at) < since,  # it was in the draft
        )
    ).all()
    return tuple(f"原列问题“{f.title}”（{f.code}）已根据反馈意见撤销" for f in rows)

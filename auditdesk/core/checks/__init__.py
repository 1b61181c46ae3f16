"""Analytic checks over a ledger: one immutable registry of plain functions, and the runner.

Each check is ``(entries, context) -> suspicions`` (``model.Check``), one module per family. The
runner runs them in registry order; a check that raises becomes a ``CheckFailure`` and the run goes
on (beancount's habit: errors are data). Message and basis keys are ``check.*`` in the catalogue
(``auditdesk.i18n.catalog_checks``); each rule's title is ``check.<rule>.title``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType

from auditdesk.core.checks.attachments import missing_attachments
from auditdesk.core.checks.balances import (
    assets_not_recorded,
    cash_balance_limit,
    negative_cash,
    upward_share_unpaid,
)
from auditdesk.core.checks.cash import cash_condolence, large_cash_payments
from auditdesk.core.checks.hints import benford, round_amounts, spending_structure
from auditdesk.core.checks.holidays import holiday_gift_cap, weekend_meals_gifts
from auditdesk.core.checks.income import income_completeness
from auditdesk.core.checks.model import (
    SEVERITIES,
    Check,
    CheckContext,
    CheckEntry,
    CheckFailure,
    Severity,
    Suspicion,
)
from auditdesk.core.checks.occasion_caps import occasion_caps
from auditdesk.core.checks.occasions import gifts_outside_holidays
from auditdesk.core.checks.payments import duplicate_payments
from auditdesk.core.checks.periods import cutoff
from auditdesk.core.checks.spending import banned_keywords, employer_costs
from auditdesk.core.checks.splits import split_payments
from auditdesk.core.checks.vouchers import unbalanced_vouchers, voucher_gaps_repeats
from auditdesk.core.errors import AuditdeskError

__all__ = [
    "CHECKS",
    "DEFAULT_CATEGORY",
    "SEVERITIES",
    "Check",
    "CheckContext",
    "CheckEntry",
    "CheckFailure",
    "RunCancelled",
    "Severity",
    "Suspicion",
    "run_checks",
    "title_key",
]

CHECKS: Mapping[str, Check] = MappingProxyType(
    {
        "banned_keywords": banned_keywords,
        "employer_costs": employer_costs,
        "holiday_gift_cap": holiday_gift_cap,
        "occasion_caps": occasion_caps,
        "weekend_meals_gifts": weekend_meals_gifts,
        "gifts_outside_holidays": gifts_outside_holidays,
        "duplicate_payments": duplicate_payments,
        "split_payments": split_payments,
        "voucher_gaps_repeats": voucher_gaps_repeats,
        "unbalanced_vouchers": unbalanced_vouchers,
        "missing_attachments": missing_attachments,
        "cutoff": cutoff,
        "cash_condolence": cash_condolence,
        "large_cash_payments": large_cash_payments,
        "cash_balance_limit": cash_balance_limit,
        "negative_cash": negative_cash,
        "assets_not_recorded": assets_not_recorded,
        "upward_share_unpaid": upward_share_unpaid,
        "income_completeness": income_completeness,
        "spending_structure": spending_structure,
        "round_amounts": round_amounts,
        "benford": benford,
    }
)

DEFAULT_CATEGORY: Mapping[str, str] = MappingProxyType(
    {
        "banned_keywords": "支出管理",
        "employer_costs": "支出管理",
        "holiday_gift_cap": "支出管理",
        "occasion_caps": "支出管理",
        "weekend_meals_gifts": "支出管理",
        "gifts_outside_holidays": "支出管理",
        "duplicate_payments": "支出管理",
        "cash_condolence": "支出管理",
        "split_payments": "内部控制",
        "large_cash_payments": "内部控制",
        "cash_balance_limit": "内部控制",
        "voucher_gaps_repeats": "会计核算",
        "unbalanced_vouchers": "会计核算",
        "missing_attachments": "会计核算",
        "negative_cash": "会计核算",
        "cutoff": "会计核算",
        "round_amounts": "会计核算",
        "benford": "会计核算",
        "assets_not_recorded": "资产管理",
        "upward_share_unpaid": "收入管理",
        "income_completeness": "收入管理",
        "spending_structure": "预算管理",
    }
)
"""The default problem category (DOMAIN.md's six) of a finding confirmed from each rule's suspicion."""

Progress = Callable[[int, int, str], None]
"""Called before each check with (checks done, checks to run, rule id). It may raise
``RunCancelled`` to stop the run: the exception goes through to the caller (unlike a failing check),
so a service's transaction is rolled back and nothing of the run is stored."""


class RunCancelled(Exception):
    """Raised by a progress callback to stop a run (the user pressed stop)."""


def title_key(rule: str) -> str:
    return f"check.{rule}.title"


def run_checks(
    entries: Iterable[CheckEntry],
    ctx: CheckContext,
    only: Iterable[str] | None = None,
    progress: Progress | None = None,
) -> tuple[tuple[Suspicion, ...], tuple[CheckFailure, ...]]:
    """Run the registered checks (``only`` those rule ids, in registry order) over ``entries``.

    Returns the suspicions (rule by rule, each rule's in the order it found them) and the checks
    that failed. An unknown rule id in ``only`` raises ``AuditdeskError("check.unknown_rule")``.
    A suspicion found twice (same fingerprint) is kept once."""
    rules = _select(only)
    items: Sequence[CheckEntry] = entries if isinstance(entries, list | tuple) else tuple(entries)
    found: list[Suspicion] = []
    seen: set[str] = set()
    failures: list[CheckFailure] = []
    for done, rule in enumerate(rules):
        if progress is not None:
            progress(done, len(rules), rule)
        try:
            results = list(CHECKS[rule](items, ctx))
        except Exception as exc:  # a crashing check is a record, not the end of the run
            failures.append(CheckFailure(rule, f"{type(exc).__name__}: {exc}"))
            continue
        for suspicion in results:
            if suspicion.fingerprint not in seen:
                seen.add(suspicion.fingerprint)
                found.append(suspicion)
    if progress is not None:
        progress(len(rules), len(rules), "")
    return tuple(found), tuple(failures)


def _select(only: Iterable[str] | None) -> tuple[str, ...]:
    if only is None:
        return tuple(CHECKS)
    wanted = set(only)
    unknown = sorted(wanted - set(CHECKS))
    if unknown:
        raise AuditdeskError("check.unknown_rule", rule="、".join(unknown), known="、".join(CHECKS))
    return tuple(r for r in CHECKS if r in wanted)

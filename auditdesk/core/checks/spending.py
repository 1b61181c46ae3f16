"""Banned spending and the employer's costs, found by the standards' keyword lists.

A spending entry (``model.is_spending``) is flagged when its summary contains a word of a list,
unless it also contains one of that list's ``allowed`` words (a named-merchant 提货券): the
standards file documents that an allowed word makes the entry an allowed exception. One suspicion
per entry, naming the first list (in ``BANNED_LISTS`` order) and the word that matched; the lists
and their basis texts are data in the standards profile, never constants here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from auditdesk.core.checks.model import (
    CheckContext,
    CheckEntry,
    Severity,
    Suspicion,
    entry_params,
    is_spending,
)
from auditdesk.core.standards import KeywordList

BANNED_LISTS: tuple[tuple[str, Severity], ...] = (
    ("shopping_cards", "high"),
    ("cash_handouts", "high"),
    ("banquets", "high"),
    ("entertainment", "high"),
    ("tourism", "medium"),
    ("tobacco_alcohol", "medium"),
)
"""The 八不准 lists in the order they are tried, each with the severity of a hit."""
EMPLOYER_LISTS: tuple[tuple[str, Severity], ...] = (("employer_costs", "medium"),)


def _pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    # longest first, so that 发放现金 is named rather than 现金
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return re.compile("|".join(re.escape(w) for w in ordered), re.IGNORECASE)


class _Matcher:
    def __init__(self, keywords: KeywordList) -> None:
        self.keywords = keywords
        self.words = _pattern(keywords.words)
        self.allowed = _pattern(keywords.allowed)

    def word(self, summary: str) -> str | None:
        if self.words is None:
            return None
        found = self.words.search(summary)
        if found is None or (self.allowed is not None and self.allowed.search(summary)):
            return None
        return found.group(0)


def _scan(
    rule: str,
    lists: Sequence[tuple[str, Severity]],
    key: str,
    entries: Sequence[CheckEntry],
    ctx: CheckContext,
) -> Iterator[Suspicion]:
    """``key`` may name ``{list}``, the id of the list that matched."""
    matchers: list[tuple[_Matcher, Severity]] = []
    for list_id, severity in lists:
        keywords = ctx.standards.keyword_list(list_id)
        if keywords is not None:
            matchers.append((_Matcher(keywords), severity))
    if not matchers:
        return
    for entry in entries:
        if not entry.summary or not is_spending(entry):
            continue
        for matcher, severity in matchers:
            word = matcher.word(entry.summary)
            if word is None:
                continue
            keywords = matcher.keywords
            yield Suspicion(
                rule=rule,
                severity=severity,
                entry_ids=(entry.id,),
                key=key.format(list=keywords.id),
                params={**entry_params(entry), "word": word},
                basis="check.basis.keyword_list",
                basis_params={"basis": keywords.basis, "profile": ctx.standards.title},
            )
            break


def banned_keywords(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    """购物卡/代金券, cash handouts, tobacco and alcohol, banquets, tourism, entertainment (八不准)."""
    return _scan("banned_keywords", BANNED_LISTS, "check.banned_keywords.{list}", entries, ctx)


def employer_costs(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    """Costs the employer must bear (体检, rent and utilities, union staff pay, 职代会, retirees)."""
    return _scan("employer_costs", EMPLOYER_LISTS, "check.employer_costs.hit", entries, ctx)

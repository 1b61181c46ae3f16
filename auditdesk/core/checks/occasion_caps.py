"""Greetings and condolences over their per-person cap: ``occasion_caps``.

A gift entry (``holidays.is_gift_entry``) whose summary names exactly one occasion with a cap in the
profile (生日 → ``birthday``, 结婚 → ``wedding``, 生育 → ``childbirth``, 住院 → ``hospital``, 去世 with
a relative named → ``relative_death``, without → ``member_death``, 退休 → ``retirement``) is compared
per person with the cap in force on its date. The number of persons is the count the summary states
(``12份``, ``蛋糕券8张``, ``3人``); a summary stating two different counts is left alone. Without a
count, an event for one member (all but birthdays) counts as one person and the message says so;
a birthday entry without a count is left alone (monthly birthday gifts are usually for many). A
profile without the occasion's cap: nothing to test (the caps are provincial).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from auditdesk.core.checks.holidays import is_gift_entry
from auditdesk.core.checks.model import CheckContext, CheckEntry, Suspicion, entry_params, money

OCCASIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("birthday", ("生日",)),
    ("wedding", ("结婚", "婚礼", "新婚")),
    ("childbirth", ("生育", "分娩")),
    ("hospital", ("住院", "生病", "手术", "患病")),
    ("death", ("去世", "逝世", "病故", "病逝", "丧")),
    ("retirement", ("退休", "离岗")),
)
"""Each occasion and the words that name it; ``death`` is split by ``RELATIVE_WORDS``."""
RELATIVE_WORDS = (
    "直系亲属",
    "亲属",
    "父亲",
    "母亲",
    "父母",
    "配偶",
    "爱人",
    "丈夫",
    "妻子",
    "子女",
    "儿子",
    "女儿",
    "岳父",
    "岳母",
    "公公",
    "婆婆",
)
_COUNT = re.compile(r"(\d+)\s*(?:份|张|人|名|位)")
_ANY_OCCASION = re.compile("|".join(w for _, words in OCCASIONS for w in words))
EVENT_CAPS = ("birthday", "wedding", "childbirth", "hospital", "member_death", "relative_death", "retirement")
_RULE = "occasion_caps"


def _occasion(summary: str) -> tuple[str, str] | None:
    """(cap id, the word that named it) when the summary names exactly one occasion."""
    found = [
        (cap, next(w for w in words if w in summary))
        for cap, words in OCCASIONS
        if any(w in summary for w in words)
    ]
    if len(found) != 1:
        return None
    cap, word = found[0]
    if cap == "death":
        cap = "relative_death" if any(r in summary for r in RELATIVE_WORDS) else "member_death"
    return cap, word


def _persons(summary: str) -> int | None:
    counts = {int(m.group(1)) for m in _COUNT.finditer(summary)}
    if len(counts) != 1:
        return None
    count = counts.pop()
    return count if count > 0 else None


def occasion_caps(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    if not any(ctx.standards.rule(cap) is not None for cap in EVENT_CAPS):
        return  # the profile caps no occasion (the national one): nothing to test
    for e in entries:
        if _ANY_OCCASION.search(e.summary) is None or not is_gift_entry(e, ctx.year):
            continue
        named = _occasion(e.summary)
        if named is None:
            continue
        cap_id, word = named
        version = ctx.standards.value(cap_id, e.date)
        if version is None:
            continue
        persons = _persons(e.summary)
        stated = persons is not None
        if persons is None:
            if cap_id == "birthday":
                continue
            persons = 1
        per_person = (e.debit / persons).quantize(Decimal("0.01"))
        if per_person <= version.value:
            continue
        yield Suspicion(
            rule=_RULE,
            severity="medium",
            entry_ids=(e.id,),
            key="check.occasion_caps.over" if stated else "check.occasion_caps.over_one",
            params={
                **entry_params(e),
                "word": word,
                "persons": str(persons),
                "per_person": money(per_person),
                "cap": money(version.value),
            },
            basis="check.basis.occasion_caps",
            basis_params={"document": version.document, "effective": version.effective.isoformat()},
        )

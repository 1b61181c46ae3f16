"""The register's statistics, the annual summary's sentence, and repeat problems (屡审屡犯).

What counts (``compute_stats``): every finding that was issued — DRAFT (not issued yet) and WITHDRAWN
(dropped before issue) are left out. ``rectified`` counts CLOSED (已销号) only: REPORTED is the unit's
word, not yet verified; PARTIAL, EXTENDED and IMPOSSIBLE are not rectified either (IMPOSSIBLE stays in
``findings``). ``rate`` is ``rectified / findings`` in percent, one decimal, ROUND_HALF_UP, computed
exactly in integers; with no findings it is ``Decimal("0.0")`` and the sentence says "—" instead of a
rate (100% would claim a rectification that never happened). ``categories`` is the number of distinct
categories among the counted findings ("共发现6类19个问题").

Repeat problems: a finding's *subject* is ``normalize_subject`` of its title (rule below); a key
``(unit, category, subject)`` met in two or more distinct years of the same unit is a repeat
(``repeat_keys``). Drafts take part (a confirmed suspicion can be flagged before it is issued);
withdrawn findings and blank subjects do not.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from auditdesk.core.money import format_thousands
from auditdesk.core.register import DEFAULT_CATEGORIES, STATUSES, Status

_UNCOUNTED = frozenset({Status.DRAFT, Status.WITHDRAWN})
NO_RATE = "—"


@dataclass(frozen=True, slots=True)
class FindingFact:
    """What statistics and repeat detection need of one finding."""

    unit: str
    year: int
    category: str
    subject: str  # the title (or an already normalized subject: normalizing is idempotent)
    amount: Decimal
    status: Status


@dataclass(frozen=True, slots=True)
class RegisterStats:
    categories: int
    findings: int
    amount: Decimal
    rectified: int
    rate: Decimal  # percent, one decimal, ROUND_HALF_UP; 0.0 when there are no findings
    by_category: tuple[tuple[str, int, Decimal], ...]  # (category, findings, amount)
    by_status: tuple[tuple[Status, int], ...]  # statuses with at least one finding, lifecycle order


def rate_percent(rectified: int, findings: int) -> Decimal:
    """``rectified / findings`` in percent to one decimal, half up, exactly; 0.0 when ``findings`` is 0."""
    if findings <= 0:
        return Decimal("0.0")
    tenths = (rectified * 2000 + findings) // (2 * findings)  # round(rectified * 1000 / findings) half up
    return Decimal(tenths).scaleb(-1)


def compute_stats(
    facts: Iterable[FindingFact], *, order: Sequence[str] = DEFAULT_CATEGORIES
) -> RegisterStats:
    """The statistics of ``facts``. ``by_category`` lists the categories of ``order`` first, in that
    order, then any other category in code-point order; only categories with findings appear."""
    counted = [f for f in facts if f.status not in _UNCOUNTED]
    per_category: dict[str, list[Decimal]] = {}
    per_status: dict[Status, int] = {}
    for fact in counted:
        per_category.setdefault(fact.category, []).append(fact.amount)
        per_status[fact.status] = per_status.get(fact.status, 0) + 1
    rank = {name: i for i, name in reversed(list(enumerate(order)))}
    names = sorted(per_category, key=lambda c: (0, rank[c], "") if c in rank else (1, 0, c))
    by_category = tuple((c, len(per_category[c]), sum(per_category[c], Decimal(0))) for c in names)
    rectified = per_status.get(Status.CLOSED, 0)
    return RegisterStats(
        categories=len(per_category),
        findings=len(counted),
        amount=sum((f.amount for f in counted), Decimal(0)),
        rectified=rectified,
        rate=rate_percent(rectified, len(counted)),
        by_category=by_category,
        by_status=tuple((s, per_status[s]) for s in STATUSES if s in per_status),
    )


def format_rate(stats: RegisterStats) -> str:
    """The rate as the sentence shows it: ``"100%"``, ``"94.7%"``, ``"—"`` when nothing was found."""
    if stats.findings == 0:
        return NO_RATE
    text = f"{stats.rate:f}"
    return (text[:-2] if text.endswith(".0") else text) + "%"


def summary_sentence(stats: RegisterStats) -> tuple[str, dict[str, str]]:
    """Key and params of "共发现6类19个问题，涉及金额1,234.50元，已整改19个，整改率100%".

    ``rate`` carries its own "%" (``format_rate``) so that "—" reads right when nothing was found.
    """
    return "register.sentence", {
        "categories": str(stats.categories),
        "findings": str(stats.findings),
        "amount": format_thousands(stats.amount),
        "rectified": str(stats.rectified),
        "rate": format_rate(stats),
    }


def stats_by_unit(
    facts: Iterable[FindingFact], *, order: Sequence[str] = DEFAULT_CATEGORIES
) -> tuple[tuple[str, RegisterStats], ...]:
    """Statistics per unit, sorted by unit name."""
    groups: dict[str, list[FindingFact]] = {}
    for fact in facts:
        groups.setdefault(fact.unit, []).append(fact)
    return tuple((unit, compute_stats(groups[unit], order=order)) for unit in sorted(groups))


def stats_by_year(
    facts: Iterable[FindingFact], *, order: Sequence[str] = DEFAULT_CATEGORIES
) -> tuple[tuple[int, RegisterStats], ...]:
    """Statistics per year, in year order."""
    groups: dict[int, list[FindingFact]] = {}
    for fact in facts:
        groups.setdefault(fact.year, []).append(fact)
    return tuple((year, compute_stats(groups[year], order=order)) for year in sorted(groups))


# -- repeat problems ---------------------------------------------------------------------------------

# (subject, words): a title containing any of the words has that subject. The first group that matches
# wins, so a title with two kinds of problem takes the earlier one. Words are compared after NFKC and
# casefold; each subject contains a word of its own group and none of an earlier one (idempotence).
SUBJECT_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("购物卡", ("购物卡", "购物券", "代金券", "储值卡", "消费卡", "礼品卡", "充值卡", "商场卡", "超市卡")),
    ("发放现金", ("发放现金", "现金发放", "发现金", "现金慰问", "过节费")),
    ("宴请", ("宴请", "请客送礼", "招待", "接待餐", "酒席", "吃喝")),
    ("烟酒", ("烟酒", "香烟", "白酒", "红酒", "茅台", "五粮液")),
    ("体检", ("体检",)),
    ("旅游", ("旅游", "旅行社", "景区")),
    ("高档娱乐", ("高档", "会所", "ktv", "高尔夫", "夜总会", "洗浴", "足浴")),
    ("小金库", ("小金库", "账外")),
    ("奖金津贴", ("奖金", "津贴")),
    ("白条", ("白条",)),
    ("签领表", ("签领", "签收表", "领取表", "发放表")),
)

_UNIT_SUFFIXES = ("年度", "月份", "人次", "万元", "年", "月", "日", "号", "元", "万", "千", "笔", "张", "次",
                  "人", "个", "项", "份", "批", "家", "户", "天", "%")  # fmt: skip
_LEADING = ("存在",)
_TRAILING = ("的问题", "的现象", "的情况", "问题", "现象", "情况")


def normalize_subject(title: str, *, keywords: Sequence[tuple[str, Sequence[str]]] = SUBJECT_KEYWORDS) -> str:
    """The subject of a finding for repeat detection.

    Rule: fold width and case (NFKC, casefold). If the title names a known kind of problem (a word
    of ``keywords``: 购物卡/代金券…, 宴请/招待…, 体检, 白条…) the subject is that kind's name, so
    "2023年春节发放超市购物卡12,000元" and "2024年中秋节违规发放购物卡" are both "购物卡". Otherwise the
    title without its numbers (years, months, days, amounts, counts: a digit run with a following unit
    such as 年/年度/月/日/元/万元/笔/张/人), punctuation, symbols and spaces, a leading 存在 and a trailing
    问题/现象/情况; so "2023年度预算未经集体研究" and "2024年预算未经集体研究。" meet. Chinese numerals
    (三笔) are kept. Normalizing a subject again gives the same subject.
    """
    text = title
    for _ in range(8):  # each pass only removes or folds; the loop ends at a fixed point
        cleaned = _clean(text)
        for subject, words in keywords:
            if any(w in cleaned for w in words):
                return subject
        if cleaned == text:
            break
        text = cleaned
    return text


def _clean(title: str) -> str:
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", title).casefold())
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isdigit():
            while i < len(text) and (text[i].isdigit() or text[i] in ",."):
                i += 1
            for suffix in _UNIT_SUFFIXES:
                if text.startswith(suffix, i):
                    i += len(suffix)
                    break
            continue
        if unicodedata.category(char)[0] not in "PSZC":
            out.append(char)
        i += 1
    text = "".join(out)
    changed = True
    while changed and text:
        changed = False
        for lead in _LEADING:
            if text.startswith(lead) and len(text) > len(lead):
                text, changed = text[len(lead) :], True
        for trail in _TRAILING:
            if text.endswith(trail) and len(text) > len(trail):
                text, changed = text[: -len(trail)], True
    return text


def repeat_key(fact: FindingFact) -> tuple[str, str, str]:
    """``(unit, category, subject)`` of one finding."""
    return fact.unit, fact.category, normalize_subject(fact.subject)


def repeat_keys(facts: Iterable[FindingFact]) -> set[tuple[str, str, str]]:
    """The ``(unit, category, subject)`` keys found in at least two distinct years: 屡审屡犯.
    A finding is a repeat when ``repeat_key(fact) in repeat_keys(all_facts_of_its_unit)``."""
    years: dict[tuple[str, str, str], set[int]] = {}
    for fact in facts:
        if fact.status is Status.WITHDRAWN:
            continue
        key = repeat_key(fact)
        if key[2]:
            years.setdefault(key, set()).add(fact.year)
    return {key for key, seen in years.items() if len(seen) >= 2}

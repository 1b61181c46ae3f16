"""Split payments: ``split_payments`` — several payments to one payee or for one purpose within a few
days, each under an approval threshold while together they reach it.

A *payment* is the spending (``is_spending``) of one voucher (month and number; a line without a
voucher number is a payment of its own) that belongs to one payee, or to one purpose. Lines whose
summary names a per-member occasion (生日, 结婚, 住院 … as in ``occasions``) are left out: such
payments are capped per person and event, not approved as purchases.

- The *payee* is a merchant name found in the summary (``payee``): in the last bracketed part that
  holds one (``跑步机(县康力体育器材商行)``, ``运动服(第2批,县动感体育用品店)``), else after a separator
  (``-``, ``—``, ``/``, ``：``), else anywhere; a merchant name ends in 公司, 商行, 店, 超市, 厂 …
  (``_SUFFIXES``).
- The *purpose* is the account with the summary's stem (``stem``): the summary without bracketed
  parts, 第N批/次, digits, spaces and punctuation.

Payments of one payee (or one purpose) are taken in date order; a *group* is two or more of them
dated within ``WINDOW_DAYS`` (15) days of the group's first, each under a threshold ``T`` and summing
to at least ``T`` (found greedily from the earliest payment, groups of one key and ``T`` disjoint).
``T`` is, in turn:

- the collective-decision threshold (``collective_decision``) in force on the payments' dates, when
  the standards give one (payments under different versions are never grouped together): medium;
- each round figure of ``ROUND_THRESHOLDS`` (5,000 / 10,000 / 20,000 / 50,000 — approval limits
  units commonly write into their own rules), every payment at least ``NEAR_SHARE`` (80%) of ``T``
  (just under the limit, the mark of a split; without it any busy supplier would be flagged): low,
  the message saying whether the standards have a threshold at all.

Groups sharing a line (found by payee and by purpose, or under two thresholds) are merged: one
suspicion listing all their lines, medium if one of them is against the standards' threshold. A
group whose payments all have the same amount and summary (digits aside) is a repeated payment,
left to ``duplicate_payments``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from auditdesk.core.checks.hints import entry_list
from auditdesk.core.checks.model import CheckContext, CheckEntry, Suspicion, is_spending, money
from auditdesk.core.checks.occasions import occasion_words
from auditdesk.core.checks.payments import clean_summary
from auditdesk.core.money import ZERO
from auditdesk.core.standards import RuleVersion

WINDOW_DAYS = 15
ROUND_THRESHOLDS = tuple(Decimal(v) for v in (5000, 10000, 20000, 50000))
NEAR_SHARE = Decimal("0.8")
_RULE = "split_payments"
_BASIS = "check.basis.collective_decision"

_SUFFIXES = tuple(
    "有限责任公司 有限公司 公司 商行 商店 商场 超市 专卖店 书店 酒店 饭店 宾馆 酒楼 店 旅行社 合作社 社 厂 "
    "经营部 门市部 药房 工作室 俱乐部 印务 果业 集团 事务所 银行".split()
)
_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]+")
_LAST_CHAR = re.compile("[" + "".join(sorted({w[-1] for w in _SUFFIXES})) + "]")
_BRACKETS = re.compile(r"[(（【\[]([^()（）【】\[\]]*)[)）】\]]")
_SEPARATORS = re.compile(r"[-－—/／:：]")
_PARTS = re.compile(r"[,，、;；]")
_VERBS = re.compile(r"^(?:支付|付给|付|购买|购|向|采购|报销)")
_NOISE = re.compile(r"[(（【\[][^()（）【】\[\]]*[)）】\]]|第[\d一二三四五六七八九十]+[批次期]|[\d\s\W_]+")


def _merchant(text: str) -> str:
    """The first run of name characters holding a merchant suffix, cut after its last suffix."""
    for run in _RUN.findall(text):
        for end in sorted((m.end() for m in _LAST_CHAR.finditer(run)), reverse=True):
            head = run[:end]
            if len(head) >= 3 and head.endswith(_SUFFIXES):
                return _VERBS.sub("", head)
    return ""


@lru_cache(maxsize=65536)
def payee(summary: str) -> str:
    """The merchant a summary names, or ``""``."""
    if not _LAST_CHAR.search(summary):
        return ""
    groups = reversed(_BRACKETS.findall(summary))
    candidates = [part for group in groups for part in reversed(_PARTS.split(group))]
    plain = _BRACKETS.sub(" ", summary)
    if _SEPARATORS.search(plain):
        candidates += list(reversed(_SEPARATORS.split(plain)))[:-1]
    candidates.append(plain)
    for text in candidates:
        found = _merchant(text)
        if found:
            return found
    return ""


@lru_cache(maxsize=65536)
def stem(summary: str) -> str:
    """The summary without bracketed parts, batch numbers, digits, spaces and punctuation."""
    return _NOISE.sub("", summary)


@dataclass(slots=True)
class _Payment:
    voucher: object  # (year, month, number) or, without a number, the line's id
    day: dt.date
    amount: Decimal
    lines: list[CheckEntry]


@dataclass(slots=True)
class _Group:
    key: tuple[str, ...]
    payments: list[_Payment]
    threshold: Decimal
    rule: RuleVersion | None


def _payments(
    entries: Sequence[CheckEntry], occasions: Sequence[str]
) -> dict[tuple[str, ...], list[_Payment]]:
    """Payments per key: ("payee", name) and ("purpose", account, stem), each in date order."""
    skip = re.compile("|".join(map(re.escape, occasions))) if occasions else None
    memo: dict[tuple[str, str | None], tuple[tuple[str, ...], ...]] = {}
    out: dict[tuple[str, ...], dict[object, _Payment]] = {}
    for e in entries:
        if not is_spending(e):
            continue
        keys = memo.get((e.summary, e.chart_code))
        if keys is None:
            keys = memo[(e.summary, e.chart_code)] = _line_keys(e.summary, e.chart_code or "", skip)
        if not keys:
            continue
        voucher: object = (e.date.year, e.date.month, e.voucher) if e.voucher else e.id
        for key in keys:
            payments = out.get(key)
            if payments is None:
                payments = out[key] = {}
            payment = payments.get(voucher)
            if payment is None:
                payments[voucher] = _Payment(voucher, e.date, e.debit, [e])
            else:
                payment.amount += e.debit
                payment.day = min(payment.day, e.date)
                payment.lines.append(e)
    return {key: sorted(p.values(), key=_order) for key, p in out.items() if len(p) >= 2}


def _line_keys(summary: str, account: str, skip: re.Pattern[str] | None) -> tuple[tuple[str, ...], ...]:
    """The payee and purpose keys of a line; none when its summary names a per-member occasion."""
    if skip is not None and skip.search(summary):
        return ()
    name, purpose = payee(summary), stem(summary)
    keys: list[tuple[str, ...]] = [("payee", name)] if name else []
    if len(purpose) >= 2:
        keys.append(("purpose", account, purpose))
    return tuple(keys)


def _order(payment: _Payment) -> tuple[dt.date, int]:
    return payment.day, payment.lines[0].id


def _groups(parts: Sequence[_Payment], threshold: Decimal) -> Iterator[list[_Payment]]:
    """Greedy, earliest first: two or more of ``parts`` (each under ``threshold``) within
    ``WINDOW_DAYS`` of the window's first, summing to at least ``threshold``. Linear (running sum)."""
    n, i, j, total = len(parts), 0, -1, ZERO
    while i < n:
        while j + 1 < n and (parts[j + 1].day - parts[i].day).days <= WINDOW_DAYS:
            j += 1
            total += parts[j].amount
        if j > i and total >= threshold:
            yield list(parts[i : j + 1])
            i, total = j + 1, ZERO
        else:
            total -= parts[i].amount
            i += 1


def _repeated(group: Sequence[_Payment]) -> bool:
    """All payments of the same amount and summary (digits aside): a duplicate, not a split."""
    first = group[0]
    text = clean_summary(first.lines[0].summary)
    return all(p.amount == first.amount and clean_summary(p.lines[0].summary) == text for p in group)


def _has_rule(ctx: CheckContext) -> bool:
    try:
        return ctx.standards.rule("collective_decision") is not None
    except KeyError:  # a standards schema without the rule
        return False


def _rule_in_force(ctx: CheckContext, day: dt.date) -> RuleVersion | None:
    try:
        return ctx.standards.value("collective_decision", day)
    except KeyError:  # a standards schema without the rule
        return None


def split_payments(entries: Sequence[CheckEntry], ctx: CheckContext) -> Iterator[Suspicion]:
    by_key = _payments(entries, occasion_words(ctx))
    keys = sorted(by_key)  # payees before purposes: a merged group is named after its payee
    in_force: dict[dt.date, RuleVersion | None] = {}
    found: list[_Group] = []

    def collect(
        key: tuple[str, ...], parts: list[_Payment], threshold: Decimal, rule: RuleVersion | None
    ) -> None:
        found.extend(_Group(key, g, threshold, rule) for g in _groups(parts, threshold) if not _repeated(g))

    if _has_rule(ctx):
        for payments in by_key.values():
            for p in payments:
                if p.day not in in_force:
                    in_force[p.day] = _rule_in_force(ctx, p.day)
        for key in keys:
            rules = {r for r in (in_force[p.day] for p in by_key[key]) if r is not None}
            for version in sorted(rules, key=lambda r: r.effective):
                parts = [p for p in by_key[key] if p.amount < version.value and in_force[p.day] == version]
                collect(key, parts, version.value, version)
    bands = [(t * NEAR_SHARE, t) for t in ROUND_THRESHOLDS]
    low, high = bands[0][0], bands[-1][1]
    near = {k: [p for p in v if low <= p.amount < high] for k, v in by_key.items()}
    for floor, threshold in bands:
        for key in keys:
            parts = [p for p in near[key] if floor <= p.amount < threshold]
            if len(parts) >= 2:
                collect(key, parts, threshold, None)
    for merged in _merge(found):
        yield _suspicion(merged, in_force)


def _merge(groups: Sequence[_Group]) -> list[list[_Group]]:
    """Groups sharing a line (one found by payee, one by purpose or another threshold) as one."""
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[int, int] = {}
    for index, group in enumerate(groups):
        for p in group.payments:
            for e in p.lines:
                other = owner.setdefault(e.id, index)
                if other != index:
                    parent[root(index)] = root(other)
    merged: dict[int, list[_Group]] = {}
    for index, group in enumerate(groups):
        merged.setdefault(root(index), []).append(group)
    return list(merged.values())


def _suspicion(groups: Sequence[_Group], in_force: dict[dt.date, RuleVersion | None]) -> Suspicion:
    ruled = [g for g in groups if g.rule is not None]
    main = ruled[0] if ruled else max(groups, key=lambda g: g.threshold)
    subject = next((g.key for g in groups if g.key[0] == "payee"), groups[0].key)[-1]
    lines_of: dict[object, dict[int, CheckEntry]] = {}
    for g in groups:
        for p in g.payments:
            lines_of.setdefault(p.voucher, {}).update((e.id, e) for e in p.lines)
    payments = sorted(
        (
            (min(e.date for e in ls.values()), sum((e.debit for e in ls.values()), ZERO))
            for ls in lines_of.values()
        ),
        key=lambda item: item[0],
    )
    lines = sorted((e for ls in lines_of.values() for e in ls.values()), key=lambda e: (e.date, e.id))
    ids = tuple(e.id for e in lines)
    params = {
        "count": str(len(payments)),
        "subject": subject,
        "first": payments[0][0].isoformat(),
        "last": payments[-1][0].isoformat(),
        "days": str(WINDOW_DAYS),
        "largest": money(max(amount for _, amount in payments)),
        "total": money(sum((amount for _, amount in payments), ZERO)),
        "threshold": money(main.threshold),
        "entries": entry_list(lines),
    }
    if main.rule is not None:
        return Suspicion(
            rule=_RULE,
            severity="medium",
            entry_ids=ids,
            key="check.split_payments.over_rule",
            params=params,
            basis=_BASIS,
            basis_params={"document": main.rule.document},
        )
    version = in_force.get(payments[0][0])
    if version is None:
        return Suspicion(
            rule=_RULE,
            severity="low",
            entry_ids=ids,
            key="check.split_payments.round_no_rule",
            params=params,
            basis=_BASIS,
            basis_params={"document": "—"},
        )
    return Suspicion(
        rule=_RULE,
        severity="low",
        entry_ids=ids,
        key="check.split_payments.round_with_rule",
        params={**params, "rule_threshold": money(version.value)},
        basis=_BASIS,
        basis_params={"document": version.document},
    )

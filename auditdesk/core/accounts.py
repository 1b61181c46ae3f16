"""Union charts of accounts: resolve a ledger's (code, name) to the chart of its fiscal year.

Ledgers up to FY2021 use the 2009 chart, from FY2022 the 2021 chart, and the same code means
different things in the two (502/503/505). An account is therefore resolved by code *and* name;
see ``resolve_account``. The chart data and its sources are in ``auditdesk.core.charts``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from auditdesk.core.charts import CHARTS, CLOSING_PREFIXES, KIND_BY_DIGIT
from auditdesk.core.ledger import Entry, voucher_key

FIRST_YEAR_2021 = 2022  # 财会〔2021〕7号 in force 2022-01-01


@dataclass(frozen=True, slots=True)
class Account:
    code: str
    name: str
    chart: str  # "2021" (fiscal years >= 2022) or "2009" (fiscal years <= 2021)
    kind: str  # "asset" | "liability" | "net_assets" | "income" | "expense"
    parent_code: str | None


def _build(chart_id: str) -> Mapping[str, Account]:
    accounts: dict[str, Account] = {}
    for code, name in CHARTS[chart_id]:
        parent = code[:3] if len(code) > 3 else None
        accounts[code] = Account(code, name, chart_id, KIND_BY_DIGIT[code[0]], parent)
    return MappingProxyType(accounts)


# -- name normalisation -------------------------------------------------------------------------

_DASHES = str.maketrans({c: "-" for c in "—–‐‑‒―─━－~～"})
_SPACES = re.compile(r"\s+")
_SEPARATORS = re.compile(r"[-/\\|:;_>·、,()\[\]【】{}<>《》\"'“”‘’]+")
_LEADING_CODE = re.compile(r"^\d{3,}(?:\.\d+)*\.?")


def _norm(text: str) -> str:
    """Full-width to half-width, all dashes to "-", no whitespace."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text).translate(_DASHES))


def _segments(name: str) -> tuple[str, ...]:
    """``职工活动支出/50105 会员活动支出(节日)`` -> (职工活动支出, 会员活动支出, 节日)."""
    parts = (_LEADING_CODE.sub("", p) for p in _SEPARATORS.split(name))
    return tuple(p for p in parts if p)


def _stem(name: str) -> str:
    """2009 names end in 费 where 2021 names end in 支出 (培训费 / 培训支出): compare without it."""
    if name.endswith("支出"):
        return name[:-2]
    if name.endswith("费") and not name.endswith("经费"):
        return name[:-1]
    return name


def _norm_code(code: str) -> str:
    text = _norm(code).replace(".", "").replace("-", "")
    return text if text.isdigit() else ("?" if text else "")


# -- chart tables -------------------------------------------------------------------------------

_CHARTS: dict[str, Mapping[str, Account]] = {cid: _build(cid) for cid in CHARTS}
_NAME: dict[Account, str] = {a: _norm(a.name) for c in _CHARTS.values() for a in c.values()}
_KNOWN: frozenset[str] = frozenset(_NAME.values())
_BY_STEM: dict[str, set[str]] = {}
for _name in _KNOWN:
    _BY_STEM.setdefault(_stem(_name), set()).add(_name)
_LONGEST = max(len(n) for n in _KNOWN)
_BY_NAME_IN: dict[str, dict[str, list[Account]]] = {cid: {} for cid in _CHARTS}
_BY_STEM_IN: dict[str, dict[str, list[Account]]] = {cid: {} for cid in _CHARTS}
for _cid, _accounts in _CHARTS.items():
    for _account in _accounts.values():
        _BY_NAME_IN[_cid].setdefault(_NAME[_account], []).append(_account)
        _BY_STEM_IN[_cid].setdefault(_stem(_NAME[_account]), []).append(_account)
_CHILDREN: dict[str, dict[str, list[Account]]] = {
    cid: {code: [a for a in accounts.values() if a.parent_code == code] for code in accounts}
    for cid, accounts in _CHARTS.items()
}


def chart_for_year(year: int) -> str:
    """The chart a fiscal year's books use: "2021" from FY2022, "2009" up to FY2021."""
    return "2021" if year >= FIRST_YEAR_2021 else "2009"


def chart(chart_id: str) -> Mapping[str, Account]:
    """Code -> Account of one chart, both levels (3-digit and 5-digit codes)."""
    return _CHARTS[chart_id]


def resolve_account(code: str, name: str, year: int) -> Account | None:
    """The account of the fiscal year's chart that a ledger's (code, name) means, or ``None``.

    Names are compared after normalisation (full-width forms, dashes, spaces) and split into
    segments at separators (``职工活动支出-会员活动支出``, ``501 职工活动支出/50105 会员活动支出``);
    a 2009 name ending in 费 and a 2021 name ending in 支出 with the same stem are the same name.

    1. A code in the chart -> that account, unless the name clearly contradicts it.
    2. A code deeper than the chart (``5010501``, a unit's own sub-account) -> its deepest chart
       ancestor, on the same condition.
       The name *contradicts* when it names a known account (of either chart) and none of the
       names it gives is the candidate's own, an ancestor's or a descendant's. So FY2024 code 503
       with name 业务支出 (503 in the 2009 chart, 505 in the 2021 chart) is ``None``; a name that
       names no known account (``节日慰问``) does not contradict. An empty name never contradicts.
    3. No code, a code with no chart ancestor at all (enterprise-style ``1002``), or a code outside
       the chart's 3-2-2 numbering whose prefix contradicts the name (``5101 职工活动支出``) -> by name
       alone: the path of segments is matched top-down (``上级补助收入-一般性转移支付补助`` picks
       40301, not 50801); failing that, the unique longest chart name the given name ends with.
       Between a first-level account and same-named sub-accounts the first level wins (库存物品 ->
       141, not 30101). Ambiguous or unknown names -> ``None``.
    4. A contradiction (rule 1/2) -> ``None``: the caller flags the entry as unresolved.
    """
    return _resolve(code, name, chart_for_year(year))


@lru_cache(maxsize=65536)
def _resolve(code: str, name: str, chart_id: str) -> Account | None:
    accounts = _CHARTS[chart_id]
    digits = _norm_code(code)
    normalized = _norm(name)
    candidate: Account | None = None
    if digits and digits != "?":
        for length in range(len(digits), 2, -1):
            candidate = accounts.get(digits[:length])
            if candidate is not None:
                break
    if candidate is None:
        return _by_name(normalized, chart_id) if normalized else None
    if not normalized or not _contradicts(normalized, candidate):
        return candidate
    if len(digits) % 2 == 0:  # not the chart's 3-2-2 numbering (e.g. 5101): its prefix means nothing
        return _by_name(normalized, chart_id)
    return None


def _identify(name: str) -> set[str]:
    """The known account names a (normalised) ledger name gives: exact, then stem, then contained."""
    parts = {name, *_segments(name)}
    exact = parts & _KNOWN
    if exact:
        return exact
    by_stem = {n for p in parts if len(_stem(p)) >= 2 for n in _BY_STEM.get(_stem(p), ())}
    if by_stem:
        return by_stem
    contained = {
        p[i:j]
        for p in parts
        for i in range(len(p))
        for j in range(i + 3, min(len(p), i + _LONGEST) + 1)
        if p[i:j] in _KNOWN
    }
    return {k for k in contained if not any(k != o and k in o for o in contained)}


def _lineage(account: Account) -> list[Account]:
    accounts = _CHARTS[account.chart]
    family = [account, *_CHILDREN[account.chart][account.code]]
    parent = account.parent_code
    while parent is not None:
        family.append(accounts[parent])
        parent = accounts[parent].parent_code
    return family


def _contradicts(name: str, candidate: Account) -> bool:
    given = _identify(name)
    if not given:
        return False
    family = _lineage(candidate)
    names = {_NAME[a] for a in family}
    stems = {_stem(_NAME[a]) for a in family}
    return not any(g in names or _stem(g) in stems for g in given)


def _matches(segment: str, chart_id: str) -> list[Account]:
    exact = _BY_NAME_IN[chart_id].get(segment, [])
    if exact or len(_stem(segment)) < 2:
        return exact
    return _BY_STEM_IN[chart_id].get(_stem(segment), [])


def _descends(account: Account, ancestor: Account) -> bool:
    return account.code != ancestor.code and account.code.startswith(ancestor.code)


def _by_name(name: str, chart_id: str) -> Account | None:
    current = _BY_NAME_IN[chart_id].get(name, [])  # 应付工资(离退休费)
    for segment in () if current else _segments(name):
        found = _matches(segment, chart_id)
        if not found:
            continue  # a unit's own sub-name below a chart account
        if current:
            found = [f for f in found if any(_descends(f, c) for c in current)]
            if not found:
                return None  # a path through unrelated accounts
        current = found
    if not current:
        joined = "".join(_segments(name))
        for start in range(max(0, len(joined) - _LONGEST), len(joined) - 1):  # longest suffix first
            current = _BY_NAME_IN[chart_id].get(joined[start:], [])
            if current:
                break
    if len(current) > 1:  # 库存物品 is 141, not 资产基金-库存物品 30101
        current = [a for a in current if a.parent_code is None]
    return current[0] if len(current) == 1 else None


# -- year-end closing ---------------------------------------------------------------------------

_CLOSING_WITH = ("收支", "本年", "期末", "年末", "全年", "年终", "本月", "本期", "收入", "支出")
_TRANSFER_WITH = ("收支", "本年", "期末", "年末", "全年", "年终")
_CLOSING_NAMES = {
    cid: frozenset(_NAME[a] for a in accounts.values() if a.code in CLOSING_PREFIXES[cid])
    for cid, accounts in _CHARTS.items()
}
_COUNTER = re.compile(r"^\s*(\d{3,}(?:\.\d+)*)\s*(.*)$")


def is_closing_summary(summary: str) -> bool:
    """``本年收支结转``, ``结转本年收支``, ``期末结转``, ``年末结转`` ... but not ``上年结转``
    (an opening balance) nor ``结转工会经费`` (a real transfer)."""
    if "结转" not in summary and "转入" not in summary:  # the fast path for almost every line
        return False
    text = _norm(summary)
    if "结转" in text:
        return any(k in text for k in _CLOSING_WITH)
    return "转入" in text and any(k in text for k in _TRANSFER_WITH)


@lru_cache(maxsize=65536)
def _on_closing_account(code: str, name: str, chart_id: str) -> bool:
    prefixes = CLOSING_PREFIXES[chart_id]
    account = _resolve(code, name, chart_id)
    if account is not None:
        return account.code.startswith(prefixes)
    if _norm_code(code).startswith(prefixes):
        return True
    return any(s in _CLOSING_NAMES[chart_id] for s in _segments(_norm(name)))


def _counter_on_closing(counter: str, chart_id: str) -> bool:
    if not counter:
        return False
    match = _COUNTER.match(counter)
    code, name = (match.group(1), match.group(2)) if match else ("", counter)
    return _on_closing_account(code, name, chart_id)


def closing_flags(entries: Sequence[Entry], year: int) -> list[bool]:
    """Per entry, whether it belongs to a year-end closing (本年收支结转 into 321/322, or 331 结余
    in the 2009 chart). Such entries must never be counted as income or spending.

    Entries are grouped by voucher (``voucher_key``; entries without a voucher number by date and
    summary). A group is a closing voucher when one of its summaries is a closing phrase (结转 with
    收支/本年/期末/年末/全年/年终/本月/本期/收入/支出 — monthly closings too —, or 转入 with
    收支/本年/期末/年末/全年/年终) and one of its lines is on a closing net-asset account (resolved,
    or by code prefix, or named so, or naming one as its counter-account); every line of a closing
    voucher is flagged. A single line with a closing summary on a closing account is thus always
    flagged. Two passes, O(n); accounts are looked at only in groups with a closing phrase.
    """
    chart_id = chart_for_year(year)
    keys: list[object] = []
    candidates: set[object] = set()
    for e in entries:
        key: object = ("v", voucher_key(e)) if e.voucher else ("d", e.date, e.summary.strip())
        keys.append(key)
        if key not in candidates and is_closing_summary(e.summary):
            candidates.add(key)
    closing: set[object] = set()
    if candidates:
        for key, e in zip(keys, entries, strict=True):
            if (
                key in candidates
                and key not in closing
                and (
                    _on_closing_account(e.account_code, e.account_name, chart_id)
                    or _counter_on_closing(e.counter_account, chart_id)
                )
            ):
                closing.add(key)
    return [k in closing for k in keys]

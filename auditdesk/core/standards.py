"""Standards files (TOML): read and validated here, found on disk by ``auditdesk.services.standards``.

A standards file (a *profile*) says what it is (``[profile]``), may hold the office's weights for
scoring the annual plan (``[plan]``, read by ``load_plan_weights``) and the rules of union spending
(``[rules]``, read by ``load_profile``): versioned rules — per-person caps, the unit's thresholds (yuan)
and shares (percent), see ``RULE_IDS`` — keyword lists, the gift holidays, cash rules.
A profile may ``extends = "national"``: it then takes the parent's rules and replaces them rule by rule.
Every problem is an ``AuditdeskError("standards.bad_key", file=..., setting=..., reason=<message key>,
...)``; the service layer renders ``reason`` through the catalogue. ``load_plan_weights`` leaves other
top-level tables alone; ``load_profile`` accepts only ``extends``, ``[profile]``, ``[plan]``, ``[rules]``.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from decimal import Decimal
from itertools import pairwise
from types import MappingProxyType
from typing import Any

from auditdesk.core import settings_file
from auditdesk.core.errors import AuditdeskError
from auditdesk.core.money import parse_amount


@dataclass(frozen=True)
class PlanWeights:
    """How the annual plan scores a unit. Points are whole numbers; thresholds are yuan."""

    profile: str
    scope: str
    size: int
    never_audited: int
    per_year_since_audit: int
    years_cap: int
    fund_thresholds: tuple[Decimal, ...]
    fund_points: tuple[int, ...]
    per_open_finding: int
    per_overdue_finding: int
    rectification_cap: int
    per_past_finding: int
    past_findings_cap: int
    past_amount_thresholds: tuple[Decimal, ...]
    past_amount_points: tuple[int, ...]
    no_ledger: int

    def table(self) -> dict[str, int | list[int] | list[Decimal]]:
        """The ``[plan]`` table as the file gives it, in the file's order."""
        out: dict[str, int | list[int] | list[Decimal]] = {}
        for name in PLAN_KEYS:
            value = getattr(self, name)
            out[name] = list(value) if isinstance(value, tuple) else value
        return out


_PROFILE_KEYS = ("name", "scope")
PLAN_KEYS = tuple(f.name for f in fields(PlanWeights) if f.name not in ("profile", "scope"))
_BANDS = (("fund_thresholds", "fund_points"), ("past_amount_thresholds", "past_amount_points"))
_AMOUNT_LISTS = {"fund_thresholds", "past_amount_thresholds"}
_POINT_LISTS = {"fund_points", "past_amount_points"}


def _bad(source: str, setting: str, reason: str, **params: Any) -> AuditdeskError:
    return settings_file.bad("standards", source, setting, reason, **params)


def _table(doc: Mapping[str, Any], name: str, allowed: tuple[str, ...], source: str) -> Mapping[str, Any]:
    return settings_file.table("standards", doc, name, allowed, allowed, source)


def _whole(value: Any, source: str, key: str) -> int:
    return settings_file.whole("standards", value, source, key)


def _text(value: Any, source: str, key: str) -> str:
    return settings_file.text("standards", value, source, key)


def _wholes(value: Any, source: str, key: str) -> tuple[int, ...]:
    if not isinstance(value, list):
        raise _bad(source, key, "standards.reason.not_list", value=value)
    return tuple(_whole(v, source, f"{key}[{i}]") for i, v in enumerate(value))


def _parse(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise AuditdeskError("standards.bad_toml", file=source, reason=str(exc)) from None


def load_plan_weights(text: str, source: str) -> PlanWeights:
    """The ``[plan]`` weights of a standards file's ``text``; ``source`` names the file in errors."""
    doc = _parse(text, source)
    profile = _table(doc, "profile", _PROFILE_KEYS, source)
    plan = _table(doc, "plan", PLAN_KEYS, source)
    values: dict[str, Any] = {}
    for name in PLAN_KEYS:
        key = f"plan.{name}"
        if name in _AMOUNT_LISTS:
            values[name] = tuple(Decimal(v) for v in _wholes(plan[name], source, key))
        elif name in _POINT_LISTS:
            values[name] = _wholes(plan[name], source, key)
        else:
            values[name] = _whole(plan[name], source, key)
    _check(values, source)
    return PlanWeights(
        profile=_text(profile["name"], source, "profile.name"),
        scope=_text(profile["scope"], source, "profile.scope"),
        **values,
    )


def _check(values: Mapping[str, Any], source: str) -> None:
    if values["size"] < 1:
        raise _bad(source, "plan.size", "standards.reason.size_zero")
    if values["never_audited"] < values["years_cap"]:
        raise _bad(source, "plan.never_audited", "standards.reason.never_below_cap", cap=values["years_cap"])
    for thresholds, points in _BANDS:
        limits = values[thresholds]
        if len(limits) != len(values[points]):
            raise _bad(source, f"plan.{points}", "standards.reason.band_length", other=f"plan.{thresholds}")
        if any(b <= a for a, b in pairwise(limits)):
            raise _bad(source, f"plan.{thresholds}", "standards.reason.not_rising")


# -- profiles: the rules of union spending -------------------------------------------------------------

CAP_IDS = (
    "holiday_gifts", "birthday", "wedding", "childbirth", "hospital", "member_death", "relative_death",
    "retirement", "hardship_aid",
)
"""Per-person caps in yuan. ``holiday_gifts`` is per member per year; the others per event
(``hardship_aid``: one-off aid to a member in hardship)."""
THRESHOLD_IDS = ("collective_decision", "cash_payment", "cash_balance")
"""Amounts in yuan that apply to the unit: spending above ``collective_decision`` needs the union
committee's collective decision (集体研究决定); payments above ``cash_payment`` (现金结算起点) should not
be made in cash; ``cash_balance`` is the cash the union may keep (库存现金限额)."""
SHARE_IDS = ("retained_share", "holiday_gifts_share")
"""Percentages: ``retained_share`` is the share of the 2% allocated funds the grassroots union keeps."""
RULE_IDS = (*CAP_IDS, *THRESHOLD_IDS, *SHARE_IDS)
RULE_UNITS: Mapping[str, str] = MappingProxyType(
    {**dict.fromkeys((*CAP_IDS, *THRESHOLD_IDS), "yuan"), **dict.fromkeys(SHARE_IDS, "percent")}
)
"""The unit of each rule's ``value``: ``"yuan"`` or ``"percent"`` (0 < value <= 100)."""
KEYWORD_IDS = (
    "shopping_cards", "cash_handouts", "tobacco_alcohol", "banquets", "tourism", "entertainment",
    "employer_costs", "condolence", "gift_occasions",
)
"""``condolence``: personal money (慰问金, 困难补助, 帮扶 ...) that must go by bank transfer;
``gift_occasions``: words stating a non-holiday occasion with its own cap (生日, 结婚, 住院 ...)."""
STRENGTHS = ("official", "secondary", "unverified")
_TOP_KEYS = ("extends", "profile", "plan", "rules")
_RULES_KEYS = ("gift_holidays", "cash", "keywords", *RULE_IDS)
_VERSION_KEYS = ("value", "province", "document", "effective", "source", "strength", "note")
_VERSION_REQUIRED = ("value", "province", "document", "effective", "source", "strength")
_KEYWORD_KEYS = ("words", "allowed", "basis")


@dataclass(frozen=True)
class RuleVersion:
    """One version of a cap: the amount in force from ``effective`` until the next version."""

    value: Decimal
    effective: dt.date
    province: str
    document: str
    source: str
    strength: str
    note: str = ""


@dataclass(frozen=True)
class Rule:
    id: str
    versions: tuple[RuleVersion, ...]  # in date order

    @property
    def unit(self) -> str:
        """``"yuan"`` or ``"percent"`` (``RULE_UNITS``)."""
        return RULE_UNITS[self.id]

    def in_force(self, on: dt.date) -> RuleVersion | None:
        found = None
        for version in self.versions:
            if version.effective > on:
                break
            found = version
        return found


@dataclass(frozen=True)
class KeywordList:
    """Words that flag an entry's summary; ``allowed`` words exempt it (a named-merchant 提货券)."""

    id: str
    words: tuple[str, ...]
    allowed: tuple[str, ...]
    basis: str


@dataclass(frozen=True)
class Standards:
    name: str  # the profile's file name without ``.toml``
    title: str
    scope: str
    chain: tuple[str, ...]  # this profile, then the ones it extends
    rules: tuple[Rule, ...]  # in RULE_IDS order, only those some profile of the chain gives
    keywords: tuple[KeywordList, ...]
    gift_holidays: tuple[str, ...]
    cash: tuple[str, ...]

    def rule(self, rule_id: str) -> Rule | None:
        """The rule ``rule_id`` (one of ``RULE_IDS``; another id is a ``KeyError``), None if not given."""
        if rule_id not in RULE_IDS:
            raise KeyError(rule_id)
        return next((r for r in self.rules if r.id == rule_id), None)

    def value(self, rule_id: str, on: dt.date) -> RuleVersion | None:
        """The version of ``rule_id`` in force ``on`` that date; None before the first or without one."""
        rule = self.rule(rule_id)
        return None if rule is None else rule.in_force(on)

    def keyword_list(self, list_id: str) -> KeywordList | None:
        if list_id not in KEYWORD_IDS:
            raise KeyError(list_id)
        return next((k for k in self.keywords if k.id == list_id), None)


def load_profile(texts: Mapping[str, str], name: str, sources: Mapping[str, str] | None = None) -> Standards:
    """The profile ``name`` from ``texts`` (profile name → TOML text), its ``extends`` resolved there.

    ``sources`` names each profile's file in errors (default ``<name>.toml``)."""
    chain: list[str] = []
    layers: list[tuple[tuple[str, str], Mapping[str, Any], str]] = []
    current: str | None = name
    while current is not None:
        source = (sources or {}).get(current, f"{current}.toml")
        if current not in texts:
            if not chain:
                known = "、".join(sorted(texts))
                raise AuditdeskError("standards.unknown_profile", name=current, known=known)
            raise _bad(_source_of(chain[-1], sources), "extends", "standards.reason.unknown_profile",
                       value=current, known="、".join(sorted(texts)))
        if current in chain:
            raise _bad(_source_of(chain[-1], sources), "extends", "standards.reason.extends_cycle",
                       value=" → ".join([*chain, current]))
        chain.append(current)
        doc = _parse(texts[current], source)
        for key in doc:
            if key not in _TOP_KEYS:
                raise _bad(source, key, "standards.reason.unknown", allowed="、".join(_TOP_KEYS))
        profile = _table(doc, "profile", _PROFILE_KEYS, source)
        heading = (_text(profile["name"], source, "profile.name"),
                   _text(profile["scope"], source, "profile.scope"))
        rules = settings_file.table("standards", doc, "rules", _RULES_KEYS, (), source)
        layers.append((heading, rules, source))
        parent = doc.get("extends")
        current = None if parent is None else _text(parent, source, "extends")
    (title, scope), _, _ = layers[0]
    merged: dict[str, Any] = {}
    keywords: dict[str, KeywordList] = {}
    for _, rules, src in reversed(layers):  # the root first; each child replaces what it gives
        for key in ("gift_holidays", "cash"):
            if key in rules:
                merged[key] = _texts(rules[key], src, f"rules.{key}")
        for rule_id in RULE_IDS:
            if rule_id in rules:
                merged[rule_id] = Rule(rule_id, _versions(rules[rule_id], src, f"rules.{rule_id}", rule_id))
        found = settings_file.table(
            "standards", {"rules.keywords": rules.get("keywords")}, "rules.keywords", KEYWORD_IDS, (), src
        )
        for list_id, table in found.items():
            keywords[list_id] = _keyword_list(table, src, f"rules.keywords.{list_id}", list_id)
    return Standards(
        name=name,
        title=title,
        scope=scope,
        chain=tuple(chain),
        rules=tuple(merged[r] for r in RULE_IDS if r in merged),
        keywords=tuple(keywords[k] for k in KEYWORD_IDS if k in keywords),
        gift_holidays=merged.get("gift_holidays", ()),
        cash=merged.get("cash", ()),
    )


def _source_of(name: str, sources: Mapping[str, str] | None) -> str:
    return (sources or {}).get(name, f"{name}.toml")


def _texts(value: Any, source: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _bad(source, key, "standards.reason.not_text_list", value=value)
    return tuple(_text(v, source, f"{key}[{i}]") for i, v in enumerate(value))


def _keyword_list(table: Any, source: str, key: str, list_id: str) -> KeywordList:
    found = settings_file.table("standards", {key: table}, key, _KEYWORD_KEYS, ("words", "basis"), source)
    words = _texts(found["words"], source, f"{key}.words")
    if not words:
        raise _bad(source, f"{key}.words", "standards.reason.empty_list")
    allowed = _texts(found.get("allowed", []), source, f"{key}.allowed")
    return KeywordList(list_id, words, allowed, _text(found["basis"], source, f"{key}.basis"))


def _versions(value: Any, source: str, key: str, rule_id: str) -> tuple[RuleVersion, ...]:
    tables = [value] if isinstance(value, dict) else value
    if not isinstance(tables, list) or not tables:
        raise _bad(source, key, "standards.reason.no_versions")
    versions = tuple(
        _version(table, source, key if isinstance(value, dict) else f"{key}[{i}]", RULE_UNITS[rule_id])
        for i, table in enumerate(tables)
    )
    for i, (a, b) in enumerate(pairwise(versions), start=1):
        if b.effective <= a.effective:
            raise _bad(source, f"{key}[{i}].effective", "standards.reason.not_in_date_order",
                       value=b.effective.isoformat(), before=a.effective.isoformat())
    return versions


def _version(table: Any, source: str, key: str, unit: str) -> RuleVersion:
    found = settings_file.table("standards", {key: table}, key, _VERSION_KEYS, _VERSION_REQUIRED, source)
    strength = _text(found["strength"], source, f"{key}.strength")
    if strength not in STRENGTHS:
        raise _bad(source, f"{key}.strength", "standards.reason.bad_strength", value=strength,
                   allowed="、".join(STRENGTHS))
    value = _amount(found["value"], source, f"{key}.value")
    if unit == "percent" and not 0 < value <= 100:
        raise _bad(source, f"{key}.value", "standards.reason.bad_percent", value=found["value"])
    return RuleVersion(
        value=value,
        effective=_date(found["effective"], source, f"{key}.effective"),
        province=_text(found["province"], source, f"{key}.province"),
        document=_text(found["document"], source, f"{key}.document"),
        source=_text(found["source"], source, f"{key}.source"),
        strength=strength,
        note=_text(found["note"], source, f"{key}.note") if "note" in found else "",
    )


def _amount(value: Any, source: str, key: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise _bad(source, key, "standards.reason.bad_amount", value=value)
    try:
        amount = parse_amount(value)
    except AuditdeskError:
        raise _bad(source, key, "standards.reason.bad_amount", value=value) from None
    if amount < 0:
        raise _bad(source, key, "standards.reason.negative", value=value)
    return amount


def _date(value: Any, source: str, key: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _bad(source, key, "standards.reason.bad_date", value=value)

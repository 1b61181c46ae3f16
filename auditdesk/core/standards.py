"""Standards files (TOML): read and validated here, found on disk by ``auditdesk.services.standards``.

So far a standards file holds the office's weights for scoring the annual plan (``[plan]``) and
what the file is (``[profile]``). Every problem is an ``AuditdeskError("standards.bad_key", file=...,
setting=..., reason=<message key>, ...)``; the service layer renders ``reason`` through the catalogue.
Other top-level tables are left to the loaders of later features.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from decimal import Decimal
from itertools import pairwise
from typing import Any

from auditdesk.core import settings_file
from auditdesk.core.errors import AuditdeskError


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




def load_plan_weights(text: str, source: str) -> PlanWeights:
    """The ``[plan]`` weights of a standards file's ``text``; ``source`` names the file in errors."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise AuditdeskError("standards.bad_toml", file=source, reason=str(exc)) from None
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

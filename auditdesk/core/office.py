"""The audit office's own settings (``office.toml``): who issues the documents, the reference pattern,
the contact, the default lead auditor, the county's standards profile, the materials a unit prepares,
and milestone offsets.

Read and validated here; found on disk by ``auditdesk.services.office``. Every problem is an
``AuditdeskError("office.bad_key", file=..., setting=..., reason=<message key>, ...)`` (or
``office.bad_toml``); the service layer renders ``reason`` through the catalogue.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from auditdesk.core import settings_file
from auditdesk.core.engagement import validate_reference_pattern
from auditdesk.core.errors import AuditdeskError
from auditdesk.core.milestones import NOTICE_MIN_DAYS, MilestoneOffsets, Span, SpanUnit
from auditdesk.core.register import DEFAULT_CATEGORIES

DEFAULT_SCOPE = "{years}年度工会经费收支情况"
DEFAULT_START_AFTER_DAYS = 14
DEFAULT_STANDARDS = "national"


@dataclass(frozen=True)
class OfficeSettings:
    """What the office file says. ``start_after_days``: when a plan is approved without a start date,
    fieldwork starts on the first working day at least this many days later."""

    name: str
    reference_pattern: str
    contact_person: str
    contact_phone: str
    default_lead: str | None
    scope_template: str = DEFAULT_SCOPE
    materials: tuple[str, ...] = ()
    offsets: MilestoneOffsets = field(default_factory=MilestoneOffsets)
    start_after_days: int = DEFAULT_START_AFTER_DAYS
    standards: str = DEFAULT_STANDARDS  # the county's standards profile (a file name without ``.toml``)
    categories: tuple[str, ...] = DEFAULT_CATEGORIES  # problem categories of the register (问题类别)
    document_patterns: Mapping[str, str] = field(default_factory=dict)  # kind -> its own 文号 pattern

    def scope_for(self, years: tuple[int, ...]) -> str:
        """The default scope text for an audit of ``years`` (``2024、2025年度工会经费收支情况``)."""
        return self.scope_template.format(years="、".join(str(y) for y in years))


_OFFICE_KEYS = (
    "name", "reference_pattern", "contact_person", "contact_phone", "default_lead", "scope", "standards",
)
_OFFICE_REQUIRED = ("name", "reference_pattern", "contact_person", "contact_phone")
_NOTICE_KEYS = ("materials",)
OFFSET_KEYS: tuple[str, ...] = tuple(f.name for f in fields(MilestoneOffsets))
_MILESTONE_KEYS = ("start_after_days", *OFFSET_KEYS)
_SPAN_UNITS = tuple(u.value for u in SpanUnit)


def _bad(source: str, setting: str, reason: str, **params: Any) -> AuditdeskError:
    return settings_file.bad("office", source, setting, reason, **params)


def _table(
    doc: Mapping[str, Any], name: str, allowed: tuple[str, ...], required: tuple[str, ...], source: str
) -> Mapping[str, Any]:
    return settings_file.table("office", doc, name, allowed, required, source)


def _whole(value: Any, source: str, key: str) -> int:
    return settings_file.whole("office", value, source, key)


def _text(value: Any, source: str, key: str) -> str:
    return settings_file.text("office", value, source, key)


def _span(value: Any, source: str, key: str) -> Span:
    """``{ days = 10 }``, ``{ workdays = 3 }`` or ``{ months = 3 }``: one unit, a whole number."""
    if not isinstance(value, dict) or len(value) != 1 or next(iter(value)) not in _SPAN_UNITS:
        raise _bad(source, key, "office.reason.bad_span", value=value, units="、".join(_SPAN_UNITS))
    unit, amount = next(iter(value.items()))
    return Span(_whole(amount, source, f"{key}.{unit}"), SpanUnit(unit))


def _scope(value: Any, source: str) -> str:
    text = _text(value, source, "office.scope")
    try:
        names = {name for _, name, spec, conv in string.Formatter().parse(text) if name is not None}
        bad_spec = any(spec or conv for _, name, spec, conv in string.Formatter().parse(text) if name)
    except ValueError:
        raise _bad(source, "office.scope", "office.reason.bad_scope", value=text) from None
    if names - {"years"} or bad_spec:
        raise _bad(source, "office.scope", "office.reason.bad_scope", value=text)
    return text


def _offsets(table: Mapping[str, Any], source: str) -> MilestoneOffsets:
    spans = {k: _span(table[k], source, f"milestones.{k}") for k in OFFSET_KEYS if k in table}
    offsets = MilestoneOffsets(**spans)
    lead = offsets.notice_lead
    if lead.unit is not SpanUnit.MONTHS and lead.amount < NOTICE_MIN_DAYS:
        raise _bad(source, "milestones.notice_lead", "office.reason.notice_lead_short", days=NOTICE_MIN_DAYS)
    for name in ("draft_after_fieldwork", "reply_window", "rectification"):
        if getattr(offsets, name).amount == 0:
            raise _bad(source, f"milestones.{name}", "office.reason.zero_span")
    return offsets


def load_office(text: str, source: str) -> OfficeSettings:
    """The settings in an office file's ``text``; ``source`` names the file in errors."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise AuditdeskError("office.bad_toml", file=source, reason=str(exc)) from None
    tables = ("office", "notice", "milestones", "register", "documents")
    for key in doc:
        if key not in tables:
            raise _bad(source, key, "standards.reason.unknown", allowed="、".join(tables))
    office = _table(doc, "office", _OFFICE_KEYS, _OFFICE_REQUIRED, source)
    notice = _table(doc, "notice", _NOTICE_KEYS, (), source)
    milestones = _table(doc, "milestones", _MILESTONE_KEYS, (), source)
    register = _table(doc, "register", ("categories",), (), source)
    documents = _table(doc, "documents", DOCUMENT_KINDS, (), source)
    pattern = _text(office["reference_pattern"], source, "office.reference_pattern")
    try:
        validate_reference_pattern(pattern)
    except AuditdeskError:
        raise _bad(source, "office.reference_pattern", "office.reason.bad_pattern", value=pattern) from None
    lead = office.get("default_lead", "")
    if not isinstance(lead, str):
        raise _bad(source, "office.default_lead", "standards.reason.not_text", value=lead)
    materials = notice.get("materials", [])
    if not isinstance(materials, list):
        raise _bad(source, "notice.materials", "standards.reason.not_list", value=materials)
    start_after = milestones.get("start_after_days", DEFAULT_START_AFTER_DAYS)
    return OfficeSettings(
        name=_text(office["name"], source, "office.name"),
        reference_pattern=pattern,
        contact_person=_text(office["contact_person"], source, "office.contact_person"),
        contact_phone=_text(office["contact_phone"], source, "office.contact_phone"),
        default_lead=lead.strip() or None,
        scope_template=_scope(office["scope"], source) if "scope" in office else DEFAULT_SCOPE,
        materials=tuple(_text(m, source, f"notice.materials[{i}]") for i, m in enumerate(materials)),
        offsets=_offsets(milestones, source),
        start_after_days=_whole(start_after, source, "milestones.start_after_days"),
        standards=_standards(office.get("standards", DEFAULT_STANDARDS), source),
        categories=_categories(register.get("categories"), source),
        document_patterns=_document_patterns(documents, source),
    )


DOCUMENT_KINDS = ("draft", "report", "opinion", "rectify")
"""Documents an office may number on their own (``[documents] opinion = "青工经审意〔{year}〕{seq}号"``);
without a pattern a document carries its engagement's reference."""


def _document_patterns(table: Mapping[str, Any], source: str) -> dict[str, str]:
    patterns = {}
    for kind, value in table.items():
        pattern = _text(value, source, f"documents.{kind}")
        try:
            validate_reference_pattern(pattern)
        except AuditdeskError:
            raise _bad(source, f"documents.{kind}", "office.reason.bad_pattern", value=pattern) from None
        patterns[kind] = pattern
    return patterns


def _categories(value: Any, source: str) -> tuple[str, ...]:
    if value is None:
        return DEFAULT_CATEGORIES
    if not isinstance(value, list) or not value:
        raise _bad(source, "register.categories", "standards.reason.not_list", value=value)
    names = tuple(_text(v, source, f"register.categories[{i}]").strip() for i, v in enumerate(value))
    if len(set(names)) != len(names) or not all(names):
        raise _bad(source, "register.categories", "office.reason.bad_categories", value="、".join(names))
    return names


def _standards(value: Any, source: str) -> str:
    """The profile's name; whether such a profile exists is for the services to say."""
    return _text(value, source, "office.standards").removesuffix(".toml")

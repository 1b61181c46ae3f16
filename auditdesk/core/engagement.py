"""One audit (审计项目): its stages and their gates, its reference number, its key areas.

Pure values and rules. The service fills ``GateFacts`` from the database; a gate answers with the
conditions still unmet, each a catalogue key and its parameters, so the CLI and the TUI can list them.
A condition whose feature does not exist yet (``None`` in ``GateFacts``) is unmet with its own key:
never passed silently, never invented.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from auditdesk.core.errors import AuditdeskError


class Stage(StrEnum):
    """计划 → 实施 → 报告 → 整改 → 归档 (DOMAIN.md, "Stages of one audit")."""

    PLAN = "plan"
    FIELDWORK = "fieldwork"
    REPORT = "report"
    RECTIFY = "rectify"
    ARCHIVE = "archive"

    @property
    def label_key(self) -> str:
        return f"engagement.stage.{self.value}"


STAGES: tuple[Stage, ...] = tuple(Stage)


def next_stage(stage: Stage) -> Stage | None:
    """The stage after ``stage``; ``None`` after 归档."""
    index = STAGES.index(stage)
    return STAGES[index + 1] if index + 1 < len(STAGES) else None


# -- gates ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Unmet:
    """One condition not met, in words: a catalogue key and its parameters."""

    key: str
    params: Mapping[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class GateFacts:
    """What the gates look at. ``None`` means the feature that would know does not exist yet."""

    plan_approved: bool
    notice_issued: bool
    ledger_years_imported: frozenset[int]
    period_years: tuple[int, ...]
    open_suspicions: int | None  # suspicions neither confirmed nor dismissed
    opinion_issued: bool | None  # 审计意见书
    open_findings: int | None  # findings neither closed (销号) nor formally deferred
    archived: bool
    checked_years: frozenset[int] | None = None  # years the checks have run over (None: unknown)


@dataclass(frozen=True, slots=True)
class GateResult:
    """The answer to "may this engagement move on?": the target stage, and what is missing."""

    target: Stage | None
    allowed: bool
    unmet: tuple[Unmet, ...]


class StepState(StrEnum):
    DONE = "done"
    CURRENT = "current"
    AHEAD = "ahead"


@dataclass(frozen=True, slots=True)
class StageStep:
    """One step of the TUI's stepper; a step ahead lists what its own gate still needs."""

    stage: Stage
    state: StepState
    unmet: tuple[Unmet, ...] = ()


ARCHIVED = Unmet("engagement.gate.archived_read_only")


def entry_conditions(target: Stage, facts: GateFacts) -> tuple[Unmet, ...]:
    """The unmet conditions for entering ``target`` (its gate alone, not those before it)."""
    unmet: list[Unmet] = []
    if target is Stage.FIELDWORK:
        if not facts.plan_approved:
            unmet.append(Unmet("engagement.gate.plan_not_approved"))
        if not facts.notice_issued:
            unmet.append(Unmet("engagement.gate.notice_not_issued"))
    elif target is Stage.REPORT:
        if not facts.period_years:
            unmet.append(Unmet("engagement.gate.no_period"))
        for year in sorted(set(facts.period_years) - facts.ledger_years_imported):
            unmet.append(Unmet("engagement.gate.ledger_missing", {"year": year}))
        if facts.checked_years is not None:
            for year in sorted(set(facts.period_years) & facts.ledger_years_imported - facts.checked_years):
                unmet.append(Unmet("engagement.gate.checks_not_run", {"year": year}))
        if facts.open_suspicions is None:
            unmet.append(Unmet("engagement.gate.no_suspicion_review"))
        elif facts.open_suspicions > 0:
            unmet.append(Unmet("engagement.gate.suspicions_open", {"count": facts.open_suspicions}))
    elif target is Stage.RECTIFY:
        if facts.opinion_issued is None:
            unmet.append(Unmet("engagement.gate.no_opinion_letter"))
        elif not facts.opinion_issued:
            unmet.append(Unmet("engagement.gate.opinion_not_issued"))
    elif target is Stage.ARCHIVE:
        if facts.open_findings is None:
            unmet.append(Unmet("engagement.gate.no_register"))
        elif facts.open_findings > 0:
            unmet.append(Unmet("engagement.gate.findings_open", {"count": facts.open_findings}))
    return tuple(unmet)


def check_advance(stage: Stage, facts: GateFacts) -> GateResult:
    """May an engagement in ``stage`` move to the next stage? An archived one never moves."""
    target = next_stage(stage)
    if target is None or facts.archived:
        return GateResult(None, False, (ARCHIVED,))
    unmet = entry_conditions(target, facts)
    return GateResult(target, not unmet, unmet)


def gate_status(stage: Stage, facts: GateFacts) -> tuple[StageStep, ...]:
    """Every stage for the stepper: those passed, the current one, and what each later one needs."""
    current = STAGES.index(stage)
    steps: list[StageStep] = []
    for index, each in enumerate(STAGES):
        if index < current:
            steps.append(StageStep(each, StepState.DONE))
        elif index == current:
            steps.append(StageStep(each, StepState.CURRENT))
        else:
            steps.append(StageStep(each, StepState.AHEAD, entry_conditions(each, facts)))
    return tuple(steps)


# -- reference numbers (文号) ----------------------------------------------------------------------

# 〔〕 is the official bracket (GB/T 9704); people type [] 【】 ［］ () （） as well.
_LOOSE = str.maketrans("０１２３４５６７８９[［【(（]］】)）", "0123456789〔〔〔〔〔〕〕〕〕〕")
_SEQ_SPEC = re.compile(r"0[1-9]d")  # zero padding, e.g. {seq:03d} -> 007


def _fields(pattern: str) -> list[tuple[str, str | None, str | None]]:
    """(literal, field, spec) pieces; raises the user-facing error unless {year} and {seq} appear once."""
    bad = AuditdeskError("engagement.bad_reference_pattern", pattern=pattern)
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError:  # a lone { or }
        raise bad from None
    parts = [(literal, name, spec) for literal, name, spec, _ in parsed]
    if any(conv for *_, conv in parsed):
        raise bad
    if sorted(name for _, name, _ in parts if name is not None) != ["seq", "year"]:
        raise bad
    for _, name, spec in parts:
        if (name == "year" and spec) or (name == "seq" and spec and not _SEQ_SPEC.fullmatch(spec)):
            raise bad
    return parts


def validate_reference_pattern(pattern: str) -> None:
    """Raise ``engagement.bad_reference_pattern`` unless ``pattern`` holds {year} and {seq} once each."""
    _fields(pattern)


def format_reference(pattern: str, year: int, seq: int) -> str:
    """``井工经审〔{year}〕{seq}号`` with 2025 and 3 gives ``井工经审〔2025〕3号``."""
    _fields(pattern)
    if not 1000 <= year <= 9999 or seq < 1:
        raise AuditdeskError("engagement.bad_reference_values", year=year, seq=seq)
    return pattern.format(year=year, seq=seq)


def _loose(text: str) -> str:
    """Compare references the way a reader does: any bracket style, full-width digits, no spaces."""
    return re.sub(r"\s+", "", text.translate(_LOOSE))


def _regex(pattern: str) -> re.Pattern[str]:
    pieces: list[str] = []
    for literal, name, _ in _fields(pattern):
        pieces.append(re.escape(_loose(literal)))
        if name == "year":
            pieces.append(r"(?P<year>\d{4})")
        elif name == "seq":
            pieces.append(r"(?P<seq>\d+)")
    return re.compile("".join(pieces))


def parse_reference(reference: str, pattern: str) -> tuple[int, int] | None:
    """(year, seq) of a reference written with ``pattern``; ``None`` when it does not follow it."""
    match = _regex(pattern).fullmatch(_loose(reference))
    return None if match is None else (int(match["year"]), int(match["seq"]))


def next_sequence(existing: Iterable[str], pattern: str, year: int) -> int:
    """One more than the highest sequence number ``pattern`` used in ``year``; 1 for the first."""
    regex = _regex(pattern)
    used = [0]
    for reference in existing:
        match = regex.fullmatch(_loose(reference))
        if match is not None and int(match["year"]) == year:
            used.append(int(match["seq"]))
    return max(used) + 1


# -- key areas (审计重点) ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KeyArea:
    id: str

    @property
    def label_key(self) -> str:
        return f"engagement.area.{self.id}"


# The default checklist, after DOMAIN.md ("Rules an auditor checks", "Accounts", problem categories).
KEY_AREAS: tuple[KeyArea, ...] = tuple(
    KeyArea(area)
    for area in (
        "budget",  # 预算编制与执行: spending within an approved budget
        "income_dues",  # 会费收入完整性: 0.5% of monthly wage
        "income_allocation",  # 拨缴经费收入: the employer's 2% of payroll, in full and on time
        "upward_share",  # 应付上级经费 211: the upward share paid
        "subsidies",  # 上级补助、行政补助收入 recorded and used as granted
        "member_gifts",  # 会员活动支出 50105: holidays only, no cash or shopping cards, within the cap
        "banned_spending",  # 八不准
        "employer_costs",  # costs the employer must bear, paid by the union
        "activities",  # 文体活动: no disguised tourism, prize ratio
        "hardship_aid",  # 困难帮扶、送温暖: amounts and recipients
        "cash",  # 库存现金: cash on hand, condolence money by transfer
        "fixed_assets",  # 固定资产: 507 purchases matched by 162, counted yearly
        "vouchers",  # 会计凭证及附件: no 白条, itemised invoices, signed distribution lists
        "collective_decision",  # 大额支出集体决策, the chair's sign-off
        "accounting",  # 会计核算: the right chart, year-end closing
        "internal_control",  # 内部控制与制度建设
    )
)
DEFAULT_KEY_AREAS: tuple[str, ...] = tuple(area.id for area in KEY_AREAS)
_AREA_IDS = frozenset(DEFAULT_KEY_AREAS)


def normalize_key_areas(ids: Iterable[str]) -> tuple[str, ...]:
    """An edited checklist: known ids, each once, in the order given."""
    chosen: list[str] = []
    for area in ids:
        area = area.strip()
        if area not in _AREA_IDS:
            raise AuditdeskError("engagement.unknown_key_area", area=area)
        if area not in chosen:
            chosen.append(area)
    return tuple(chosen)

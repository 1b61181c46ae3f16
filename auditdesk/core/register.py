"""The rectification register's lifecycle (问题台账): statuses, legal moves, deadlines, overdue, finding ids.

Pure rules. Statistics, repeat detection (屡审屡犯) and the summary sentence are in ``register_stats``.

Lifecycle (a move not listed is refused with ``register.illegal_move``, which names the allowed ones;
a move from a final status with ``register.final_status``)::

    from          to            what the move needs
    ------------  ------------  -----------------------------------------------------------------
    DRAFT         PENDING       issued (审计意见书): a deadline — the finding's own or move.deadline
    DRAFT         WITHDRAWN     a note (why the draft is dropped); nothing is ever deleted
    PENDING       IN_PROGRESS   -
    PENDING       REPORTED      -  (the unit's measures go in the note)
    PENDING       EXTENDED      a note (reason) and move.deadline later than the current deadline
    PENDING       IMPOSSIBLE    a note (reason) and move.approver
    IN_PROGRESS   REPORTED      -
    IN_PROGRESS   PARTIAL       -
    IN_PROGRESS   EXTENDED      as PENDING -> EXTENDED
    IN_PROGRESS   IMPOSSIBLE    as PENDING -> IMPOSSIBLE
    PARTIAL       IN_PROGRESS   -
    PARTIAL       REPORTED      -
    PARTIAL       EXTENDED      as PENDING -> EXTENDED
    EXTENDED      IN_PROGRESS   -
    EXTENDED      REPORTED      -
    EXTENDED      PARTIAL       -
    EXTENDED      IMPOSSIBLE    as PENDING -> IMPOSSIBLE
    REPORTED      CLOSED        a note: the auditor's verification (销号复核意见)
    REPORTED      IN_PROGRESS   a note: why the unit's report is rejected
    REPORTED      PARTIAL       -  (verification found it partly done)
    CLOSED, IMPOSSIBLE, WITHDRAWN are final.

A note is "given" when it is not blank. ``move.deadline`` is accepted only where the table asks for one
(issue, extension) and ``move.approver`` only for IMPOSSIBLE; elsewhere they are refused
(``register.deadline_unexpected`` / ``register.approver_unexpected``) rather than silently dropped.
``Move.verified`` is recorded by the service with a closing move; the verification note is what is
checked. A second extension (EXTENDED -> EXTENDED) is not in the table and is refused.

Every error is ``AuditdeskError(key, **params)`` with plain-string params: status *values* (``"pending"``),
never labels — the service renders them with ``Status(value).label_key``. ``allowed`` is the allowed
targets' values joined by ``ALLOWED_SEPARATOR`` (``statuses_of`` splits it back).

Open and overdue: ``OPEN_STATES`` are the issued statuses waiting for rectification or its verification
(PENDING, IN_PROGRESS, REPORTED, PARTIAL, EXTENDED). DRAFT is not open: it is not issued and has no
deadline yet. A finding is overdue when it is open, has a deadline and today is after it — including
REPORTED (the issue: "overdue = past deadline and not closed"; a report still waits for verification).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from auditdesk.core.errors import AuditdeskError


class Status(StrEnum):
    """A finding's status; the values are stable ids stored in the database."""

    DRAFT = "draft"  # 草稿
    PENDING = "pending"  # 待整改
    IN_PROGRESS = "in_progress"  # 整改中
    REPORTED = "reported"  # 已报整改
    PARTIAL = "partial"  # 部分整改
    EXTENDED = "extended"  # 延期整改
    IMPOSSIBLE = "impossible"  # 无法整改
    CLOSED = "closed"  # 已销号
    WITHDRAWN = "withdrawn"  # 已撤销

    @property
    def label_key(self) -> str:
        return f"register.status.{self.value}"


STATUSES: tuple[Status, ...] = tuple(Status)
FINAL_STATES: frozenset[Status] = frozenset({Status.CLOSED, Status.IMPOSSIBLE, Status.WITHDRAWN})
OPEN_STATES: frozenset[Status] = frozenset(STATUSES) - FINAL_STATES - {Status.DRAFT}
ALLOWED_SEPARATOR = ","

_S = Status
TRANSITIONS: dict[Status, tuple[Status, ...]] = {
    _S.DRAFT: (_S.PENDING, _S.WITHDRAWN),
    _S.PENDING: (_S.IN_PROGRESS, _S.REPORTED, _S.EXTENDED, _S.IMPOSSIBLE),
    _S.IN_PROGRESS: (_S.REPORTED, _S.PARTIAL, _S.EXTENDED, _S.IMPOSSIBLE),
    _S.PARTIAL: (_S.IN_PROGRESS, _S.REPORTED, _S.EXTENDED),
    _S.EXTENDED: (_S.IN_PROGRESS, _S.REPORTED, _S.PARTIAL, _S.IMPOSSIBLE),
    _S.REPORTED: (_S.CLOSED, _S.IN_PROGRESS, _S.PARTIAL),
    _S.CLOSED: (),
    _S.IMPOSSIBLE: (),
    _S.WITHDRAWN: (),
}


@dataclass(frozen=True, slots=True)
class Move:
    """One requested status change, as the auditor (or an import) asks for it."""

    target: Status
    note: str = ""
    deadline: dt.date | None = None  # the issue deadline (DRAFT -> PENDING) or the new one (EXTENDED)
    approver: str | None = None  # required for IMPOSSIBLE
    verified: bool = False  # recorded with a closing move; the note is the verification


@dataclass(frozen=True, slots=True)
class Needs:
    """What a legal move needs besides its target: the form a TUI dialog shows."""

    note: bool = False
    deadline: bool = False  # a deadline must be known after the move (given or already set)
    later_deadline: bool = False  # move.deadline must be given and after the current one
    approver: bool = False


def allowed_moves(current: Status) -> tuple[Status, ...]:
    """The statuses ``current`` may move to, in the table's order (empty for a final status)."""
    return TRANSITIONS[current]


def needs(current: Status, target: Status) -> Needs:
    """What the move ``current -> target`` needs (assumes it is allowed)."""
    if target is Status.PENDING and current is Status.DRAFT:
        return Needs(deadline=True)
    if target is Status.EXTENDED:
        return Needs(note=True, deadline=True, later_deadline=True)
    if target is Status.IMPOSSIBLE:
        return Needs(note=True, approver=True)
    if target in (Status.WITHDRAWN, Status.CLOSED):
        return Needs(note=True)
    if current is Status.REPORTED and target is Status.IN_PROGRESS:
        return Needs(note=True)
    return Needs()


def check_move(current: Status, move: Move, *, deadline: dt.date | None) -> None:
    """Refuse ``move`` from ``current`` unless it is legal and complete; ``deadline`` is the current one."""
    target = move.target
    allowed = allowed_moves(current)
    if target not in allowed:
        if not allowed:
            raise AuditdeskError("register.final_status", current=current.value, target=target.value)
        raise AuditdeskError(
            "register.illegal_move",
            current=current.value,
            target=target.value,
            allowed=ALLOWED_SEPARATOR.join(s.value for s in allowed),
        )
    need = needs(current, target)
    if need.note and not move.note.strip():
        raise AuditdeskError("register.note_required", target=target.value)
    if move.deadline is not None and not need.deadline:
        raise AuditdeskError("register.deadline_unexpected", target=target.value)
    if need.later_deadline:
        if move.deadline is None:
            raise AuditdeskError("register.deadline_required", target=target.value)
        if deadline is not None and move.deadline <= deadline:
            raise AuditdeskError(
                "register.deadline_not_later",
                deadline=move.deadline.isoformat(),
                current=deadline.isoformat(),
            )
    elif need.deadline and move.deadline is None and deadline is None:
        raise AuditdeskError("register.deadline_required", target=target.value)
    if need.approver:
        if move.approver is None or not move.approver.strip():
            raise AuditdeskError("register.approver_required", target=target.value)
    elif move.approver is not None and move.approver.strip():
        raise AuditdeskError("register.approver_unexpected", target=target.value)


def statuses_of(allowed: str) -> tuple[Status, ...]:
    """The statuses in an ``allowed`` parameter of ``register.illegal_move``."""
    return tuple(Status(v) for v in allowed.split(ALLOWED_SEPARATOR) if v)


# -- deadlines and overdue -----------------------------------------------------------------------

_PERIOD = re.compile(r"^\s*(\d{1,4})\s*(d|days?|天|日|w|weeks?|周|m|months?|个月|月|y|years?|年)\s*$", re.I)
_ONE = {"d": relativedelta(days=1), "w": relativedelta(weeks=1), "m": relativedelta(months=1),
        "y": relativedelta(years=1)}  # fmt: skip
_UNIT = {"天": "d", "日": "d", "周": "w", "个": "m", "月": "m", "年": "y"}


def default_deadline(issued: dt.date, period: str) -> dt.date:
    """``issued`` plus ``period`` ("90d", "3m", "1y", "2w"; also "90天", "3个月", "1年"), by calendar.

    Months and years keep the day of month where it exists, else the month's last day
    (Jan 31 + 1m = Feb 28/29). A period that is not a positive whole count of days, weeks,
    months or years raises ``AuditdeskError("register.bad_period", period=...)``.
    """
    match = _PERIOD.match(period)
    count = int(match[1]) if match else 0
    if match is None or count <= 0:
        raise AuditdeskError("register.bad_period", period=period)
    first = match[2][0].lower()
    step = _ONE[_UNIT.get(first, first)]
    try:
        return issued + step * count  # one step times count: Jan 31 + 1m = Feb 28
    except (OverflowError, ValueError) as exc:
        raise AuditdeskError("register.bad_period", period=period) from exc


def is_overdue(status: Status, deadline: dt.date | None, today: dt.date) -> bool:
    """Open (issued, not final), with a deadline, and ``today`` is after it."""
    return status in OPEN_STATES and deadline is not None and today > deadline


def days_overdue(status: Status, deadline: dt.date | None, today: dt.date) -> int:
    """How many days past the deadline an overdue finding is; 0 when it is not overdue."""
    if deadline is None or not is_overdue(status, deadline, today):
        return 0
    return (today - deadline).days


def due_within(status: Status, deadline: dt.date | None, today: dt.date, days: int) -> bool:
    """Open, not overdue, and due in at most ``days`` days (due today counts)."""
    if status not in OPEN_STATES or deadline is None:
        return False
    return today <= deadline <= today + dt.timedelta(days=days)


# -- categories and finding ids ------------------------------------------------------------------

DEFAULT_CATEGORIES: tuple[str, ...] = ("预算管理", "收入管理", "支出管理", "资产管理", "会计核算", "内部控制")

_CODE = re.compile(r"^(\d{4})-(\d{2,})-(\d{2,})$")


def finding_code(year: int, engagement_seq: int, finding_seq: int) -> str:
    """The stable id of a finding: year, the engagement's sequence in that year, the finding's sequence
    in the engagement, two digits at least each: ``finding_code(2025, 3, 7) == "2025-03-07"``."""
    if not 1000 <= year <= 9999 or engagement_seq < 1 or finding_seq < 1:
        raise ValueError(f"no finding code for {year}, {engagement_seq}, {finding_seq}")
    return f"{year:04d}-{engagement_seq:02d}-{finding_seq:02d}"


def parse_finding_code(code: str) -> tuple[int, int, int]:
    """``(year, engagement_seq, finding_seq)`` of a finding id; only the exact form ``finding_code`` writes
    (surrounding spaces aside) is accepted, else ``AuditdeskError("register.bad_code", code=...)``."""
    text = code.strip()
    match = _CODE.match(text)
    if match:
        parts = int(match[1]), int(match[2]), int(match[3])
        if parts[1] >= 1 and parts[2] >= 1 and finding_code(*parts) == text:
            return parts
    raise AuditdeskError("register.bad_code", code=code)

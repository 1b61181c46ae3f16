"""Sign-off of a working paper (审计工作底稿): preparer, then a different reviewer, each signing a digest.

A signature records the digest of the content it signed, so an edit made afterwards shows:
``draft`` (the preparer has not signed) → ``prepared`` (signed; an edit before review keeps it
``prepared``, but the reviewer cannot sign until the preparer signs the new content again) →
``reviewed`` (the content is the one the reviewer signed) or ``changed_after_review`` (it is not).

When the preparer signs again after a review, the review is kept (so an edit after review stays
flagged until the reviewer signs again), unless the new preparer is the reviewer — then the review
is dropped, as nobody reviews their own paper. Errors are ``AuditdeskError`` with ``workpaper.*`` keys.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Literal

from auditdesk.core.errors import AuditdeskError

PaperState = Literal["draft", "prepared", "reviewed", "changed_after_review"]
PAPER_STATES: tuple[PaperState, ...] = ("draft", "prepared", "reviewed", "changed_after_review")

FIELDS: tuple[str, ...] = ("area", "title", "objective", "procedure", "examined", "result", "conclusion")
REQUIRED: tuple[str, ...] = ("objective", "procedure", "conclusion")


@dataclass(frozen=True, slots=True)
class PaperContent:
    area: str
    title: str
    objective: str
    procedure: str
    examined: str
    result: str
    conclusion: str

    def digest(self) -> str:
        """sha256 hex of the fields as compact UTF-8 JSON with sorted keys; any edit changes it."""
        payload = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class SignOff:
    preparer: str | None = None
    prepared_digest: str | None = None
    reviewer: str | None = None
    reviewed_digest: str | None = None


def field_key(name: str) -> str:
    """The catalogue key of a field's label (``workpaper.field.objective``)."""
    return f"workpaper.field.{name}"


def required_missing(content: PaperContent) -> tuple[str, ...]:
    """Names of the required fields (objective, procedure, conclusion) that are blank, in that order."""
    return tuple(name for name in REQUIRED if not getattr(content, name).strip())


def paper_state(content: PaperContent, signoff: SignOff) -> PaperState:
    if not signoff.preparer or not signoff.prepared_digest:
        return "draft"
    if signoff.reviewer and signoff.reviewed_digest:
        return "reviewed" if content.digest() == signoff.reviewed_digest else "changed_after_review"
    return "prepared"


def changed_since_prepared(content: PaperContent, signoff: SignOff) -> bool:
    """True when the preparer signed and the content is no longer what they signed."""
    return bool(signoff.prepared_digest) and content.digest() != signoff.prepared_digest


def sign_prepared(content: PaperContent, signoff: SignOff, who: str) -> SignOff:
    """The preparer signs the current content. Refuses blank required fields (``workpaper.empty`` with
    ``fields``: the missing field names joined by ",", and ``missing``: the tuple of names; the
    shells may render the names with ``field_key``) and a blank name (``workpaper.no_signer``)."""
    who = _signer(who)
    missing = required_missing(content)
    if missing:
        raise AuditdeskError("workpaper.empty", fields=",".join(missing), missing=missing)
    if who == _name(signoff.reviewer):
        return SignOff(preparer=who, prepared_digest=content.digest())
    return SignOff(
        preparer=who,
        prepared_digest=content.digest(),
        reviewer=signoff.reviewer,
        reviewed_digest=signoff.reviewed_digest,
    )


def sign_reviewed(content: PaperContent, signoff: SignOff, who: str) -> SignOff:
    """The reviewer signs the content the preparer signed: refuses a paper not prepared
    (``workpaper.not_prepared``), the preparer as reviewer (``workpaper.self_review``) and content
    changed since the preparer signed (``workpaper.changed_since_prepared``)."""
    who = _signer(who)
    if paper_state(content, signoff) == "draft":
        raise AuditdeskError("workpaper.not_prepared")
    if who == _name(signoff.preparer):
        raise AuditdeskError("workpaper.self_review", who=who)
    if changed_since_prepared(content, signoff):
        raise AuditdeskError("workpaper.changed_since_prepared", preparer=_name(signoff.preparer))
    return SignOff(
        preparer=signoff.preparer,
        prepared_digest=signoff.prepared_digest,
        reviewer=who,
        reviewed_digest=content.digest(),
    )


def _signer(who: str) -> str:
    name = _name(who)
    if not name:
        raise AuditdeskError("workpaper.no_signer")
    return name


def _name(who: str | None) -> str:
    return (who or "").strip()

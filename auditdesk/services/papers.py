"""Working papers (审计工作底稿): one per audit area, written, signed by the preparer, reviewed by
the lead. Each sign-off keeps the digest of what was signed, so an edit after review shows as
``changed_after_review`` until it is signed and reviewed again."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from auditdesk.core.errors import AuditdeskError
from auditdesk.core.workpaper import (
    PaperContent,
    SignOff,
    paper_state,
    required_missing,
    sign_prepared,
    sign_reviewed,
)
from auditdesk.i18n import t
from auditdesk.services.context import Context
from auditdesk.services.errors import ServiceError
from auditdesk.services.fieldwork import engagement_of, writable_engagement
from auditdesk.store import changelog
from auditdesk.store.models import Engagement, WorkPaper

TEXT_FIELDS = ("area", "title", "objective", "procedure", "examined", "result", "conclusion")
ROLES = ("prepare", "review")


@dataclass(frozen=True)
class PaperView:
    id: int
    reference: str
    index_no: str
    area: str
    title: str
    objective: str
    procedure: str
    examined: str
    result: str
    conclusion: str
    state: str
    state_label: str
    missing: tuple[str, ...]
    preparer: str | None
    prepared_at: dt.datetime | None
    reviewer: str | None
    reviewed_at: dt.datetime | None
    updated_by: str
    updated_at: dt.datetime

    def to_json(self) -> dict[str, Any]:
        data = {
            name: getattr(self, name)
            for name in (
                "id",
                "index_no",
                *TEXT_FIELDS,
                "state",
                "state_label",
                "preparer",
                "reviewer",
                "updated_by",
            )
        }
        data.update(
            engagement=self.reference,
            missing=list(self.missing),
            prepared_at=self.prepared_at.isoformat() if self.prepared_at else None,
            reviewed_at=self.reviewed_at.isoformat() if self.reviewed_at else None,
            updated_at=self.updated_at.isoformat(),
        )
        return data


def _content(p: WorkPaper) -> PaperContent:
    return PaperContent(**{name: getattr(p, name) for name in TEXT_FIELDS})


def _signoff(p: WorkPaper) -> SignOff:
    return SignOff(
        preparer=p.preparer,
        prepared_digest=p.prepared_digest,
        reviewer=p.reviewer,
        reviewed_digest=p.reviewed_digest,
    )


def _view(session: Session, p: WorkPaper) -> PaperView:
    assert p.id is not None
    engagement = session.get(Engagement, p.engagement_id)
    content = _content(p)
    state = paper_state(content, _signoff(p))
    return PaperView(
        id=p.id,
        reference=engagement.reference if engagement else "",
        index_no=p.index_no,
        **{name: getattr(p, name) for name in TEXT_FIELDS},
        state=state,
        state_label=t(f"paper.state.{state}"),
        missing=tuple(t(f"paper.field.{name}") for name in required_missing(content)),
        preparer=p.preparer,
        prepared_at=p.prepared_at,
        reviewer=p.reviewer,
        reviewed_at=p.reviewed_at,
        updated_by=p.updated_by,
        updated_at=p.updated_at,
    )


def _snapshot(p: WorkPaper) -> dict[str, Any]:
    return {
        name: getattr(p, name)
        for name in ("index_no", *TEXT_FIELDS, "preparer", "prepared_digest", "reviewer", "reviewed_digest")
    }


def _clean(fields: dict[str, str | None]) -> dict[str, str]:
    return {name: value.strip() for name, value in fields.items() if value is not None}


def add_paper(
    ctx: Context,
    engagement: str | int,
    *,
    area: str,
    title: str,
    index_no: str | None = None,
    objective: str = "",
    procedure: str = "",
    examined: str = "",
    result: str = "",
    conclusion: str = "",
) -> PaperView:
    """A new working paper, numbered ``DG-01``, ``DG-02`` … in its engagement unless given."""
    values = _clean(
        dict(
            area=area,
            title=title,
            objective=objective,
            procedure=procedure,
            examined=examined,
            result=result,
            conclusion=conclusion,
        )
    )
    if not values["area"]:
        raise ServiceError("paper.no_area")
    if not values["title"]:
        raise ServiceError("paper.no_title")
    with ctx.session() as session, session.begin():
        found = writable_engagement(session, engagement)
        existing = list(session.exec(select(WorkPaper.index_no).where(WorkPaper.engagement_id == found.id)))
        number = (index_no or "").strip() or _next_index(existing)
        if number in existing:
            raise ServiceError("paper.index_taken", index=number, reference=found.reference)
        assert found.id is not None
        paper = WorkPaper(
            engagement_id=found.id, index_no=number, area=values["area"], title=values["title"],
            created_by=ctx.actor, updated_by=ctx.actor,
        )
        for name, value in values.items():
            setattr(paper, name, value)
        session.add(paper)
        session.flush()
        changelog.record(session, ctx.actor, "work_paper", paper.id, "create", None, _snapshot(paper))
        return _view(session, paper)


def _next_index(existing: list[str]) -> str:
    used = {int(n[3:]) for n in existing if n.startswith("DG-") and n[3:].isdigit()}
    return f"DG-{max(used, default=0) + 1:02d}"


def _get(session: Session, paper_id: int) -> WorkPaper:
    paper = session.get(WorkPaper, paper_id)
    if paper is None:
        raise ServiceError("paper.not_found", id=paper_id)
    return paper


def edit_paper(ctx: Context, paper_id: int, **fields: str | None) -> PaperView:
    """Change the text fields given (None = unchanged). A reviewed paper changed shows so."""
    unknown = sorted(set(fields) - set(TEXT_FIELDS))
    if unknown:
        raise ServiceError("paper.unknown_field", field="、".join(unknown))
    values = _clean(fields)
    with ctx.session() as session, session.begin():
        paper = _get(session, paper_id)
        engagement = session.get(Engagement, paper.engagement_id)
        assert engagement is not None
        writable_engagement(session, engagement.reference)
        before = _snapshot(paper)
        for name, value in values.items():
            if name in ("area", "title") and not value:
                raise ServiceError(f"paper.no_{name}")
            setattr(paper, name, value)
        if _snapshot(paper) == before:
            return _view(session, paper)
        paper.updated_by, paper.updated_at = ctx.actor, dt.datetime.now(dt.UTC)
        session.add(paper)
        session.flush()
        changelog.record(session, ctx.actor, "work_paper", paper.id, "edit", before, _snapshot(paper))
        return _view(session, paper)


def sign_paper(ctx: Context, paper_id: int, role: str) -> PaperView:
    """Sign as preparer (``prepare``) or reviewer (``review``); the core refuses a self-review, a
    review of an unsigned or since-changed paper, and a preparer's signature on a paper with blanks."""
    if role not in ROLES:
        raise ServiceError("paper.bad_role", role=role, allowed="、".join(ROLES))
    with ctx.session() as session, session.begin():
        paper = _get(session, paper_id)
        engagement = session.get(Engagement, paper.engagement_id)
        assert engagement is not None
        writable_engagement(session, engagement.reference)
        before = _snapshot(paper)
        try:
            if role == "prepare":
                signed = sign_prepared(_content(paper), _signoff(paper), ctx.actor)
            else:
                signed = sign_reviewed(_content(paper), _signoff(paper), ctx.actor)
        except AuditdeskError as err:
            params = dict(err.params)
            if "fields" in params:
                params["fields"] = "、".join(t(f"paper.field.{f}") for f in str(params["fields"]).split(","))
            raise ServiceError(err.key, **params) from err
        now = dt.datetime.now(dt.UTC)
        paper.preparer, paper.prepared_digest = signed.preparer, signed.prepared_digest
        paper.reviewer, paper.reviewed_digest = signed.reviewer, signed.reviewed_digest
        if role == "prepare":
            paper.prepared_at = now
            if signed.reviewer is None:
                paper.reviewed_at = None
        else:
            paper.reviewed_at = now
        session.add(paper)
        session.flush()
        changelog.record(session, ctx.actor, "work_paper", paper.id, f"sign_{role}", before, _snapshot(paper))
        return _view(session, paper)


def list_papers(ctx: Context, engagement: str | int) -> list[PaperView]:
    with ctx.session() as session:
        found = engagement_of(session, engagement)
        rows = session.exec(
            select(WorkPaper).where(WorkPaper.engagement_id == found.id).order_by(col(WorkPaper.index_no))
        ).all()
        return [_view(session, p) for p in rows]


def get_paper(ctx: Context, paper_id: int) -> PaperView:
    with ctx.session() as session:
        return _view(session, _get(session, paper_id))

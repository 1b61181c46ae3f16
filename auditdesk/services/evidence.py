"""Evidence (取证材料): files copied into the engagement's evidence store under their sha256 and
linked to entries, suspicions, findings, working papers and sample items.

The store is a folder (``$AUDITDESK_EVIDENCE`` or ``evidence`` in the user data directory) holding
``<engagement id>/<sha256[:2]>/<sha256><suffix>``. A file is written once, through a temporary file
renamed into place, and never overwritten: adding the same content again only adds links.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from sqlmodel import Session, col, select

from auditdesk.i18n import t
from auditdesk.services.context import Context
from auditdesk.services.errors import ServiceError
from auditdesk.services.fieldwork import engagement_of, writable_engagement
from auditdesk.store import changelog
from auditdesk.store.models import (
    Engagement,
    Evidence,
    EvidenceLink,
    Finding,
    LedgerEntry,
    Sample,
    SampleItem,
    Suspicion,
    WorkPaper,
)

ENV_EVIDENCE = "AUDITDESK_EVIDENCE"
TARGETS = ("entry", "suspicion", "finding", "paper", "sample_item")
MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class EvidenceView:
    id: int
    reference: str
    sha256: str
    file_name: str
    size: int
    path: str
    description: str
    who: str
    at: dt.datetime
    links: tuple[tuple[str, int], ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "engagement": self.reference,
            "sha256": self.sha256,
            "file": self.file_name,
            "size": self.size,
            "path": self.path,
            "description": self.description,
            "who": self.who,
            "at": self.at.isoformat(),
            "links": [{"target": k, "id": i} for k, i in self.links],
        }


def evidence_root() -> Path:
    configured = os.environ.get(ENV_EVIDENCE)
    if configured:
        return Path(configured)
    return platformdirs.user_data_path("auditdesk", appauthor=False) / "evidence"


def _digest(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def _store(source: Path, relative: Path, sha256: str) -> None:
    target = evidence_root() / relative
    if target.exists():
        if _digest(target)[0] != sha256:
            raise ServiceError("evidence.store_corrupt", path=str(target))
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    os.close(fd)
    try:
        shutil.copyfile(source, tmp)
        if _digest(Path(tmp))[0] != sha256:
            raise ServiceError("evidence.changed_while_copying", file=str(source))
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _check_target(session: Session, engagement: Engagement, target: str, target_id: int) -> None:
    if target not in TARGETS:
        raise ServiceError("evidence.bad_target", target=target, allowed="、".join(TARGETS))
    owner: int | None = None
    if target == "entry":
        entry = session.get(LedgerEntry, target_id)
        ok = entry is not None and entry.unit_id == engagement.unit_id and entry.year in engagement.years
    elif target == "suspicion":
        suspicion = session.get(Suspicion, target_id)
        ok = suspicion is not None and suspicion.unit_id == engagement.unit_id
    elif target == "finding":
        finding = session.get(Finding, target_id)
        owner = finding.engagement_id if finding else None
        ok = owner == engagement.id
    elif target == "paper":
        paper = session.get(WorkPaper, target_id)
        ok = paper is not None and paper.engagement_id == engagement.id
    else:
        item = session.get(SampleItem, target_id)
        sample = session.get(Sample, item.sample_id) if item else None
        ok = sample is not None and sample.engagement_id == engagement.id
    if not ok:
        raise ServiceError(
            "evidence.target_not_found", target=t(f"evidence.target.{target}"), id=target_id,
            reference=engagement.reference,
        )


def _link(session: Session, actor: str, evidence: Evidence, target: str, target_id: int) -> bool:
    assert evidence.id is not None
    exists = session.exec(
        select(EvidenceLink.id).where(
            EvidenceLink.evidence_id == evidence.id,
            EvidenceLink.target == target,
            EvidenceLink.target_id == target_id,
        )
    ).first()
    if exists is not None:
        return False
    link = EvidenceLink(evidence_id=evidence.id, target=target, target_id=target_id, who=actor)
    session.add(link)
    session.flush()
    changelog.record(
        session,
        actor,
        "evidence_link",
        link.id,
        "link",
        None,
        {"evidence": evidence.id, "target": target, "target_id": target_id},
    )
    return True


def add_evidence(
    ctx: Context,
    engagement: str | int,
    path: Path,
    *,
    description: str = "",
    links: tuple[tuple[str, int], ...] = (),
    allow_any_stage: bool = False,
) -> EvidenceView:
    """Copy ``path`` into the evidence store (once per content) and link it, in one transaction.
    Outside 实施/报告 only with ``allow_any_stage`` (a finding's rectification proof)."""
    if not path.is_file():
        raise ServiceError("evidence.no_file", file=str(path))
    sha256, size = _digest(path)
    if size > MAX_BYTES:
        raise ServiceError("evidence.too_large", file=str(path), limit=MAX_BYTES // (1024 * 1024))
    with ctx.session() as session, session.begin():
        if allow_any_stage:  # a rectification's proof arrives after fieldwork
            found = engagement_of(session, engagement)
            if found.stage == "archive":
                raise ServiceError("engagement.gate.archived_read_only")
        else:
            found = writable_engagement(session, engagement)
        for target, target_id in links:
            _check_target(session, found, target, target_id)
        evidence = session.exec(
            select(Evidence).where(Evidence.engagement_id == found.id, Evidence.sha256 == sha256)
        ).first()
        if evidence is None:
            relative = Path(str(found.id)) / sha256[:2] / f"{sha256}{path.suffix.lower()}"
            _store(path, relative, sha256)
            assert found.id is not None
            evidence = Evidence(
                engagement_id=found.id,
                sha256=sha256,
                file_name=path.name,
                size=size,
                stored=relative.as_posix(),
                description=description.strip(),
                who=ctx.actor,
            )
            session.add(evidence)
            session.flush()
            changelog.record(
                session,
                ctx.actor,
                "evidence",
                evidence.id,
                "add",
                None,
                {
                    "engagement": found.reference,
                    "sha256": sha256,
                    "file": path.name,
                    "size": size,
                    "description": evidence.description,
                },
            )
        for target, target_id in links:
            _link(session, ctx.actor, evidence, target, target_id)
        return _view(session, evidence)


def link_evidence(ctx: Context, evidence_id: int, target: str, target_id: int) -> EvidenceView:
    with ctx.session() as session, session.begin():
        evidence = _get(session, evidence_id)
        engagement = session.get(Engagement, evidence.engagement_id)
        assert engagement is not None
        writable_engagement(session, engagement.reference)
        _check_target(session, engagement, target, target_id)
        _link(session, ctx.actor, evidence, target, target_id)
        return _view(session, evidence)


def _get(session: Session, evidence_id: int) -> Evidence:
    evidence = session.get(Evidence, evidence_id)
    if evidence is None:
        raise ServiceError("evidence.not_found", id=evidence_id)
    return evidence


def _view(session: Session, evidence: Evidence) -> EvidenceView:
    assert evidence.id is not None
    engagement = session.get(Engagement, evidence.engagement_id)
    links = session.exec(
        select(EvidenceLink.target, EvidenceLink.target_id)
        .where(EvidenceLink.evidence_id == evidence.id)
        .order_by(col(EvidenceLink.id))
    ).all()
    return EvidenceView(
        id=evidence.id,
        reference=engagement.reference if engagement else "",
        sha256=evidence.sha256,
        file_name=evidence.file_name,
        size=evidence.size,
        path=str(evidence_root() / evidence.stored),
        description=evidence.description,
        who=evidence.who,
        at=evidence.at,
        links=tuple((str(k), int(i)) for k, i in links),
    )


def list_evidence(
    ctx: Context, engagement: str | int, *, target: str | None = None, target_id: int | None = None
) -> list[EvidenceView]:
    with ctx.session() as session:
        found = engagement_of(session, engagement)
        rows = list(
            session.exec(
                select(Evidence).where(Evidence.engagement_id == found.id).order_by(col(Evidence.id))
            ).all()
        )
        views = [_view(session, e) for e in rows]
        if target is not None:
            views = [
                v
                for v in views
                if any(k == target and (target_id is None or i == target_id) for k, i in v.links)
            ]
        return views


def verify_evidence(ctx: Context, engagement: str | int) -> list[tuple[EvidenceView, bool]]:
    """Each evidence file with whether the stored copy still has its sha256."""
    out = []
    for view in list_evidence(ctx, engagement):
        path = Path(view.path)
        out.append((view, path.is_file() and _digest(path)[0] == view.sha256))
    return out

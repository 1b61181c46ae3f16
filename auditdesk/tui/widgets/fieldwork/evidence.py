"""The 证据 tab: the engagement's evidence files, and a form to add one by its path with a description
and links — one chosen from the engagement's findings, papers and suspicions, others typed
(``entry:120 suspicion:4`` or the same with the targets' names)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Button, DataTable, Input, Label, Select

from auditdesk.core.errors import AuditdeskError
from auditdesk.i18n import CATALOGUE, t
from auditdesk.services import evidence as evidence_service
from auditdesk.services.context import Context
from auditdesk.services.evidence import TARGETS, EvidenceView
from auditdesk.tui.widgets.fieldwork.common import Done, FieldworkData, FieldworkPane, WriteRequested

COLUMNS = ("id", "file", "size", "description", "links", "who", "at")
MAX_SUSPICION_OPTIONS = 200  # the list is high severity first; others are typed (疑点 1234)
_LINK = re.compile(r"([^\s:：#,，、;；\d]+)\s*[:：#]?\s*(\d+)")


class AnyPathSuggester(Suggester):
    """Completes the last component of a typed path to any folder or file (hidden ones left out)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_any_path(value)


def complete_any_path(value: str) -> str | None:
    if not value:
        return None
    folder, stem = os.path.split(os.path.expanduser(value))
    try:
        names = sorted(os.scandir(folder or "."), key=lambda e: (not e.is_dir(), e.name.lower()))
    except OSError:
        return None
    for entry in names:
        if entry.name == stem or not entry.name.startswith(stem):
            continue
        if entry.name.startswith(".") and not stem.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            continue
        return value + entry.name[len(stem) :] + (os.sep if is_dir else "")
    return None


def target_names() -> dict[str, str]:
    """Every way to type a link target: its id and its name in each language, lower case."""
    names = {name: name for name in TARGETS}
    for name in TARGETS:
        for text in CATALOGUE[f"evidence.target.{name}"].values():
            names[text.lower()] = name
    return names


def parse_links(text: str) -> tuple[tuple[str, int], ...]:
    """``entry:120, 疑点 4`` → ``(("entry", 120), ("suspicion", 4))``; anything else is refused."""
    names = target_names()
    links: list[tuple[str, int]] = []
    rest = text
    for match in _LINK.finditer(text):
        target = names.get(match[1].lower())
        if target is None:
            allowed = ", ".join(TARGETS)
            raise AuditdeskError("tui.fieldwork.evidence.bad_target", text=match[0], allowed=allowed)
        links.append((target, int(match[2])))
        rest = rest.replace(match[0], " ", 1)
    if rest.strip(" ,，、;；"):
        raise AuditdeskError("tui.fieldwork.evidence.bad_links", text=text)
    return tuple(links)


def links_text(view: EvidenceView) -> str:
    return t("plan.list.sep").join(f"{t(f'evidence.target.{k}')} {i}" for k, i in view.links) or "—"


class EvidencePane(FieldworkPane):
    @dataclass
    class Added(Message):
        evidence: EvidenceView

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.engagement_id = 0

    def compose(self) -> ComposeResult:
        with Horizontal(classes="form-row"):
            yield Label(t("tui.fieldwork.evidence.path"), classes="form-label fw-evidence-label")
            yield Input(placeholder=t("tui.fieldwork.evidence.path_placeholder"),
                        suggester=AnyPathSuggester(), id="fw-evidence-path", compact=True,
                        tooltip=t("tui.fieldwork.evidence.path_tip"))
        with Horizontal(classes="form-row"):
            yield Label(t("tui.fieldwork.evidence.description"), classes="form-label fw-evidence-label")
            yield Input(id="fw-evidence-description", compact=True,
                        placeholder=t("tui.fieldwork.evidence.description_placeholder"))
        with Horizontal(classes="form-row"):
            yield Label(t("tui.fieldwork.evidence.link"), classes="form-label fw-evidence-label")
            yield Select[str]([], prompt=t("tui.fieldwork.evidence.no_link"), id="fw-evidence-link",
                              compact=True)
            yield Label(t("tui.fieldwork.evidence.more_links"), classes="form-label")
            yield Input(id="fw-evidence-links", compact=True, placeholder="entry:120 suspicion:4")
            yield Button(t("tui.fieldwork.evidence.add"), id="fw-evidence-add", variant="primary",
                         compact=True)
        yield DataTable(id="fw-evidence", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one("#fw-evidence", DataTable)
        for key in COLUMNS:
            table.add_column(t(f"tui.fieldwork.evidence.col.{key}"), key=key)

    def show(self, data: FieldworkData) -> None:
        self.engagement_id = data.engagement.id
        select = self.query_one("#fw-evidence-link", Select)
        chosen = select.value
        options = [
            (t("tui.fieldwork.evidence.opt.finding", code=f.code, title=f.title), f"finding:{f.id}")
            for f in data.drafts
        ]
        options += [
            (t("tui.fieldwork.evidence.opt.paper", index=p.index_no, title=p.title), f"paper:{p.id}")
            for p in data.papers
        ]
        options += [
            (t("tui.fieldwork.evidence.opt.suspicion", id=s.id, title=s.rule_title), f"suspicion:{s.id}")
            for s in [s for s in data.suspicions if s.status != "dismissed"][:MAX_SUSPICION_OPTIONS]
        ]
        select.set_options(options)
        if isinstance(chosen, str) and any(value == chosen for _, value in options):
            select.value = chosen
        table = self.query_one("#fw-evidence", DataTable)
        table.clear()
        for e in data.evidence:
            table.add_row(str(e.id), e.file_name, f"{e.size:,}", e.description, links_text(e), e.who,
                          e.at.strftime("%Y-%m-%d %H:%M"), key=str(e.id))

    @on(Button.Pressed, "#fw-evidence-add")
    @on(Input.Submitted, "#fw-evidence-path,#fw-evidence-description,#fw-evidence-links")
    def add(self) -> None:
        raw_path = self.query_one("#fw-evidence-path", Input).value.strip()
        description = self.query_one("#fw-evidence-description", Input).value
        chosen = self.query_one("#fw-evidence-link", Select).value
        typed = self.query_one("#fw-evidence-links", Input).value
        engagement_id = self.engagement_id

        def job(ctx: Context) -> Message:
            if not raw_path:
                raise AuditdeskError("tui.fieldwork.evidence.no_path")
            links = parse_links(typed)
            if isinstance(chosen, str):
                target, _, number = chosen.partition(":")
                links = ((target, int(number)), *links)
            path = Path(os.path.expanduser(raw_path))
            return EvidencePane.Added(
                evidence_service.add_evidence(ctx, engagement_id, path, description=description, links=links)
            )

        busy = t("tui.fieldwork.evidence.adding")
        self.post_message(WriteRequested(job, self, busy, frozenset({"evidence"})))

    @on(Added)
    def _added(self, message: Added) -> None:
        e = message.evidence
        for selector in ("#fw-evidence-path", "#fw-evidence-description", "#fw-evidence-links"):
            self.query_one(selector, Input).value = ""
        self.post_message(Done(t("tui.fieldwork.evidence.added", id=e.id, file=e.file_name, sha=e.sha256[:12],
                                 links=links_text(e))))

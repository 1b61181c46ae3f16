"""One engagement (审计项目): header, stage stepper, team, scope, key areas and milestones.

``ctrl+s`` saves the edits, ``F6`` issues the audit notice, ``F9`` moves to the next stage when its
gate is met (a refused move lists what is missing). Every service call runs in a worker.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection
from textual.worker import Worker, WorkerState

from auditdesk.core.dates import parse_date
from auditdesk.core.engagement import KEY_AREAS
from auditdesk.core.errors import AuditdeskError
from auditdesk.core.milestones import MILESTONE_FIELDS, milestone_label_key
from auditdesk.i18n import t
from auditdesk.services import engagements as engagement_service
from auditdesk.services import notice as notice_service
from auditdesk.services.engagement_views import AdvanceResult, EngagementView, StepView
from auditdesk.services.notice import IssuedNotice
from auditdesk.tui.screens.base import BaseScreen
from auditdesk.tui.screens.error import ErrorModal
from auditdesk.tui.widgets.engagement.stepper import Stepper

_MEMBER_SEP = re.compile(r"[、，,；;\s]+")


@dataclass(frozen=True)
class EngagementEdits:
    """What the form holds, as text; turned into the service's arguments in the worker."""

    lead: str
    members: str
    scope: str
    key_areas: tuple[str, ...]
    milestones: dict[str, str]


def parse_members(text: str) -> list[str]:
    return [m for m in _MEMBER_SEP.split(text.strip()) if m]


def parse_milestones(raw: dict[str, str]) -> dict[str, dt.date]:
    """Every milestone typed; each bad date is listed in the one error raised."""
    dates: dict[str, dt.date] = {}
    problems: list[str] = []
    for name, text in raw.items():
        try:
            dates[name] = parse_date(text.strip())
        except AuditdeskError as err:
            problems.append(t("tui.engagement.bad_date", field=t(milestone_label_key(name)),
                              problem=t(err.key, **err.params)))
    if problems:
        raise AuditdeskError("tui.engagement.bad_dates", count=len(problems),
                             problems=t("engagement.list_sep").join(problems))
    return dates


class EngagementScreen(BaseScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "tui.key.back", id="engagement.back", tooltip="tui.engagement.tip.back"),
        Binding("ctrl+s", "save", "tui.key.save", id="engagement.save", tooltip="tui.engagement.tip.save"),
        # Function keys: they work from inside the text fields and cannot be typed by accident
        # (ctrl+a, for one, means "start of line" to many users).
        Binding("f6", "notice", "tui.engagement.key.notice", id="engagement.notice",
                tooltip="tui.engagement.tip.notice"),
        Binding("f9", "advance", "tui.engagement.key.advance", id="engagement.advance",
                tooltip="tui.engagement.tip.advance"),
        Binding("f7", "fieldwork", "tui.fieldwork.key.open", id="engagement.fieldwork",
                tooltip="tui.fieldwork.tip.open"),
        Binding("f8", "report", "tui.report.key.open", id="engagement.report", tooltip="tui.report.tip.open"),
    ]

    @dataclass
    class Loaded(Message):
        engagement: EngagementView
        steps: list[StepView]
        note: str | None = None  # what just happened, for the status line

    @dataclass
    class NoticeIssued(Message):
        notice: IssuedNotice

    @dataclass
    class Advanced(Message):
        result: AdvanceResult

    def __init__(self, engagement_id: int) -> None:
        super().__init__(id="engagement")
        self.engagement_id = engagement_id
        self.engagement: EngagementView | None = None
        self.steps: list[StepView] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("tui.engagement.loading"), id="eng-heading", classes="heading", markup=False)
        yield Stepper("", id="eng-stepper", markup=False)
        with VerticalScroll(id="eng-form"):
            for field in ("lead", "members", "scope"):
                with Horizontal(classes="form-row"):
                    yield Label(t(f"tui.engagement.field.{field}"), classes="form-label eng-label")
                    yield Input(id=f"eng-{field}", placeholder=t(f"tui.engagement.placeholder.{field}"))
            yield Static(t("tui.engagement.areas"), classes="section-title")
            yield SelectionList[str](id="eng-areas")
            yield Static(t("tui.engagement.milestones"), classes="section-title")
            for name in MILESTONE_FIELDS:
                with Horizontal(classes="form-row"):
                    yield Label(t(milestone_label_key(name)), classes="form-label eng-label")
                    yield Input(id=f"eng-ms-{name}", placeholder="YYYY-MM-DD", classes="eng-date")
        yield Static("", id="eng-status", classes="status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("tui.app.title")
        self.sub_title = t("tui.engagement.title")
        self.query_one(Stepper).focus()
        self.load()

    # -- workers -----------------------------------------------------------------------------------------

    def _read(self, note: str | None = None) -> None:
        view = engagement_service.get_engagement(self.ctx, self.engagement_id)
        steps = engagement_service.stage_overview(self.ctx, self.engagement_id)
        self.post_message(self.Loaded(view, steps, note))

    @work(thread=True, exclusive=True, exit_on_error=False, group="engagement.load")
    def load(self) -> None:
        self._read()

    @work(thread=True, exclusive=True, exit_on_error=False, group="engagement.save")
    def save(self, edits: EngagementEdits) -> None:
        dates = parse_milestones(edits.milestones)
        view = engagement_service.edit_engagement(
            self.ctx,
            self.engagement_id,
            lead=edits.lead,
            members=parse_members(edits.members),
            scope=edits.scope,
            key_areas=edits.key_areas,
            milestones=dates,
        )
        self._read(t("tui.engagement.saved", reference=view.reference))

    @work(thread=True, exclusive=True, exit_on_error=False, group="engagement.notice")
    def issue(self) -> None:
        folder = self.desk.documents_dir
        if folder is not None and self.engagement is not None:
            folder = folder / self.engagement.reference.replace("/", "-")
        notice = notice_service.issue_notice(self.ctx, self.engagement_id, out_dir=folder)
        self.post_message(self.NoticeIssued(notice))
        self._read()

    @work(thread=True, exclusive=True, exit_on_error=False, group="engagement.advance")
    def advance(self) -> None:
        self.post_message(self.Advanced(engagement_service.advance_engagement(self.ctx, self.engagement_id)))
        self._read()

    def worker_state_changed(self, worker: Worker[Any], state: WorkerState) -> None:
        if state is WorkerState.ERROR and worker.group.startswith("engagement."):
            self.query_one("#eng-status", Static).update(t("tui.engagement.failed"))

    # -- results -----------------------------------------------------------------------------------------

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        e = message.engagement
        first = self.engagement is None
        self.engagement, self.steps = e, message.steps
        self.query_one("#eng-heading", Static).update(
            t("tui.engagement.heading", reference=e.reference, unit=e.unit,
              years=t("plan.list.sep").join(str(y) for y in e.years), stage=t(e.stage.label_key))
        )
        self.query_one(Stepper).show(message.steps)
        if first or message.note is not None:
            self._fill(e)
        status = message.note or (t("tui.engagement.archived") if e.archived else t("tui.engagement.hint"))
        self.query_one("#eng-status", Static).update(status)

    def _fill(self, e: EngagementView) -> None:
        self.query_one("#eng-lead", Input).value = e.lead or ""
        self.query_one("#eng-members", Input).value = t("plan.list.sep").join(e.members)
        self.query_one("#eng-scope", Input).value = e.scope
        areas = self.query_one("#eng-areas", SelectionList)
        areas.clear_options()
        areas.add_options(
            [Selection(t(area.label_key), area.id, area.id in e.key_areas) for area in KEY_AREAS]
        )
        areas.highlighted = 0
        for name in MILESTONE_FIELDS:
            day = e.milestones.get(name)
            self.query_one(f"#eng-ms-{name}", Input).value = day.isoformat() if day else ""

    @on(NoticeIssued)
    def _notice_issued(self, message: NoticeIssued) -> None:
        notice = message.notice
        version = max((d.version for d in notice.documents), default=1)
        files = "\n".join(d.path for d in notice.documents)
        text = t("tui.engagement.notice_issued", reference=notice.reference, version=version, files=files)
        self.notify(text, title=t("tui.engagement.notice_title"), timeout=10)
        if notice.late:
            self.notify(t("tui.engagement.notice_late"), severity="warning")

    @on(Advanced)
    def _advanced(self, message: Advanced) -> None:
        result = message.result
        reference = result.engagement.reference
        if result.moved and result.to_stage is not None:
            text = t("tui.engagement.moved", reference=reference, before=t(result.from_stage.label_key),
                     after=t(result.to_stage.label_key))
            self.notify(text)
            return
        target = t(result.to_stage.label_key) if result.to_stage is not None else "—"
        lines = [t("tui.engagement.refused", reference=reference, target=target)]
        lines += [t("tui.engagement.unmet_line", text=u) for u in result.unmet]
        self.app.push_screen(ErrorModal("\n".join(lines), title=t("tui.engagement.refused_title")))

    # -- actions -----------------------------------------------------------------------------------------

    def _edits(self) -> EngagementEdits:
        chosen = set(self.query_one("#eng-areas", SelectionList).selected)
        return EngagementEdits(
            lead=self.query_one("#eng-lead", Input).value,
            members=self.query_one("#eng-members", Input).value,
            scope=self.query_one("#eng-scope", Input).value,
            key_areas=tuple(area.id for area in KEY_AREAS if area.id in chosen),
            milestones={name: self.query_one(f"#eng-ms-{name}", Input).value for name in MILESTONE_FIELDS},
        )

    def action_save(self) -> None:
        if self.engagement is None:
            return
        self.query_one("#eng-status", Static).update(t("tui.engagement.saving"))
        self.save(self._edits())

    def action_notice(self) -> None:
        if self.engagement is None:
            return
        self.query_one("#eng-status", Static).update(t("tui.engagement.issuing"))
        self.issue()

    def action_advance(self) -> None:
        if self.engagement is not None:
            self.advance()

    def action_fieldwork(self) -> None:
        from auditdesk.tui.screens.fieldwork import FieldworkScreen

        self.app.push_screen(FieldworkScreen(self.engagement_id))

    def action_report(self) -> None:
        from auditdesk.tui.screens.report import ReportScreen

        self.app.push_screen(ReportScreen(self.engagement_id))

    def action_back(self) -> None:
        self.app.pop_screen()

"""The report stage of one engagement (报告, F8 on an engagement): its documents and their versions
with a Markdown preview, the unit's replies per finding, and the keys that issue the documents.

``n`` the audit notice, ``d`` the draft report (征求意见稿), ``r`` the final report, ``o`` the opinion
letter (after a confirmation: it issues the findings and moves the engagement to 整改), ``z`` the
rectification notice; ``p`` asks for a PDF too (a PDF that cannot be made is a notification, not a
failure). On the replies tab ``a`` records that the unit agrees with the highlighted finding and ``x``
that it disagrees (a dialog asks why). Every service call runs in a thread worker of this screen; a
refusal (wrong stage, wrong order) shows the service's sentence in the app's one error modal.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Footer, Header, Label, Static, Switch, TabbedContent, TabPane
from textual.worker import Worker, WorkerState, get_current_worker

from auditdesk.core.engagement import Stage
from auditdesk.i18n import t
from auditdesk.services import notice as notice_service
from auditdesk.services import reports as report_service
from auditdesk.services.engagement_views import DocumentView
from auditdesk.tui.screens.base import TabbedScreen, area_key
from auditdesk.tui.screens.report_modals import OpinionModal, ReasonModal
from auditdesk.tui.widgets.report.common import ReportData, kind_label, kinds_summary, next_step, read_report
from auditdesk.tui.widgets.report.documents import DocumentsPane
from auditdesk.tui.widgets.report.replies import RepliesPane

STYLES = Path(__file__).parent.parent / "styles"
TABS = ("documents", "replies")
FIRST_FOCUS = {"documents": "#rp-docs", "replies": "#rp-replies"}
ACTION_TAB = {"reply": "replies", "disagree": "replies"}


_key = partial(area_key, "report")


@dataclass(frozen=True)
class Outcome:
    """What issuing one document did (the notice and the report-stage documents alike)."""

    kind: str
    documents: tuple[DocumentView, ...]
    pdf_error: str | None = None
    issued_findings: tuple[str, ...] = ()
    stage: str | None = None  # the engagement's stage afterwards, when the opinion letter moved it
    late: bool = False  # a notice issued after its planned date


class ReportScreen(TabbedScreen[None]):
    ACTION_TAB = ACTION_TAB
    TAB_PREFIX = "rp-tab-"
    CSS_PATH = STYLES / "report.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "tui.key.back", id="report.back", tooltip="tui.report.tip.back"),
        *(_key(str(n), f"tab('{tab}')", f"tab_{tab}", show=False) for n, tab in enumerate(TABS, start=1)),
        _key("n", "issue('notice')", "notice"),
        _key("d", "issue('draft')", "draft"),
        _key("r", "issue('report')", "report"),
        _key("o", "opinion", "opinion"),
        _key("z", "issue('rectify')", "rectify"),
        _key("p", "toggle_pdf", "pdf"),
        _key("a", "reply('agree')", "agree"),
        _key("x", "disagree", "disagree"),
        _key("ctrl+r", "refresh", "refresh", show=False),
    ]

    @dataclass
    class Loaded(Message):
        data: ReportData

    @dataclass
    class Issued(Message):
        outcome: Outcome

    @dataclass
    class Replied(Message):
        reply: dict[str, Any]

    @dataclass
    class PreviewReady(Message):
        document: DocumentView
        path: Path
        text: str | None
        problem: str = ""

    def __init__(self, engagement_id: int) -> None:
        super().__init__(id="report")
        self.engagement_id = engagement_id
        self.data: ReportData | None = None
        self.focus_path: str | None = None  # the document to highlight after the next reload

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("tui.report.loading"), id="rp-heading", classes="heading", markup=False)
        with Horizontal(id="rp-top"):
            yield Static("", id="rp-kinds", markup=False)
            with Vertical(id="rp-side"):
                with Horizontal(id="rp-bar"):
                    yield Label(t("tui.report.pdf_label"), id="rp-pdf-label")
                    yield Switch(False, id="rp-pdf", tooltip=t("tui.report.tip.pdf"))
                yield Static("", id="rp-next", markup=False)
        with TabbedContent(id="rp-tabs"):
            with TabPane(t("tui.report.tab.documents"), id="rp-tab-documents"):
                yield DocumentsPane(id="rp-documents")
            with TabPane(t("tui.report.tab.replies"), id="rp-tab-replies"):
                yield RepliesPane(id="rp-replies-pane")
        yield Static("", id="rp-status", classes="status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("tui.app.title")
        self.sub_title = t("tui.report.title")
        self.query_one("#rp-docs").focus()
        self.load()


    # -- workers -----------------------------------------------------------------------------------------

    def _read(self) -> None:
        self.post_message(self.Loaded(read_report(self.ctx, self.engagement_id)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="report.load")
    def load(self) -> None:
        data = read_report(self.ctx, self.engagement_id)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(data))

    @work(thread=True, exclusive=True, exit_on_error=False, group="report.issue")
    def issue(self, kind: str, folder: Path | None, pdf: bool) -> None:
        if kind == "notice":
            notice = notice_service.issue_notice(self.ctx, self.engagement_id, out_dir=folder)
            docs, pdf_error = notice.documents, None
            if pdf:
                made, pdf_error = report_service.add_pdf(
                    self.ctx, self.engagement_id, kind, Path(notice.documents[0].path)
                )
                docs += (made,) if made is not None else ()
            outcome = Outcome(kind, docs, pdf_error, late=notice.late)
        else:
            issued = report_service.issue_document(
                self.ctx, self.engagement_id, kind, out_dir=folder, pdf=pdf
            )
            outcome = Outcome(kind, issued.documents, issued.pdf_error, issued.issued_findings, issued.stage)
        self.post_message(self.Issued(outcome))
        self._read()

    @work(thread=True, exit_on_error=False, group="report.reply")
    def reply(self, code: str, verdict: str, note: str) -> None:
        self.post_message(self.Replied(report_service.record_reply(self.ctx, self.engagement_id, code,
                                                                   verdict, note)))
        self._read()

    @work(thread=True, exclusive=True, exit_on_error=False, group="report.preview")
    def read_preview(self, document: DocumentView, path: Path) -> None:
        text: str | None = None
        problem = ""
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            own = path == Path(document.path)
            problem = t("tui.report.preview.gone" if own else "tui.report.preview.no_md",
                        file=document.file_name, path=str(path if own else document.path))
        except (OSError, UnicodeDecodeError) as exc:
            problem = t("tui.report.preview.unreadable", file=path.name, reason=str(exc))
        if not get_current_worker().is_cancelled:
            self.post_message(self.PreviewReady(document, path, text, problem))

    def worker_state_changed(self, worker: Worker[Any], state: WorkerState) -> None:
        if state is WorkerState.ERROR and worker.group.startswith("report."):
            self.query_one("#rp-status", Static).update(t("tui.report.failed"))

    # -- results -----------------------------------------------------------------------------------------

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        first = self.data is None
        data = self.data = message.data
        e = data.engagement
        self.query_one("#rp-heading", Static).update(t(
            "tui.report.heading", reference=e.reference, unit=e.unit,
            years=t("plan.list.sep").join(str(y) for y in e.years), stage=t(e.stage.label_key),
        ))
        self.query_one("#rp-kinds", Static).update(kinds_summary(data))
        self.query_one("#rp-next", Static).update(next_step(data))
        self.query_one(DocumentsPane).show(data, self.focus_path)
        self.focus_path = None
        self.query_one(RepliesPane).show(data)
        if first:
            self.query_one("#rp-status", Static).update(t("tui.report.hint"))

    @on(DocumentsPane.PreviewWanted)
    def _preview_wanted(self, message: DocumentsPane.PreviewWanted) -> None:
        message.stop()
        self.read_preview(message.document, message.path)

    @on(PreviewReady)
    async def _preview_ready(self, message: PreviewReady) -> None:
        await self.query_one(DocumentsPane).show_preview(message.document, message.path, message.text,
                                                         message.problem)

    @on(Issued)
    def _issued(self, message: Issued) -> None:
        o = message.outcome
        docx = next((d for d in o.documents if d.kind == o.kind), None)
        markdown = next((d for d in o.documents if d.kind == f"{o.kind}-md"), None)
        shown = markdown or docx
        self.focus_path = shown.path if shown is not None else None
        text = t("tui.report.issued", kind=kind_label(o.kind), version=docx.version if docx else "—",
                 files="\n".join(d.path for d in o.documents))
        self.notify(text, title=t("tui.report.issued_title"), timeout=10)
        status = [t("tui.report.issued_line", kind=kind_label(o.kind), version=docx.version if docx else "—")]
        if o.pdf_error:  # plainly: LibreOffice is optional
            self.notify(t("tui.report.pdf_missing", reason=o.pdf_error), severity="warning", timeout=10)
        if o.late:
            self.notify(t("tui.report.notice_late"), severity="warning")
        if o.kind == "opinion":
            stage = t(Stage(o.stage).label_key) if o.stage else "—"
            done = t("tui.report.opinion_done", count=len(o.issued_findings), stage=stage)
            self.notify(done, title=t("tui.report.opinion.title"), timeout=10)
            status.append(done)
        self.query_one("#rp-status", Static).update("\n".join(status))

    @on(Replied)
    def _replied(self, message: Replied) -> None:
        r = message.reply
        text = t("tui.report.reply.saved", code=r["finding"], verdict=t(f"tui.report.verdict.{r['verdict']}"))
        self.query_one("#rp-status", Static).update(text)
        self.notify(text)

    # -- actions -----------------------------------------------------------------------------------------

    def action_tab(self, name: str) -> None:
        self.query_one(TabbedContent).active = f"rp-tab-{name}"
        self.query_one(FIRST_FOCUS[name]).focus()

    def _folder(self) -> Path | None:
        """The app's documents folder, one sub-folder per engagement (as the notice on F6); None: the
        services' default."""
        folder = self.desk.documents_dir
        if folder is None or self.data is None:
            return None
        return folder / self.data.engagement.reference.replace("/", "-")

    def action_issue(self, kind: str) -> None:
        if self.data is None:
            return
        self.query_one("#rp-status", Static).update(t("tui.report.issuing", kind=kind_label(kind)))
        self.issue(kind, self._folder(), self.query_one("#rp-pdf", Switch).value)

    def action_opinion(self) -> None:
        data = self.data
        if data is None:
            return

        def chosen(go: bool | None) -> None:
            if go:
                self.action_issue("opinion")

        self.app.push_screen(OpinionModal(data.engagement.reference, data.drafts), chosen)

    def action_toggle_pdf(self) -> None:
        switch = self.query_one("#rp-pdf", Switch)
        switch.value = not switch.value

    @on(Switch.Changed, "#rp-pdf")
    def _pdf_changed(self, event: Switch.Changed) -> None:
        key = "tui.report.pdf_on" if event.value else "tui.report.pdf_off"
        self.query_one("#rp-status", Static).update(t(key))

    def action_reply(self, verdict: str) -> None:
        pane = self.query_one(RepliesPane)
        code = pane.current()
        if code is None:
            self.notify(t("tui.report.no_finding"), severity="warning")
            return
        self.query_one("#rp-status", Static).update(t("tui.report.reply.saving"))
        self.reply(code, verdict, "")

    def action_disagree(self) -> None:
        pane = self.query_one(RepliesPane)
        code = pane.current()
        if code is None:
            self.notify(t("tui.report.no_finding"), severity="warning")
            return

        def chosen(reason: str | None) -> None:
            if reason:
                self.query_one("#rp-status", Static).update(t("tui.report.reply.saving"))
                self.reply(code, "disagree", reason)

        self.app.push_screen(ReasonModal(pane.findings[code]), chosen)

    def action_refresh(self) -> None:
        self.load()

    def action_back(self) -> None:
        self.app.pop_screen()

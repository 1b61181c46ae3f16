"""The register board (问题台账, key ``t`` on the home screen): every finding with its lifecycle.

Filters (plan year, unit, category, status, overdue only), the counts per status and the year's
statistics sentence on top; a table of findings (overdue rows red, drafts dimmed) and the selected
finding's detail with its history and evidence below. From the keyboard: ``m`` moves the finding,
``a`` writes one by hand, ``x`` exports the unit's workbook, ``i`` imports the one it returned (the
changes are shown first), ``y`` issues the year's summary, Enter or ``d`` gives the detail the whole
screen.

The reading and showing are in ``RegisterBoard`` (``register_board.py``); this class adds the keys
and the writes. Every service call runs in a thread worker of the screen and posts a message back; a
failure (a refused move, an altered workbook) shows in the one error modal with the service's own
sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message

from auditdesk.i18n import t
from auditdesk.services import engagements as engagement_service
from auditdesk.services import register as register_service
from auditdesk.services import register_exchange as exchange_service
from auditdesk.services import summary as summary_service
from auditdesk.services.context import Context
from auditdesk.services.engagement_views import EngagementView
from auditdesk.services.register_exchange import ImportPreview
from auditdesk.services.register_views import FindingDetail
from auditdesk.tui.screens.base import area_key
from auditdesk.tui.screens.register_board import RegisterBoard
from auditdesk.tui.screens.register_dialogs import STYLES, AddForm, AddModal
from auditdesk.tui.screens.register_exchange import (
    ExportForm,
    ExportModal,
    ImportPathModal,
    ImportPreviewModal,
)
from auditdesk.tui.screens.register_move import MoveForm, MoveModal
from auditdesk.tui.widgets.register.common import office_categories

_key = partial(area_key, "register")


class RegisterScreen(RegisterBoard):
    CSS_PATH = STYLES / "register.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "tui.key.back", id="register.back", tooltip="tui.tip.back_home"),
        _key("m", "move", "move"),
        _key("a", "add", "add"),
        _key("x", "export", "export"),
        _key("i", "import_workbook", "import"),
        _key("o", "toggle_overdue", "overdue"),
        _key("y", "summary", "summary"),
        _key("d", "detail", "detail"),
        _key("slash", "focus_filters", "filter", key_display="/"),
        _key("ctrl+l", "clear_filters", "clear", show=False),
        _key("r", "refresh", "refresh", show=False),
    ]

    @dataclass
    class MoveReady(Message):
        detail: FindingDetail

    @dataclass
    class AddReady(Message):
        engagements: list[EngagementView]
        categories: tuple[str, ...]

    @dataclass
    class PreviewReady(Message):
        preview: ImportPreview
        path: Path

    # -- moves and forms ---------------------------------------------------------------------------------

    def action_move(self) -> None:
        code = self.current()
        if code is not None:
            today = self.today
            self.run_job(
                lambda ctx: self.MoveReady(register_service.get_finding(ctx, code, today=today)),
                "register.prepare",
            )

    @on(MoveReady)
    def _move_ready(self, message: MoveReady) -> None:
        detail = message.detail
        if not detail.allowed:
            self.notify(
                t("tui.register.move.final", code=detail.item.code, status=t(detail.item.status.label_key)),
                severity="warning",
            )
            return
        code, today = detail.item.code, self.today

        def done(form: MoveForm | None) -> None:
            if form is None:
                return

            def job(ctx: Context) -> Message:
                moved = register_service.move_finding(
                    ctx,
                    code,
                    form.target.value,
                    note=form.note,
                    deadline=form.deadline,
                    approver=form.approver,
                    evidence=form.evidence,
                    today=today,
                )
                return self.Written(
                    t("tui.register.moved", code=code, status=t(moved.item.status.label_key)), code
                )

            self.write(job)

        self.app.push_screen(MoveModal(detail, self.folder), done)

    def action_add(self) -> None:
        self.run_job(
            lambda ctx: self.AddReady(engagement_service.list_engagements(ctx), office_categories()),
            "register.prepare",
        )

    @on(AddReady)
    def _add_ready(self, message: AddReady) -> None:
        engagement = None
        if self.detail is not None:
            engagement = next(
                (e.id for e in message.engagements if e.reference == self.detail.item.engagement), None
            )

        def done(form: AddForm | None) -> None:
            if form is None:
                return

            def job(ctx: Context) -> Message:
                added = register_service.add_finding(
                    ctx, form.engagement, category=form.category, title=form.title, amount=form.amount
                )
                return self.Written(
                    t("tui.register.added", code=added.item.code, title=added.item.title), added.item.code
                )

            self.write(job)

        self.app.push_screen(AddModal(message.engagements, message.categories, engagement), done)

    # -- the year's summary ------------------------------------------------------------------------------

    def action_summary(self) -> None:
        """Issue the annual summary (年度经审工作总结 and its tables) of the filter's plan year, or of the
        latest year with findings, into the documents folder."""
        years = self.data.years if self.data is not None else ()
        year = self.flt.year or (years[0] if years else None)
        if year is None:
            self.notify(t("tui.register.summary.no_year"), severity="warning")
            return
        folder = self.folder

        def job(ctx: Context) -> Message:
            issued = summary_service.issue_summary(ctx, year, out_dir=folder)
            return self.Written(
                t("tui.register.summary.done", year=year, sentence=issued.sentence, path=issued.files[0].path)
            )

        self.write(job)

    # -- the round trip with the unit ----------------------------------------------------------------

    def action_export(self) -> None:
        unit = self.detail.item.unit if self.detail is not None else self.flt.unit
        engagement = self.detail.item.engagement if self.detail is not None else None
        if not unit:
            self.notify(t("tui.register.export.no_unit"), severity="warning")
            return

        def done(form: ExportForm | None) -> None:
            if form is None:
                return
            self.last_export = form.path

            def job(ctx: Context) -> Message:
                result = exchange_service.export_register(
                    ctx, form.path, unit=form.unit, engagement=form.engagement, open_only=form.open_only
                )
                return self.Written(t("tui.register.exported", count=result.findings, path=result.path))

            self.write(job)

        self.app.push_screen(ExportModal(unit, engagement, self.folder), done)

    def action_import_workbook(self) -> None:
        def done(path: Path | None) -> None:
            if path is not None:
                self.run_job(
                    lambda ctx: self.PreviewReady(exchange_service.preview_register_import(ctx, path), path),
                    "register.prepare",
                )

        self.app.push_screen(ImportPathModal(self.folder, self.last_export), done)

    @on(PreviewReady)
    def _preview_ready(self, message: PreviewReady) -> None:
        preview, path = message.preview, message.path

        def done(apply: bool | None) -> None:
            if not apply:
                self.notify(t("tui.register.import.cancelled"))
                return

            def job(ctx: Context) -> Message:
                applied = exchange_service.apply_register_import(ctx, path, preview.sha256)
                focus = applied.changes[0].code if applied.changes else None
                return self.Written(t("tui.register.imported", count=len(applied.changes)), focus)

            self.write(job)

        self.app.push_screen(ImportPreviewModal(preview), done)

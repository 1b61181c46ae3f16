"""The 抽样 tab: a form to draw a sample, the engagement's samples, and the selected sample's items a
page at a time; pass/fail is recorded on the highlighted item, and a sample can be re-drawn to verify."""

from __future__ import annotations

import random
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from auditdesk.core.sampling import METHODS
from auditdesk.i18n import t
from auditdesk.services import sampling as sample_service
from auditdesk.services.context import Context
from auditdesk.services.sampling import POPULATIONS, SampleCheck, SampleItemView, SampleView
from auditdesk.tui.screens.fieldwork_modals import FailForm, FailModal
from auditdesk.tui.widgets.fieldwork.common import (
    Done,
    FieldworkData,
    FieldworkPane,
    WriteRequested,
    money,
    require_int,
)

PAGE_SIZE = 100
SAMPLE_COLUMNS = ("id", "method", "year", "size", "seed", "tested", "exceptions", "who")
ITEM_COLUMNS = ("position", "stratum", "date", "voucher", "summary", "account", "amount", "result", "note")
RESULT_STYLE = {"pass": "green", "fail": "bold red"}


@dataclass(frozen=True)
class DrawForm:
    """The form as typed; checked in the worker (a bad number is an error naming the field)."""

    engagement_id: int
    method: str
    size: str
    seed: str
    year: int | None
    population: str
    account: str
    min_amount: str
    bounds: str


def result_text(item: SampleItemView) -> Text:
    if item.result is None:
        return Text(t("sample.result.none"), style="dim")
    return Text(t(f"sample.result.{item.result}"), style=RESULT_STYLE.get(item.result, ""))


def stratum_text(stratum: str) -> str:
    return t(f"tui.fieldwork.stratum.{stratum}") if stratum in ("top", "interval") else stratum


def item_cells(item: SampleItemView) -> list[Text | str]:
    e = item.entry
    return [
        Text(str(item.position), justify="right"),
        stratum_text(item.stratum),
        e.date.isoformat() if e else "—",
        (e.voucher if e else "") or "—",
        e.summary if e else "",
        e.account_code if e else "",
        money(item.amount),
        result_text(item),
        item.note,
    ]


class SamplingPane(FieldworkPane):
    @dataclass
    class Drawn(Message):
        sample: SampleView

    @dataclass
    class Recorded(Message):
        item: SampleItemView

    @dataclass
    class Verified(Message):
        check: SampleCheck

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.engagement_id = 0
        self.years: tuple[int, ...] = ()
        self.samples: tuple[SampleView, ...] = ()
        self.sample_id: int | None = None
        self.page = 0
        self.want_position: int | None = None  # the item the cursor should land on after a reload

    def compose(self) -> ComposeResult:
        with Horizontal(classes="form-row fw-sample-form"):
            yield Label(t("tui.fieldwork.sample.method"), classes="form-label")
            yield Select[str]([(t(f"sample.method.{m}"), m) for m in METHODS], value="random",
                              allow_blank=False, id="fw-sample-method", compact=True)
            yield Label(t("tui.fieldwork.sample.size"), classes="form-label")
            yield Input("25", type="integer", id="fw-sample-size", compact=True, classes="fw-short")
            yield Label(t("tui.fieldwork.sample.seed"), classes="form-label")
            yield Input(str(random.randint(1, 999_999)), type="integer", id="fw-sample-seed", compact=True,
                        classes="fw-short", tooltip=t("tui.fieldwork.sample.seed_tip"))
            yield Label(t("tui.fieldwork.sample.year"), classes="form-label")
            yield Select[int]([], allow_blank=True, id="fw-sample-year", compact=True,
                              prompt=t("tui.fieldwork.sample.year_prompt"))
            yield Label(t("tui.fieldwork.sample.population"), classes="form-label")
            yield Select[str]([(t(f"tui.fieldwork.population.{p}"), p) for p in POPULATIONS],
                              value="spending", allow_blank=False, id="fw-sample-population", compact=True)
        with Horizontal(classes="form-row fw-sample-form"):
            yield Label(t("tui.fieldwork.sample.account"), classes="form-label")
            yield Input(placeholder=t("tui.fieldwork.sample.account_placeholder"), id="fw-sample-account",
                        compact=True)
            yield Label(t("tui.fieldwork.sample.min_amount"), classes="form-label")
            yield Input(placeholder="0.00", id="fw-sample-min", compact=True, classes="fw-short")
            yield Label(t("tui.fieldwork.sample.bounds"), classes="form-label")
            yield Input(placeholder=t("tui.fieldwork.sample.bounds_placeholder"), id="fw-sample-bounds",
                        compact=True)
            yield Button(t("tui.fieldwork.sample.draw"), id="fw-sample-draw", variant="primary", compact=True)
        with Horizontal(id="fw-sample-main"):
            yield DataTable(id="fw-samples", cursor_type="row", zebra_stripes=True)
            with Vertical(id="fw-sample-side"):
                yield DataTable(id="fw-sample-items", cursor_type="row", zebra_stripes=True)
                yield Static(t("tui.fieldwork.sample.none"), id="fw-sample-status", markup=False)

    def on_mount(self) -> None:
        samples = self.query_one("#fw-samples", DataTable)
        for key in SAMPLE_COLUMNS:
            samples.add_column(t(f"tui.fieldwork.sample.col.{key}"), key=key)
        items = self.query_one("#fw-sample-items", DataTable)
        for key in ITEM_COLUMNS:
            items.add_column(t(f"tui.fieldwork.item.col.{key}"), key=key)

    # -- showing -----------------------------------------------------------------------------------------

    @property
    def sample(self) -> SampleView | None:
        return next((s for s in self.samples if s.id == self.sample_id), None)

    def show(self, data: FieldworkData) -> None:
        self.engagement_id = data.engagement.id
        if self.years != data.engagement.years:
            self.years = data.engagement.years
            years = self.query_one("#fw-sample-year", Select)
            years.set_options([(str(y), y) for y in self.years])
            if self.years:
                years.value = self.years[-1]
        self.samples = data.samples
        if self.sample is None:
            self.sample_id = self.samples[-1].id if self.samples else None
            self.page = 0
        table = self.query_one("#fw-samples", DataTable)
        table.clear()
        for s in self.samples:
            table.add_row(
                str(s.id), t(f"sample.method.{s.method}"), str(s.year), str(s.size), str(s.seed),
                f"{s.tested}/{len(s.items)}", str(s.exceptions), s.who, key=str(s.id),
            )
        if self.sample_id is not None:
            table.move_cursor(row=table.get_row_index(str(self.sample_id)), animate=False)
        self._show_items()

    def _show_items(self) -> None:
        table = self.query_one("#fw-sample-items", DataTable)
        status = self.query_one("#fw-sample-status", Static)
        table.clear()
        sample = self.sample
        if sample is None:
            status.update(t("tui.fieldwork.sample.none"))
            return
        pages = max(1, -(-len(sample.items) // PAGE_SIZE))
        self.page = max(0, min(self.page, pages - 1))
        if self.want_position is not None:
            index = next((i for i, it in enumerate(sample.items) if it.position == self.want_position), None)
            if index is not None:
                self.page = index // PAGE_SIZE
        start = self.page * PAGE_SIZE
        shown = sample.items[start : start + PAGE_SIZE]
        for item in shown:
            table.add_row(*item_cells(item), key=str(item.position))
        if self.want_position is not None and any(i.position == self.want_position for i in shown):
            table.move_cursor(row=table.get_row_index(str(self.want_position)), animate=False)
        self.want_position = None
        status.update(t(
            "tui.fieldwork.sample.status", id=sample.id, method=t(f"sample.method.{sample.method}"),
            seed=sample.seed, count=sample.population_size, sha=sample.population_digest[:12],
            tested=sample.tested, total=len(sample.items), exceptions=sample.exceptions,
            page=self.page + 1, pages=pages,
        ))

    @on(DataTable.RowHighlighted, "#fw-samples")
    def _sample_highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value
        if event.cursor_row != event.data_table.cursor_row:
            return  # stale: the table was filled again since
        if key is None or int(key) == self.sample_id:
            return
        self.sample_id, self.page = int(key), 0
        self._show_items()

    def turn_page(self, step: int) -> None:
        self.page += step
        self._show_items()

    def selected_item(self) -> SampleItemView | None:
        sample = self.sample
        table = self.query_one("#fw-sample-items", DataTable)
        if sample is None or table.row_count == 0:
            self.notify(t("tui.fieldwork.sample.pick_item"), severity="warning")
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((i for i in sample.items if str(i.position) == key), None)

    # -- writes ------------------------------------------------------------------------------------------

    def _form(self) -> DrawForm:
        def text(selector: str) -> str:
            return self.query_one(selector, Input).value.strip()

        year = self.query_one("#fw-sample-year", Select).value
        return DrawForm(
            engagement_id=self.engagement_id,
            method=str(self.query_one("#fw-sample-method", Select).value),
            size=text("#fw-sample-size"),
            seed=text("#fw-sample-seed"),
            year=year if isinstance(year, int) else None,
            population=str(self.query_one("#fw-sample-population", Select).value),
            account=text("#fw-sample-account"),
            min_amount=text("#fw-sample-min"),
            bounds=text("#fw-sample-bounds"),
        )

    @on(Button.Pressed, "#fw-sample-draw")
    def draw(self) -> None:
        form = self._form()

        def job(ctx: Context) -> Message:
            view = sample_service.draw_sample(
                ctx, form.engagement_id, method=form.method,
                size=require_int(form.size, t("tui.fieldwork.sample.size"), 1),
                seed=require_int(form.seed, t("tui.fieldwork.sample.seed")),
                year=form.year, population=form.population, account=form.account or None,
                min_amount=form.min_amount or None,
                bounds=tuple(b for b in form.bounds.replace("，", ",").replace(" ", ",").split(",") if b),
            )
            return SamplingPane.Drawn(view)

        busy = t("tui.fieldwork.sample.drawing")
        self.post_message(WriteRequested(job, self, busy, frozenset({"samples"})))

    def record(self, result: str) -> None:
        sample, item = self.sample, self.selected_item()
        if sample is None or item is None:
            return
        sample_id, position = sample.id, item.position
        if result == "pass":
            self._record(sample_id, position, FailForm("", False), "pass")
            return

        def chosen(form: FailForm | None) -> None:
            if form is not None:
                self._record(sample_id, position, form, "fail")

        self.app.push_screen(FailModal(item), chosen)

    def _record(self, sample_id: int, position: int, form: FailForm, result: str) -> None:
        def job(ctx: Context) -> Message:
            view = sample_service.record_result(
                ctx, sample_id, position, result, note=form.note, raise_suspicion=form.raise_suspicion
            )
            return SamplingPane.Recorded(view)

        self.want_position = position + 1
        parts = {"samples", "suspicions"} if form.raise_suspicion else {"samples"}
        busy = t("tui.fieldwork.sample.recording", position=position)
        self.post_message(WriteRequested(job, self, busy, frozenset(parts)))

    def verify(self) -> None:
        sample = self.sample
        if sample is None:
            self.notify(t("tui.fieldwork.sample.none"), severity="warning")
            return
        sample_id = sample.id

        def job(ctx: Context) -> Message:
            return SamplingPane.Verified(sample_service.verify_sample(ctx, sample_id))

        busy = t("tui.fieldwork.sample.verifying", id=sample_id)
        self.post_message(WriteRequested(job, self, busy, frozenset()))

    # -- results -----------------------------------------------------------------------------------------

    @on(Drawn)
    def _drawn(self, message: Drawn) -> None:
        s = message.sample
        self.sample_id, self.page = s.id, 0
        self.post_message(Done(t("tui.fieldwork.sample.drawn", id=s.id, method=t(f"sample.method.{s.method}"),
                                 items=len(s.items), seed=s.seed, count=s.population_size)))

    @on(Recorded)
    def _recorded(self, message: Recorded) -> None:
        item = message.item
        key = "tui.fieldwork.sample.recorded_raised" if item.suspicion_id else "tui.fieldwork.sample.recorded"
        self.post_message(Done(t(key, position=item.position, result=t(f"sample.result.{item.result}"),
                                 suspicion=item.suspicion_id or "")))

    @on(Verified)
    def _verified(self, message: Verified) -> None:
        c = message.check
        lines = [
            t("tui.fieldwork.sample.redraw_ok" if c.redraw_matches else "tui.fieldwork.sample.redraw_bad",
              id=c.sample_id),
            t("tui.fieldwork.sample.population_ok" if c.population_unchanged
              else "tui.fieldwork.sample.population_changed"),
        ]
        good = c.redraw_matches and c.population_unchanged
        self.query_one("#fw-sample-status", Static).update("\n".join(lines))
        self.notify("\n".join(lines), severity="information" if good else "warning")

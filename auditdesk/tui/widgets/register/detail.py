"""A finding's detail under the board: what was found, what the unit reported, its history, evidence."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from auditdesk.core.money import format_thousands
from auditdesk.core.register import Status
from auditdesk.i18n import t
from auditdesk.services.register_views import EventView, FindingDetail
from auditdesk.tui.localize import category_label
from auditdesk.tui.widgets.register.common import OVERDUE_STYLE, status_text

LABEL_STYLE = "bold"
SECTION_STYLE = "bold underline"
NONE = "—"


def _field(text: Text, key: str, value: str, *, always: bool = True) -> None:
    if not value.strip() and not always:
        return
    label = t(f"tui.register.detail.{key}")
    text.append("\n" + t("tui.register.detail.label", label=label), style=LABEL_STYLE)
    text.append(value.strip() or NONE)


def _status_name(value: str | None) -> str:
    return t(Status(value).label_key) if value else NONE


def local_time(at: dt.datetime) -> str:
    """An event's time (stored in UTC, read back without a zone) in the user's local time."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
    return f"{aware.astimezone():%Y-%m-%d %H:%M}"


def event_line(e: EventView) -> Text:
    line = Text(f"\n  {local_time(e.at)}  {e.who}  ")
    if e.from_status == e.to_status:  # an edit, not a move
        line.append(t("tui.register.detail.edited"), style="bold")
    else:
        moved = t(
            "tui.register.detail.move", before=_status_name(e.from_status), after=_status_name(e.to_status)
        )
        line.append(moved, style="bold")
    if e.note:
        line.append(f"  {e.note}")
    if e.deadline:
        line.append("  " + t("tui.register.detail.event_deadline", deadline=e.deadline.isoformat()))
    if e.approver:
        line.append("  " + t("tui.register.detail.event_approver", approver=e.approver))
    if e.evidence:
        line.append("  " + t("tui.register.detail.event_evidence", file=e.evidence), style="cyan")
    return line


def detail_text(d: FindingDetail) -> Text:
    i = d.item
    text = Text()
    text.append(f"{i.code}  {i.title}  ", style="bold")
    text.append_text(status_text(i.status, i.overdue))
    text.append(
        "\n"
        + t(
            "tui.register.detail.where",
            unit=i.unit,
            engagement=i.engagement,
            year=i.year,
            category=category_label(i.category),
            amount=format_thousands(i.amount),
            deadline=i.deadline.isoformat() if i.deadline else NONE,
        )
    )
    if i.overdue:
        text.append("  " + t("register.overdue_days", days=i.days_overdue), style=OVERDUE_STYLE)
    if i.repeat:
        text.append("  " + t("register.repeat"), style="bold magenta")
    _field(text, "facts", d.facts)
    _field(text, "basis", d.basis)
    _field(text, "cause", d.cause, always=False)
    _field(text, "recommendation", d.recommendation)
    _field(text, "responsible", d.responsible, always=False)
    _field(text, "measures", d.measures)
    _field(text, "progress", d.progress)
    if d.completed_on:
        _field(text, "completed", d.completed_on.isoformat())
    allowed = t("tui.register.detail.separator").join(t(s.label_key) for s in d.allowed)
    _field(text, "allowed", allowed or t("tui.register.detail.final"))
    text.append(f"\n{t('tui.register.detail.history')}", style=SECTION_STYLE)
    for event in d.events:
        text.append_text(event_line(event))
    text.append(f"\n{t('tui.register.detail.evidence')}", style=SECTION_STYLE)
    if not d.evidence:
        text.append(f"\n  {t('tui.register.detail.no_evidence')}", style="dim")
    for _, name, sha in d.evidence:
        text.append(f"\n  {name}", style="cyan")
        text.append(f"  sha256 {sha[:12]}…", style="dim")
    if d.entries:
        text.append(f"\n{t('tui.register.detail.entries')}", style=SECTION_STYLE)
        for date, voucher, summary, amount in d.entries:
            text.append(f"\n  {date}  {voucher}  {summary}  {amount}")
    return text


class FindingDetailView(VerticalScroll):
    """The selected finding's detail (scrolls; ``d`` on the board gives it the whole screen)."""

    ALLOW_MAXIMIZE = True

    def compose(self) -> ComposeResult:
        yield Static(t("tui.register.detail.none"), id="rg-detail", markup=False)

    def show(self, detail: FindingDetail | None) -> None:
        body = self.query_one("#rg-detail", Static)
        body.update(detail_text(detail) if detail is not None else t("tui.register.detail.none"))
        self.scroll_home(animate=False)

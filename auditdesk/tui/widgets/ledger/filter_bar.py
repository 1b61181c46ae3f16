"""The ledger browser's filters: account, date range, summary text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input

from auditdesk.core.dates import parse_date
from auditdesk.core.errors import AuditdeskError
from auditdesk.i18n import t

FIELDS = ("account", "date_from", "date_to", "text")


def _input_id(field: str) -> str:
    return "filter-" + field.replace("_", "-")


@dataclass(frozen=True)
class FilterValues:
    account: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str | None = None


class FilterBar(Horizontal):
    """Enter in any field applies all of them."""

    @dataclass
    class Applied(Message):
        values: FilterValues

    def __init__(self, year: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.year = year

    def compose(self) -> ComposeResult:
        for field in FIELDS:
            yield Input(
                placeholder=t(f"tui.ledger.filter.{field}"),
                tooltip=t(f"tui.ledger.filter_tip.{field}"),
                id=_input_id(field),
                classes="filter",
            )

    def _text(self, field: str) -> str | None:
        return self.query_one(f"#{_input_id(field)}", Input).value.strip() or None

    def _date(self, field: str) -> dt.date | None:
        raw = self._text(field)
        return None if raw is None else parse_date(raw, year=self.year)

    def values(self) -> FilterValues:
        """The filters typed in; an ``AuditdeskError`` (a ``DateError``) when a date cannot be read."""
        values = FilterValues(
            account=self._text("account"),
            date_from=self._date("date_from"),
            date_to=self._date("date_to"),
            text=self._text("text"),
        )
        if values.date_from and values.date_to and values.date_from > values.date_to:
            raise AuditdeskError(
                "tui.ledger.bad_range",
                date_from=values.date_from.isoformat(),
                date_to=values.date_to.isoformat(),
            )
        return values

    def clear_all(self) -> None:
        for field in FIELDS:
            self.query_one(f"#{_input_id(field)}", Input).value = ""

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.apply()

    def apply(self) -> None:
        try:
            values = self.values()
        except AuditdeskError as err:
            self.notify(t(err.key, **err.params), severity="warning", title=t("tui.ledger.filter_title"))
            return
        self.post_message(self.Applied(values))

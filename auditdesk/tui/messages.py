"""Messages that workers post back to the screens (small dataclasses, handled with ``@on``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from auditdesk.services.imports import ImportReport
    from auditdesk.services.ledger import ImportView, LedgerPage
    from auditdesk.services.units import UnitView


@dataclass
class UnitsLoaded(Message):
    """The units and their imports, read for the home screen."""

    units: list[UnitView]
    imports: list[ImportView]


@dataclass
class UnitSaved(Message):
    """A unit was added or edited."""

    unit: UnitView
    added: bool


@dataclass
class PreviewReady(Message):
    """A dry run of an import finished for ``form`` (path, unit, year)."""

    report: ImportReport
    form: tuple[str, str, int]


@dataclass
class ImportFinished(Message):
    """An import ran: imported, or rejected with its problems."""

    report: ImportReport


@dataclass
class LedgerPageLoaded(Message):
    """One page of the ledger browser, with totals over every filtered row."""

    page: LedgerPage
    cursor_at_end: bool = False

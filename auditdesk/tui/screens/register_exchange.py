"""The register's round trip with the unit, from the board: export (``x``), import (``i``) with the
changes shown before anything is applied.

``ExportModal`` and ``ImportPathModal`` only collect a path; ``ImportPreviewModal`` shows the preview
the service computed (each change: finding, title, status before → after, the columns the unit filled
in) and is dismissed with ``True`` to apply it, ``False``/``None`` to leave everything as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from auditdesk.core.errors import AuditdeskError
from auditdesk.i18n import t
from auditdesk.services.register_exchange import ImportPreview, RowChange
from auditdesk.tui.screens.base import BaseModal
from auditdesk.tui.screens.register_dialogs import STYLES, RegisterModal
from auditdesk.tui.widgets.imports.file_picker import PathSuggester

# The workbook's columns the unit fills in (named in Chinese by the service), in the user's language.
COLUMN_KEYS = {"整改措施": "measures", "整改情况": "progress", "完成日期": "completed"}


def file_stem(name: str) -> str:
    return "".join("-" if c in '/\\:*?"<>|' else c for c in name).strip() or "register"


def default_export_path(folder: Path, subject: str) -> Path:
    return folder / t("tui.register.export.file_name", subject=file_stem(subject))


@dataclass(frozen=True)
class ExportForm:
    path: Path
    unit: str | None
    engagement: str | None
    open_only: bool


class ExportModal(RegisterModal[ExportForm | None]):
    """Export the register of the selected finding's unit (or its engagement) to a workbook."""

    OK_KEY = "tui.register.export.button"

    def __init__(self, unit: str, engagement: str | None, folder: Path) -> None:
        super().__init__(t("tui.register.export.title"), t("tui.register.export.summary"), id="rg-export")
        self.unit, self.engagement, self.folder = unit, engagement, folder

    def fields(self) -> ComposeResult:
        scopes = [(t("tui.register.export.scope_unit", unit=self.unit), "unit")]
        if self.engagement:
            scopes.append(
                (t("tui.register.export.scope_engagement", engagement=self.engagement), "engagement")
            )
        yield self.row(
            t("tui.register.export.scope"),
            Select(scopes, value="unit", allow_blank=False, id="rg-export-scope"),
        )
        yield self.row(
            t("tui.register.export.path"),
            Input(str(default_export_path(self.folder, self.unit)), id="rg-export-path"),
        )
        yield Checkbox(t("tui.register.export.open_only"), id="rg-export-open")

    def _subject(self, scope: object) -> str:
        return self.engagement if scope == "engagement" and self.engagement else self.unit

    @on(Select.Changed, "#rg-export-scope")
    def _scope(self, event: Select.Changed) -> None:
        path = self.query_one("#rg-export-path", Input)
        other = "unit" if event.value == "engagement" else "engagement"
        if path.value == str(default_export_path(self.folder, self._subject(other))):
            path.value = str(default_export_path(self.folder, self._subject(event.value)))

    def result(self) -> ExportForm | None:
        raw = self.text("#rg-export-path")
        if not raw:
            raise AuditdeskError("tui.register.no_path")
        path = Path(raw).expanduser()
        if path.suffix.lower() != ".xlsx":
            raise AuditdeskError("tui.register.export.not_xlsx", file=path.name)
        scope = self.query_one("#rg-export-scope", Select).value
        open_only = self.query_one("#rg-export-open", Checkbox).value
        if scope == "engagement":
            return ExportForm(self.folder / path, None, self.engagement, open_only)
        return ExportForm(self.folder / path, self.unit, None, open_only)


class ImportPathModal(RegisterModal[Path | None]):
    """The workbook the unit returned; the board previews it next."""

    OK_KEY = "tui.button.preview"

    def __init__(self, folder: Path, path: Path | None = None) -> None:
        super().__init__(t("tui.register.import.title"), t("tui.register.import.summary"), id="rg-import")
        self.folder, self.path = folder, path

    def fields(self) -> ComposeResult:
        yield self.row(
            t("tui.register.import.path"),
            Input(
                str(self.path or ""),
                placeholder=t("tui.register.import.placeholder"),
                suggester=PathSuggester(),
                tooltip=t("tui.tip.path"),
                id="rg-import-path",
            ),
        )

    def result(self) -> Path | None:
        raw = self.text("#rg-import-path")
        if not raw:
            raise AuditdeskError("tui.register.no_path")
        return self.folder / Path(raw).expanduser()


def column_name(column: str) -> str:
    key = COLUMN_KEYS.get(column)
    return t(f"tui.register.detail.{key}") if key else column


def change_text(change: RowChange) -> Text:
    text = Text()
    text.append(f"{change.code}  ", style="bold")
    text.append(f"{change.title}  ({change.unit})\n")
    before, after = t(change.status_before.label_key), t(change.status_after.label_key)
    if change.moves:
        text.append("  " + t("tui.register.detail.move", before=before, after=after), style="bold cyan")
    else:
        text.append("  " + t("tui.register.import.same_status", status=before), style="dim")
    for column, old, new in change.changed:
        text.append(f"\n  {column_name(column)}: ", style="bold")
        text.append(old or "—", style="red")
        text.append(" → ")
        text.append(new or "—", style="green")
    return text


def preview_text(preview: ImportPreview) -> Text:
    if not preview.changes:
        return Text(t("tui.register.import.nothing", file=preview.file, rows=preview.rows))
    text = Text()
    for n, change in enumerate(preview.changes):
        if n:
            text.append("\n\n")
        text.append_text(change_text(change))
    return text


class ImportPreviewModal(BaseModal[bool | None]):
    """The diff of the unit's workbook; ``ctrl+s`` applies it, Escape leaves everything as it is."""

    CSS_PATH = STYLES / "register.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            "tui.key.cancel",
            id="register_preview.cancel",
            tooltip="tui.register.tip.import_cancel",
        ),
        Binding(
            "ctrl+s",
            "apply",
            "tui.register.key.apply",
            id="register_preview.apply",
            tooltip="tui.register.tip.apply",
        ),
    ]

    def __init__(self, preview: ImportPreview) -> None:
        super().__init__(id="rg-preview", classes="modal")
        self.preview = preview

    def compose(self) -> ComposeResult:
        p = self.preview
        with Vertical(classes="dialog rg-dialog rg-preview-dialog"):
            yield Label(t("tui.register.import.preview_title", file=p.file), classes="dialog-title")
            yield Static(
                t(
                    "tui.register.import.preview_summary",
                    rows=p.rows,
                    changes=len(p.changes),
                    unchanged=p.rows - len(p.changes),
                ),
                classes="rg-dialog-summary",
                markup=False,
            )
            with VerticalScroll(id="rg-preview-scroll"):
                yield Static(preview_text(p), id="rg-preview-changes", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    t("tui.register.import.apply"),
                    id="rg-preview-apply",
                    variant="success",
                    disabled=not p.changes,
                )
                yield Button(t("tui.button.cancel"), id="rg-preview-cancel")

    def on_mount(self) -> None:
        button = "#rg-preview-apply" if self.preview.changes else "#rg-preview-cancel"
        self.query_one(button, Button).focus()

    @on(Button.Pressed, "#rg-preview-apply")
    def action_apply(self) -> None:
        if self.preview.changes:
            self.dismiss(True)

    @on(Button.Pressed, "#rg-preview-cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)

"""The stage stepper: 计划 → 实施 → 报告 → 整改 → 归档, done ones ticked, the current one highlighted,
and for every stage ahead what its gate still needs, in words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from auditdesk.i18n import t

if TYPE_CHECKING:
    from auditdesk.services.engagement_views import StepView

_STYLE = {"done": "green", "current": "bold reverse", "ahead": "dim"}


def step_line(step: StepView) -> str:
    """One stage of the stepper in words."""
    stage = t(step.stage.label_key)
    if step.state == "ahead":
        if step.unmet:
            needs = t("engagement.list_sep").join(step.unmet)
            return t("tui.engagement.step.needs", stage=stage, needs=needs)
        return t("tui.engagement.step.ready", stage=stage)
    return t(f"tui.engagement.step.{step.state}", stage=stage)


class Stepper(Static):
    """Focusable, so the screen's single-letter keys work while it has the focus."""

    can_focus = True

    def show(self, steps: list[StepView]) -> None:
        text = Text()
        for index, step in enumerate(steps):
            if index:
                text.append("\n")
            text.append(step_line(step), style=_STYLE.get(step.state, ""))
        self.update(text)

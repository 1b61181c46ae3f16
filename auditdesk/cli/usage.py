"""Click's own words in the catalogue's language: usage errors and the help page.

Typer vendors click with its English words written into the code ("Usage:", "Missing option",
"Show this message and exit."). Usage errors are therefore rendered here from the exception's
fields — which option, which command, which values were close — never from its English text,
except as the detail of a value typer could not convert. The help page goes through a formatter
subclass that puts the catalogue's words in the usage prefix, the section headings, the help
option's line and the ``[default: …]``/``[required]`` notes. Should a later typer lack these hooks,
``localize_help`` leaves the English words in place (the CLI tests would show it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from typer._click import core as click_core
from typer._click import exceptions as click_errors
from typer._click.formatting import HelpFormatter

from auditdesk.i18n import t

_NO_SUCH_COMMAND = re.compile(r"No such command '(?P<name>.*?)'\.(?: Did you mean '?(?P<close>[^?']*)'?\?)?")
_HEADINGS = {
    "Options": "cli.usage.options",
    "Arguments": "cli.usage.arguments",
    "Commands": "cli.usage.commands",
}
_HELP_LINE = "Show this message and exit."
_NOTES = (
    (re.compile(r"\[default: (?P<v>[^\]]*)\]"), "cli.usage.note_default"),
    (re.compile(r"\[env var: (?P<v>[^\]]*)\]"), "cli.usage.note_env"),
    (re.compile(r"\[required\]"), "cli.usage.note_required"),
)


def _name(param: Any) -> str:
    opts: Sequence[str] = getattr(param, "opts", ()) or ()
    if getattr(param, "param_type_name", "") == "argument":
        return str(getattr(param, "metavar", None) or param.name).upper()
    return " / ".join(opts) or str(getattr(param, "name", ""))


def _detail(message: str) -> str:
    if "valid integer" in message:
        return t("cli.usage.want_integer")
    if "valid number" in message or "valid float" in message or "valid decimal" in message:
        return t("cli.usage.want_number")
    return message


def explain(exc: Exception) -> tuple[str, str]:
    """What went wrong: the catalogue key of the message, and the message in its language."""
    if isinstance(exc, click_errors.MissingParameter):
        param = exc.param
        kind = str(exc.param_type or getattr(param, "param_type_name", "parameter"))
        key = {"option": "cli.usage.missing_option", "argument": "cli.usage.missing_argument"}.get(
            kind, "cli.usage.missing_parameter"
        )
        return key, t(key, name=_name(param) if param is not None else "")
    if isinstance(exc, click_errors.NoSuchOption):
        key = "cli.usage.no_such_option"
        return key, t(key, name=exc.option_name) + _close(exc.possibilities)
    if isinstance(exc, click_errors.BadParameter):
        key = "cli.usage.bad_value"
        name = _name(exc.param) if exc.param is not None else (exc.param_hint or "")
        return key, t(key, name=name, detail=_detail(exc.message))
    message = str(getattr(exc, "message", "") or exc)
    match = _NO_SUCH_COMMAND.fullmatch(message)
    if match is not None:
        key = "cli.usage.no_such_command"
        return key, t(key, name=match.group("name")) + _close(
            [match.group("close")] if match.group("close") else []
        )
    if message == "Missing command.":
        return "cli.usage.missing_command", t("cli.usage.missing_command")
    return "cli.usage.other", t("cli.usage.other", detail=message)


def _close(names: Sequence[str] | None) -> str:
    return t("cli.usage.did_you_mean", names="、".join(sorted(names))) if names else ""


def error_message(exc: Exception) -> str:
    """What went wrong, in the catalogue's language."""
    return explain(exc)[1]


def show_usage_error(exc: Exception, warn: Any) -> None:
    """The usage line, how to get help, and the error — what click prints, in our words."""
    ctx = getattr(exc, "ctx", None)
    lines = []
    if ctx is not None:
        lines.append(ctx.get_usage())
        help_names = getattr(ctx, "help_option_names", None) or ["--help"]
        lines.append(t("cli.usage.try_help", command=f"{ctx.command_path} {help_names[0]}"))
        lines.append("")
    lines.append(t("cli.error", message=error_message(exc)))
    warn("\n".join(lines))


class LocalizedFormatter(HelpFormatter):
    """Click's help formatter with the catalogue's words."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, t("cli.usage.prefix") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{t('cli.usage.heading', heading=heading)}\n")

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        key = _HEADINGS.get(name)
        with super().section(t(key) if key else name):
            yield

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, _localize_help(text)) for term, text in rows], col_max, col_spacing)


def _localize_help(text: str) -> str:
    if text == _HELP_LINE:
        return t("cli.usage.help_line")
    for pattern, key in _NOTES:
        text = pattern.sub(_note(key), text)
    return text


def _note(key: str) -> Callable[[re.Match[str]], str]:
    def render(match: re.Match[str]) -> str:
        return t(key, value=match.groupdict().get("v") or "")

    return render


def localize_help() -> None:
    """Every help page and usage line from now on uses ``LocalizedFormatter``."""
    context = getattr(click_core, "Context", None)
    if isinstance(context, type) and hasattr(context, "formatter_class"):
        context.formatter_class = LocalizedFormatter

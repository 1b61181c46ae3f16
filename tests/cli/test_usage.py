"""Click's own words — usage errors and help pages — come from the catalogue, in either language."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from auditdesk.cli.usage import error_message
from auditdesk.i18n import set_lang

Cli = Callable[..., Any]


def test_a_missing_option_is_said_in_chinese_with_the_usage_and_exit_code_2(cli: Cli) -> None:
    r = cli("suspicion", "dismiss", "1")
    assert r.code == 2 and r.out == ""
    assert r.err.splitlines() == [
        "用法：auditdesk suspicion dismiss [OPTIONS] {ID}",
        "运行 auditdesk suspicion dismiss --help 查看帮助。",
        "",
        "错误：缺少选项 --reason",
    ]
    assert "Usage" not in r.err and "Missing" not in r.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["suspicion", "dismis", "1"], "错误：没有子命令“dismis”。是否要用：dismiss"),
        (["suspicion", "dismiss", "1", "--reasn", "x"], "错误：没有选项 --reasn。是否要用：--json、--reason"),
        (["sample", "draw", "青工经审〔2025〕1号", "--size", "abc"], "错误：--size 的值无效：应为整数"),
        (["check", "--year", "二〇二四"], "错误：--year 的值无效：应为整数"),
        (["suspicion", "dismiss"], "错误：缺少参数 ID"),
    ],
)
def test_usage_errors_name_what_is_wrong(cli: Cli, args: list[str], message: str) -> None:
    r = cli(*args)
    assert r.code == 2
    assert r.err.splitlines()[-1] == message


def test_with_json_a_usage_error_is_a_json_error(cli: Cli) -> None:
    r = cli("suspicion", "dismiss", "1", "--json")
    assert r.code == 2
    assert r.json() == {
        "status": "error",
        "error": {"key": "cli.usage.missing_option", "message": "缺少选项 --reason"},
    }


def test_help_pages_use_the_catalogues_words(cli: Cli) -> None:
    r = cli("suspicion", "dismiss", "--help")
    assert r.code == 0
    lines = r.out.splitlines()
    assert lines[0] == "用法：auditdesk suspicion dismiss [OPTIONS] {ID}"
    assert "参数：" in lines and "选项：" in lines
    assert any(line.split() == ["--help", "显示本帮助并退出"] for line in lines)
    assert "[必填]" in r.out
    top = cli("--help", db=False)
    assert "子命令：" in top.out.splitlines() and "[环境变量：AUDITDESK_DB]" in top.out
    assert not any(w in top.out for w in ("Usage:", "Options:", "Commands:", "Show this message"))
    # a group without its subcommand shows its help page, with exit code 2 as click does
    group = cli("suspicion")
    assert group.code == 2 and "子命令：" in group.err and "dismiss" in group.err


def test_english_keeps_clicks_words(cli: Cli) -> None:
    r = cli("--lang", "en", "suspicion", "dismiss", "1")
    assert r.code == 2
    assert r.err.splitlines() == [
        "Usage: auditdesk suspicion dismiss [OPTIONS] {ID}",
        "Try 'auditdesk suspicion dismiss --help' for help.",
        "",
        "Error: Missing option --reason",
    ]
    page = cli("--lang", "en", "suspicion", "dismiss", "--help")
    assert "Options:" in page.out.splitlines() and "Show this message and exit." in page.out
    set_lang("zh")


def test_an_unknown_usage_error_keeps_its_detail() -> None:
    assert error_message(ValueError("something new")) == "命令写法有误（something new）"

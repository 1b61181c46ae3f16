"""manifest.toml: units and ledgers (what `auditdesk demo DIR` imports) and the trainer's answer key."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from auditdesk.samples import chart
from auditdesk.samples.book import Book, Voucher
from auditdesk.samples.common import Unit
from auditdesk.samples.ledgers import Locations

CATEGORIES = {1: "预算管理", 2: "收入管理", 3: "支出管理", 4: "资产管理", 5: "会计核算", 6: "内部控制"}
_FLAW_TEXT = {"date.impossible": "日期不存在", "amount.invalid": "金额无法识别"}
_FIELD_TEXT = {"date": "日期", "debit": "借方金额", "credit": "贷方金额"}

HEADER = """\
# 经审台示例账套 — 由 `python -m auditdesk.samples sample_ledgers` 生成,请勿手工修改。
# 单位与人名均为虚构。roster(单位名册)、[[unit]] 与 [[ledger]] 供 `auditdesk demo` 导入;
# [[answer_key]] 是培训用的答案:每个账套里埋设的问题及其凭证(模拟审计实操)。
"""


@dataclass(frozen=True)
class LedgerFile:
    unit: Unit
    book: Book
    file: str
    quarantine: bool
    layout: str  # a short description for people, written as a comment
    found: Locations
    cash_only: bool = False  # a cash/bank journal shows only the 101/102 lines of each voucher


DEMO_PLAN_YEAR = 2025


def render(units: Sequence[Unit], ledgers: Sequence[LedgerFile], roster: str | None = None) -> str:
    out = [HEADER]
    if roster is not None:
        out += [f"roster = {_q(roster)}", ""]
    audited = [u.name for u in units if any(led.unit.name == u.name and led.book.year == DEMO_PLAN_YEAR - 1
                                            for led in ledgers)]
    names = ", ".join(_q(n) for n in audited)
    out += [
        "# 演示:批准 2025 年度审计计划(审计 2024 年度账目),这些单位立项,出具审计通知书并进入“实施”阶段",
        "[demo]",
        f"plan_year = {DEMO_PLAN_YEAR}",
        f"fieldwork = [{names}]",
        "",
    ]
    for unit in units:
        out.append("[[unit]]")
        out += [
            f"name = {_q(unit.name)}",
            f"code = {_q(unit.code)}",
            f"members = {unit.members}",
            f"employees = {unit.employees}",
            f"payroll = {_q(f'{unit.payroll:.2f}')}",
            f"chair = {_q(unit.chair)}",
            f"contact = {_q(unit.contact)}",
            "",
        ]
    for led in ledgers:
        if led.cash_only:
            shown = sum(1 for v in led.book.vouchers for ln in v.lines if ln.code in (chart.CASH, chart.BANK))
            out.append(f"# {led.layout};只含现金、银行存款两个科目的 {shown} 行")
        else:
            entries = sum(len(v.lines) for v in led.book.vouchers)
            out.append(f"# {led.layout};{len(led.book.vouchers)} 张凭证,{entries} 行分录")
        out += [
            "[[ledger]]",
            f"unit = {_q(led.unit.name)}",
            f"year = {led.book.year}",
            f"file = {_q(led.file)}",
            f"quarantine = {'true' if led.quarantine else 'false'}",
            "",
        ]
    number = 0
    for led in ledgers:
        for plant in led.book.plants:
            number += 1
            sheet, row = led.found[id(plant.voucher)]
            line = plant.voucher.lines[0]
            out += [
                "[[answer_key]]",
                f"id = {number}",
                *_where(led, plant.voucher, sheet, row),
                f"rule = {_q(plant.rule)}",
                f"category = {_q(CATEGORIES[plant.category])}",
                f"account = {_q(line.code + ' ' + chart.name(line.code))}",
                f"amount = {_q(f'{plant.amount:.2f}')}",
                f"title = {_q(plant.title)}",
                f"detail = {_q(plant.detail)}",
                f"basis = {_q(plant.basis)}",
            ]
            if plant.also:
                also = ", ".join(_q(f"{v.date.isoformat()} {v.label}") for v in plant.also)
                out.append(f"also = [{also}]")
            out.append("")
        for flaw in led.book.flaws:
            number += 1
            sheet, row = led.found[id(flaw.voucher)]
            row += max(flaw.line, 0)
            what = f"{_FIELD_TEXT[flaw.field]}写作“{flaw.text}”,{_FLAW_TEXT[flaw.reason]}"
            out += [
                "[[answer_key]]",
                f"id = {number}",
                *_where(led, flaw.voucher, sheet, row),
                'rule = "unreadable_cell"',
                f"category = {_q(CATEGORIES[5])}",
                f"title = {_q('账簿记录无法识别')}",
                f"detail = {_q(what + '(导入时隔离)。')}",
                f"basis = {_q('《会计基础工作规范》:会计记录应当清晰、准确')}",
                "",
            ]
    return "\n".join(out).rstrip("\n") + "\n"


def _where(led: LedgerFile, voucher: Voucher, sheet: str, row: int) -> list[str]:
    place = [
        f"ledger = {_q(led.file)}",
        f"unit = {_q(led.unit.name)}",
        f"year = {led.book.year}",
        f"date = {voucher.date.isoformat()}",
        f"voucher = {_q(voucher.label)}",
    ]
    if not led.file.endswith(".csv"):
        place.append(f"sheet = {_q(sheet)}")
    place.append(f"row = {row}")
    return place


def _q(text: str | Decimal) -> str:
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'

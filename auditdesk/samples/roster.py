"""The sample roster (基层工会名册) of 青陉县: the three unions with ledgers and more without.

Written as a county federation keeps it: a title row, the header, one union per row, a 合计 row.
The three unions with ledgers carry exactly the figures of their ``[[unit]]`` tables.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from auditdesk.samples import factory, hospital, school, xlsx
from auditdesk.samples.common import Unit

FILE = "roster.xlsx"
NEVER = "从未审计"
HEADER = [
    "序号",
    "单位名称",
    "单位代码",
    "会员人数",
    "职工人数",
    "上年工资总额（元）",
    "工会主席",
    "联系方式",
    "上次审计年度",
]


@dataclass(frozen=True)
class Member:
    """One row of the roster."""

    name: str
    code: str
    members: int
    employees: int
    payroll: Decimal
    chair: str
    contact: str
    last_audit: int | None  # None: never audited


def _from(unit: Unit, last_audit: int | None) -> Member:
    return Member(
        unit.name, unit.code, unit.members, unit.employees, unit.payroll, unit.chair, unit.contact, last_audit
    )


D = Decimal
MEMBERS: tuple[Member, ...] = (
    _from(school.SCHOOL, 2021),
    _from(hospital.HOSPITAL, 2022),
    _from(factory.FACTORY, None),
    Member(
        "青陉县第一中学工会委员会", "QJ-JY-002", 168, 181, D("15860000.00"), "刘建国", "陈静(工会干事)", 2020
    ),
    Member(
        "青陉县第二实验小学工会委员会",
        "QJ-JY-019",
        36,
        38,
        D("2105000.00"),
        "周玉梅",
        "周玉梅(工会主席兼)",
        None,
    ),
    Member(
        "青陉县南关镇机关工会委员会", "QJ-XZ-005", 58, 63, D("4870000.00"), "韩志强", "杨帆(党政办)", 2019
    ),
    Member(
        "青陉农商银行城关支行工会委员会",
        "QJ-JR-008",
        47,
        49,
        D("7920000.00"),
        "许慧敏",
        "何晓东(综合部)",
        2023,
    ),
    Member(
        "青陉县中医院工会委员会", "QJ-WS-006", 205, 226, D("21340000.00"), "唐国庆", "宋佳(工会办公室)", 2018
    ),
    Member(
        "青陉县恒达建材有限公司工会委员会",
        "QJ-QY-034",
        92,
        118,
        D("6380000.00"),
        "曹永刚",
        "曹永刚(工会主席)",
        None,
    ),
    Member(
        "河北青陉绿源食品有限公司工会委员会",
        "QJ-QY-040",
        263,
        301,
        D("17650000.00"),
        "梁春燕",
        "蒋丽(人力资源部)",
        2021,
    ),
)


def write(path: Path, when: dt.datetime) -> None:
    wb = xlsx.new_workbook()
    ws = wb.create_sheet("基层工会名册")
    xlsx.title(ws, 1, "青陉县基层工会名册（截至2024年12月31日）", len(HEADER))
    xlsx.header(ws, 2, HEADER)
    amount = {6: xlsx.AMOUNT}
    for n, m in enumerate(MEMBERS, start=1):
        last: int | str = NEVER if m.last_audit is None else m.last_audit
        xlsx.body(
            ws,
            2 + n,
            [n, m.name, m.code, m.members, m.employees, m.payroll, m.chair, m.contact, last],
            amount,
        )
    total = [
        "合计",
        None,
        None,
        sum(m.members for m in MEMBERS),
        sum(m.employees for m in MEMBERS),
        sum((m.payroll for m in MEMBERS), D(0)),
        None,
        None,
        None,
    ]
    xlsx.body(ws, 3 + len(MEMBERS), total, amount)
    xlsx.widths(ws, [6, 36, 12, 10, 10, 18, 10, 20, 14])
    xlsx.save(wb, path, when, "县总工会经审办")

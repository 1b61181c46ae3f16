"""Reading a unit roster: synonyms, title rows, skipped rows, values, and every bad cell as a problem."""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from auditdesk.i18n import t
from auditdesk.ingest import IngestError
from auditdesk.ingest.roster import ParsedRoster, header_field, parse_roster
from tests.fixtures.ledgers import write_xlsx

SAMPLES = Path(__file__).resolve().parents[2] / "sample_ledgers"
THIS_YEAR = dt.date.today().year


def _parse(tmp_path: Path, rows: list[list[Any]], **kw: Any) -> ParsedRoster:
    return parse_roster(write_xlsx(tmp_path / "roster.xlsx", {"名册": rows}), **kw)


@pytest.mark.parametrize(
    ("field", "names"),
    [
        ("name", ["名称", "单位名称", "工会名称", "基层工会名称"]),
        ("code", ["代码", "单位代码", "组织机构代码", "统一社会信用代码"]),
        ("members", ["会员人数", "会员数"]),
        ("employees", ["职工人数", "职工数", "在职职工人数"]),
        ("payroll", ["上年工资总额", "工资总额", "上年度工资总额", "上年工资总额（元）", "工资总额(万元)"]),
        ("chair", ["工会主席", "主席"]),
        ("contact", ["联系电话", "电话", "联系方式"]),
        ("last_audit_year", ["上次审计年度", "最近审计年度", "上次审计时间", " 上次 审计年度 "]),
    ],
)
def test_each_synonym_names_its_field(field: str, names: list[str]) -> None:
    for name in names:
        assert header_field(name) == field, name
    assert header_field("青陉县基层工会名册") is None


def test_synonym_headers_read_a_whole_row(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        [
            "工会名称",
            "统一社会信用代码",
            "会员数",
            "在职职工人数",
            "上年度工资总额",
            "主席",
            "电话",
            "最近审计年度",
        ],
        ["县水务局工会", "91130000X", 12, 13, "1,234,567.80", "马力", 13900000000, "2022年"],
    ]
    [row] = _parse(tmp_path, rows).rows
    assert (row.name, row.code, row.members, row.employees) == ("县水务局工会", "91130000X", 12, 13)
    assert row.payroll == Decimal("1234567.80") and row.chair == "马力" and row.contact == "13900000000"
    assert row.last_audit_year == 2022 and (row.sheet, row.row) == ("名册", 2)


def test_title_rows_blank_rows_and_totals(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["青陉县基层工会名册"],
        ["填报单位：县总工会", None, None, "2024年12月"],
        [],
        ["序号", "单位名称", "会员人数", "职工人数"],
        [1, "甲工会", 10, 12],
        [None, None, None, None],
        [2, "乙工会", "310人", 320],
        ["合 计", None, 320, 332],
        ["序号", "单位名称", "会员人数", "职工人数"],
        [3, "丙工会", None, None],
    ]
    parsed = _parse(tmp_path, rows)
    assert not parsed.problems
    assert [(r.name, r.row, r.members) for r in parsed.rows] == [
        ("甲工会", 5, 10),
        ("乙工会", 7, 310),
        ("丙工会", 10, None),
    ]
    assert [(s.row, s.key) for s in parsed.skipped] == [(8, "skip.subtotal"), (9, "skip.header_repeat")]
    assert parsed.sheets[0].header_row == 4 and parsed.sheets[0].columns["name"] == "B"


def test_payroll_in_wan_yuan_is_multiplied_exactly(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["单位名称", "上年工资总额（万元）"],
        ["甲", 3860.1234],
        ["乙", "12.5"],
        ["丙", 0.1],
        ["丁", "3,860.12345万元"],
        ["戊", "1.0000001"],  # 10000.001 yuan: below a fen
    ]
    parsed = _parse(tmp_path, rows)
    assert [r.payroll for r in parsed.rows] == [
        Decimal("38601234.00"),
        Decimal("125000.00"),
        Decimal("1000.00"),
        Decimal("38601234.50"),
    ]
    [bad] = parsed.problems
    assert (bad.row, bad.column, bad.key) == (6, "B", "amount.too_precise")


def test_bad_counts_and_payroll_are_problems_with_their_cell(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["单位名称", "会员人数", "职工人数", "上年工资总额"],
        ["甲", "三百", 12.5, "abc"],
        ["乙", -3, 4, -100],
    ]
    parsed = _parse(tmp_path, rows)
    assert not parsed.rows
    found = [(p.row, p.column, p.header, p.value, p.key) for p in parsed.problems]
    assert found == [
        (2, "B", "会员人数", "三百", "roster.bad_count"),
        (2, "C", "职工人数", "12.5", "roster.bad_count"),
        (2, "D", "上年工资总额", "abc", "amount.invalid"),
        (3, "B", "会员人数", "-3", "roster.bad_count"),
        (3, "D", "上年工资总额", "-100", "roster.negative_payroll"),
    ]
    assert parsed.problems[0].raw == ("甲", "三百", "12.5", "abc")
    assert "三百" in t(parsed.problems[0].key, **parsed.problems[0].params)


def test_last_audit_year_values(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["单位名称", "上次审计时间"],
        ["a", 2021],
        ["b", dt.datetime(2019, 6, 30)],
        ["c", "2020-05-06"],
        ["d", "2018年6月"],
        ["e", "从未审计"],
        ["f", "未审计"],
        ["g", None],
        ["h", "2023年度"],
    ]
    parsed = _parse(tmp_path, rows)
    assert not parsed.problems
    assert [r.last_audit_year for r in parsed.rows] == [2021, 2019, 2020, 2018, None, None, None, 2023]


@pytest.mark.parametrize("value", [1985, THIS_YEAR + 1, "去年", "2021.5.40", 2021.5])
def test_bad_last_audit_year(tmp_path: Path, value: Any) -> None:
    parsed = _parse(tmp_path, [["单位名称", "上次审计年度"], ["甲", value]])
    [problem] = parsed.problems
    assert (problem.column, problem.key) == ("B", "roster.bad_audit_year")
    assert str(THIS_YEAR) in t(problem.key, **problem.params)


def test_a_row_without_a_name_is_a_problem(tmp_path: Path) -> None:
    parsed = _parse(tmp_path, [["序号", "单位名称", "会员人数"], [1, None, 30], [2, "乙", 4]])
    [problem] = parsed.problems
    assert (problem.row, problem.column, problem.key) == (2, "B", "roster.name_missing")
    assert [r.name for r in parsed.rows] == ["乙"]


def test_duplicate_names_and_codes_name_both_rows(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["单位名称", "单位代码", "会员人数"],
        ["甲工会", "C1", 1],
        ["乙工会", "C2", 2],
        ["甲工会", "C3", "x"],  # also a bad count: still a duplicate
        ["丙工会", "C2", 3],
    ]
    parsed = _parse(tmp_path, rows)
    dup = [p for p in parsed.problems if p.key.startswith("roster.duplicate")]
    assert [(p.row, p.key, p.params["row"]) for p in dup] == [
        (4, "roster.duplicate_name", 2),
        (5, "roster.duplicate_code", 3),
    ]
    text = t(dup[0].key, **dup[0].params)
    assert "甲工会" in text and "第 2 行" in text


def test_files_without_a_roster(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as err:
        _parse(tmp_path, [["日期", "摘要", "借方"], ["2024-01-01", "x", 1]])
    assert err.value.key == "roster.no_header"
    path = write_xlsx(
        tmp_path / "two.xlsx", {"说明": [["本表为名册"]], "名册": [["名称", "代码"], ["甲", "1"]]}
    )
    assert [r.name for r in parse_roster(path).rows] == ["甲"]
    with pytest.raises(IngestError) as err:
        parse_roster(path, sheets=["说明"])
    assert err.value.key == "roster.no_header"
    with pytest.raises(IngestError) as err:
        parse_roster(tmp_path / "missing.xlsx")
    assert err.value.key == "ingest.file_missing"


def test_the_sample_roster_agrees_with_the_manifest() -> None:
    manifest = tomllib.loads((SAMPLES / "manifest.toml").read_text(encoding="utf-8"))
    parsed = parse_roster(SAMPLES / manifest["roster"])
    assert not parsed.problems and 9 <= len(parsed.rows) <= 11
    by_name = {r.name: r for r in parsed.rows}
    for unit in manifest["unit"]:
        row = by_name[unit["name"]]
        assert (row.code, row.members, row.employees, row.chair, row.contact) == (
            unit["code"],
            unit["members"],
            unit["employees"],
            unit["chair"],
            unit["contact"],
        )
        assert row.payroll == Decimal(unit["payroll"])
    assert sum(r.last_audit_year is None for r in parsed.rows) >= 2
    assert [s.key for s in parsed.skipped] == ["skip.subtotal"]

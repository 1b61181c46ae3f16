"""The register workbook: written for the audited unit, filled in as the unit would, read back."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from auditdesk.core.errors import AuditdeskError
from auditdesk.documents.register_workbook import (
    COLUMNS,
    RECORD_SHEET,
    SHEET,
    UNIT_COLUMNS,
    UNIT_STATUSES,
    RegisterRow,
    WorkbookMeta,
    altered_columns,
    locked_texts,
    read_register,
    recorded_locks,
    write_register,
)
from auditdesk.i18n import t

META = WorkbookMeta(
    title="青陉县实验小学工会委员会 审计发现问题整改台账",
    office="青陉县总工会经费审查委员会办公室",
    generated=dt.datetime(2025, 5, 20, 9, 30),
    notes=("填写说明", "1. 只填写黄色底纹的四列。", "2. 请勿增删行。"),
    status_error="请从下拉列表中选择。",
)
ROWS = (
    RegisterRow(1, "2025-03-01", "青陉县实验小学工会委员会", "2024年度经费收支审计", "财务管理",
                "慰问品发放无签收记录\n2024年中秋节购买慰问品未附发放签收表。", Decimal("1234.50"),
                "补充签收记录，完善发放制度。", dt.date(2025, 6, 30)),
    RegisterRow(2, "2025-03-02", "青陉县实验小学工会委员会", "2024年度经费收支审计", "违规支出",
                "=SUM(A1) 以工会经费列支非会员活动", Decimal("12345678.91"), "#N/A 追回款项", None,
                measures="已退回", progress="部分款项已追回", completed=dt.date(2025, 5, 1),
                unit_status="部分整改"),
    RegisterRow(3, "2025-03-03", "青陉县实验小学工会委员会", "2024年度经费收支审计", "会计核算",
                "科目使用错误", Decimal("0.07"), "调整账目", dt.date(2025, 7, 15)),
)
LETTER = {name: chr(ord("A") + i) for i, name in enumerate(COLUMNS)}
FIRST = 4  # first data row: title, subtitle, header


def _export(tmp_path: Path, rows: tuple[RegisterRow, ...] = ROWS) -> Path:
    path = tmp_path / "台账.xlsx"
    write_register(path, META, rows)
    return path


def _fill(path: Path, cells: dict[str, Any], *, unprotect: bool = False) -> None:
    wb = load_workbook(path)
    ws = wb[SHEET]
    for ref, value in cells.items():
        ws[ref] = value
    if unprotect:
        ws.protection.sheet = False
    wb.save(path)


def test_round_trip_keeps_every_field_exactly(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    digest = write_register(path, META, ROWS)
    assert digest == hashlib.sha256(path.read_bytes()).hexdigest()
    back = read_register(path)
    assert [r.code for r in back] == ["2025-03-01", "2025-03-02", "2025-03-03"]
    assert [r.sheet_row for r in back] == [4, 5, 6]
    for row, got in zip(ROWS, back, strict=True):
        assert got.locked == locked_texts(row)
        assert got.recorded == locked_texts(row)
        assert altered_columns(got.locked, got.recorded) == ()
        assert (got.measures, got.progress, got.completed, got.unit_status) == (
            row.measures, row.progress, row.completed, row.unit_status)
    assert back[1].locked["涉及金额"] == "12345678.91"
    assert back[2].locked["涉及金额"] == "0.07"
    assert back[0].locked["整改期限"] == "2025-06-30" and back[1].locked["整改期限"] == ""
    assert back[1].locked["问题描述"].startswith("=SUM(A1)")  # text, never a formula
    assert locked_texts(ROWS[0])["序号"] == "1" and locked_texts(ROWS[0])["涉及金额"] == "1234.50"
    assert set(recorded_locks(path)) == {"2025-03-01", "2025-03-02", "2025-03-03"}


def test_layout_protection_validation_and_print_setup(tmp_path: Path) -> None:
    wb = load_workbook(_export(tmp_path))
    ws = wb[SHEET]
    assert wb.sheetnames == [SHEET, "填写说明", RECORD_SHEET]
    assert ws["A1"].value == META.title and ws["A1"].font.b and ws["A1"].font.sz == 16
    assert "A1:M1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A2"].value.startswith(META.office) and "2025年5月20日" in ws["A2"].value
    assert tuple(c.value for c in ws[3]) == COLUMNS
    assert ws.freeze_panes == "A4"
    widths = {name: ws.column_dimensions[LETTER[name]].width for name in COLUMNS}
    assert widths["序号"] < 10 and widths["问题描述"] >= 40 and widths["被审计单位"] >= 26  # 12 CJK + 2
    assert ws["F4"].alignment.wrap_text and ws["F4"].alignment.vertical == "top"
    assert ws["F4"].border.left.style == "thin"
    assert ws["G4"].number_format == "#,##0.00" and isinstance(ws["G4"].value, int | float)
    assert ws["I4"].number_format == "yyyy-mm-dd" and ws["I4"].is_date
    assert ws.protection.sheet
    for name in COLUMNS:
        cell = ws[f"{LETTER[name]}5"]
        assert cell.protection.locked == (name not in UNIT_COLUMNS), name
        assert (cell.fill.fgColor.rgb == "00FFF2CC") == (name in UNIT_COLUMNS), name
    assert ws["J7"].protection.locked  # below the data: nothing to fill in
    rules = {dv.type: dv for dv in ws.data_validations.dataValidation}
    assert str(rules["list"].sqref) == "M4:M6"
    assert rules["list"].formula1 == '"' + ",".join(UNIT_STATUSES) + '"' and rules["list"].allow_blank
    assert rules["list"].error == "请从下拉列表中选择。"
    assert str(rules["date"].sqref) == "L4:L6" and rules["date"].operator == "between"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9  # A4
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    setup = ws.sheet_properties.pageSetUpPr
    assert setup is not None and setup.fitToPage
    assert ws.print_title_rows == "$3:$3"
    assert [c.value for c in wb["填写说明"]["A"]] == list(META.notes)
    assert wb[RECORD_SHEET].sheet_state == "veryHidden"
    assert wb.security.lockStructure


def test_the_unit_fills_dates_as_cells_text_and_serials(tmp_path: Path) -> None:
    path = _export(tmp_path)
    serial = (dt.date(2025, 7, 10) - dt.date(1899, 12, 30)).days
    _fill(path, {"J4": "制定《慰问品发放管理办法》", "K4": "已补签收表", "L4": dt.date(2025, 6, 28),
                 "M4": "已完成整改", "L5": "2025年6月30日", "M5": "正在整改", "L6": serial, "M6": "无法整改"})
    wb = load_workbook(path)
    wb[SHEET]["L6"].number_format = "General"  # a plain number, as when the unit clears the format
    wb.save(path)
    first, second, third = read_register(path)
    assert (first.measures, first.progress) == ("制定《慰问品发放管理办法》", "已补签收表")
    assert (first.completed, first.unit_status) == (dt.date(2025, 6, 28), "已完成整改")
    assert (second.completed, second.unit_status) == (dt.date(2025, 6, 30), "正在整改")
    assert (third.completed, third.unit_status) == (dt.date(2025, 7, 10), "无法整改")
    assert all(altered_columns(r.locked, r.recorded or {}) == () for r in (first, second, third))


def test_a_changed_locked_cell_differs_from_the_hidden_record(tmp_path: Path) -> None:
    path = _export(tmp_path)
    _fill(path, {"G4": 999, "F6": "科目使用错误（已更正）"}, unprotect=True)
    first, second, third = read_register(path)
    assert first.locked["涉及金额"] == "999.00" and first.recorded is not None
    assert altered_columns(first.locked, first.recorded) == ("涉及金额",)
    assert altered_columns(third.locked, third.recorded or {}) == ("问题描述",)
    assert altered_columns(second.locked, locked_texts(ROWS[1])) == ()
    assert recorded_locks(path)["2025-03-01"]["涉及金额"] == "1234.50"  # the record is untouched


def test_bad_status_and_bad_date_are_reported_together(tmp_path: Path) -> None:
    path = _export(tmp_path)
    _fill(path, {"M4": "完成了", "L6": "下个月", "M6": "已完成整改"})
    with pytest.raises(AuditdeskError) as caught:
        read_register(path)
    err = caught.value
    assert err.key == "workbook.problems" and err.params["count"] == 2 and err.params["file"] == "台账.xlsx"
    found = {(p.sheet, p.row, p.column, p.header, p.value, p.key) for p in err.params["problems"]}
    assert found == {(SHEET, 4, "M", "整改状态", "完成了", "workbook.bad_status"),
                     (SHEET, 6, "L", "完成日期", "下个月", "date.invalid")}
    message = t(err.key, **err.params)
    assert "整改台账!M4（整改状态）“完成了”" in message and "整改台账!L6（完成日期）“下个月”" in message


def test_rows_without_or_with_a_repeated_code_are_problems(tmp_path: Path) -> None:
    path = _export(tmp_path)
    _fill(path, {"B5": "2025-03-01", "J8": "新增的一行"}, unprotect=True)
    with pytest.raises(AuditdeskError) as caught:
        read_register(path)
    problems = caught.value.params["problems"]
    assert [(p.row, p.column, p.key) for p in problems] == [
        (5, "B", "workbook.duplicate_code"), (8, "B", "workbook.missing_code")]
    assert problems[0].params == {"code": "2025-03-01", "first_row": 4}


def test_blank_rows_moved_header_and_a_lost_record_are_tolerated(tmp_path: Path) -> None:
    path = _export(tmp_path)
    wb = load_workbook(path)
    ws = wb[SHEET]
    ws.insert_rows(5, 2)  # two blank rows between the first and the second finding
    ws.insert_rows(1)  # and one above the title
    del wb[RECORD_SHEET]  # as when the unit copies the sheet into a new workbook
    wb.save(path)
    back = read_register(path)
    assert [(r.sheet_row, r.code) for r in back] == [(5, "2025-03-01"), (8, "2025-03-02"), (9, "2025-03-03")]
    assert all(r.recorded is None for r in back) and recorded_locks(path) == {}
    assert back[0].locked == locked_texts(ROWS[0])


def test_a_workbook_that_is_not_a_register_is_refused(tmp_path: Path) -> None:
    ledger = tmp_path / "现金日记账.xlsx"
    wb = Workbook()
    assert wb.active is not None
    wb.active.append(["日期", "凭证号", "摘要", "借方", "贷方"])
    wb.save(ledger)
    with pytest.raises(AuditdeskError) as caught:
        read_register(ledger)
    assert caught.value.key == "workbook.not_register" and caught.value.params == {"file": "现金日记账.xlsx"}
    text = tmp_path / "台账.xlsx"
    text.write_text("序号,问题编号\n", encoding="utf-8")
    with pytest.raises(AuditdeskError) as caught:
        read_register(text)
    assert caught.value.key == "workbook.unreadable"


def test_a_deleted_column_is_named(tmp_path: Path) -> None:
    path = _export(tmp_path)
    wb = load_workbook(path)
    wb[SHEET].delete_cols(COLUMNS.index("整改期限") + 1)
    wb.save(path)
    with pytest.raises(AuditdeskError) as caught:
        read_register(path)
    assert caught.value.key == "workbook.columns_missing" and caught.value.params["columns"] == "整改期限"


def test_an_empty_register(tmp_path: Path) -> None:
    path = _export(tmp_path, ())
    assert read_register(path) == () and recorded_locks(path) == {}
    ws = load_workbook(path)[SHEET]
    assert tuple(c.value for c in ws[3]) == COLUMNS and ws.protection.sheet


def test_long_texts_are_recorded_in_chunks_and_oversized_ones_refused(tmp_path: Path) -> None:
    long = RegisterRow(1, "2025-09-01", "单位", "项目", "其他", "描" * 30000, Decimal("1"), "要" * 30000,
                       None)
    path = _export(tmp_path, (long,))
    (back,) = read_register(path)
    assert back.recorded == locked_texts(long) == back.locked
    with pytest.raises(AuditdeskError) as caught:
        write_register(tmp_path / "x.xlsx", META, (RegisterRow(1, "c", "u", "e", "k", "字" * 40000,
                                                               Decimal("0"), "", None),))
    assert caught.value.key == "workbook.text_too_long" and caught.value.params["column"] == "问题描述"
    assert not (tmp_path / "x.xlsx").exists()


def test_every_workbook_key_is_catalogued() -> None:
    for key in ("workbook.problems", "workbook.bad_status", "workbook.missing_code",
                "workbook.duplicate_code", "workbook.not_register", "workbook.unreadable",
                "workbook.columns_missing", "workbook.record_damaged", "workbook.format_version",
                "workbook.text_too_long",
                "workbook.write_failed", "date.invalid", "date.impossible"):
        assert t(key, file="f", count=1, details="d", value="v", allowed="a", code="c", first_row=1,
                 columns="c", reason="r", found="2", supported="1", column="c", length=1, limit=1, path="p")


def test_the_writer_refuses_rows_it_could_not_read_back(tmp_path: Path) -> None:
    twice = (ROWS[0], ROWS[0])
    with pytest.raises(ValueError, match="distinct"):
        write_register(tmp_path / "a.xlsx", META, twice)
    with pytest.raises(ValueError, match="unit status"):
        write_register(tmp_path / "b.xlsx", META, (RegisterRow(1, "c", "u", "e", "k", "d", Decimal("0"), "",
                                                               None, unit_status="已整改"),))
    assert not list(tmp_path.iterdir())

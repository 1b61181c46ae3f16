"""File formats, encodings and every kind of bad file."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from auditdesk.ingest import IngestError, parse_ledger, sha256_file
from tests.fixtures.ledgers import XLS_FIXTURE, journal, write_csv, write_ods, write_xlsx

CSV_ROWS = [
    ["日期", "凭证号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额"],
    ["2024-03-05", "记-0001", "发放慰问品", "50105", "职工活动支出-会员活动支出", "1,200.00", ""],
    ["2024/3/5", "记-0001", "发放慰问品", "102", "银行存款", "", "1200"],
]


def _error(path: Path, **kwargs: object) -> IngestError:
    with pytest.raises(IngestError) as err:
        parse_ledger(path, 2024, **kwargs)  # type: ignore[arg-type]
    return err.value


def test_xlsx_and_xlsm(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "j.xlsx", {"序时账": journal(4)})
    shutil.copy(path, tmp_path / "j.xlsm")
    a, b = parse_ledger(path, 2024), parse_ledger(tmp_path / "j.xlsm", 2024)
    assert (a.format, b.format) == ("xlsx", "xlsm")
    assert a.entries == b.entries and len(a.entries) == 4
    assert a.sha256 == sha256_file(path) == hashlib.sha256(path.read_bytes()).hexdigest()


def test_xls_from_older_software() -> None:
    led = parse_ledger(XLS_FIXTURE, 2024)
    assert led.format == "xls" and led.sheets[0].layout == "layout.journal"
    # date and voucher merged down over each voucher's two lines
    assert [(e.date, e.voucher, e.debit, e.credit) for e in led.entries] == [
        (dt.date(2024, 3, 5), "记-1", Decimal("1200.50"), 0),
        (dt.date(2024, 3, 5), "记-1", 0, Decimal("1200.50")),
        (dt.date(2024, 3, 9), "记-2", 3000, 0),
        (dt.date(2024, 3, 9), "记-2", 0, 3000),
    ]
    assert [r.ok for r in led.reconciliation] == [True]


def test_ods(tmp_path: Path) -> None:
    rows = [
        ["2024年序时账"],
        ["日期", "凭证号", "摘要", "科目", "借方", "贷方"],
        [dt.date(2024, 4, 2), "记-3", "购书", "50304 职工书屋", 99.9, None],
        [dt.date(2024, 4, 2), "记-3", "购书", "102 银行存款", None, 99.9],
    ]
    led = parse_ledger(write_ods(tmp_path / "j.ods", {"凭证": rows}), 2024)
    assert led.format == "ods"
    assert [(e.account_code, e.debit, e.credit) for e in led.entries] == [
        ("50304", Decimal("99.90"), 0),
        ("102", 0, Decimal("99.90")),
    ]


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gbk"), ("gb18030", "gbk")],
)
def test_csv_encodings(tmp_path: Path, encoding: str, detected: str) -> None:
    path = write_csv(tmp_path / "k.csv", CSV_ROWS, encoding=encoding)
    led = parse_ledger(path, 2024)
    assert (led.format, led.encoding) == ("csv", detected)
    assert [(e.date, e.voucher, e.account_name, e.debit, e.credit) for e in led.entries] == [
        (dt.date(2024, 3, 5), "记-1", "职工活动支出-会员活动支出", Decimal("1200.00"), 0),
        (dt.date(2024, 3, 5), "记-1", "银行存款", 0, Decimal("1200")),
    ]
    assert led.sheets[0].name == "k"


def test_csv_gb18030_only_characters(tmp_path: Path) -> None:
    rows = [r[:] for r in CSV_ROWS]
    rows[1][2] = "慰问㐀职工"  # U+3400 exists in GB18030, not in GBK
    led = parse_ledger(write_csv(tmp_path / "k.csv", rows, encoding="gb18030"), 2024)
    assert led.encoding == "gb18030" and led.entries[0].summary == "慰问㐀职工"


def test_csv_tab_separated(tmp_path: Path) -> None:
    led = parse_ledger(write_csv(tmp_path / "t.csv", CSV_ROWS, delimiter="\t"), 2024)
    assert len(led.entries) == 2


def test_missing_file(tmp_path: Path) -> None:
    assert _error(tmp_path / "nope.xlsx").key == "ingest.file_missing"


@pytest.mark.parametrize("name", ["notes.txt", "ledger.pdf", "ledger"])
def test_unsupported_extension(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("日期,摘要\n", encoding="utf-8")
    err = _error(path)
    assert err.key == "ingest.unknown_format" and "ext" in err.params


def test_png_renamed_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "scan.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    assert _error(path).key == "ingest.not_spreadsheet"


def test_text_renamed_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    path.write_text("这不是表格", encoding="utf-8")
    assert _error(path).key == "ingest.not_spreadsheet"


def test_docx_renamed_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    assert _error(path).key == "ingest.not_spreadsheet"


def test_truncated_xlsx(tmp_path: Path) -> None:
    full = write_xlsx(tmp_path / "full.xlsx", {"序时账": journal(40)})
    cut = tmp_path / "cut.xlsx"
    data = full.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    assert _error(cut).key == "ingest.corrupt"


def test_damaged_sheet_inside_zip(tmp_path: Path) -> None:
    full = write_xlsx(tmp_path / "full.xlsx", {"序时账": journal(4)})
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(full) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    assert _error(bad).key == "ingest.corrupt"


def _ole(*names: str) -> bytes:
    """An OLE compound file header followed by directory entries with the given stream names."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    entries = b"".join(n.encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 64 for n in names)
    return header + entries


def test_password_protected_ooxml(tmp_path: Path) -> None:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(_ole("Root Entry", "EncryptionInfo", "EncryptedPackage"))
    assert _error(path).key == "ingest.password"


def test_ole_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(_ole("Root Entry", "WordDocument"))
    assert _error(path).key == "ingest.not_spreadsheet"


def test_empty_workbook(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "e.xlsx", {"Sheet1": [], "Sheet2": [[None, "  "]]})
    assert _error(path).key == "ingest.empty"


def test_empty_files(tmp_path: Path) -> None:
    (tmp_path / "zero.xlsx").write_bytes(b"")
    assert _error(tmp_path / "zero.xlsx").key == "ingest.empty"
    (tmp_path / "blank.csv").write_text("\n,,\n", encoding="utf-8")
    assert _error(tmp_path / "blank.csv").key == "ingest.empty"


def test_binary_csv(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"\x00\x01\x02garbage")
    assert _error(path).key == "ingest.not_spreadsheet"


def test_xlsx_with_wrong_extension_is_read_by_content(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "j.xlsx", {"序时账": journal(2)})
    wrong = tmp_path / "j.xls"
    shutil.copy(path, wrong)
    assert len(parse_ledger(wrong, 2024).entries) == 2


def test_bad_mapping(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "j.xlsx", {"序时账": journal(2)})
    assert _error(path, mapping={"A": "dates"}).key == "ingest.bad_map"
    err = _error(path, mapping={"不存在的列": "summary"})
    assert err.key == "ingest.bad_map" and "不存在的列" in err.params["spec"]

"""Sample ledgers: three fictional grassroots unions of a county in Hebei, with planted problems.

``python -m auditdesk.samples OUTDIR`` writes the workbooks, the county's unit roster
(``roster.xlsx``) and ``OUTDIR/manifest.toml`` (roster, units, ledgers, answer key). The output
is deterministic: the same bytes on every run.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from auditdesk.samples import exports, factory, hospital, ledgers, roster, school
from auditdesk.samples.manifest import LedgerFile, render

MANIFEST = "manifest.toml"
TRY_IMPORTING = "school-2023-cash-bank-journals.xlsx"  # left out of the demo, to import by hand


def generate(outdir: Path) -> list[Path]:
    """Write every sample ledger and the manifest into outdir; return the paths written."""
    outdir.mkdir(parents=True, exist_ok=True)
    files: list[LedgerFile] = []

    book = school.build(2024)
    name = "school-2024-cash-bank-journals.xlsx"
    found = ledgers.write_cash_book(book, school.SCHOOL, outdir / name, dt.datetime(2025, 1, 10, 16, 20))
    files.append(
        LedgerFile(
            school.SCHOOL, book, name, False, "现金日记账+银行存款日记账,月/日分列", found, cash_only=True
        )
    )

    book = hospital.build(2023)
    name = "hospital-2023-detail-ledger.xlsx"
    found = ledgers.write_detail_ledger(
        book, hospital.HOSPITAL, outdir / name, dt.datetime(2024, 1, 16, 10, 5)
    )
    files.append(LedgerFile(hospital.HOSPITAL, book, name, False, "科目明细账,科目分段", found))

    book = hospital.build(2024)
    name = "hospital-2024-journal-by-month.xlsx"
    found = exports.write_monthly_journal(
        book, hospital.HOSPITAL, outdir / name, dt.datetime(2025, 1, 14, 9, 40)
    )
    files.append(
        LedgerFile(
            hospital.HOSPITAL,
            book,
            name,
            True,
            "序时账,每月一张表,逐页重复表头,凭证字/号分列,日期与凭证号合并单元格;含3处无法识别的单元格",
            found,
        )
    )

    book = factory.build(2024)
    name = "factory-2024-ufida-export.xlsx"
    found = exports.write_ufida(
        book, factory.FACTORY, outdir / name, dt.datetime(2025, 1, 20, 15, 2), "冯玉兰"
    )
    files.append(
        LedgerFile(factory.FACTORY, book, name, False, "用友凭证表原始字段导出,表头上方有标题行", found)
    )

    book = factory.build(2025)
    name = "factory-2025-kingdee-vouchers.csv"
    found = exports.write_kingdee_csv(book, outdir / name)
    files.append(
        LedgerFile(factory.FACTORY, book, name, False, "金蝶凭证CSV(GBK),科目编码与名称同列,方向+金额", found)
    )

    # Not in the manifest, so the demo leaves it for the user to import through the TUI (key i).
    extra = outdir / TRY_IMPORTING
    ledgers.write_cash_book(school.build(2023), school.SCHOOL, extra, dt.datetime(2024, 1, 12, 15, 30))

    # The county's roster: these three unions and more without ledgers (`auditdesk units import`).
    roster.write(outdir / roster.FILE, dt.datetime(2025, 1, 6, 9, 0))

    manifest = outdir / MANIFEST
    units = (school.SCHOOL, hospital.HOSPITAL, factory.FACTORY)
    manifest.write_text(render(units, files, roster.FILE), encoding="utf-8")
    return [outdir / f.file for f in files] + [extra, outdir / roster.FILE, manifest]

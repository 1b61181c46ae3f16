"""Cell helpers, the fast path's agreement with the careful path, and generated round trips."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditdesk.ingest import normalize, parse_ledger
from auditdesk.ingest.synonyms import label_of, match_header
from auditdesk.ingest.values import column_index, column_letter, split_account, voucher, voucher_parts
from tests.fixtures.ledgers import JOURNAL_HEADER, write_csv, write_xlsx


@pytest.mark.parametrize(("index", "letters"), [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")])
def test_column_letters(index: int, letters: str) -> None:
    assert column_letter(index) == letters and column_index(letters) == index


@pytest.mark.parametrize(
    ("raw", "out"),
    [
        ("记-0012", "记-12"),
        ("记12", "记-12"),
        ("记字第12号", "记-12"),
        ("记字第0012号", "记-12"),
        ("0012", "12"),
        (12.0, "12"),
        ("银付-3", "银付-3"),
        ("记-12-1", "记-12-1"),
        ("收款", "收款"),
    ],
)
def test_voucher(raw: Any, out: str) -> None:
    assert voucher(raw) == out


def test_voucher_parts() -> None:
    assert voucher_parts("记", 12.0) == "记-12"
    assert voucher_parts("记字", "0012") == "记-12"
    assert voucher_parts("", "7") == "7"


def test_split_account_keeps_the_name_as_given() -> None:
    assert split_account("50105职工活动支出") == ("50105", "职工活动支出")
    assert split_account("[102]银行存款") == ("102", "银行存款")
    assert split_account("  102 - 银行存款 ") == ("102", "银行存款")
    assert split_account("1号楼维修") == ("", "1号楼维修")


def test_labels_and_headers() -> None:
    assert label_of("本 月 合 计") == ("skip.subtotal", "month")
    assert label_of("第 2 页") == ("skip.title", "")
    assert label_of("发放本月合计奖励") is None
    assert match_header("借方金额（元）") == ("debit", 1)
    assert match_header(" 摘 要 ") == ("summary", 0)
    assert match_header("经办人") is None


def _varied_rows() -> list[list[Any]]:
    d = dt.date
    return [
        ["某工会2024年凭证列表"],
        JOURNAL_HEADER,
        [d(2024, 1, 2), "记-0001", "买慰问品", "50105", "会员活动支出", 1200.5, None, 2],
        [None, None, "买慰问品", "102", "银行存款", None, 1200.5, None],
        ["2024-01-09", "记2", "会费", 102, "银行存款", "3,000.00", "", "1"],
        ["2024-01-09", "记2", "会费", "401", "会费收入", "", 3000, ""],
        [None, None, "本月合计", None, None, 4200.5, 4200.5, None],
        [d(2024, 2, 30 - 2), "记-1", "坏行", "", "", "abc", None, "x"],
        [dt.datetime(2024, 2, 3, 9, 0), "记-2", "", "102", "银行存款", 0.0, None, None],
        [d(2023, 2, 3), "记-3", "跨年", "102", "银行存款", 1.0, None, None],
        [45356, "记-4", "序列号日期", "102", "银行存款", 7, None, None],
        [None, None, "合计", None, None, 4207.5, 4200.5, None],
    ]


def test_fast_path_agrees_with_careful_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_xlsx(tmp_path / "v.xlsx", {"s": _varied_rows()}, merges={"s": ["A3:A4", "B3:B4"]})
    fast = parse_ledger(path, 2024)
    monkeypatch.setattr(normalize, "FAST_PATH", False)
    careful = parse_ledger(path, 2024)
    assert fast == careful
    assert len(fast.entries) == 6 and len(fast.problems) == 4 and len(fast.reconciliation) == 2


def test_fast_path_agrees_on_csv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [[str(v) if v is not None else "" for v in r] for r in _varied_rows()]
    path = write_csv(tmp_path / "v.csv", rows, encoding="gbk")
    fast = parse_ledger(path, 2024)
    monkeypatch.setattr(normalize, "FAST_PATH", False)
    assert parse_ledger(path, 2024) == fast


_amounts = st.decimals(min_value=Decimal("-99999999.99"), max_value=Decimal("99999999.99"), places=2)
_lines = st.lists(
    st.tuples(
        st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2024, 12, 31)),
        st.integers(min_value=1, max_value=9999),
        st.text(alphabet="慰问品会费培训职工书屋 abc", min_size=1, max_size=12).filter(lambda s: s.strip()),
        st.sampled_from([("50105", "职工活动支出-会员活动支出"), ("102", "银行存款"), ("401", "会费收入")]),
        _amounts,
        st.booleans(),
        st.sampled_from(["float", "text", "thousands"]),
    ),
    min_size=1,
    max_size=30,
)


def _cell(amount: Decimal, style: str) -> Any:
    if style == "float":
        return float(amount)
    if style == "thousands":
        return f"{amount:,.2f}"
    return f"{amount:.2f}"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=_lines)
def test_generated_journal_round_trips(tmp_path: Path, lines: list[Any]) -> None:
    rows: list[list[Any]] = [JOURNAL_HEADER]
    for day, number, summary, (code, name), amount, is_debit, style in lines:
        cell = _cell(amount, style)
        rows.append(
            [
                day,
                f"记-{number:04d}",
                summary,
                code,
                name,
                cell if is_debit else None,
                None if is_debit else cell,
                None,
            ]
        )
    led = parse_ledger(write_xlsx(tmp_path / "h.xlsx", {"s": rows}), 2024)
    assert not led.problems
    got = [(e.date, e.voucher, e.summary, e.account_code, e.debit, e.credit) for e in led.entries]
    want = [
        (day, f"记-{number}", summary.strip(), code, amount if is_debit else 0, 0 if is_debit else amount)
        for day, number, summary, (code, _), amount, is_debit, _ in lines
    ]
    assert got == want

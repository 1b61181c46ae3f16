"""Exact money: parse/format round trips, fen storage, errors, 大写金额."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditdesk.core.errors import AmountError
from auditdesk.core.money import (
    chinese_capital,
    format_amount,
    format_thousands,
    from_fen,
    parse_amount,
    to_fen,
)

D = Decimal
WIDE = 10**13  # fen: amounts up to a hundred billion yuan


def amounts(limit_fen: int = WIDE) -> st.SearchStrategy[Decimal]:
    return st.integers(min_value=-limit_fen, max_value=limit_fen).map(lambda f: D(f) / 100)


# -- round trips -----------------------------------------------------------------------------------


@given(amounts())
def test_format_amount_round_trip(amount: Decimal) -> None:
    text = format_amount(amount)
    assert re.fullmatch(r"-?\d+\.\d{2}", text)
    assert parse_amount(text) == amount


@given(amounts())
def test_format_thousands_round_trip(amount: Decimal) -> None:
    assert parse_amount(format_thousands(amount)) == amount


@given(amounts(), st.sampled_from(["￥{}", "¥{}", "{}元", "￥{}元", " {} ", "RMB{}"]))
def test_currency_decorations_round_trip(amount: Decimal, pattern: str) -> None:
    assert parse_amount(pattern.format(format_thousands(amount))) == amount


@given(amounts().filter(lambda a: a > 0))
def test_parenthesised_red_reversal_is_negative(amount: Decimal) -> None:
    assert parse_amount(f"({format_thousands(amount)})") == -amount
    assert parse_amount(f"（{format_thousands(amount)}）") == -amount
    assert parse_amount(f"{format_amount(amount)}(红字)") == -amount


@given(amounts(10**13))
def test_float_cells_as_excel_holds_them(amount: Decimal) -> None:
    # Excel keeps a typed 1234.5 as the double nearest to it; 15 significant digits survive.
    assert parse_amount(float(amount)) == amount


@given(amounts(10**10), amounts(10**10))
def test_float_formula_noise_is_rounded_away(a: Decimal, b: Decimal) -> None:
    # =A1+B1 in a sheet gives e.g. 0.30000000000000004 for 0.1 + 0.2
    assert parse_amount(float(a) + float(b)) == a + b


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_fen_round_trip_from_fen(fen: int) -> None:
    assert to_fen(from_fen(fen)) == fen


@given(amounts())
def test_fen_round_trip_from_amount(amount: Decimal) -> None:
    fen = to_fen(amount)
    assert isinstance(fen, int)
    assert from_fen(fen) == amount
    assert format_amount(from_fen(fen)) == format_amount(amount)


# -- accepted spellings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "0.00"),
        ("", "0.00"),
        ("  ", "0.00"),
        ("-", "0.00"),
        ("—", "0.00"),
        (0, "0.00"),
        (12, "12.00"),
        (1234.5, "1234.50"),
        (0.1 + 0.2, "0.30"),
        (D("7.1"), "7.10"),
        ("1,234.50", "1234.50"),
        ("１，２３４．５０", "1234.50"),
        ("￥1,200.00", "1200.00"),
        ("-¥1,200.00", "-1200.00"),
        ("1200元", "1200.00"),
        ("(1,200.00)", "-1200.00"),
        ("+15", "15.00"),
        ("红字100", "-100.00"),
        (".5", "0.50"),
    ],
)
def test_accepted_spellings(value: object, expected: str) -> None:
    assert format_amount(parse_amount(value)) == expected


# -- errors ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "abc",
        "12a",
        "1,23",
        "12,34.00",
        "1.2.3",
        "--5",
        "¥",
        "十二元",
        float("nan"),
        float("inf"),
        float("-inf"),
        D("NaN"),
        D("Infinity"),
        True,
        False,
        object(),
        [1],
    ],
)
def test_invalid_amounts(value: object) -> None:
    with pytest.raises(AmountError) as info:
        parse_amount(value)
    assert info.value.key == "amount.invalid"
    assert "value" in info.value.params


@pytest.mark.parametrize("value", ["12.345", "0.001", 1.005, D("1.234"), "1,234.567"])
def test_too_precise_amounts(value: object) -> None:
    with pytest.raises(AmountError) as info:
        parse_amount(value)
    assert info.value.key == "amount.too_precise"


def test_to_fen_refuses_sub_fen() -> None:
    with pytest.raises(AmountError):
        to_fen(D("0.005"))


@pytest.mark.parametrize(
    ("amount", "fen"),
    [
        (D("0"), 0),
        (D("0.00"), 0),
        (D("-0"), 0),
        (D("12.3"), 1230),
        (D("-12.34"), -1234),
        (D("5E+3"), 500000),
        (D("1.200"), 120),
        (D("99999999999.99"), 9999999999999),
    ],
)
def test_to_fen_exact_for_every_spelling(amount: Decimal, fen: int) -> None:
    got = to_fen(amount)
    assert got == fen and type(got) is int


@pytest.mark.parametrize("value", [D("0.001"), D("-1.2345"), D("NaN")])
def test_to_fen_refuses_what_is_not_whole_fen(value: Decimal) -> None:
    with pytest.raises(AmountError):
        to_fen(value)


# -- 大写金额 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        # the examples of 《正确填写票据和结算凭证的基本规定》
        ("1409.50", "壹仟肆佰零玖元伍角整"),
        ("6007.14", "陆仟零柒元壹角肆分"),
        ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
        ("107000.53", "壹拾万柒仟元零伍角叁分"),
        ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
        ("325.04", "叁佰贰拾伍元零肆分"),
        # others
        ("1234.50", "壹仟贰佰叁拾肆元伍角整"),
        ("1234.00", "壹仟贰佰叁拾肆元整"),
        ("0", "零元整"),
        ("0.00", "零元整"),
        ("0.50", "伍角整"),
        ("0.05", "伍分"),
        ("0.35", "叁角伍分"),
        ("10", "壹拾元整"),
        ("15", "壹拾伍元整"),
        ("100500", "壹拾万零伍佰元整"),
        ("100000000", "壹亿元整"),
        ("100010000", "壹亿零壹万元整"),
        ("120000000", "壹亿贰仟万元整"),
        ("1000100000000", "壹万零壹亿元整"),
        ("-12.30", "负壹拾贰元叁角整"),
        ("-0.01", "负壹分"),
    ],
)
def test_chinese_capital_examples(amount: str, expected: str) -> None:
    assert chinese_capital(D(amount)) == expected


_DIGIT = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_PLACE = {"仟": 1000, "佰": 100, "拾": 10}


def _read_group(text: str) -> int:
    total = 0
    digit = 0
    for char in text.replace("零", ""):
        if char in _DIGIT:
            digit = _DIGIT[char]
        else:
            total += digit * _PLACE[char]
            digit = 0
    return total + digit


def _read_integer(text: str) -> int:
    for unit, factor in (("亿", 10**8), ("万", 10**4)):
        if unit in text:
            i = text.rindex(unit)
            return _read_integer(text[:i]) * factor + _read_integer(text[i + 1 :])
    return _read_group(text)


def _read_capital(text: str) -> Decimal:
    """An independent reader of 大写金额, to check chinese_capital against."""
    sign = -1 if text.startswith("负") else 1
    text = text.removeprefix("负").removesuffix("整")
    integer, _, fraction = text.rpartition("元") if "元" in text else ("", "", text)
    jiao = re.search(r"(.)角", fraction)
    fen = re.search(r"(.)分", fraction)
    cents = (_DIGIT[jiao.group(1)] * 10 if jiao else 0) + (_DIGIT[fen.group(1)] if fen else 0)
    return sign * (D(_read_integer(integer)) + D(cents) / 100)


@given(amounts(10**14))
def test_chinese_capital_reads_back(amount: Decimal) -> None:
    text = chinese_capital(amount)
    assert _read_capital(text) == amount
    assert re.fullmatch(r"负?[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+", text)
    assert "零零" not in text
    assert text.endswith("分") != text.endswith("整")
    assert text.endswith("整") == (to_fen(amount) % 10 == 0)
    if amount != 0:
        assert not text.lstrip("负").startswith("零")
        for bad in ("零元", "零万", "零亿", "零整", "零角", "零分"):
            assert bad not in text


@pytest.mark.parametrize("value", [D("1.005"), D("NaN"), D("Infinity")])
def test_chinese_capital_errors(value: Decimal) -> None:
    with pytest.raises(AmountError):
        chinese_capital(value)

"""Exact money: parse cells and text into ``Decimal``, store as integer fen, format back.

Never float: a float cell from a spreadsheet is converted through its shortest decimal
representation (what Excel shows), and float noise below 1/10,000 of a fen from formula
arithmetic is the only thing ever rounded away.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

from auditdesk.core.errors import AmountError

ZERO = Decimal("0")
CENT = Decimal("0.01")
_NOISE = Decimal("0.0001")  # in fen: float artefacts such as 1234.5000000000002

_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．，－＋（）　",
    "0123456789.,-+() ",
)
_STRIP = ("￥", "¥", "元", "RMB", "CNY", " ", "\u00a0", "\t")
_PLAIN = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$")
_DASHES = {"-", "—", "–", "－", "--", "——"}
_RED = ("(红字)", "红字", "[红字]", "（红字）")


def parse_amount(value: object) -> Decimal:
    """Read one amount cell. Empty is zero; anything not an exact amount raises ``AmountError``."""
    if value is None:
        return ZERO
    if isinstance(value, bool):
        raise AmountError("amount.invalid", value=str(value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise AmountError("amount.invalid", value=str(value))
        return _to_cents(Decimal(repr(value)), str(value), tolerate_noise=True)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise AmountError("amount.invalid", value=str(value))
        return _to_cents(value, str(value), tolerate_noise=False)
    if isinstance(value, str):
        return _parse_text(value)
    raise AmountError("amount.invalid", value=str(value))


def _parse_text(raw: str) -> Decimal:
    text = raw.strip().translate(_FULLWIDTH).strip()
    if text == "" or text in _DASHES:
        return ZERO
    negative = False
    for marker in _RED:
        if marker in text:
            text = text.replace(marker, "")
            negative = True
            break
    for token in _STRIP:
        text = text.replace(token, "")
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
        negative = not negative
    if text.startswith(("+", "-")) and len(text) > 1 and text[1] in "￥¥":
        text = text[0] + text[2:]
    if not _PLAIN.match(text):
        raise AmountError("amount.invalid", value=raw)
    try:
        number = Decimal(text.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid literals
        raise AmountError("amount.invalid", value=raw) from exc
    if negative:
        number = -number
    return _to_cents(number, raw, tolerate_noise=False)


def _to_cents(number: Decimal, raw: str, *, tolerate_noise: bool) -> Decimal:
    cents = number.quantize(CENT)
    if cents == number:
        return cents
    if tolerate_noise and abs(number - cents) * 100 <= _NOISE:
        return cents
    raise AmountError("amount.too_precise", value=raw)


def to_fen(amount: Decimal) -> int:
    """Exact integer fen of an amount with at most two decimals (called twice per stored entry)."""
    if not amount:
        return 0
    fen = amount.scaleb(2)  # the same value as amount * 100, without a multiplication
    try:
        whole = int(fen)
    except ValueError:  # NaN
        raise AmountError("amount.too_precise", value=str(amount)) from None
    if whole != fen:
        raise AmountError("amount.too_precise", value=str(amount))
    return whole


def from_fen(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(CENT)


def format_amount(amount: Decimal) -> str:
    """Contract form for JSON and files: ``"1234.50"``."""
    return f"{amount.quantize(CENT):f}"


def format_thousands(amount: Decimal) -> str:
    """Display form: ``"1,234.50"``."""
    return f"{amount.quantize(CENT):,.2f}"


_CN_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CN_PLACES = ("仟", "佰", "拾", "")


def chinese_capital(amount: Decimal) -> str:
    """大写金额 after 《正确填写票据和结算凭证的基本规定》 (支付结算办法) and 《会计基础工作规范》 第五十二条.

    ``1409.50`` -> 壹仟肆佰零玖元伍角整; ``6007.14`` -> 陆仟零柒元壹角肆分 (a run of zeros is one 零);
    ``16409.02`` -> 壹万陆仟肆佰零玖元零贰分 (角 zero, 分 not: 零 after 元); ``1680.32`` ->
    壹仟陆佰捌拾元零叁角贰分 (元 digit zero, 角 not: the first of the two allowed forms); ``107000.53``
    -> 壹拾万柒仟元零伍角叁分; 整 after 元 or 角, never after 分; 10 is 壹拾; below one yuan no 零元
    (``0.50`` -> 伍角整); zero -> 零元整; negative -> 负 in front. Raises ``AmountError`` for more
    than two decimals or a value that is not finite.
    """
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise AmountError("amount.invalid", value=str(amount))
    fen = to_fen(amount)
    sign = "负" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    jiao, fen_digit = divmod(cents, 10)
    if yuan == 0 and cents == 0:
        return "零元整"
    text = _cn_integer(yuan) + "元" if yuan else ""
    if jiao:
        if yuan and yuan % 10 == 0:
            text += "零"
        text += _CN_DIGITS[jiao] + "角"
    elif fen_digit and yuan:
        text += "零"
    text += _CN_DIGITS[fen_digit] + "分" if fen_digit else "整"
    return sign + text


def _cn_integer(number: int) -> str:
    """A positive integer in capitals: groups of 亿 and 万, one 零 for each run of zeros."""
    if number >= 10**8:
        high, low = divmod(number, 10**8)
        return _cn_integer(high) + "亿" + (("零" if low < 10**7 else "") + _cn_integer(low) if low else "")
    if number >= 10**4:
        high, low = divmod(number, 10**4)
        return _cn_group(high) + "万" + (("零" if low < 1000 else "") + _cn_group(low) if low else "")
    return _cn_group(number)


def _cn_group(number: int) -> str:
    """1..9999 without leading 零; zeros between digits collapse into one 零."""
    text = ""
    pending_zero = False
    for digit, place in zip(f"{number:04d}", _CN_PLACES, strict=True):
        if digit == "0":
            pending_zero = bool(text)
            continue
        if pending_zero:
            text += "零"
            pending_zero = False
        text += _CN_DIGITS[int(digit)] + place
    return text

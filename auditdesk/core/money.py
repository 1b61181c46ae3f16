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
    """Exact integer fen of an amount with at most two decimals."""
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise AmountError("amount.too_precise", value=str(amount))
    return int(fen)


def from_fen(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(CENT)


def format_amount(amount: Decimal) -> str:
    """Contract form for JSON and files: ``"1234.50"``."""
    return f"{amount.quantize(CENT):f}"


def format_thousands(amount: Decimal) -> str:
    """Display form: ``"1,234.50"``."""
    return f"{amount.quantize(CENT):,.2f}"

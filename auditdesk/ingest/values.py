"""Cell-level helpers: text of a cell, column letters, voucher numbers, account code/name splitting."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from auditdesk.core.errors import AmountError
from auditdesk.core.money import parse_amount


class FormulaCell:
    """Placeholder for a formula cell saved without its computed value (never read as zero)."""

    __slots__ = ("formula", "ref")

    def __init__(self, ref: str, formula: str) -> None:
        self.ref = ref
        self.formula = formula

    def __repr__(self) -> str:
        return f"={self.formula}"


def column_letter(index: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 26 -> AA)."""
    out = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def column_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def cell_text(value: Any) -> str:
    """A cell as the user would read it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ") if value.time() != dt.time() else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


_FEN = Decimal(1).scaleb(-2)


def amount(value: Any) -> Decimal:
    """``parse_amount`` with a fast path for ordinary float cells (same result, no string round trip)."""
    if value.__class__ is float and -1e13 < value < 1e13:
        x = value * 100
        c = round(x)
        if -1e-6 < x - c < 1e-6:
            return Decimal(c) * _FEN
    return parse_amount(value)


def text_amount(value: Any) -> Decimal | None:
    """An amount from a non-blank text (or int) cell, exactly as ``parse_amount``; None when it is not one."""
    if value.__class__ is str:
        whole, dot, cents = value.partition(".")
        if (
            whole.isdigit()
            and whole.isascii()
            and (not dot or (cents.isdigit() and cents.isascii() and len(cents) <= 2))
        ):
            return Decimal(value).quantize(_FEN)  # "1200", "1200.5": the CSV common case
        if not value.strip():
            return None
        try:
            return parse_amount(value)
        except AmountError:
            return None
    if value.__class__ is int:
        return Decimal(value)
    return None


def plain_text(value: Any) -> str:
    """Text of a code-like cell: floats that are whole numbers lose their ``.0``."""
    if value.__class__ is float and value.is_integer():
        return str(int(value))
    return cell_text(value).strip()


# -- vouchers ---------------------------------------------------------------------------------------
_VOUCHER = re.compile(r"^(?P<t>\D*?)\s*字?\s*[-—–_#＃:：.\s]*\s*第?\s*(?P<n>\d+)\s*号?\s*(?P<rest>.*)$")
_voucher_cache: dict[Any, str] = {}


def voucher(value: Any) -> str:
    """``记-0012``, ``记12``, ``记字第12号`` -> ``记-12``; ``0012`` -> ``12``; blank -> ``""``."""
    if value.__class__ is str:
        kind, dash, number = value.partition("-")
        if (
            dash
            and number.isdigit()
            and number.isascii()
            and kind
            and kind[-1] not in "字第 "
            and not kind[-1].isdigit()
        ):
            return f"{kind.strip()}-{int(number)}"  # the common 记-0012
    hit = _voucher_cache.get(value)
    if hit is not None:
        return hit
    text = plain_text(value)
    m = _VOUCHER.match(text)
    if m is None:
        out = text
    else:
        kind = m["t"].strip().rstrip("字").strip()
        number = str(int(m["n"]))
        out = f"{kind}-{number}{m['rest'].strip()}" if kind else number + m["rest"].strip()
    if len(_voucher_cache) < 200_000:
        _voucher_cache[value] = out
    return out


def voucher_parts(kind: Any, number: Any) -> str:
    """Voucher from 字 and 号 columns: (``记``, 12) -> ``记-12``."""
    k = plain_text(kind).strip().rstrip("字").strip()
    n = voucher(number)
    if not k:
        return n
    if not n:
        return k
    return f"{k}-{n}"


# -- accounts ---------------------------------------------------------------------------------------
_CODE_HEAD = re.compile(
    r"^[\[【(（]?\s*(?P<code>\d+(?:[.．]\d+)*)\s*[\]】)）]?(?P<sep>[\s\-—_:：、]*)(?P<name>.*)$"
)
_PATH_SPLIT = re.compile(r"\s*[/\\＞>]\s*")
_account_cache: dict[str, tuple[str, str]] = {}


def split_account(text: str) -> tuple[str, str]:
    """Code and name sharing one cell.

    ``50105 职工活动支出-会员活动支出`` -> (``50105``, ``职工活动支出-会员活动支出``);
    ``501 职工活动支出/50105 会员活动支出`` -> (``50105``, ``职工活动支出/会员活动支出``);
    ``职工活动支出`` -> (``""``, ``职工活动支出``); ``50105`` -> (``50105``, ``""``).
    """
    hit = _account_cache.get(text)
    if hit is not None:
        return hit
    s = text.strip()
    out = _split_one(s)
    parts = _PATH_SPLIT.split(s)
    if len(parts) > 1:
        split = [_split_one(p) for p in parts]
        if all(code for code, _ in split):
            out = (split[-1][0], "/".join(name for _, name in split if name))
    if len(_account_cache) < 100_000:
        _account_cache[text] = out
    return out


def _split_one(s: str) -> tuple[str, str]:
    m = _CODE_HEAD.match(s)
    if m is None:
        return ("", s)
    name = m["name"].strip()
    if name and not m["sep"] and (name[0].isdigit() or len(m["code"]) < 3):
        return ("", s)  # "1号楼维修" is a name; codes are 3 digits or more
    return (m["code"].replace("．", "."), name)


# -- attachments -----------------------------------------------------------------------------------
def attachments(value: Any) -> int | None:
    """Attachment count; raises ValueError for anything but a whole non-negative number."""
    if value.__class__ is float and value.is_integer() and value >= 0:
        return int(value)
    if value.__class__ is int and value >= 0:
        return int(value)
    if isinstance(value, str):
        text = value.strip().removesuffix("张").removesuffix("份").strip()
        if not text:
            return None
        if text.isascii() and text.isdigit():
            return int(text)
    raise ValueError(cell_text(value))

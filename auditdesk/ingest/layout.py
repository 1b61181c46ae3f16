"""Find a sheet's header (one or two rows) and what each column holds; read the title rows above it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from auditdesk.core.dates import find_year
from auditdesk.ingest.model import FIELDS, IngestError
from auditdesk.ingest.readers import RawSheet
from auditdesk.ingest.synonyms import (
    YONYOU_NAMES,
    cash_account,
    is_parent,
    match_header,
    norm_header,
    section_account,
)
from auditdesk.ingest.values import column_letter, split_account

SCAN_ROWS = 60
_LETTERS = re.compile(r"^[A-Za-z]{1,3}$")
_SINGLE = frozenset(FIELDS) - {"direction", "ignore"}  # fields one column at most may hold


@dataclass
class ColumnMap:
    """The user's ``--map``: header text or column letters -> field."""

    by_text: dict[str, str] = field(default_factory=dict)  # normalised header text -> field
    specs: dict[str, str] = field(default_factory=dict)  # original COLUMN -> FIELD
    used: set[str] = field(default_factory=set)  # COLUMNs applied on some sheet

    @classmethod
    def parse(cls, mapping: Mapping[str, str] | None) -> ColumnMap:
        out = cls()
        for column, target in (mapping or {}).items():
            name = target.strip().lower()
            if name not in FIELDS or not column.strip():
                raise IngestError("ingest.bad_map", spec=f"{column}={target}")
            out.specs[column] = name
            out.by_text[norm_header(column)] = name
        return out


@dataclass
class Layout:
    header_row: int  # 0-based first header row, -1 when there is none (mapping by letters only)
    data_start: int  # 0-based first row after the header
    cols: dict[str, int]  # field -> 0-based column
    directions: list[int]  # columns holding 借/贷 (entry side or balance side)
    labels: tuple[str, ...]  # header text per column (the lower row's where a header spans two)
    header_texts: dict[int, frozenset[str]]  # column -> normalised header texts (to spot repeats)
    year: int | None  # year stated above the header
    account: tuple[str, str] | None  # account stated above the header (section row) or by title
    section_above: bool
    title: str
    yonyou: bool
    combined_account: bool  # code and name share the account column

    def letters(self) -> dict[str, str]:
        out = {f: column_letter(c) for f, c in sorted(self.cols.items(), key=lambda kv: kv[1])}
        if self.directions:
            out["direction"] = ",".join(column_letter(c) for c in self.directions)
        return out


def _texts(row: list[Any]) -> list[str]:
    return [v.strip() if isinstance(v, str) else "" for v in row]


def _fields(texts: list[str], cmap: ColumnMap) -> list[tuple[str, int] | None]:
    out: list[tuple[str, int] | None] = []
    for text in texts:
        if not text:
            out.append(None)
            continue
        mapped = cmap.by_text.get(norm_header(text))
        out.append((mapped, -1) if mapped else match_header(text))
    return out


def _combine(top: list[str], sub: list[str], cmap: ColumnMap) -> list[tuple[str, int] | None] | None:
    """Fields of a two-row header, or None when ``sub`` does not complete ``top``.

    A parent cell ("金额", "余额", "2024年") spans the blank cells to its right (a merged cell).
    """
    tf, sf = _fields(top, cmap), _fields(sub, cmap)
    out = list(tf)
    added = False
    parent: tuple[str, int] | None = None
    for c, hit in enumerate(sf):
        if top[c]:
            parent = tf[c]
        if hit is None or not is_parent(top[c]):
            continue
        if parent is not None and parent[0] == "balance" and hit[0] == "amount":
            hit = ("balance", hit[1])  # 余额 over 方向 | 金额
        out[c] = hit
        added = True
    return out if added else None


def _assign(hits: list[tuple[str, int] | None]) -> tuple[dict[str, int], list[int]]:
    best: dict[str, tuple[int, int]] = {}
    directions: list[int] = []
    for c, hit in enumerate(hits):
        if hit is None:
            continue
        name, rank = hit
        if name == "direction":
            directions.append(c)
        elif name in _SINGLE and (name not in best or rank < best[name][0]):
            best[name] = (rank, c)
    return {name: c for name, (_, c) in best.items()}, directions


def usable(cols: Mapping[str, int]) -> bool:
    has_date = "date" in cols or ("month" in cols and "day" in cols)
    has_amount = "debit" in cols or "credit" in cols or "amount" in cols
    return has_date and has_amount


def _words_only(row: list[Any]) -> bool:
    """A second header row holds words (月, 日, 借方, 贷方), never numbers or dates."""
    for v in row:
        if not isinstance(v, str):
            return False
        if any(ch.isdigit() for ch in v) and find_year(v) is None:
            return False
    return True


def _score(cols: Mapping[str, int], directions: list[int]) -> int:
    return len(cols) + (1 if directions else 0) if usable(cols) else 0


def detect(sheet: RawSheet, cmap: ColumnMap, fiscal_year: int) -> Layout | None:
    """The layout of ``sheet``, or None when no header can be recognised."""
    rows = sheet.rows
    limit = min(len(rows), SCAN_ROWS)
    best: tuple[int, int, int, list[tuple[str, int] | None]] | None = None  # score, row, height, hits
    for r in range(limit):
        texts = _texts(rows[r])
        if sum(1 for t in texts if t) < 2:
            continue
        hits = _fields(texts, cmap)
        if len({h[0] for h in hits if h is not None and h[0] != "ignore"}) < 2:
            continue  # a header names at least two fields in words
        cols, dirs = _assign(_with_letters(hits, cmap, texts))
        score = _score(cols, dirs)
        if r + 1 < len(rows) and _words_only(rows[r + 1]):
            pair = _combine(texts, _texts(rows[r + 1]), cmap)
            if pair is not None:
                pcols, pdirs = _assign(_with_letters(pair, cmap, texts + _texts(rows[r + 1])))
                if _score(pcols, pdirs) > score:
                    score, hits = _score(pcols, pdirs), pair
                    if best is None or score > best[0]:
                        best = (score, r, 2, hits)
                    continue
        if score and (best is None or score > best[0]):
            best = (score, r, 1, hits)
    if best is None:
        return _letters_only(sheet, cmap, fiscal_year)
    _, r, height, hits = best
    return _build(sheet, cmap, r, height, hits, fiscal_year)


def _with_letters(
    hits: list[tuple[str, int] | None], cmap: ColumnMap, texts: list[str]
) -> list[tuple[str, int] | None]:
    if not cmap.specs:
        return hits
    out = list(hits) + [None] * (max(len(hits), 1) - len(hits))
    _apply_letters(out, cmap, len(out), {norm_header(t): 0 for t in texts if t}, mark=False)
    return out


def _letters_only(sheet: RawSheet, cmap: ColumnMap, fiscal_year: int) -> Layout | None:
    hits: list[tuple[str, int] | None] = [None] * sheet.width
    _apply_letters(hits, cmap, sheet.width, {})
    cols, _ = _assign(hits)
    if not usable(cols):
        return None
    return _build(sheet, cmap, -1, 0, hits, fiscal_year)


def _apply_letters(
    hits: list[tuple[str, int] | None],
    cmap: ColumnMap,
    width: int,
    texts: dict[str, int],
    *,
    mark: bool = True,
) -> None:
    for column, name in cmap.specs.items():
        key = norm_header(column)
        if key in texts:
            if mark:
                cmap.used.add(column)
            continue
        if _LETTERS.match(column.strip()):
            idx = 0
            for ch in column.strip().upper():
                idx = idx * 26 + ord(ch) - 64
            idx -= 1
            if idx < width:
                if name != "ignore":
                    for c, hit in enumerate(hits):  # the mapping replaces a detected column
                        if hit is not None and hit[0] == name and name != "direction":
                            hits[c] = None
                hits[idx] = (name, -2)
                if mark:
                    cmap.used.add(column)


def _build(
    sheet: RawSheet,
    cmap: ColumnMap,
    r: int,
    height: int,
    hits: list[tuple[str, int] | None],
    fiscal_year: int,
) -> Layout:
    rows = sheet.rows
    width = sheet.width
    hits = list(hits) + [None] * (width - len(hits))
    top = _texts(rows[r]) if r >= 0 else [""] * width
    sub = _texts(rows[r + 1]) if height == 2 else [""] * width
    header_keys: dict[str, int] = {}
    for c in range(width):
        for text in (top[c], sub[c]):
            if text:
                header_keys.setdefault(norm_header(text), c)
    # header-text mappings beat detection: drop other columns detected as the same field
    for c, hit in enumerate(hits):
        if hit is not None and hit[1] == -1 and hit[0] not in ("ignore", "direction"):
            for d, other in enumerate(hits):
                if d != c and other is not None and other[0] == hit[0] and other[1] != -1:
                    hits[d] = None
    _apply_letters(hits, cmap, width, header_keys)
    cols, directions = _assign(hits)
    if "amount" in cols and ("debit" in cols or "credit" in cols):
        del cols["amount"]  # 借方 | 贷方 say the side; a further 金额 column is not an entry amount
    if "voucher_type" in cols and "voucher" in cols and "voucher_no" not in cols:
        cols["voucher_no"] = cols.pop("voucher")  # 凭证字 | 凭证号: the number beside its type
    explicit_name = any(h is not None and h[0] == "account_name" and h[1] < 0 for h in hits)
    combined = "account_name" in cols and "account_code" not in cols and not explicit_name
    if combined:
        cols["account"] = cols.pop("account_name")
    labels = tuple(sub[c] or top[c] for c in range(width))
    header_texts = {c: frozenset(norm_header(t) for t in (top[c], sub[c]) if t) for c in range(width)}
    above = rows[: max(r, 0)]
    title_texts = [t for row in above for t in _texts(row) if t]
    if height == 2:
        title_texts += [t for t in top if t and find_year(t) is not None]
    years = [y for y in (find_year(text) for text in [*title_texts, sheet.name]) if y is not None]
    # an export date ("导出时间：2025年1月20日") may stand beside the ledger's own year
    year = fiscal_year if fiscal_year in years else (years[0] if years else None)
    account: tuple[str, str] | None = None
    section_above = False
    for row in above:
        acct = row_section(row)
        if acct is not None:
            account, section_above = split_account(acct), True
    if (
        account is None
        and "account" not in cols
        and "account_code" not in cols
        and "account_name" not in cols
    ):
        account = cash_account(sheet.name)
        for text in title_texts:
            if account is None and ("日记账" in text or "现金" in text or "银行存款" in text):
                account = cash_account(text)
    yonyou = sum(1 for t in top if t.lower() in YONYOU_NAMES) >= 3
    return Layout(
        header_row=r,
        data_start=r + height if r >= 0 else 0,
        cols=cols,
        directions=directions,
        labels=labels,
        header_texts=header_texts,
        year=year,
        account=account,
        section_above=section_above,
        title=title_texts[0] if title_texts else "",
        yonyou=yonyou,
        combined_account=combined,
    )


def row_section(row: list[Any]) -> str | None:
    """Account text when ``row`` is a section row (``科目:5101 职工活动支出``), possibly over two cells."""
    first = next((v for v in row if v.__class__ is str and v.strip()), None)
    if first is None or ("科目" not in first and "账户" not in first):
        return None
    texts = [v.strip() for v in row if isinstance(v, str) and v.strip()]
    if len(texts) > 4:
        return None
    first = texts[0]
    acct = section_account(first)
    if acct is None:
        return None
    if not acct and len(texts) > 1:
        acct = section_account(first + texts[1]) or ""
    return acct or None

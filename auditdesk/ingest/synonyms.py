"""Declarative tables: header synonyms, labels of non-entry rows, section rows, directions.

Everything here is data; layout.py and normalize.py only look things up.
"""

from __future__ import annotations

import re

from auditdesk.core.dates import find_year

_HEADER_FULLWIDTH = str.maketrans("（）：／＿", "():/_")
_UNIT_SUFFIX = re.compile(r"\((?:元|人民币|￥|¥|rmb|张|本币)\)$")
_PAREN = re.compile(r"\(.*?\)")
_SPACES = re.compile(r"\s+")


def norm_header(text: str) -> str:
    """Header text without spaces, full-width forms, case or a unit suffix such as ``(元)``."""
    out = _SPACES.sub("", text.translate(_HEADER_FULLWIDTH)).lower().rstrip(":")
    return _UNIT_SUFFIX.sub("", out)


# field -> synonyms, best first (rank decides between two columns claiming one field).
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": (
        "记账日期",
        "凭证日期",
        "日期",
        "制单日期",
        "业务日期",
        "发生日期",
        "交易日期",
        "入账日期",
        "dbill_date",
        "date",
    ),
    "year": ("年", "年度", "iyear"),
    "month": ("月", "月份", "iperiod"),
    "day": ("日",),
    "voucher": (
        "凭证号",
        "凭证字号",
        "凭证号数",
        "凭证编号",
        "凭证号码",
        "凭证",
        "记账凭证号",
        "凭证字号码",
        "voucher",
    ),
    "voucher_type": ("字", "凭证字", "凭证类别", "凭证类型", "凭证种类", "csign"),
    "voucher_no": ("号", "凭证序号", "ino_id"),
    "summary": ("摘要", "凭证摘要", "业务摘要", "摘要说明", "cdigest", "summary"),
    "account_name": (
        "科目名称",
        "会计科目",
        "科目",
        "科目全称",
        "科目全名",
        "会计科目名称",
        "账户名称",
        "账户",
        "ccode_name",
    ),
    "account_code": (
        "科目编码",
        "科目代码",
        "科目编号",
        "科目号",
        "会计科目编码",
        "会计科目代码",
        "科目代号",
        "ccode",
    ),
    "debit": (
        "借方",
        "借方金额",
        "借方发生额",
        "借方发生",
        "本期借方",
        "借方本币",
        "收入",
        "收入金额",
        "收入额",
        "借",
        "md",
        "debit",
    ),
    "credit": (
        "贷方",
        "贷方金额",
        "贷方发生额",
        "贷方发生",
        "本期贷方",
        "贷方本币",
        "支出",
        "支出金额",
        "支出额",
        "贷",
        "mc",
        "credit",
    ),
    "amount": ("金额", "发生额", "本币金额", "本位币金额", "amount"),
    "direction": (
        "方向",
        "借或贷",
        "借贷方向",
        "借/贷",
        "借贷",
        "余额方向",
        "收支方向",
        "收/支",
        "direction",
    ),
    "balance": ("余额", "结余", "结存", "结余金额", "结存金额", "余额金额", "账面余额", "balance"),
    "attachments": ("附件", "附件张数", "附件数", "单据数", "附单据数", "附单据", "张数", "idoc"),
    "counter_account": ("对方科目", "对应科目", "对方科目名称", "ccode_equal"),
    "ignore": ("序号", "行号", "分录号", "inid", "备注", "制单人", "审核人", "记账人", "出纳", "币种"),
}

HEADER_FIELDS: dict[str, tuple[str, int]] = {}
for _field, _names in _SYNONYMS.items():
    for _rank, _name in enumerate(_names):
        HEADER_FIELDS.setdefault(norm_header(_name), (_field, _rank))

# 用友 raw column names: when enough of them appear the layout is reported as a 用友 export.
YONYOU_NAMES = frozenset(
    {"dbill_date", "csign", "ino_id", "cdigest", "ccode", "md", "mc", "idoc", "ccode_name"}
)

# Text over a two-row header group ("金额" over 借方|贷方, "2024年" over 月|日, "凭证" over 字|号).
PARENT_WORDS = frozenset(
    norm_header(w)
    for w in (
        "金额",
        "发生额",
        "本期发生额",
        "本期发生",
        "凭证",
        "凭证号",
        "凭证字号",
        "记账凭证",
        "日期",
        "年",
        "余额",
        "结余",
        "本币金额",
        "原币金额",
        "借贷发生额",
    )
)


def match_header(text: str) -> tuple[str, int] | None:
    """The field a header cell names, with its synonym rank, or None."""
    key = norm_header(text)
    if not key:
        return None
    hit = HEADER_FIELDS.get(key)
    if hit is None and "(" in key:
        hit = HEADER_FIELDS.get(_PAREN.sub("", key))
    return hit


def is_parent(text: str) -> bool:
    key = norm_header(text)
    return key == "" or key in PARENT_WORDS or (len(key) <= 6 and find_year(key) is not None)


# Labels of rows that are not entries: normalised label -> (skip key, reconciliation scope or "").
SCOPE_MONTH, SCOPE_YEAR, SCOPE_ALL, SCOPE_PAGE, SCOPE_PREVIOUS = "month", "year", "all", "page", "previous"
_LABELS: dict[str, tuple[str, str]] = {}
for _words, _key, _scope in (
    (("期初余额", "年初余额", "月初余额", "期初数", "年初数", "期初"), "skip.opening_balance", ""),
    (
        ("上年结转", "上月结转", "上期结转", "承前页", "承上页", "接上页", "结转上年", "上年余额", "承前"),
        "skip.carried_forward",
        "",
    ),
    (
        ("本月合计", "本期合计", "月计", "本月发生额合计", "本月小计", "当月合计"),
        "skip.subtotal",
        SCOPE_MONTH,
    ),
    (
        ("本年累计", "累计", "本年合计", "年计", "本年发生额累计", "本年累计发生额"),
        "skip.subtotal",
        SCOPE_YEAR,
    ),
    (("合计", "总计", "合计数", "总合计"), "skip.subtotal", SCOPE_ALL),
    (("本页合计", "过次页", "转次页", "过下页", "本页小计"), "skip.subtotal", SCOPE_PAGE),
    (("小计",), "skip.subtotal", SCOPE_PREVIOUS),
    (("本日合计", "本日小计", "日计"), "skip.subtotal", ""),
    (("期末余额", "年末余额", "月末余额", "本月余额", "结转下年", "结转下月"), "skip.closing_balance", ""),
):
    for _word in _words:
        _LABELS[_word] = (_key, _scope)

# Every character of every label: text sharing none of them cannot be a label.
LABEL_CHARS = frozenset("".join(_LABELS) + "第共页合计pagePAGE")
_BRACKETED = re.compile(r"[(（][^)）]*[)）]")
_LABEL_CHARS = re.compile(r"[\s:：()（）\-—*]+")
_PAGE_MARK = re.compile(r"^(?:第\d+页(?:共\d+页)?|共\d+页(?:第\d+页)?|page\d+)$")
_MONTH_TOTAL = re.compile(r"^(?:\d{4}年)?\d{1,2}月(?:份)?(?:合计|小计|发生额合计)$")


def label_of(text: str) -> tuple[str, str] | None:
    """(skip key, scope) when ``text`` labels a non-entry row, e.g. ``本 月 合 计`` or ``3月合计``."""
    key = _LABEL_CHARS.sub("", _BRACKETED.sub("", text))
    if not key or len(key) > 14:
        return None
    hit = _LABELS.get(key)
    if hit is not None:
        return hit
    if _MONTH_TOTAL.match(key):
        return ("skip.subtotal", SCOPE_MONTH)
    if _PAGE_MARK.match(key.lower()):
        return ("skip.title", "")
    return None


# A section row of a detail ledger: ``科目:5101 职工活动支出`` / ``科目：50105 会员活动支出``.
SECTION = re.compile(
    r"^\s*(?:会计科目|科目名称|一级科目|明细科目|总账科目|科目|账户名称|账户)\s*(?:名称)?\s*[:：]\s*(?P<acct>.*)$"
)
_DETAIL = re.compile(r"明细科目\s*[:：]\s*(?P<acct>.*)$")
_SECTION_CUT = re.compile(r"\s{2,}|\u3000|\s+\S{1,6}[:：]")

# Entry side from a direction cell: True = debit, False = credit.
DIRECTIONS: dict[str, bool] = {
    "借": True,
    "借方": True,
    "收": True,
    "收入": True,
    "d": True,
    "dr": True,
    "debit": True,
    "贷": False,
    "贷方": False,
    "付": False,
    "支": False,
    "支出": False,
    "c": False,
    "cr": False,
    "credit": False,
}
# Balance sign from a balance-direction cell: 1, -1, or 0 for 平.
BALANCE_SIGNS: dict[str, int] = {"借": 1, "借方": 1, "贷": -1, "贷方": -1, "平": 0, "": 1}


def section_account(text: str) -> str | None:
    """The account text of a section row, or None if ``text`` is not one."""
    m = SECTION.match(text)
    if m is None:
        return None
    detail = _DETAIL.search(text)  # 总账科目：501 职工活动支出  明细科目：50105 会员活动支出
    acct = (detail["acct"] if detail else m["acct"]).strip()
    cut = _SECTION_CUT.search(acct)
    return acct[: cut.start()].strip() if cut else acct


def cash_account(text: str) -> tuple[str, str] | None:
    """The journal's own account named in a title or sheet name: 库存现金 or 银行存款."""
    if "银行存款" in text or "银行日记账" in text or "银行账" in text:
        return ("102", "银行存款")
    if "现金" in text:
        return ("101", "库存现金")
    if "银行" in text:
        return ("102", "银行存款")
    return None

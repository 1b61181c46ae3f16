"""The part of the 2021 grassroots union chart (工会会计制度 2021) the sample books use."""

from __future__ import annotations

NAMES: dict[str, str] = {
    "101": "库存现金",
    "102": "银行存款",
    "135": "其他应收款",
    "162": "固定资产",
    "211": "应付上级经费",
    "301": "资产基金",
    "322": "工会资金结余",
    "32203": "本年收支结转",
    "401": "会费收入",
    "402": "拨缴经费收入",
    "403": "上级补助收入",
    "40301": "一般性转移支付补助",
    "40302": "专项转移支付补助",
    "405": "行政补助收入",
    "408": "其他收入",
    "501": "职工活动支出",
    "50101": "职工教育支出",
    "50102": "文体活动支出",
    "50103": "宣传活动支出",
    "50104": "劳模职工疗休养支出",
    "50105": "会员活动支出",
    "50106": "其他活动支出",
    "503": "职工服务支出",
    "50301": "劳动和技能竞赛活动支出",
    "50302": "建家活动支出",
    "50303": "职工创新活动支出",
    "50304": "职工书屋活动支出",
    "50305": "其他服务支出",
    "504": "维权支出",
    "50401": "劳动关系协调支出",
    "50402": "劳动保护支出",
    "50403": "法律援助支出",
    "50404": "困难职工帮扶支出",
    "50405": "送温暖支出",
    "50406": "其他维权支出",
    "505": "业务支出",
    "50501": "培训支出",
    "50502": "会议支出",
    "50503": "专项业务支出",
    "50504": "其他业务支出",
    "507": "资本性支出",
    "50701": "房屋建筑物购建",
    "50702": "办公设备购置",
    "50703": "专用设备购置",
    "50706": "信息网络购建",
    "510": "其他支出",
}

CASH = "101"
BANK = "102"
CLOSING = "32203"

# Natural balance side: assets and spending carry a debit balance, the rest a credit balance.
_DEBIT_CLASSES = ("1", "5")


def name(code: str) -> str:
    """The account's own name, e.g. ``会员活动支出`` for 50105."""
    return NAMES[code]


def full_name(code: str) -> str:
    """The name with its parent, as 金蝶 prints it: ``职工活动支出-会员活动支出``."""
    if len(code) > 3 and code[:3] in NAMES:
        return f"{NAMES[code[:3]]}-{NAMES[code]}"
    return NAMES[code]


def debit_natured(code: str) -> bool:
    return code.startswith(_DEBIT_CLASSES)


def is_income(code: str) -> bool:
    return code.startswith("4")


def is_spending(code: str) -> bool:
    return code.startswith("5")

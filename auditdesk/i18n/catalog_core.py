"""Messages of core values and errors (amounts, dates, accounts) and of the store and services."""

MESSAGES: dict[str, dict[str, str]] = {
    "amount.invalid": {
        "zh": "“{value}”不是金额",
        "en": "“{value}” is not an amount",
    },
    "amount.too_precise": {
        "zh": "金额“{value}”超过两位小数（分）",
        "en": "amount “{value}” has more than two decimals",
    },
    "date.invalid": {
        "zh": "“{value}”不是日期",
        "en": "“{value}” is not a date",
    },
    "date.impossible": {
        "zh": "日期“{value}”不存在",
        "en": "date “{value}” does not exist",
    },
    "account.unresolved": {
        "zh": "科目“{account}”无法对应到{year}年度适用的{chart}会计科目（编码与名称不符或科目不存在）",
        "en": "account “{account}” does not match the {chart} chart used for fiscal year {year} "
        "(code and name disagree, or no such account)",
    },
    "account.closing": {
        "zh": "年末结转分录（不计入收入、支出）",
        "en": "year-end closing entry (not counted as income or spending)",
    },
    "account.chart.2021": {
        "zh": "《工会会计制度》（2021）",
        "en": "Trade Union Accounting System (2021)",
    },
    "account.chart.2009": {
        "zh": "《工会会计制度》（2009）",
        "en": "Trade Union Accounting System (2009)",
    },
    "account.kind.asset": {"zh": "资产", "en": "asset"},
    "account.kind.liability": {"zh": "负债", "en": "liability"},
    "account.kind.net_assets": {"zh": "净资产", "en": "net assets"},
    "account.kind.income": {"zh": "收入", "en": "income"},
    "account.kind.expense": {"zh": "支出", "en": "expense"},
}

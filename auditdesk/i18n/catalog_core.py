"""Messages of core values and errors (amounts, dates, accounts) and of the store and services."""

MESSAGES: dict[str, dict[str, str]] = {
    "amount.invalid": {
        "zh": "“{value}”不是金额",
        "en": "“{value}” is not an amount",
    },
    "amount.too_precise": {
        "zh": "金额“{value}”超过两位小数(分)",
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
}

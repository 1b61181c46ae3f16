"""Messages of the cash, balance, asset and income checks (``auditdesk.core.checks.cash``, ``balances``,
``income``): titles, suspicions and their basis. Amounts arrive formatted (``1,234.50``), dates ISO.
Article numbers are given only where the text was read (现金管理暂行条例, 工会法 2021)."""

_ENTRY_ZH = "{date} 凭证 {voucher}“{summary}”{amount} 元"
_ENTRY_EN = "{date} voucher {voucher} “{summary}” {amount} yuan"
_DUES_ZH = (
    "{year} 年（{months} 个月）会费收入 {booked} 元，按会员 {members} 人 × 人均年工资（上年工资总额 {payroll} 元"
    " ÷ 职工 {employees} 人）× 0.5% 测算约应为 {expected} 元，少 {shortfall} 元（{percent}%）"
)
_DUES_EN = (
    "{year} ({months} months): dues booked {booked} yuan; members {members} × average yearly wage (last year's "
    "payroll {payroll} ÷ employees {employees}) × 0.5% gives about {expected}: {shortfall} short ({percent}%)"
)
_ALLOC_ZH = (
    "{year} 年（{months} 个月）拨缴经费收入 {booked} 元，按上年工资总额 {payroll} 元 × 2% × 基层留成比例 {share}%"
    " 测算约应为 {expected} 元，少 {shortfall} 元（{percent}%）"
)
_ALLOC_EN = (
    "{year} ({months} months): allocated funds booked {booked} yuan; last year's payroll {payroll} × 2% × retained "
    "share {share}% gives about {expected}: {shortfall} short ({percent}%)"
)
_UNRESOLVED_ZH = "；另有 {count} 行收入的科目未能识别（合计 {unresolved} 元，如“{name}”），请核对后再判断"
_UNRESOLVED_EN = (
    "; {count} more receipts have an account that could not be resolved ({unresolved} yuan, such as “{name}”): "
    "check them before judging"
)

MESSAGES: dict[str, dict[str, str]] = {
    # -- titles ---------------------------------------------------------------------------------------
    "check.cash_condolence.title": {"zh": "以现金发放慰问金、帮扶款", "en": "Condolence money paid in cash"},
    "check.large_cash_payments.title": {"zh": "大额现金支付", "en": "Large cash payments"},
    "check.cash_balance_limit.title": {"zh": "库存现金超限额", "en": "Cash balance over the limit"},
    "check.negative_cash.title": {"zh": "现金、银行存款负数余额", "en": "Negative cash or bank balance"},
    "check.assets_not_recorded.title": {
        "zh": "资本性支出未登记固定资产", "en": "Capital purchases not recorded as fixed assets",
    },
    "check.upward_share_unpaid.title": {"zh": "应上解经费年末未上解", "en": "Upward share unpaid at year end"},
    "check.income_completeness.title": {"zh": "会费、拨缴经费收入完整性", "en": "Completeness of dues and allocations"},
    # -- suspicions -----------------------------------------------------------------------------------
    "check.cash_condolence.hit": {
        "zh": _ENTRY_ZH + "：摘要含“{word}”，属慰问金、帮扶款等个人款项，却以库存现金支付；应通过银行转账发放到本人账户",
        "en": _ENTRY_EN + ": the summary says “{word}”, personal money paid in cash; it should go by bank transfer "
        "to the person's own account",
    },
    "check.large_cash_payments.over": {
        "zh": "{date} 凭证 {voucher}“{summary}”以库存现金支付 {amount} 元，超过现金结算起点 {limit} 元，应通过转账结算",
        "en": "{date} voucher {voucher} “{summary}”: {amount} yuan paid in cash, above the cash payment limit "
        "of {limit}; it should be paid by transfer",
    },
    "check.cash_balance_limit.over": {
        "zh": "{month} {account}日终余额有 {days} 天超过库存现金限额 {limit} 元，最高 {highest} 元（{date}）",
        "en": "{month}: the day-end balance of {account} was above the cash limit of {limit} yuan on {days} days, "
        "highest {highest} ({date})",
    },
    "check.negative_cash.run": {
        "zh": "{account}余额为负数：{first} 至 {last} 共 {count} 行，最低 {lowest} 元（{date} 凭证 {voucher}"
        "“{summary}”{amount} 元之后）",
        "en": "{account} has a negative balance: {count} lines from {first} to {last}, lowest {lowest} yuan (after "
        "{date} voucher {voucher} “{summary}” {amount} yuan)",
    },
    "check.assets_not_recorded.missing": {
        "zh": _ENTRY_ZH + "：资本性支出，但同一凭证及本年度内均未见相应金额的固定资产增加（借记 {asset}），"
        "疑似购置的资产未登记入账",
        "en": _ENTRY_EN + ": capital spending with no matching increase of fixed assets (a debit on {asset}) in "
        "the voucher or the year; the asset may not be on the books",
    },
    "check.upward_share_unpaid.left": {
        "zh": "{year} 年 {account} 贷方发生 {credit} 元、借方发生 {debit} 元，年末仍有 {left} 元应上缴上级工会的经费未上解",
        "en": "{year}: {account} was credited {credit} yuan and debited {debit}; {left} yuan owed to the higher "
        "union was not passed up by year end",
    },
    "check.income_completeness.dues_short": {"zh": _DUES_ZH, "en": _DUES_EN},
    "check.income_completeness.dues_unresolved": {
        "zh": _DUES_ZH + _UNRESOLVED_ZH, "en": _DUES_EN + _UNRESOLVED_EN,
    },
    "check.income_completeness.allocated_short": {"zh": _ALLOC_ZH, "en": _ALLOC_EN},
    "check.income_completeness.allocated_unresolved": {
        "zh": _ALLOC_ZH + _UNRESOLVED_ZH, "en": _ALLOC_EN + _UNRESOLVED_EN,
    },
    "check.income_completeness.missing": {
        "zh": "缺少单位数据（“—”表示未知），无法全部测算 {year} 年应收会费和拨缴经费：会员 {members} 人，职工 "
        "{employees} 人，上年工资总额 {payroll} 元，拨缴经费基层留成比例 {share}%；账面会费收入 {dues} 元，"
        "拨缴经费收入 {allocated} 元",
        "en": "figures are missing (“—”), so the dues and allocated funds expected for {year} cannot all be "
        "estimated: members {members}, employees {employees}, last year's payroll {payroll} yuan, retained "
        "share {share}%; booked dues {dues} yuan, allocated funds {allocated} yuan",
    },
    # -- basis ----------------------------------------------------------------------------------------
    "check.basis.cash_transfer": {
        "zh": "慰问金、困难帮扶款等个人款项应实名发放、本人签收，并通过银行转账发放到本人账户，不以现金发放"
        "（标准文件：{profile}）",
        "en": "condolence and hardship money goes to the named person, signed for, by bank transfer to their own "
        "account, not in cash (standards profile: {profile})",
    },
    "check.basis.cash_payment": {
        "zh": "{document}：结算起点以上的支付应以转账方式结算，不使用现金",
        "en": "{document}: payments above the settlement threshold are made by transfer, not in cash",
    },
    "check.basis.cash_balance": {
        "zh": "{document}；《现金管理暂行条例》第九条、第十条：开户单位必须遵守核定的库存现金限额",
        "en": "{document}; Provisional Regulations on Cash Management, articles 9 and 10: the approved cash "
        "balance limit must be kept",
    },
    "check.basis.negative_cash": {
        "zh": "《现金管理暂行条例》第十二条：现金账目应当日清月结、账款相符；库存现金和银行存款不应出现负数余额，"
        "负数余额说明漏记收入、先支后收或记账错误",
        "en": "Provisional Regulations on Cash Management, article 12: cash accounts are settled daily and agree "
        "with the cash; a negative cash or bank balance means unrecorded receipts, paying before receiving, or "
        "a booking error",
    },
    "check.basis.fixed_assets": {
        "zh": "《工会会计制度》（{system}）：用经费购置固定资产，列支资本性支出的同时应增加固定资产"
        "（借记“固定资产”，贷记“资产基金”）",
        "en": "Union Accounting System ({system}): a fixed asset bought with union funds is booked as capital "
        "spending and, at the same time, as a fixed asset (debit fixed assets, credit the asset fund)",
    },
    "check.basis.upward_share": {
        "zh": "《工会会计制度》“应付上级经费”：基层工会收到的拨缴经费中应上缴上级工会的部分，应按规定及时足额上解",
        "en": "Union Accounting System, “payable to the higher union”: the share of the allocated funds owed "
        "upward is passed up in full and on time",
    },
    "check.basis.income_dues": {
        "zh": "《中华人民共和国工会法》第四十三条：会员缴纳的会费是工会经费的来源；会员按本人工资收入的0.5%按月"
        "交纳会费（全总会费收缴规定，据二手资料）",
        "en": "Trade Union Law, article 43: members' dues fund the union; members pay 0.5% of their wage each "
        "month (ACFTU rules on dues, as quoted by secondary sources)",
    },
    "check.basis.income_allocated": {
        "zh": "《中华人民共和国工会法》第四十三条：建立工会组织的用人单位按每月全部职工工资总额的百分之二向工会"
        "拨缴经费；基层工会留成比例：{share_document}",
        "en": "Trade Union Law, article 43: an employer with a union pays it 2% of the monthly total payroll; "
        "the grassroots union's retained share: {share_document}",
    },
}

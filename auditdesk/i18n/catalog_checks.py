"""Messages of the analytic checks (``auditdesk.core.checks``): titles, suspicions and their basis.

Amounts arrive formatted (``1,234.50``), dates ISO. The basis texts name the rule's document only;
no article number is given where the source was not checked."""

_ENTRY_ZH = "{date} 凭证 {voucher}“{summary}”{amount} 元"
_ENTRY_EN = "{date} voucher {voucher} “{summary}” {amount} yuan"

MESSAGES: dict[str, dict[str, str]] = {
    # -- running --------------------------------------------------------------------------------------
    "check.unknown_rule": {
        "zh": "没有名为“{rule}”的检查规则；现有：{known}",
        "en": "there is no check named “{rule}”; known: {known}",
    },
    "check.failed": {
        "zh": "检查规则“{rule}”运行出错，已跳过：{error}",
        "en": "the check “{rule}” failed and was skipped: {error}",
    },
    "check.severity.high": {"zh": "高", "en": "high"},
    "check.severity.medium": {"zh": "中", "en": "medium"},
    "check.severity.low": {"zh": "低", "en": "low"},
    # -- titles ---------------------------------------------------------------------------------------
    "check.banned_keywords.title": {"zh": "违规支出（关键词）", "en": "Banned spending (keywords)"},
    "check.employer_costs.title": {"zh": "应由行政负担的支出", "en": "Costs the employer must bear"},
    "check.holiday_gift_cap.title": {"zh": "节日慰问品年度限额", "en": "Holiday gifts against the yearly cap"},
    "check.holiday_gift_cap.over.title": {"zh": "节日慰问品超限额", "en": "Holiday gifts over the yearly cap"},
    "check.holiday_gift_cap.over_share.title": {"zh": "节日慰问品超限额", "en": "Holiday gifts over the yearly cap"},
    "check.weekend_meals_gifts.title": {
        "zh": "节假日、周末发生的餐费和慰问品支出",
        "en": "Meals and gifts paid on weekends and holidays",
    },
    "check.duplicate_payments.title": {"zh": "疑似重复支付", "en": "Possible duplicate payments"},
    "check.voucher_gaps_repeats.title": {"zh": "凭证号断号、重号", "en": "Voucher number gaps and repeats"},
    "check.unbalanced_vouchers.title": {"zh": "借贷不平衡的凭证", "en": "Unbalanced vouchers"},
    "check.missing_attachments.title": {"zh": "支出凭证无附件", "en": "Spending vouchers without documents"},
    "check.occasion_caps.title": {"zh": "慰问超过单项限额", "en": "Greetings over their per-person cap"},
    # -- banned spending ------------------------------------------------------------------------------
    "check.banned_keywords.shopping_cards": {
        "zh": _ENTRY_ZH + "：摘要含“{word}”，疑似发放购物卡、代金券等",
        "en": _ENTRY_EN + ": the summary says “{word}”, possibly shopping cards or cash vouchers",
    },
    "check.banned_keywords.cash_handouts": {
        "zh": _ENTRY_ZH + "：摘要含“{word}”，疑似发放现金或过节费",
        "en": _ENTRY_EN + ": the summary says “{word}”, possibly a cash handout",
    },
    "check.banned_keywords.banquets": {
        "zh": _ENTRY_ZH + "：摘要含“{word}”，疑似宴请、请客送礼",
        "en": _ENTRY_EN + ": the summary says “{word}”, possibly treating or gifts to outsiders",
    },
    "check.banned_keywords.entertainment": {
        "zh": _ENTRY_ZH + "：摘要含“{word}”，疑似高消费娱乐、健身",
        "en": _ENTRY_EN + ": the summary says “{word}”, possibly high-end entertainment",
    },
    "check.banned_keywords.tourism": {
        "zh": _ENTRY_ZH + "：摘要含“{word}”，疑似旅游或以疗休养名义变相旅游",
        "en": _ENTRY_EN + ": the summary says “{word}”, possibly tourism (perhaps disguised as 疗休养)",
    },
    "check.banned_keywords.tobacco_alcohol": {
        "zh": _ENTRY_ZH + "：摘要含“{word}”，疑似购买烟酒",
        "en": _ENTRY_EN + ": the summary says “{word}”, possibly tobacco or alcohol",
    },
    "check.employer_costs.hit": {
        "zh": _ENTRY_ZH + "：摘要含“{word}”，疑似应由行政（单位）负担的费用在工会经费中列支",
        "en": _ENTRY_EN + ": the summary says “{word}”, possibly a cost the employer must bear",
    },
    # -- holiday gifts --------------------------------------------------------------------------------
    "check.holiday_gift_cap.over": {
        "zh": "{year} 年节日慰问品支出 {count} 笔，合计 {total} 元，按会员 {members} 人、每人每年 {per_member} 元，"
        "限额为 {cap} 元，超出 {excess} 元（人均 {per_capita} 元）",
        "en": "holiday gifts in {year}: {count} entries, {total} yuan in all; with {members} members at "
        "{per_member} yuan each a year the cap is {cap} yuan, exceeded by {excess} yuan ({per_capita} a member)",
    },
    "check.holiday_gift_cap.no_members": {
        "zh": "{year} 年节日慰问品支出 {count} 笔，合计 {total} 元；未登记该单位的会员人数，"
        "无法核对每人每年 {per_member} 元的限额，请补录会员人数后重新检查",
        "en": "holiday gifts in {year}: {count} entries, {total} yuan in all; the unit's member count is not "
        "recorded, so the cap of {per_member} yuan a member a year cannot be checked — record it and re-run",
    },
    "check.holiday_gift_cap.no_cap": {
        "zh": "{year} 年节日慰问品支出 {count} 笔，合计 {total} 元，会员 {members} 人，人均 {per_capita} 元；"
        "本县适用的标准文件“{profile}”没有规定每人每年限额，本软件未作限额核对，请对照本省规定核对",
        "en": "holiday gifts in {year}: {count} entries, {total} yuan in all, {per_capita} yuan for each of "
        "{members} members; the standards profile “{profile}” sets no yearly cap, so no cap was checked — "
        "compare with the province's rule",
    },
    "check.holiday_gift_cap.no_cap_no_members": {
        "zh": "{year} 年节日慰问品支出 {count} 笔，合计 {total} 元；本县适用的标准文件“{profile}”没有规定"
        "每人每年限额，本软件未作限额核对，请对照本省规定核对（补录会员人数后可显示人均金额）",
        "en": "holiday gifts in {year}: {count} entries, {total} yuan in all; the standards profile “{profile}” "
        "sets no yearly cap, so no cap was checked — compare with the province's rule (record the member "
        "count to see the amount per member)",
    },
    # -- days off -------------------------------------------------------------------------------------
    "check.weekend_meals_gifts.weekend": {
        "zh": _ENTRY_ZH + "：餐费或慰问品支出发生在周末",
        "en": _ENTRY_EN + ": a meal or gift paid on a weekend",
    },
    "check.weekend_meals_gifts.holiday": {
        "zh": _ENTRY_ZH + "：餐费或慰问品支出发生在法定节假日（{holiday}）",
        "en": _ENTRY_EN + ": a meal or gift paid on a statutory holiday ({holiday})",
    },
    "check.weekend_meals_gifts.day_off": {
        "zh": _ENTRY_ZH + "：餐费或慰问品支出发生在非工作日",
        "en": _ENTRY_EN + ": a meal or gift paid on a day off",
    },
    "check.weekend_meals_gifts.no_calendar": {
        "zh": "本软件没有 {year} 年的法定节假日安排，该年 {count} 笔餐费和慰问品支出只按周六、周日检查，"
        "未识别节假日和调休上班日",
        "en": "the statutory holiday calendar of {year} is not known: its {count} meal and gift entries were "
        "checked against Saturdays and Sundays only, without holidays and make-up working days",
    },
    # -- payments -------------------------------------------------------------------------------------
    "check.holiday_gift_cap.over_share": {
        "zh": "{year} 年节日慰问品 {count} 笔合计 {total} 元，超过当年收入 {income} 元的 {share}%（{limit} 元），"
        "超出 {excess} 元",
        "en": "{year}: {count} holiday gift entries total {total} yuan, over {share}% of the year's income of "
        "{income} yuan ({limit} yuan) by {excess} yuan",
    },
    "check.duplicate_payments.invoice": {
        "zh": "同一张发票（号码 {invoice}）支付了两次，每次 {amount} 元：{date1} 凭证 {voucher1}“{summary1}”；"
        "{date2} 凭证 {voucher2}“{summary2}”",
        "en": "the same invoice (number {invoice}) was paid twice, {amount} yuan each: {date1} voucher {voucher1} "
        "“{summary1}”; {date2} voucher {voucher2} “{summary2}”",
    },
    "check.duplicate_payments.pair": {
        "zh": "两笔支出金额均为 {amount} 元、摘要相同或相近、相隔 {days} 天：{date1} 凭证 {voucher1}“{summary1}”；"
        "{date2} 凭证 {voucher2}“{summary2}”，疑似重复支付",
        "en": "two payments of {amount} yuan each with the same or a similar summary, {days} days apart: "
        "{date1} voucher {voucher1} “{summary1}”; {date2} voucher {voucher2} “{summary2}” — possibly paid twice",
    },
    # -- vouchers -------------------------------------------------------------------------------------
    "check.voucher_gaps_repeats.gap": {
        "zh": "{month} “{kind}”字凭证编号 {first}—{last} 之间缺 {count} 个号：{missing}",
        "en": "{month}, vouchers of type “{kind}” numbered {first}–{last}: {count} numbers missing: {missing}",
    },
    "check.voucher_gaps_repeats.repeat": {
        "zh": "{month} 凭证号 {voucher} 在不同日期重复使用：{dates}",
        "en": "{month}: voucher number {voucher} is used on different dates: {dates}",
    },
    "check.unbalanced_vouchers.unbalanced": {
        "zh": "{month} 凭证 {voucher} 借贷不平衡：借方 {debit} 元，贷方 {credit} 元，差额 {difference} 元",
        "en": "{month} voucher {voucher} does not balance: debit {debit}, credit {credit}, difference {difference}",
    },
    # -- basis ----------------------------------------------------------------------------------------
    "check.basis.keyword_list": {
        "zh": "{basis}（标准文件：{profile}）",
        "en": "{basis} (standards profile: {profile})",
    },
    "check.basis.holiday_gifts": {
        "zh": "中华全国总工会《基层工会经费收支管理办法》（总工办发〔2017〕32号）：节日慰问品限额由各省规定；{document}",
        "en": "ACFTU Measures for the Income and Expenditure of Grassroots Union Funds (总工办发〔2017〕32号): "
        "the provinces set the holiday-gift cap; {document}",
    },
    "check.basis.holiday_gifts_no_cap": {
        "zh": "中华全国总工会《基层工会经费收支管理办法》（总工办发〔2017〕32号）：基层工会逢年过节可向全体会员"
        "发放少量节日慰问品，限额由各省规定",
        "en": "ACFTU Measures for the Income and Expenditure of Grassroots Union Funds (总工办发〔2017〕32号): "
        "a small holiday gift for every member; the provinces set the cap",
    },
    "check.basis.days_off": {
        "zh": "中华全国总工会《基层工会经费收支管理办法》（总工办发〔2017〕32号）“八不准”（不准请客送礼）；"
        "节日慰问品限于法定节日：非工作日发生的餐费、慰问品支出应查明事由",
        "en": "ACFTU Measures for Grassroots Union Funds (总工办发〔2017〕32号), the “eight don'ts” (no treating or "
        "gifts); holiday gifts only for statutory holidays — meals and gifts paid on a day off need a stated reason",
    },
    "check.basis.duplicate": {
        "zh": "《会计基础工作规范》关于原始凭证审核的要求：同一经济业务不得重复报销、重复支付",
        "en": "Basic Norms for Accounting Work, on examining original vouchers: one transaction is paid only once",
    },
    "check.basis.voucher_numbers": {
        "zh": "《会计基础工作规范》：记账凭证应当连续编号",
        "en": "Basic Norms for Accounting Work: bookkeeping vouchers are numbered consecutively",
    },
    "check.missing_attachments.zero": {
        "zh": "凭证 {voucher}（{date}“{summary}”）附件张数为 0：支出 {lines} 笔，合计 {total} 元，未附原始凭证",
        "en": "voucher {voucher} ({date} “{summary}”) has 0 attachments: {lines} spending entries, {total} yuan "
        "in all, with no original document",
    },
    "check.missing_attachments.blank": {
        "zh": "{year} 年有 {count} 笔支出所在的凭证未填附件张数，合计 {total} 元，请核对原始凭证是否齐全：{entries}",
        "en": "{year}: {count} spending entries, {total} yuan in all, are on vouchers with no attachment count — "
        "check that their original documents are there: {entries}",
    },
    "check.occasion_caps.over": {
        "zh": _ENTRY_ZH + "：摘要含“{word}”，共 {persons} 人，每人 {per_person} 元，超过每人 {cap} 元的限额",
        "en": _ENTRY_EN + ": the summary says “{word}”, {persons} persons, {per_person} yuan each — over the cap "
        "of {cap} yuan a person",
    },
    "check.occasion_caps.over_one": {
        "zh": _ENTRY_ZH + "：摘要含“{word}”，未写人数，按 1 人计超过每人 {cap} 元的限额；如为多人合计，请核对签领名单",
        "en": _ENTRY_EN + ": the summary says “{word}” and no number of persons; for one person it is over the "
        "cap of {cap} yuan — if it covers several, check the signed list",
    },
    "check.basis.occasion_caps": {
        "zh": "会员生日、结婚、生育、住院、去世、退休等慰问的限额由各省规定：{document}（{effective} 起施行）",
        "en": "the provinces cap birthday, wedding, childbirth, hospital, death and retirement greetings: "
        "{document} (in force from {effective})",
    },
    "check.basis.attachments": {
        "zh": "《会计基础工作规范》第五十一条：记账凭证应注明所附原始凭证张数；除结账和更正错误的记账凭证外，"
        "记账凭证必须附有原始凭证（工会经费支出不得以白条入账）",
        "en": "Basic Norms of Accounting Work, art. 51: a voucher states how many original documents it carries; "
        "except for closing and corrections every voucher must carry them (no IOUs for union spending)",
    },
    "check.basis.double_entry": {
        "zh": "《工会会计制度》采用借贷记账法：有借必有贷，借贷必相等",
        "en": "Union Accounting System, double entry: every voucher's debits equal its credits",
    },
}

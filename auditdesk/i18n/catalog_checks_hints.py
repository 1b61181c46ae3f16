"""Messages of the analytic checks in ``core/checks/`` occasions, splits, periods and hints: gifts
outside the gift holidays, split payments, cut-off, spending structure, round amounts, first digits.

Amounts arrive formatted (``1,234.50``), dates ISO; ``{entries}`` is a list of entries
(``date voucher“summary”amount``) joined by ``；``. The basis texts name documents only: no article
number is given where the source was not checked."""

_ENTRY_ZH = "{date} 凭证 {voucher}“{summary}”{amount} 元"
_ENTRY_EN = "{date} voucher {voucher} “{summary}” {amount} yuan"
_MEASURES_ZH = "中华全国总工会《基层工会经费收支管理办法》（总工办发〔2017〕32号）"
_MEASURES_EN = "ACFTU Measures for the Income and Expenditure of Grassroots Union Funds (总工办发〔2017〕32号)"

MESSAGES: dict[str, dict[str, str]] = {
    # -- titles ---------------------------------------------------------------------------------------
    "check.gifts_outside_holidays.title": {
        "zh": "非法定节日发放慰问品",
        "en": "Gifts outside the statutory holidays",
    },
    "check.split_payments.title": {"zh": "疑似拆分支付", "en": "Possible split payments"},
    "check.cutoff.title": {"zh": "跨期和倒签凭证", "en": "Cut-off and back-dated vouchers"},
    "check.spending_structure.title": {"zh": "支出结构", "en": "Spending structure"},
    "check.round_amounts.title": {"zh": "整数金额支出", "en": "Round-amount spending"},
    "check.benford.title": {"zh": "首位数字分布（本福特定律）", "en": "First digits (Benford's law)"},
    # -- gifts outside the holidays -------------------------------------------------------------------
    "check.gifts_outside_holidays.festival": {
        "zh": _ENTRY_ZH + "：摘要写明“{festival}”，该节日不是国家法定节日，不得以其名义发放慰问品",
        "en": _ENTRY_EN + ": the summary names “{festival}”, which is not a statutory holiday — no gifts "
        "may be given for it",
    },
    "check.gifts_outside_holidays.named_outside": {
        "zh": _ENTRY_ZH + "：摘要写明{holiday}，但支出日期不在该节日前 {days} 天至节日结束之间"
        "（最近的一段为 {window}），请核实是否确为该节日的慰问品",
        "en": _ENTRY_EN + ": the summary names {holiday}, but the date is not between {days} days before "
        "that holiday and its end (the nearest such span is {window}) — check that these are that holiday's gifts",
    },
    "check.gifts_outside_holidays.holiday_outside": {
        "zh": _ENTRY_ZH + "：摘要为节日慰问，但支出日期不在任何法定节日前 {days} 天至节日结束之间",
        "en": _ENTRY_EN + ": a holiday gift dated outside every statutory holiday's span ({days} days "
        "before the holiday to its end)",
    },
    "check.gifts_outside_holidays.no_occasion": {
        "zh": "{year} 年会员活动支出中有 {count} 笔不在法定节日前 {days} 天至节日结束之间，"
        "摘要也未写明事由（生日、结婚、生育、住院、去世、退休等），合计 {total} 元，请逐笔核实发放事由：{entries}",
        "en": "{year}: {count} member-activity entries, {total} yuan in all, are dated outside the statutory "
        "holidays' spans ({days} days before to the end) and state no occasion (birthday, wedding, birth, "
        "hospital stay, death, retirement …) — check the reason of each: {entries}",
    },
    "check.gifts_outside_holidays.no_calendar": {
        "zh": "本软件没有 {year} 年的法定节假日安排，该年 {count} 笔会员活动支出未按节日时段检查，"
        "只检查了摘要中的非法定节日",
        "en": "the statutory holiday calendar of {year} is not known: its {count} member-activity entries were "
        "not checked against the holidays' spans, only for named non-statutory festivals",
    },
    # -- split payments -------------------------------------------------------------------------------
    "check.split_payments.over_rule": {
        "zh": "“{subject}”在 {first} 至 {last}（{days} 天内）分 {count} 笔支付，每笔均低于集体决策金额标准 "
        "{threshold} 元（最大一笔 {largest} 元），合计 {total} 元，已达到该标准，疑似拆分支付以规避工会委员会"
        "集体研究：{entries}",
        "en": "“{subject}”: {count} payments from {first} to {last} (within {days} days), each under the "
        "collective-decision threshold of {threshold} yuan (largest {largest}), {total} yuan in all, which "
        "reaches it — possibly split to avoid the committee's collective decision: {entries}",
    },
    "check.split_payments.round_no_rule": {
        "zh": "“{subject}”在 {first} 至 {last}（{days} 天内）分 {count} 笔支付，每笔均略低于 {threshold} 元"
        "（最大一笔 {largest} 元），合计 {total} 元。所选标准文件没有当时有效的集体决策金额标准，此处按常见的整数审批额度 "
        "{threshold} 元提示，请对照单位自己的经费管理制度核实是否拆分支付：{entries}",
        "en": "“{subject}”: {count} payments from {first} to {last} (within {days} days), each just under "
        "{threshold} yuan (largest {largest}), {total} yuan in all. The standards profile has no "
        "collective-decision threshold in force then; {threshold} yuan is a common round approval limit — check the unit's "
        "own rules for a split payment: {entries}",
    },
    "check.split_payments.round_with_rule": {
        "zh": "“{subject}”在 {first} 至 {last}（{days} 天内）分 {count} 笔支付，每笔均略低于 {threshold} 元"
        "（最大一笔 {largest} 元），合计 {total} 元（标准文件的集体决策金额标准为 {rule_threshold} 元）。"
        "{threshold} 元是常见的整数审批额度，请对照单位自己的经费管理和采购制度核实是否拆分支付：{entries}",
        "en": "“{subject}”: {count} payments from {first} to {last} (within {days} days), each just under "
        "{threshold} yuan (largest {largest}), {total} yuan in all (the profile's collective-decision threshold "
        "is {rule_threshold} yuan). {threshold} yuan is a common round approval limit — check the unit's own "
        "spending and purchasing rules for a split payment: {entries}",
    },
    # -- cut-off --------------------------------------------------------------------------------------
    "check.cutoff.before": {
        "zh": "{count} 笔分录的日期（{first} 至 {last}）早于审计期间 {start} 至 {end}：{entries}",
        "en": "{count} entries are dated ({first} to {last}) before the audit period {start} to {end}: {entries}",
    },
    "check.cutoff.after": {
        "zh": "{count} 笔分录的日期（{first} 至 {last}）晚于审计期间 {start} 至 {end}：{entries}",
        "en": "{count} entries are dated ({first} to {last}) after the audit period {start} to {end}: {entries}",
    },
    "check.cutoff.backdated": {
        "zh": "凭证 {voucher}（{date}，“{summary}”）编号在凭证 {other_voucher}（{other_date}）之后，"
        "日期却早 {days} 天（超过 {limit} 天），疑似补记或倒签日期",
        "en": "voucher {voucher} ({date}, “{summary}”) is numbered after voucher {other_voucher} ({other_date}) "
        "but dated {days} days earlier (more than {limit}) — possibly booked late or back-dated",
    },
    # -- spending structure ---------------------------------------------------------------------------
    "check.spending_structure.table": {
        "zh": "{year} 年支出合计 {total} 元（不含年末结转），各科目金额（元）及占比：{table}。"
        "标准文件未规定各项支出的比例，仅供分析参考",
        "en": "{year}: spending {total} yuan in all (closing entries excluded); per account (yuan) and share: "
        "{table}. The standards set no shares; for analysis only",
    },
    "check.spending_structure.business_over_members": {
        "zh": "{year} 年业务支出和其他支出（{business_accounts}）合计 {business} 元，占 {business_share}，"
        "超过用于会员和职工的支出（{member_accounts}）{members} 元（占 {members_share}）。"
        "工会经费应主要用于为职工服务和开展工会活动，请关注支出结构（审计经验提示，不是规定的比例）",
        "en": "{year}: business and other spending ({business_accounts}) of {business} yuan ({business_share}) "
        "exceeds the spending on members and workers ({member_accounts}) of {members} yuan ({members_share}). "
        "Union funds are meant mainly for serving the workers — look at the structure (an audit rule of "
        "thumb, not a prescribed share)",
    },
    # -- round amounts and first digits ---------------------------------------------------------------
    "check.round_amounts.group": {
        "zh": "{year} 年“{account}”有 {count} 笔金额为 {unit} 元整数倍且不低于 {minimum} 元的支出，"
        "合计 {total} 元，整数金额可能是估算、预付或拆分后的金额，请核对发票和合同：{entries}",
        "en": "{year}, “{account}”: {count} payments in whole multiples of {unit} yuan and of at least "
        "{minimum} yuan, {total} yuan in all — round amounts may be estimates, advances or split sums; "
        "check the invoices and contracts: {entries}",
    },
    "check.benford.nonconforming": {
        "zh": "{year} 年 {count} 笔 10 元以上支出的首位数字分布与本福特定律不符（平均绝对偏差 MAD {mad}，"
        "超过 {limit}）；偏多的首位数字：{digits}。各数字的实际占比／理论占比：{shares}。"
        "已列出其中金额最大的 {listed} 笔，供抽查参考",
        "en": "{year}: the first digits of {count} payments of 10 yuan or more do not follow Benford's law "
        "(mean absolute deviation {mad}, above {limit}); over-represented first digits: {digits}. Observed / "
        "expected share per digit: {shares}. The {listed} largest of their payments are listed for sampling",
    },
    # -- basis ----------------------------------------------------------------------------------------
    "check.basis.gift_holidays": {
        "zh": _MEASURES_ZH + "：基层工会可在国家规定的法定节日（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）"
        "和经批准的少数民族节日向会员发放节日慰问品；生日、婚丧、生育、住院、退休等慰问按各省标准另行列支",
        "en": _MEASURES_EN + ": holiday gifts only for the statutory holidays (New Year, Spring Festival, "
        "Qingming, Labour Day, Dragon Boat, Mid-autumn, National Day) and approved ethnic holidays; birthday, "
        "wedding, funeral, birth, hospital and retirement gifts follow the provincial caps",
    },
    "check.basis.collective_decision": {
        "zh": "基层工会实行工会委员会集体领导下的主席负责制，大额经费支出应经工会委员会集体研究决定"
        "（" + _MEASURES_ZH + "及各省实施办法）；标准依据：{document}",
        "en": "the union chair is responsible under the committee's collective leadership; large spending needs "
        "the committee's collective decision (" + _MEASURES_EN + " and the provincial rules); threshold: {document}",
    },
    "check.basis.cutoff_period": {
        "zh": "《工会会计制度》（财会〔2021〕7号）：会计核算应当划分会计期间，分期结算账目；"
        "审计期间以外的分录应查明其所属期间",
        "en": "Union Accounting System (财会〔2021〕7号): accounts are kept and closed by accounting period; "
        "entries outside the audit period need their period established",
    },
    "check.basis.backdated": {
        "zh": "《会计基础工作规范》：记账凭证应当连续编号；编号在后而日期明显在前的凭证应查明原因",
        "en": "Basic Norms for Accounting Work: bookkeeping vouchers are numbered consecutively; a voucher "
        "numbered later but dated well before another needs an explanation",
    },
    "check.basis.spending_structure": {
        "zh": _MEASURES_ZH + "：工会经费主要用于为职工服务和开展工会活动；支出比例为审计分析提示，不作为违规定性依据",
        "en": _MEASURES_EN + ": union funds serve mainly the workers and union activities; the shares are an "
        "analytic hint, not a ground for a finding",
    },
    "check.basis.analytic_hint": {
        "zh": "审计分析性程序提示（不作为违规定性依据），用于确定需要重点核对的凭证",
        "en": "an analytic audit procedure (not a ground for a finding), pointing at vouchers worth checking",
    },
    "check.basis.benford": {
        "zh": "审计分析性程序：首位数字检验（本福特定律；平均绝对偏差界限依 Nigrini《Benford's Law》2012），"
        "不作为违规定性依据",
        "en": "analytic audit procedure: first-digit test (Benford's law; MAD cut-offs after Nigrini, "
        "“Benford's Law”, 2012), not a ground for a finding",
    },
}

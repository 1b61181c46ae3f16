"""Messages of the standards profiles (provincial caps, keyword lists) and ``auditdesk standards``.

The shared file-error keys (``standards.bad_key``, ``standards.bad_toml``, ``standards.reason.*`` of the
plan weights) live in ``catalog_plan``; only new keys are here."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- loading -------------------------------------------------------------------------------------
    "standards.unknown_profile": {
        "zh": "没有名为“{name}”的标准文件；现有：{known}",
        "en": "there is no standards profile “{name}”; known: {known}",
    },
    "standards.office_unknown": {
        "zh": "办公室设置 {file} 中的 standards = “{name}” 没有对应的标准文件；现有：{known}",
        "en": "the office file {file} names standards = “{name}”, but there is no such profile; known: {known}",
    },
    "standards.reason.unknown_profile": {
        "zh": "继承的标准文件“{value}”不存在；现有：{known}",
        "en": "the profile it extends, “{value}”, does not exist; known: {known}",
    },
    "standards.reason.extends_cycle": {
        "zh": "继承关系形成循环：{value}",
        "en": "the profiles extend each other in a cycle: {value}",
    },
    "standards.reason.bad_amount": {
        "zh": "“{value}”不是有效金额（写成加引号的金额，如 \"1500\" 或 \"1500.50\"，单位为元）",
        "en": "“{value}” is not a valid amount (write it in quotes, such as \"1500\" or \"1500.50\", in yuan)",
    },
    "standards.reason.bad_date": {
        "zh": "“{value}”不是有效日期（写成 2018-03-12 这样的日期）",
        "en": "“{value}” is not a valid date (write a date such as 2018-03-12)",
    },
    "standards.reason.not_in_date_order": {
        "zh": "各版本应按生效日期从早到晚排列，且日期互不相同：{value} 不晚于上一版本的 {before}",
        "en": "versions must be in order of effective date, each later than the one before: {value} is not after {before}",
    },
    "standards.reason.no_versions": {
        "zh": "应为一个或多个版本（[[表]]），每个版本含 value、effective 等项",
        "en": "it should be one or more versions ([[tables]]), each with value, effective and the rest",
    },
    "standards.reason.bad_strength": {
        "zh": "“{value}”不是可用的来源可靠性；可用：{allowed}",
        "en": "“{value}” is not a known strength of source; known: {allowed}",
    },
    "standards.reason.not_text_list": {
        "zh": "“{value}”应为方括号中的文字列表，如 [\"购物卡\", \"代金券\"]",
        "en": "“{value}” should be a list of texts in brackets, such as [\"购物卡\", \"代金券\"]",
    },
    "standards.reason.empty_list": {"zh": "列表不能为空", "en": "the list must not be empty"},
    "standards.reason.bad_percent": {
        "zh": "“{value}”不是有效比例（写成加引号的百分数，大于 0、不超过 100，如 \"60\"）",
        "en": "“{value}” is not a valid share (write a percentage in quotes, above 0 and at most 100, such as \"60\")",
    },
    # -- names of rules, keyword lists and strengths -------------------------------------------------------
    "standards.rule.holiday_gifts": {"zh": "节日慰问品（每人每年合计）", "en": "holiday gifts (per member per year)"},
    "standards.rule.birthday": {"zh": "生日慰问", "en": "birthday"},
    "standards.rule.wedding": {"zh": "结婚慰问", "en": "wedding"},
    "standards.rule.childbirth": {"zh": "生育慰问", "en": "childbirth"},
    "standards.rule.hospital": {"zh": "住院慰问", "en": "hospital stay"},
    "standards.rule.member_death": {"zh": "会员去世慰问", "en": "death of a member"},
    "standards.rule.relative_death": {"zh": "直系亲属去世慰问", "en": "death of a close relative"},
    "standards.rule.retirement": {"zh": "退休离岗纪念", "en": "retirement"},
    "standards.rule.hardship_aid": {"zh": "困难帮扶一次性慰问金", "en": "one-off hardship aid"},
    "standards.rule.collective_decision": {
        "zh": "须集体研究决定的支出起点", "en": "spending that needs the committee's collective decision",
    },
    "standards.rule.cash_payment": {"zh": "现金结算起点（超过应转账）", "en": "cash payment limit (above it: transfer)"},
    "standards.rule.cash_balance": {"zh": "库存现金限额", "en": "cash balance limit"},
    "standards.rule.retained_share": {"zh": "拨缴经费基层留成比例", "en": "retained share of the 2% allocation"},
    "standards.rule.holiday_gifts_share": {
        "zh": "节日慰问品全年合计占当年收入的比例上限",
        "en": "holiday gifts in a year, as a share of the year's income",
    },
    "standards.unit.percent": {"zh": "{value}%", "en": "{value}%"},
    "standards.keywords.shopping_cards": {"zh": "购物卡、代金券", "en": "shopping cards and vouchers"},
    "standards.keywords.cash_handouts": {"zh": "发放现金", "en": "cash handouts"},
    "standards.keywords.tobacco_alcohol": {"zh": "烟酒", "en": "tobacco and alcohol"},
    "standards.keywords.banquets": {"zh": "宴请、请客送礼", "en": "banquets and treating"},
    "standards.keywords.tourism": {"zh": "旅游、景区", "en": "tourism and sightseeing"},
    "standards.keywords.entertainment": {"zh": "高档娱乐", "en": "high-end entertainment"},
    "standards.keywords.employer_costs": {"zh": "应由行政负担的费用", "en": "costs the employer must bear"},
    "standards.keywords.condolence": {
        "zh": "慰问金、帮扶款等个人款项（应转账发放）", "en": "condolence and hardship money (by bank transfer)",
    },
    "standards.keywords.gift_occasions": {
        "zh": "非节日慰问事由（生日、婚育、住院、丧葬、退休）",
        "en": "non-holiday occasions (birthday, wedding, birth, illness, death, retirement)",
    },
    "standards.strength.official": {"zh": "官方原文", "en": "official"},
    "standards.strength.secondary": {"zh": "二手资料", "en": "secondary"},
    "standards.strength.unverified": {"zh": "未核实", "en": "unverified"},
    # -- CLI --------------------------------------------------------------------------------------------
    "standards.cli.help": {"zh": "标准文件（各省限额、关键词清单）：列出、查看", "en": "standards profiles: list, show"},
    "standards.cli.list.help": {"zh": "列出可用的标准文件", "en": "list the standards profiles"},
    "standards.cli.show.help": {
        "zh": "查看一个标准文件：每条规则在某日有效的限额及其依据",
        "en": "show a profile: each rule's cap in force on a date, with its basis",
    },
    "standards.cli.arg.name": {
        "zh": "标准文件名，如 anhui；不写则为办公室设置（office.toml 的 standards）中本县的标准文件",
        "en": "the profile's name, such as anhui; default: the county's profile (standards in office.toml)",
    },
    "standards.cli.opt.on": {
        "zh": "查看该日期（YYYY-MM-DD）有效的版本，默认今天",
        "en": "show the versions in force on this date (YYYY-MM-DD); default today",
    },
    "standards.cli.col.name": {"zh": "名称", "en": "name"},
    "standards.cli.col.title": {"zh": "标题", "en": "title"},
    "standards.cli.col.copy": {"zh": "用户副本", "en": "user copy"},
    "standards.cli.col.file": {"zh": "文件", "en": "file"},
    "standards.cli.col.rule": {"zh": "规则", "en": "rule"},
    "standards.cli.col.value": {"zh": "限额（元）或比例", "en": "cap (yuan) or share"},
    "standards.cli.col.effective": {"zh": "生效日期", "en": "effective"},
    "standards.cli.col.strength": {"zh": "来源可靠性", "en": "strength"},
    "standards.cli.col.document": {"zh": "依据文件", "en": "document"},
    "standards.cli.yes": {"zh": "是", "en": "yes"},
    "standards.cli.none": {"zh": "没有标准文件", "en": "no standards profiles"},
    "standards.cli.not_in_force": {"zh": "（该日尚无有效版本）", "en": "(no version in force on that date)"},
    "standards.cli.heading": {
        "zh": "{title}（{name}，继承：{chain}）· {on} 有效的规则",
        "en": "{title} ({name}, extends: {chain}) · rules in force on {on}",
    },
    "standards.cli.source": {"zh": "  {rule}：{source}{note}", "en": "  {rule}: {source}{note}"},
    "standards.cli.sources": {"zh": "来源：", "en": "sources:"},
    "standards.cli.holidays": {"zh": "可发节日慰问品的节日：{holidays}", "en": "gift holidays: {holidays}"},
    "standards.cli.keywords": {"zh": "关键词清单：", "en": "keyword lists:"},
    "standards.cli.keyword_line": {
        "zh": "  {title}：{words}{allowed}",
        "en": "  {title}: {words}{allowed}",
    },
    "standards.cli.allowed": {"zh": "（例外：{words}）", "en": " (allowed: {words})"},
    "standards.cli.cash": {"zh": "现金与凭证规则：", "en": "cash and voucher rules:"},
    # -- TUI ----------------------------------------------------------------------------------------------
    "tui.standards.key": {"zh": "标准", "en": "Standards"},
    "tui.standards.tip": {
        "zh": "查看标准文件：某日有效的各项限额、关键词清单和可发慰问品的节日",
        "en": "see a standards profile: the caps in force on a date, keyword lists, gift holidays",
    },
    "tui.standards.key.profile": {"zh": "标准文件", "en": "Profile"},
    "tui.standards.tip.profile": {"zh": "选择要查看的标准文件", "en": "choose the profile to show"},
    "tui.standards.key.date": {"zh": "日期", "en": "Date"},
    "tui.standards.tip.date": {
        "zh": "输入日期（YYYY-MM-DD），按回车查看该日有效的限额",
        "en": "type a date (YYYY-MM-DD) and press Enter to see the caps in force that day",
    },
    "tui.standards.title": {"zh": "标准文件", "en": "Standards"},
    "tui.standards.heading": {
        "zh": "标准文件：经费使用限额及其依据（只读；修改请编辑用户数据目录 standards/ 中的副本）",
        "en": "Standards: the caps on union spending and their basis (read-only; edit your copy in the user data folder's standards/)",
    },
    "tui.standards.profile": {"zh": "标准文件", "en": "Profile"},
    "tui.standards.profile_prompt": {"zh": "选择标准文件", "en": "choose a profile"},
    "tui.standards.date": {"zh": "有效日期", "en": "In force on"},
    "tui.standards.loading": {"zh": "正在读取标准文件……", "en": "reading the profile…"},
    "tui.standards.col.rule": {"zh": "规则", "en": "Rule"},
    "tui.standards.col.value": {"zh": "限额（元）或比例", "en": "Cap (yuan) or share"},
    "tui.standards.col.effective": {"zh": "生效日期", "en": "Effective"},
    "tui.standards.col.strength": {"zh": "来源可靠性", "en": "Strength"},
    "tui.standards.col.document": {"zh": "依据文件", "en": "Document"},
    "tui.standards.not_in_force": {"zh": "（该日尚无有效版本）", "en": "(no version in force on that date)"},
    "tui.standards.status": {
        "zh": "{title}（{name}，继承：{chain}）· {on} 有效的限额，共 {count} 条规则",
        "en": "{title} ({name}, extends: {chain}) · caps in force on {on}, {count} rules",
    },
    "tui.standards.no_caps": {
        "zh": "{title}（{name}，继承：{chain}）不规定任何金额限额：限额由各省标准文件规定（如 anhui），请在上方选择",
        "en": "{title} ({name}, extends: {chain}) sets no amounts: the caps come from the provincial profiles (such as anhui); choose one above",
    },
    "tui.standards.bad_date": {
        "zh": "“{value}”不是有效日期，请写成 2025-09-01 这样的日期",
        "en": "“{value}” is not a valid date; write a date such as 2025-09-01",
    },
    "tui.standards.holidays": {"zh": "可发节日慰问品的节日：{holidays}", "en": "Gift holidays: {holidays}"},
    "tui.standards.keywords": {"zh": "关键词清单：", "en": "Keyword lists:"},
    "tui.standards.keyword_line": {
        "zh": "  {id} {title}：{words}{allowed}",
        "en": "  {id} {title}: {words}{allowed}",
    },
    "tui.standards.allowed": {"zh": "；例外：{words}", "en": "; allowed: {words}"},
    "tui.standards.cash": {"zh": "现金与凭证规则：", "en": "Cash and voucher rules:"},
    "tui.standards.no_details": {
        "zh": "本标准文件没有关键词清单和节日规定",
        "en": "this profile has no keyword lists and no gift holidays",
    },
}

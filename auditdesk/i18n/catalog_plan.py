"""Messages of the annual audit plan (年度审计计划) and of the standards files."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- standards files ------------------------------------------------------------------------------
    "standards.bad_key": {
        "zh": "标准文件 {file} 中的 {setting} 有误：{reason}",
        "en": "the standards file {file} is wrong at {setting}: {reason}",
    },
    "standards.bad_toml": {
        "zh": "标准文件 {file} 不是有效的 TOML：{reason}",
        "en": "the standards file {file} is not valid TOML: {reason}",
    },
    "standards.missing": {
        "zh": "找不到标准文件 {name}：随软件提供的 {shipped} 不存在，用户副本 {user} 也不存在",
        "en": "the standards file {name} is missing: neither the shipped {shipped} nor a user copy {user} exists",
    },
    "standards.unreadable": {
        "zh": "无法读取标准文件 {file}（应为 UTF-8 文本）：{reason}",
        "en": "cannot read the standards file {file} (it should be UTF-8 text): {reason}",
    },
    "standards.reason.missing_table": {"zh": "缺少这一节（表）", "en": "this table is missing"},
    "standards.reason.not_table": {"zh": "应为一节（[表]）", "en": "it should be a [table]"},
    "standards.reason.unknown": {
        "zh": "不认识这一项；可用的项：{allowed}",
        "en": "unknown setting; the known ones are: {allowed}",
    },
    "standards.reason.missing": {"zh": "缺少这一项", "en": "this setting is missing"},
    "standards.reason.not_whole": {
        "zh": "“{value}”不是整数（分值与金额都写整数，金额单位为元）",
        "en": "“{value}” is not a whole number (points and amounts are whole numbers; amounts in yuan)",
    },
    "standards.reason.negative": {"zh": "不能为负数：{value}", "en": "must not be negative: {value}"},
    "standards.reason.not_list": {
        "zh": "“{value}”应为方括号中的整数列表，如 [10, 20]",
        "en": "“{value}” should be a list of whole numbers in brackets, such as [10, 20]",
    },
    "standards.reason.not_text": {
        "zh": "“{value}”应为非空的文字（加引号）",
        "en": "“{value}” should be non-empty text (in quotes)",
    },
    "standards.reason.size_zero": {"zh": "建议选取的单位数至少为 1", "en": "the plan size must be at least 1"},
    "standards.reason.never_below_cap": {
        "zh": "从未审计的得分应不低于距上次审计年数得分的上限（{cap}），否则从未审计的单位不会排在最前",
        "en": "never-audited points must not be below the cap on years since the last audit ({cap}), or"
        " never-audited units would not rank first",
    },
    "standards.reason.band_length": {
        "zh": "得分个数应与 {other} 的阈值个数相同",
        "en": "it needs as many points as {other} has thresholds",
    },
    "standards.reason.not_rising": {
        "zh": "阈值应从小到大排列且互不相同",
        "en": "the thresholds must be strictly increasing",
    },
    # -- scoring ---------------------------------------------------------------------------------------
    "plan.bad_year": {
        "zh": "计划年度 {year} 不合理，应为 {first}—{last} 年间的四位数年份",
        "en": "plan year {year} is not plausible; give a four-digit year from {first} to {last}",
    },
    "plan.bad_size": {"zh": "选取单位数不能为负数：{size}", "en": "the plan size must not be negative: {size}"},
    "plan.reason.with_points": {"zh": "{text}（{points} 分）", "en": "{text} ({points} pts)"},
    "plan.reason.never_audited": {"zh": "从未审计", "en": "never audited"},
    "plan.reason.audited_recently": {
        "zh": "{last} 年已审计，距今不足一年",
        "en": "audited in {last}, less than a year ago",
    },
    "plan.reason.years_since_audit": {
        "zh": "上次审计在 {last} 年，已隔 {years} 年",
        "en": "last audited in {last}, {years} years ago",
    },
    "plan.reason.no_ledger": {
        "zh": "系统中没有该单位的账簿",
        "en": "no ledger of this unit on file",
    },
    "plan.reason.fund_size": {
        "zh": "{year} 年账簿收入 {income} 元、支出 {spending} 元，合计 {total} 元，达到 {threshold} 元档",
        "en": "the {year} ledger shows income {income} and spending {spending} yuan, {total} in all,"
        " reaching the {threshold} band",
    },
    "plan.reason.fund_small": {
        "zh": "{year} 年账簿收入 {income} 元、支出 {spending} 元，合计 {total} 元，低于 {threshold} 元",
        "en": "the {year} ledger shows income {income} and spending {spending} yuan, {total} in all,"
        " below {threshold}",
    },
    "plan.reason.fund_unknown": {
        "zh": "{year} 年账簿中没有记在收入、支出科目上的分录（如现金、银行存款日记账），经费规模未计分",
        "en": "the {year} ledger has no lines on income or spending accounts (a cash or bank journal, say);"
        " fund size not scored",
    },
    "plan.reason.no_register": {
        "zh": "尚无问题台账：以往问题和整改情况未计分",
        "en": "no rectification register yet: earlier findings and rectification are not scored",
    },
    "plan.reason.no_rectification_facts": {
        "zh": "整改情况不详，未计分",
        "en": "rectification status unknown, not scored",
    },
    "plan.reason.open_findings": {
        "zh": "以往问题尚有 {open} 项未整改完毕，其中 {overdue} 项已超期",
        "en": "{open} earlier findings not yet rectified, {overdue} of them overdue",
    },
    "plan.reason.no_open_findings": {
        "zh": "以往问题均已整改（超期 {overdue} 项）",
        "en": "every earlier finding rectified ({overdue} overdue)",
    },
    "plan.reason.no_past_facts": {
        "zh": "以往问题情况不详，未计分",
        "en": "earlier findings unknown, not scored",
    },
    "plan.reason.past_findings": {
        "zh": "以往审计发现问题 {count} 个，涉及金额 {amount} 元",
        "en": "{count} earlier findings involving {amount} yuan",
    },
    # -- weights ---------------------------------------------------------------------------------------
    "plan.weight.line": {"zh": "{label}：{value}", "en": "{label}: {value}"},
    "plan.weight.size": {"zh": "建议选取单位数", "en": "units to select"},
    "plan.weight.never_audited": {"zh": "从未审计得分", "en": "never audited (points)"},
    "plan.weight.per_year_since_audit": {
        "zh": "距上次审计每年得分",
        "en": "per year since the last audit (points)",
    },
    "plan.weight.years_cap": {"zh": "距上次审计得分上限", "en": "cap on years since the last audit"},
    "plan.weight.fund_thresholds": {"zh": "经费规模分档（元）", "en": "fund size bands (yuan)"},
    "plan.weight.fund_points": {"zh": "经费规模各档得分", "en": "fund size band points"},
    "plan.weight.per_open_finding": {"zh": "每项未整改问题得分", "en": "per open finding (points)"},
    "plan.weight.per_overdue_finding": {"zh": "每项超期问题另加", "en": "per overdue finding, extra"},
    "plan.weight.rectification_cap": {"zh": "整改情况得分上限", "en": "cap on rectification points"},
    "plan.weight.per_past_finding": {"zh": "每个以往问题得分", "en": "per earlier finding (points)"},
    "plan.weight.past_findings_cap": {"zh": "以往问题个数得分上限", "en": "cap on earlier finding points"},
    "plan.weight.past_amount_thresholds": {
        "zh": "以往问题金额分档（元）",
        "en": "earlier finding amount bands (yuan)",
    },
    "plan.weight.past_amount_points": {"zh": "以往问题金额各档得分", "en": "earlier finding amount points"},
    "plan.weight.no_ledger": {"zh": "没有账簿得分", "en": "no ledger on file (points)"},
    # -- CLI -------------------------------------------------------------------------------------------
    "plan.cli.help": {"zh": "年度审计计划：评分与建议", "en": "annual audit plan: scores and proposal"},
    "plan.cli.propose.help": {
        "zh": "为各基层工会评分并建议本年度审计的单位（不保存）",
        "en": "score every unit and propose the ones to audit this year (nothing is stored)",
    },
    "plan.cli.show.help": {
        "zh": "显示某年度的审计计划（计划的批准与保存尚未提供，目前显示计算出的建议）",
        "en": "show a year's audit plan (approval and storage are not available yet; shows the computed proposal)",
    },
    "plan.cli.opt.year": {"zh": "计划年度，如 2025", "en": "the plan year, such as 2025"},
    "plan.cli.opt.size": {
        "zh": "建议选取的单位数（默认取标准文件中的值）",
        "en": "how many units to select (default: the standards file's)",
    },
    "plan.cli.heading": {
        "zh": "{year} 年度审计计划建议：共 {count} 个单位，按风险得分排序，建议选取 {size} 个",
        "en": "{year} audit plan proposal: {count} units ranked by risk score, {size} to select",
    },
    "plan.cli.not_approved": {
        "zh": "{year} 年度计划尚未批准：计划的批准与保存尚未提供，以下为按当前数据计算的建议",
        "en": "the {year} plan is not approved: approval and storage are not available yet; below is the"
        " proposal computed from the current data",
    },
    "plan.cli.none": {
        "zh": "还没有任何单位，无法编制计划。可用 auditdesk units add 或 units import 添加",
        "en": "there are no units to plan for yet. Add some with auditdesk units add or units import",
    },
    "plan.cli.col.rank": {"zh": "排名", "en": "rank"},
    "plan.cli.col.unit": {"zh": "单位", "en": "unit"},
    "plan.cli.col.score": {"zh": "得分", "en": "score"},
    "plan.cli.col.selected": {"zh": "选取", "en": "selected"},
    "plan.cli.col.reasons": {"zh": "理由", "en": "reasons"},
    "plan.cli.weights": {
        "zh": "评分权重（{profile}，来自 {file}；权重是本办的工作口径，不是法规规定）：",
        "en": "weights ({profile}, from {file}; the office's own choice, not a regulation):",
    },
    "plan.mark.selected": {"zh": "✓", "en": "✓"},
    "plan.reasons.sep": {"zh": "；", "en": "; "},
    "plan.list.sep": {"zh": "、", "en": ", "},
    # -- TUI -------------------------------------------------------------------------------------------
    "tui.plan.key": {"zh": "年度计划", "en": "Annual plan"},
    "tui.plan.tip": {
        "zh": "为各单位评分并建议本年度审计的单位",
        "en": "score the units and propose this year's audits",
    },
    "tui.plan.title": {"zh": "年度审计计划", "en": "Annual audit plan"},
    "tui.plan.heading": {
        "zh": "年度审计计划建议（按风险得分排序；空格键增减选取）",
        "en": "Annual audit plan proposal (ranked by risk score; space adds or removes a unit)",
    },
    "tui.plan.year": {"zh": "计划年度", "en": "Plan year"},
    "tui.plan.col.rank": {"zh": "排名", "en": "Rank"},
    "tui.plan.col.unit": {"zh": "单位", "en": "Unit"},
    "tui.plan.col.score": {"zh": "得分", "en": "Score"},
    "tui.plan.col.selected": {"zh": "选取", "en": "Selected"},
    "tui.plan.col.reasons": {"zh": "理由", "en": "Reasons"},
    "tui.plan.loading": {"zh": "正在计算 {year} 年度的建议……", "en": "computing the {year} proposal…"},
    "tui.plan.count": {
        "zh": "已选 {selected} 个单位（共 {count} 个，标准建议 {size} 个）",
        "en": "{selected} units selected (of {count}; the standards suggest {size})",
    },
    "tui.plan.empty": {
        "zh": "还没有任何单位：请先在首页添加单位或导入名册",
        "en": "no units yet: add units or import the roster on the home screen",
    },
    "tui.plan.bad_year": {"zh": "“{value}”不是四位数的年份", "en": "“{value}” is not a four-digit year"},
    "tui.plan.key.toggle": {"zh": "选取/取消", "en": "Select/unselect"},
    "tui.plan.tip.toggle": {
        "zh": "把光标所在的单位加入或移出本次选取",
        "en": "add the highlighted unit to the selection or remove it",
    },
    "tui.plan.key.year": {"zh": "年度", "en": "Year"},
    "tui.plan.tip.year": {"zh": "转到计划年度输入框", "en": "go to the plan year field"},
}

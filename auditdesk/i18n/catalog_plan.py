"""Messages of the annual audit plan (年度审计计划), the standards and office files, and of engagements
as the services and the CLI handle them (``catalog_engagement`` holds the pure core's keys only)."""

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
        "zh": "显示某年度的审计计划：已批准的计划（含批准人和时间），未批准时显示按当前数据计算的建议",
        "en": "show a year's audit plan: the approved plan (who approved it and when), or the proposal computed now",
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
        "zh": "{year} 年度计划尚未批准，以下为按当前数据计算的建议（可用 auditdesk plan approve 批准）",
        "en": "the {year} plan is not approved yet; below is the proposal computed from the current data"
        " (approve it with auditdesk plan approve)",
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
    # -- approval --------------------------------------------------------------------------------------
    "plan.already_approved": {
        "zh": "{year} 年度审计计划已于 {when} 由 {who} 批准，不能再次批准",
        "en": "the {year} audit plan was approved by {who} at {when}; it cannot be approved again",
    },
    "plan.add_and_drop": {
        "zh": "同一单位不能既加入又移出：{name}",
        "en": "a unit cannot be both added and dropped: {name}",
    },
    "plan.nothing_selected": {
        "zh": "{year} 年度计划没有选取任何单位，无法批准",
        "en": "the {year} plan selects no unit, so it cannot be approved",
    },
    "plan.cli.approve.help": {
        "zh": "批准年度审计计划（可加入或移出单位），并为每个选取的单位建立审计项目",
        "en": "approve the annual plan (adding or dropping units) and create an engagement per selected unit",
    },
    "plan.cli.opt.add": {"zh": "加入计划的单位（名称或代码，可重复）", "en": "a unit to add (name or code; repeatable)"},
    "plan.cli.opt.drop": {"zh": "移出计划的单位（名称或代码，可重复）", "en": "a unit to drop (name or code; repeatable)"},
    "plan.cli.opt.start": {
        "zh": "进点日期 YYYY-MM-DD（默认：批准后至少 14 天的第一个工作日）",
        "en": "fieldwork start date YYYY-MM-DD (default: the first working day at least 14 days from now)",
    },
    "plan.cli.opt.period": {
        "zh": "审计期间（会计年度，逗号分隔，如 2024,2025；默认为计划年度的上一年）",
        "en": "audit period (fiscal years, comma separated, such as 2024,2025; default: the year before the plan year)",
    },
    "plan.cli.approved": {
        "zh": "{year} 年度审计计划已于 {when} 由 {who} 批准，选取 {count} 个单位",
        "en": "the {year} audit plan was approved by {who} at {when}: {count} units selected",
    },
    "plan.cli.engagements": {"zh": "已建立的审计项目：", "en": "engagements created:"},
    "plan.cli.col.reference": {"zh": "文号", "en": "reference"},
    "plan.cli.stored_weights": {"zh": "批准时所用的权重", "en": "as used at approval"},
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
    "tui.plan.col.reference": {"zh": "文号", "en": "Reference"},
    "tui.plan.key.approve": {"zh": "批准计划", "en": "Approve plan"},
    "tui.plan.tip.approve": {
        "zh": "按当前选取批准本年度计划，并为每个选取的单位建立审计项目",
        "en": "approve this year's plan as selected and create an engagement per selected unit",
    },
    "tui.plan.approving": {"zh": "正在批准 {year} 年度计划……", "en": "approving the {year} plan…"},
    "tui.plan.approved": {
        "zh": "{year} 年度计划已批准 · {who} · {when} · 选取 {count} 个单位 · 审计项目：{references}",
        "en": "the {year} plan is approved · {who} · {when} · {count} units · engagements: {references}",
    },
    "tui.plan.read_only": {
        "zh": "{year} 年度计划已批准，选取不能再改",
        "en": "the {year} plan is approved; its selection cannot change",
    },
    "tui.plan.stored_weights": {
        "zh": "批准时所用的评分权重（来自 {file}）：",
        "en": "weights used at approval (from {file}):",
    },
    # -- TUI: engagements ----------------------------------------------------------------------------
    "tui.engagement.key": {"zh": "审计项目", "en": "Engagements"},
    "tui.engagement.tip": {
        "zh": "查看审计项目，填写审计组与时间节点，出具通知书，推进阶段",
        "en": "open the engagements: team, milestones, the notice, the stages",
    },
    "tui.engagement.list_title": {"zh": "审计项目", "en": "Engagements"},
    "tui.engagement.list_heading": {
        "zh": "审计项目（回车打开）",
        "en": "Engagements (Enter opens one)",
    },
    "tui.engagement.col.reference": {"zh": "文号", "en": "Reference"},
    "tui.engagement.col.unit": {"zh": "单位", "en": "Unit"},
    "tui.engagement.col.years": {"zh": "所审年度", "en": "Years"},
    "tui.engagement.col.stage": {"zh": "阶段", "en": "Stage"},
    "tui.engagement.col.lead": {"zh": "主审", "en": "Lead"},
    "tui.engagement.col.start": {"zh": "进点", "en": "Fieldwork"},
    "tui.engagement.count": {"zh": "共 {count} 个审计项目", "en": "{count} engagements"},
    "tui.engagement.none": {
        "zh": "还没有审计项目：在年度计划中批准计划（ctrl+s）后会为每个选取的单位建立一个",
        "en": "no engagements yet: approving the annual plan (ctrl+s) creates one per selected unit",
    },
    "tui.engagement.none_set": {"zh": "（未填）", "en": "(not set)"},
    "tui.engagement.loading": {"zh": "正在读取……", "en": "loading…"},
    "tui.engagement.title": {"zh": "审计项目", "en": "Engagement"},
    "tui.engagement.heading": {
        "zh": "{reference}  {unit}  ·  审计期间：{years} 年度  ·  阶段：{stage}",
        "en": "{reference}  {unit}  ·  period: {years}  ·  stage: {stage}",
    },
    "tui.engagement.step.done": {"zh": "✓ {stage}", "en": "✓ {stage}"},
    "tui.engagement.step.current": {"zh": "▶ {stage}（当前阶段）", "en": "▶ {stage} (current)"},
    "tui.engagement.step.needs": {"zh": "○ {stage}：尚需 {needs}", "en": "○ {stage}: still needs {needs}"},
    "tui.engagement.step.ready": {"zh": "○ {stage}：条件已满足", "en": "○ {stage}: ready"},
    "tui.engagement.field.lead": {"zh": "主审", "en": "Lead auditor"},
    "tui.engagement.field.members": {"zh": "审计组成员", "en": "Team members"},
    "tui.engagement.field.scope": {"zh": "审计范围", "en": "Scope"},
    "tui.engagement.placeholder.lead": {"zh": "主审姓名", "en": "the lead auditor's name"},
    "tui.engagement.placeholder.members": {
        "zh": "成员姓名，用顿号或逗号分隔",
        "en": "members' names, separated by commas",
    },
    "tui.engagement.placeholder.scope": {"zh": "如：2024年度工会经费收支情况", "en": "such as: 2024 union funds"},
    "tui.engagement.areas": {
        "zh": "审计重点（空格或回车勾选/取消）",
        "en": "Key areas (space or Enter ticks or unticks)",
    },
    "tui.engagement.milestones": {"zh": "时间节点", "en": "Milestones"},
    "tui.engagement.hint": {
        "zh": "ctrl+s 保存修改 · F6 出具审计通知书 · F9 推进到下一阶段",
        "en": "ctrl+s saves · F6 issues the audit notice · F9 moves to the next stage",
    },
    "tui.engagement.archived": {
        "zh": "该审计项目已归档，只能查看",
        "en": "this engagement is archived and read-only",
    },
    "tui.engagement.saving": {"zh": "正在保存……", "en": "saving…"},
    "tui.engagement.saved": {"zh": "已保存审计项目 {reference}", "en": "engagement {reference} saved"},
    "tui.engagement.issuing": {"zh": "正在出具审计通知书……", "en": "issuing the audit notice…"},
    "tui.engagement.failed": {"zh": "操作未完成，原因见提示", "en": "not done; see the message"},
    "tui.engagement.bad_date": {"zh": "{field}：{problem}", "en": "{field}: {problem}"},
    "tui.engagement.bad_dates": {
        "zh": "时间节点有 {count} 处日期无法识别，未作修改：{problems}",
        "en": "{count} milestone dates cannot be read, nothing changed: {problems}",
    },
    "tui.engagement.notice_title": {"zh": "审计通知书", "en": "Audit notice"},
    "tui.engagement.notice_issued": {
        "zh": "已出具 {reference} 的审计通知书（第 {version} 版）：\n{files}",
        "en": "audit notice of {reference} issued (version {version}):\n{files}",
    },
    "tui.engagement.notice_late": {
        "zh": "通知书晚于计划的送达日期，距进点的工作日少于计划",
        "en": "the notice is later than planned: fewer working days before fieldwork than planned",
    },
    "tui.engagement.moved": {
        "zh": "审计项目 {reference} 已从“{before}”推进到“{after}”",
        "en": "engagement {reference} moved from {before} to {after}",
    },
    "tui.engagement.refused_title": {"zh": "不能推进阶段", "en": "Cannot move on"},
    "tui.engagement.refused": {
        "zh": "审计项目 {reference} 不能进入“{target}”阶段，尚未满足：",
        "en": "engagement {reference} cannot move to {target}; still unmet:",
    },
    "tui.engagement.unmet_line": {"zh": "· {text}", "en": "· {text}"},
    "tui.engagement.key.notice": {"zh": "出具通知书", "en": "Issue notice"},
    "tui.engagement.tip.notice": {
        "zh": "生成审计通知书（.docx 与 .md）并登记为本项目的文书",
        "en": "render the audit notice (.docx and .md) and record it as a document of this engagement",
    },
    "tui.engagement.key.advance": {"zh": "推进阶段", "en": "Next stage"},
    "tui.engagement.tip.advance": {
        "zh": "条件满足时推进到下一阶段，否则列出尚缺的条件",
        "en": "move to the next stage when its gate is met, else list what is missing",
    },
    "tui.engagement.tip.save": {
        "zh": "保存审计组、范围、重点和时间节点",
        "en": "save the team, scope, key areas and milestones",
    },
    "tui.engagement.tip.back": {"zh": "回到审计项目列表", "en": "back to the engagements"},
    # -- engagements as stored (services) ------------------------------------------------------------
    "engagement.not_found": {
        "zh": "没有编号或文号为“{value}”的审计项目。相近的文号：{suggestions}。可用 auditdesk engagement list 查看",
        "en": "there is no engagement with id or reference “{value}”. Closest references: {suggestions}. See auditdesk engagement list",
    },
    "engagement.no_years": {
        "zh": "审计期间至少要有一个会计年度",
        "en": "the audit period needs at least one fiscal year",
    },
    "engagement.bad_year": {
        "zh": "审计年度 {year} 不合理，应为 {first}—{last} 年间的四位数年份",
        "en": "fiscal year {year} is not plausible; give a four-digit year from {first} to {last}",
    },
    "engagement.scope_empty": {"zh": "审计范围不能为空", "en": "the scope must not be empty"},
    "engagement.milestone.unknown": {
        "zh": "没有名为“{name}”的时间节点；可用的节点：{allowed}",
        "en": "there is no milestone “{name}”; the milestones are: {allowed}",
    },
    "engagement.milestones_invalid": {
        "zh": "时间节点有 {count} 处不合理，未作修改：{problems}",
        "en": "{count} problems with the milestones, nothing changed: {problems}",
    },
    "engagement.list_sep": {"zh": "；", "en": "; "},
    "document.kind_empty": {"zh": "文书类别不能为空", "en": "the document kind must not be empty"},
    "document.unreadable": {
        "zh": "无法读取文书文件 {file}：{reason}",
        "en": "cannot read the document file {file}: {reason}",
    },
    # -- office settings (office.toml) ---------------------------------------------------------------
    "office.bad_key": {
        "zh": "本办公室设置文件 {file} 中的 {setting} 有误：{reason}",
        "en": "the office settings file {file} is wrong at {setting}: {reason}",
    },
    "office.bad_toml": {
        "zh": "本办公室设置文件 {file} 不是有效的 TOML：{reason}",
        "en": "the office settings file {file} is not valid TOML: {reason}",
    },
    "office.missing": {
        "zh": "找不到本办公室设置文件 office.toml：随软件提供的 {shipped} 不存在，用户副本 {user} 也不存在",
        "en": "the office settings file office.toml is missing: neither the shipped {shipped} nor a user copy {user} exists",
    },
    "office.unreadable": {
        "zh": "无法读取本办公室设置文件 {file}（应为 UTF-8 文本）：{reason}",
        "en": "cannot read the office settings file {file} (it should be UTF-8 text): {reason}",
    },
    "office.reason.bad_span": {
        "zh": "“{value}”应写作只含一项的间隔，如 {{ days = 10 }}；可用的单位：{units}",
        "en": "“{value}” should be a span with one unit, such as {{ days = 10 }}; the units are: {units}",
    },
    "office.reason.bad_categories": {
        "zh": "问题类别不能为空或重复：{value}",
        "en": "problem categories must be non-empty and distinct: {value}",
    },
    "office.reason.bad_scope": {
        "zh": "“{value}”中只能使用 {{years}}（所审年度）这一个占位符",
        "en": "“{value}” may use only the placeholder {{years}} (the audited years)",
    },
    "office.reason.bad_pattern": {
        "zh": "文号格式“{value}”须各含一次 {{year}}（年度）和 {{seq}}（序号），例如“青工经审〔{{year}}〕{{seq}}号”",
        "en": "reference pattern “{value}” must contain {{year}} and {{seq}} once each, e.g. “青工经审〔{{year}}〕{{seq}}号”",
    },
    "office.reason.notice_lead_short": {
        "zh": "审计通知书至少应在进点前 {days} 天送达",
        "en": "the audit notice must reach the unit at least {days} days before fieldwork",
    },
    "office.reason.zero_span": {
        "zh": "间隔不能为 0，前后两个节点不能在同一天",
        "en": "the span must not be 0: two milestones cannot fall on the same day",
    },
    # -- CLI -----------------------------------------------------------------------------------------
    "engagement.cli.help": {
        "zh": "审计项目：查看、修改、推进阶段",
        "en": "engagements: list, show, edit, advance",
    },
    "engagement.cli.list.help": {"zh": "列出审计项目", "en": "list engagements"},
    "engagement.cli.show.help": {
        "zh": "显示一个审计项目的全部信息，以及各阶段还需满足的条件",
        "en": "show everything about an engagement, and what each stage still needs",
    },
    "engagement.cli.edit.help": {
        "zh": "修改审计项目的审计组、范围、重点、期间或时间节点",
        "en": "change an engagement's team, scope, key areas, period or milestones",
    },
    "engagement.cli.advance.help": {
        "zh": "把审计项目推进到下一阶段；条件不满足时列出原因并以状态 1 退出",
        "en": "move an engagement to its next stage; when a condition is unmet, list why and exit 1",
    },
    "engagement.cli.arg.e": {
        "zh": "审计项目的编号或文号，如 3 或“青工经审〔2025〕3号”",
        "en": "the engagement's id or reference number, such as 3 or “青工经审〔2025〕3号”",
    },
    "engagement.cli.opt.year": {"zh": "计划年度", "en": "the plan year"},
    "engagement.cli.opt.lead": {"zh": "主审（留空字符串则清除）", "en": "the lead auditor (an empty string clears it)"},
    "engagement.cli.opt.member": {
        "zh": "审计组成员（可重复；给出时替换原有成员）",
        "en": "a team member (repeatable; replaces the members when given)",
    },
    "engagement.cli.opt.scope": {"zh": "审计范围", "en": "the audit scope"},
    "engagement.cli.opt.area": {
        "zh": "审计重点编号（可重复；给出时替换原有清单），如 member_gifts",
        "en": "a key area id (repeatable; replaces the checklist when given), such as member_gifts",
    },
    "engagement.cli.opt.years": {
        "zh": "审计期间（会计年度，逗号分隔），如 2024,2025",
        "en": "the audit period (fiscal years, comma separated), such as 2024,2025",
    },
    "engagement.cli.opt.milestone": {
        "zh": "时间节点 名称=YYYY-MM-DD（可重复），名称如 notice、fieldwork_start、fieldwork_end、draft_report、final_report、rectification_due",
        "en": "a milestone name=YYYY-MM-DD (repeatable); names: notice, fieldwork_start, fieldwork_end, draft_report, final_report, rectification_due",
    },
    "engagement.cli.bad_milestone": {
        "zh": "“{spec}”应写作 名称=YYYY-MM-DD，如 fieldwork_start=2025-04-07",
        "en": "“{spec}” should be name=YYYY-MM-DD, such as fieldwork_start=2025-04-07",
    },
    "engagement.cli.bad_years": {
        "zh": "“{value}”应为逗号分隔的四位数年份，如 2024,2025",
        "en": "“{value}” should be four-digit years separated by commas, such as 2024,2025",
    },
    "engagement.cli.none": {
        "zh": "还没有审计项目。批准年度计划（auditdesk plan approve）后会为每个选取的单位建立一个",
        "en": "no engagements yet. Approving the annual plan (auditdesk plan approve) creates one per selected unit",
    },
    "engagement.cli.none_set": {"zh": "（未填）", "en": "(not set)"},
    "engagement.cli.col.years": {"zh": "所审年度", "en": "years"},
    "engagement.cli.col.stage": {"zh": "阶段", "en": "stage"},
    "engagement.cli.col.lead": {"zh": "主审", "en": "lead"},
    "engagement.cli.col.start": {"zh": "进点", "en": "fieldwork"},
    "engagement.cli.title": {"zh": "{reference}  {unit}（编号 {id}）", "en": "{reference}  {unit} (id {id})"},
    "engagement.cli.stage": {"zh": "阶段：{stage}", "en": "stage: {stage}"},
    "engagement.cli.period": {"zh": "审计期间：{years} 年度", "en": "period: fiscal years {years}"},
    "engagement.cli.team": {"zh": "主审：{lead}；成员：{members}", "en": "lead: {lead}; members: {members}"},
    "engagement.cli.scope": {"zh": "审计范围：{scope}", "en": "scope: {scope}"},
    "engagement.cli.areas": {"zh": "审计重点（{count} 项）：", "en": "key areas ({count}):"},
    "engagement.cli.milestones": {"zh": "时间节点：", "en": "milestones:"},
    "engagement.cli.documents": {"zh": "文书（{count} 份）：", "en": "documents ({count}):"},
    "engagement.cli.steps": {"zh": "阶段与条件：", "en": "stages and their conditions:"},
    "engagement.cli.state.done": {"zh": "已完成", "en": "done"},
    "engagement.cli.state.current": {"zh": "当前", "en": "current"},
    "engagement.cli.state.ahead": {"zh": "待进入", "en": "ahead"},
    "engagement.cli.edited": {"zh": "已修改审计项目 {reference}", "en": "engagement {reference} changed"},
    "engagement.cli.moved": {
        "zh": "审计项目 {reference} 已从“{before}”推进到“{after}”",
        "en": "engagement {reference} moved from {before} to {after}",
    },
    "engagement.cli.refused": {
        "zh": "审计项目 {reference} 不能进入“{target}”阶段，尚未满足：",
        "en": "engagement {reference} cannot move to {target}; still unmet:",
    },
}

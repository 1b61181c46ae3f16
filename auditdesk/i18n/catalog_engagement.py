"""Messages of engagements (审计项目): stages, gates, reference numbers, milestones, key areas."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- stages -------------------------------------------------------------------------------------
    "engagement.stage.plan": {"zh": "计划", "en": "Planning"},
    "engagement.stage.fieldwork": {"zh": "实施", "en": "Fieldwork"},
    "engagement.stage.report": {"zh": "报告", "en": "Reporting"},
    "engagement.stage.rectify": {"zh": "整改", "en": "Rectification"},
    "engagement.stage.archive": {"zh": "归档", "en": "Archived"},
    # -- gates --------------------------------------------------------------------------------------
    "engagement.gate.plan_not_approved": {
        "zh": "年度审计计划尚未批准",
        "en": "the annual audit plan has not been approved",
    },
    "engagement.gate.notice_not_issued": {
        "zh": "尚未出具审计通知书",
        "en": "the audit notice has not been issued",
    },
    "engagement.gate.no_period": {
        "zh": "尚未确定审计期间（所审年度）",
        "en": "the audit period (fiscal years) has not been set",
    },
    "engagement.gate.ledger_missing": {
        "zh": "{year} 年度的账簿尚未导入",
        "en": "the ledger of fiscal year {year} has not been imported",
    },
    "engagement.gate.no_suspicion_review": {
        "zh": "疑点复核功能尚未启用，无法确认疑点均已复核",
        "en": "suspicion review is not available yet, so it cannot be confirmed that every suspicion was reviewed",
    },
    "engagement.gate.checks_not_run": {
        "zh": "尚未对 {year} 年度的账簿运行检查（auditdesk check）",
        "en": "the checks have not been run over the {year} ledger (auditdesk check)",
    },
    "engagement.gate.suspicions_open": {
        "zh": "还有 {count} 个疑点未复核（未确认或排除）",
        "en": "{count} suspicions are not reviewed yet (neither confirmed nor dismissed)",
    },
    "engagement.gate.no_opinion_letter": {
        "zh": "审计意见书功能尚未启用，无法确认已出具审计意见书",
        "en": "opinion letters are not available yet, so it cannot be confirmed that one was issued",
    },
    "engagement.gate.opinion_not_issued": {
        "zh": "尚未出具审计意见书",
        "en": "the audit opinion letter has not been issued",
    },
    "engagement.gate.no_register": {
        "zh": "问题整改台账尚未启用，无法确认问题均已销号或延期",
        "en": "the rectification register is not available yet, so it cannot be confirmed that every finding is closed or deferred",
    },
    "engagement.gate.findings_open": {
        "zh": "还有 {count} 个问题既未销号也未批准延期整改",
        "en": "{count} findings are neither closed nor formally deferred",
    },
    "engagement.gate.archived_read_only": {
        "zh": "审计项目已归档，只能查看，不能再修改或推进",
        "en": "the engagement is archived: it can be viewed but no longer changed or advanced",
    },
    # -- reference numbers and other errors ---------------------------------------------------------
    "engagement.bad_reference_pattern": {
        "zh": "文号格式“{pattern}”无效：须各含一次 {{year}}（年度）和 {{seq}}（序号），例如“井工经审〔{{year}}〕{{seq}}号”",
        "en": "reference pattern “{pattern}” is invalid: it must contain {{year}} and {{seq}} once each, e.g. “井工经审〔{{year}}〕{{seq}}号”",
    },
    "engagement.bad_reference_values": {
        "zh": "无法生成文号：年度 {year} 应为四位数，序号 {seq} 应不小于 1",
        "en": "cannot make a reference number: year {year} must have four digits and sequence {seq} must be 1 or more",
    },
    "engagement.unknown_key_area": {
        "zh": "没有名为“{area}”的审计重点",
        "en": "there is no key area “{area}”",
    },
    "engagement.bad_offset": {
        "zh": "时间间隔不能为负数：{amount}",
        "en": "a time offset must not be negative: {amount}",
    },
    # -- milestones ---------------------------------------------------------------------------------
    "engagement.milestone.notice": {"zh": "审计通知书送达", "en": "Audit notice"},
    "engagement.milestone.fieldwork_start": {"zh": "进点（现场审计开始）", "en": "Fieldwork starts"},
    "engagement.milestone.fieldwork_end": {"zh": "现场审计结束", "en": "Fieldwork ends"},
    "engagement.milestone.draft_report": {"zh": "审计报告（征求意见稿）", "en": "Draft report"},
    "engagement.milestone.final_report": {
        "zh": "审计报告及审计意见书",
        "en": "Final report and opinion letter",
    },
    "engagement.milestone.rectification_due": {"zh": "整改期限", "en": "Rectification due"},
    "engagement.milestone.order.fieldwork_start": {
        "zh": "进点日期 {later} 应晚于审计通知书日期 {earlier}",
        "en": "fieldwork must start ({later}) after the audit notice ({earlier})",
    },
    "engagement.milestone.order.fieldwork_end": {
        "zh": "现场审计结束日期 {later} 不能早于进点日期 {earlier}",
        "en": "fieldwork cannot end ({later}) before it starts ({earlier})",
    },
    "engagement.milestone.order.draft_report": {
        "zh": "征求意见稿日期 {later} 应晚于现场审计结束日期 {earlier}",
        "en": "the draft report ({later}) must come after fieldwork ends ({earlier})",
    },
    "engagement.milestone.order.final_report": {
        "zh": "正式审计报告日期 {later} 应晚于征求意见稿日期 {earlier}",
        "en": "the final report ({later}) must come after the draft report ({earlier})",
    },
    "engagement.milestone.order.rectification_due": {
        "zh": "整改期限 {later} 应晚于正式审计报告日期 {earlier}",
        "en": "the rectification deadline ({later}) must come after the final report ({earlier})",
    },
    "engagement.milestone.notice_too_late": {
        "zh": "审计通知书应至少在进点前 {days} 天送达：通知书 {notice}，进点 {start}，仅提前 {lead} 天",
        "en": "the audit notice must reach the unit at least {days} days before fieldwork: notice {notice}, fieldwork {start}, only {lead} days ahead",
    },
    # -- key areas (审计重点) -----------------------------------------------------------------------
    "engagement.area.budget": {
        "zh": "预算编制与执行：支出是否在批准的预算内",
        "en": "Budget: spending within the approved budget",
    },
    "engagement.area.income_dues": {
        "zh": "会费收入的完整性（按工资 0.5% 收缴）",
        "en": "Completeness of membership dues (0.5% of wages)",
    },
    "engagement.area.income_allocation": {
        "zh": "拨缴经费收入的完整性与及时性（工资总额 2%）",
        "en": "Completeness and timeliness of allocated funds (2% of payroll)",
    },
    "engagement.area.upward_share": {
        "zh": "上解上级经费（应付上级经费 211）是否足额及时",
        "en": "Upward share paid in full and on time (account 211)",
    },
    "engagement.area.subsidies": {
        "zh": "上级补助、行政补助收入的入账与使用",
        "en": "Recording and use of higher-level and employer subsidies",
    },
    "engagement.area.member_gifts": {
        "zh": "会员活动支出（50105）：节日、生日等慰问是否合规，有无发放现金、购物卡，是否超标准",
        "en": "Member activities (50105): holiday and birthday gifts only as allowed, no cash or shopping cards, within the caps",
    },
    "engagement.area.banned_spending": {
        "zh": "“八不准”：有无宴请送礼、滥发津补贴、高消费、小金库等",
        "en": "The eight prohibitions: no banquets or gifts to outsiders, improper allowances, luxury spending, slush funds…",
    },
    "engagement.area.employer_costs": {
        "zh": "应由行政方负担的费用（办公场地、专职人员工资、体检、职代会等）是否由工会经费列支",
        "en": "Costs the employer must bear (office, full-time staff pay, health checks, workers' congress…) paid from union funds",
    },
    "engagement.area.activities": {
        "zh": "文体活动：有无变相旅游，奖品发放面是否超比例",
        "en": "Cultural and sports activities: no disguised tourism, prize-winner ratio respected",
    },
    "engagement.area.hardship_aid": {
        "zh": "困难帮扶、送温暖：对象与标准是否合规",
        "en": "Hardship aid and winter relief: recipients and amounts as allowed",
    },
    "engagement.area.cash": {
        "zh": "库存现金管理：现金限额、慰问金是否转账发放",
        "en": "Cash management: cash limits, condolence money paid by transfer",
    },
    "engagement.area.fixed_assets": {
        "zh": "固定资产：购置是否入账（507 与 162 对应），是否定期盘点",
        "en": "Fixed assets: purchases recorded (507 matched by 162) and counted yearly",
    },
    "engagement.area.vouchers": {
        "zh": "会计凭证及附件：有无白条，发票是否列明品名数量单价，有无实名签领表",
        "en": "Vouchers and attachments: no informal receipts, itemised invoices, signed distribution lists",
    },
    "engagement.area.collective_decision": {
        "zh": "大额支出是否经工会委员会集体决策、主席审批",
        "en": "Large items decided collectively by the committee and signed off by the chair",
    },
    "engagement.area.accounting": {
        "zh": "会计核算：科目使用是否符合《工会会计制度》，年终结转是否正确",
        "en": "Accounting: accounts used as the trade-union accounting system requires, year-end closing correct",
    },
    "engagement.area.internal_control": {
        "zh": "内部控制与制度建设",
        "en": "Internal control and written rules",
    },
}

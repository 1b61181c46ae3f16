"""Messages of the rectification register (问题台账): statuses, refused moves, deadlines, the summary
sentence (``auditdesk.core.register`` and ``auditdesk.core.register_stats``).

Parameters named ``current``/``target`` arrive as status values and ``allowed`` as values joined by
``ALLOWED_SEPARATOR``: the service renders them as labels (``register.status.<value>``) before ``t()``.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # -- statuses ---------------------------------------------------------------------------------------
    "register.status.draft": {"zh": "草稿", "en": "Draft"},
    "register.status.pending": {"zh": "待整改", "en": "Pending"},
    "register.status.in_progress": {"zh": "整改中", "en": "In progress"},
    "register.status.reported": {"zh": "已报整改", "en": "Reported"},
    "register.status.partial": {"zh": "部分整改", "en": "Partly rectified"},
    "register.status.extended": {"zh": "延期整改", "en": "Extended"},
    "register.status.impossible": {"zh": "无法整改", "en": "Cannot be rectified"},
    "register.status.closed": {"zh": "已销号", "en": "Closed"},
    "register.status.withdrawn": {"zh": "已撤销", "en": "Withdrawn"},
    # -- refused moves ----------------------------------------------------------------------------------
    "register.illegal_move": {
        "zh": "问题状态不能从“{current}”改为“{target}”；可以改为：{allowed}",
        "en": "a finding cannot move from “{current}” to “{target}”; it can move to: {allowed}",
    },
    "register.final_status": {
        "zh": "“{current}”是最终状态，不能再改为“{target}”",
        "en": "“{current}” is a final status; the finding cannot move to “{target}”",
    },
    "register.note_required": {
        "zh": "改为“{target}”须填写说明：撤销、延期、无法整改须写明原因，退回整改报告须写明理由，销号须写明复核意见",
        "en": "moving to “{target}” needs a note: the reason for withdrawing, extending or giving up, why the rectification report is rejected, or the verification for closing",
    },
    "register.deadline_required": {
        "zh": "改为“{target}”须给出整改期限",
        "en": "moving to “{target}” needs a rectification deadline",
    },
    "register.deadline_not_later": {
        "zh": "新的整改期限 {deadline} 须晚于原整改期限 {current}",
        "en": "the new deadline {deadline} must be later than the current deadline {current}",
    },
    "register.deadline_unexpected": {
        "zh": "只有下发问题和延期整改时才能设定整改期限，改为“{target}”时不能设定",
        "en": "a deadline is set only when a finding is issued or extended, not when it moves to “{target}”",
    },
    "register.approver_required": {
        "zh": "改为“{target}”须写明批准人",
        "en": "moving to “{target}” needs the name of whoever approved it",
    },
    "register.approver_unexpected": {
        "zh": "只有“无法整改”需要批准人，改为“{target}”时不填",
        "en": "an approver is given only for “cannot be rectified”, not when moving to “{target}”",
    },
    # -- deadlines, ids ---------------------------------------------------------------------------------
    "register.bad_period": {
        "zh": "无法识别整改期限的时长“{period}”：应写作正整数加单位，如 90d、3m、1y（或 90天、3个月、1年）",
        "en": "cannot read the rectification period “{period}”: write a positive whole number and a unit, such as 90d, 3m, 1y",
    },
    "register.bad_code": {
        "zh": "问题编号“{code}”格式不对，应形如 2025-03-07（年度-项目序号-问题序号）",
        "en": "the finding id “{code}” is malformed; it should look like 2025-03-07 (year-engagement-finding)",
    },
    # -- follow-up ----------------------------------------------------------------------------------------
    "register.repeat": {"zh": "屡审屡犯", "en": "repeat finding"},
    "register.overdue_days": {"zh": "逾期 {days} 天", "en": "{days} days overdue"},
    "register.sentence": {
        "zh": "共发现{categories}类{findings}个问题，涉及金额{amount}元，已整改{rectified}个，整改率{rate}",
        "en": "{findings} problems in {categories} categories, involving {amount} yuan; {rectified} rectified, a rectification rate of {rate}",
    },
}

MESSAGES.update({
    # -- services ---------------------------------------------------------------------------------------
    "register.not_found": {"zh": "没有编号为 {id} 的问题", "en": "there is no finding {id}"},
    "register.bad_status": {
        "zh": "没有“{status}”这种整改状态；可用：{allowed}",
        "en": "there is no status “{status}”; use one of: {allowed}",
    },
    "register.unknown_category": {
        "zh": "没有“{category}”这个问题类别；本办公室的类别：{known}（在 office.toml 的 [register] 中设置）",
        "en": "there is no category “{category}”; the office's categories: {known} (office.toml, [register])",
    },
    "register.bad_date": {"zh": "日期“{value}”无法识别，请写成 2025-06-30", "en": "cannot read the date “{value}”; write 2025-06-30"},
    "register.unknown_field": {"zh": "问题没有这些栏目：{field}", "en": "a finding has no field: {field}"},
    "register.written_by_hand": {"zh": "手工登记", "en": "written by hand"},
    "register.edited": {"zh": "修改了：{fields}", "en": "changed: {fields}"},
    "register.field.category": {"zh": "问题类别", "en": "category"},
    "register.field.title": {"zh": "问题标题", "en": "title"},
    "register.field.facts": {"zh": "问题事实", "en": "facts"},
    "register.field.amount_fen": {"zh": "涉及金额", "en": "amount involved"},
    "register.field.basis": {"zh": "定性依据", "en": "regulation basis"},
    "register.field.cause": {"zh": "原因", "en": "cause"},
    "register.field.recommendation": {"zh": "整改要求", "en": "rectification required"},
    "register.field.responsible": {"zh": "责任人", "en": "responsible person"},
    "register.field.deadline": {"zh": "整改期限", "en": "deadline"},
    "register.cli.opt.date": {"zh": "整改期限，如 2025-06-30", "en": "deadline, e.g. 2025-06-30"},
    "register.field.measures": {"zh": "整改措施", "en": "measures taken"},
    "register.field.progress": {"zh": "整改情况", "en": "progress"},
    # -- CLI ------------------------------------------------------------------------------------------
    "register.cli.help": {
        "zh": "问题台账：列出、查看、登记、修改问题，推进整改状态，统计，与被审计单位交换台账",
        "en": "the rectification register: list, show, add, edit and move findings, statistics, the workbook",
    },
    "register.cli.arg.id": {"zh": "问题编号（如 2025-03-07）", "en": "finding number (e.g. 2025-03-07)"},
    "register.cli.arg.status": {
        "zh": "目标状态：pending 待整改、in_progress 整改中、reported 已报整改、partial 部分整改、extended 延期整改、"
              "impossible 无法整改、closed 已销号、withdrawn 已撤销（也可写中文）",
        "en": "the target status: pending, in_progress, reported, partial, extended, impossible, closed, withdrawn",
    },
    "register.cli.opt.engagement": {"zh": "只列出此审计项目", "en": "only this engagement"},
    "register.cli.opt.status": {"zh": "只列出此状态", "en": "only this status"},
    "register.cli.opt.category": {"zh": "问题类别", "en": "category"},
    "register.cli.opt.year": {"zh": "审计计划年度", "en": "the plan year"},
    "register.cli.opt.overdue": {"zh": "只列出逾期未整改的问题", "en": "only overdue findings"},
    "register.cli.opt.note": {"zh": "说明（销号时写核实情况，必填）", "en": "note (a verification note is required to close)"},
    "register.cli.opt.deadline": {"zh": "整改期限（延期整改必填）", "en": "deadline (required for extended)"},
    "register.cli.opt.approver": {"zh": "批准人（无法整改必填）", "en": "approver (required for impossible)"},
    "register.cli.opt.evidence": {"zh": "整改证明材料文件", "en": "a file proving the rectification"},
    "register.cli.opt.within": {"zh": "列出多少天内到期的问题", "en": "list findings due within this many days"},
    "register.cli.list.help": {"zh": "列出问题", "en": "list findings"},
    "register.cli.show.help": {"zh": "查看问题详情及其整改经过", "en": "show a finding and its history"},
    "register.cli.add.help": {"zh": "手工登记一个问题（草稿）", "en": "write a finding by hand (a draft)"},
    "register.cli.edit.help": {"zh": "修改问题（修改经过保留）", "en": "edit a finding (its history is kept)"},
    "register.cli.move.help": {"zh": "推进问题的整改状态", "en": "move a finding to another status"},
    "register.cli.due.help": {"zh": "逾期和即将到期的问题", "en": "findings overdue and due soon"},
    "register.cli.stats.help": {"zh": "按类别、单位统计问题和整改率", "en": "statistics and the summary sentence"},
    "register.cli.none": {"zh": "没有问题。", "en": "No findings."},
    "register.cli.overdue_days": {"zh": "逾期 {days} 天", "en": "{days} days overdue"},
    "register.cli.col.code": {"zh": "问题编号", "en": "Number"},
    "register.cli.col.unit": {"zh": "单位", "en": "Unit"},
    "register.cli.col.category": {"zh": "类别", "en": "Category"},
    "register.cli.col.title": {"zh": "问题", "en": "Finding"},
    "register.cli.col.amount": {"zh": "金额", "en": "Amount"},
    "register.cli.col.status": {"zh": "状态", "en": "Status"},
    "register.cli.col.deadline": {"zh": "整改期限", "en": "Deadline"},
    "register.cli.col.count": {"zh": "问题数", "en": "Findings"},
    "register.cli.col.rectified": {"zh": "已整改", "en": "Rectified"},
    "register.cli.col.rate": {"zh": "整改率", "en": "Rate"},
    "register.cli.head": {"zh": "问题 {code}：{title}（{status}）", "en": "Finding {code}: {title} ({status})"},
    "register.cli.where": {
        "zh": "单位：{unit}　审计项目：{engagement}　所审年度：{year}　类别：{category}",
        "en": "Unit: {unit}  Engagement: {engagement}  Year: {year}  Category: {category}",
    },
    "register.cli.amount": {"zh": "涉及金额：{amount} 元　整改期限：{deadline}", "en": "Amount: {amount} yuan  Deadline: {deadline}"},
    "register.cli.allowed": {"zh": "可转为：{moves}", "en": "Can move to: {moves}"},
    "register.cli.added": {"zh": "已登记问题 {code}：{title}（草稿）", "en": "finding {code} added: {title} (draft)"},
    "register.cli.moved": {"zh": "问题 {code} 现为“{status}”，整改期限 {deadline}", "en": "finding {code} is now {status}, deadline {deadline}"},
    "register.cli.repeats": {"zh": "其中屡审屡犯的问题 {count} 个", "en": "{count} of them are repeat problems"},
    # -- the workbook round trip -----------------------------------------------------------------------
    "register.workbook.title": {"zh": "{subject} 审计发现问题整改台账", "en": "{subject}: register of audit findings"},
    "register.export_target": {
        "zh": "请指定审计项目或 --unit 单位（二者选一）", "en": "name an engagement or --unit NAME (one of them)",
    },
    "register.nothing_to_export": {
        "zh": "{subject} 没有已下发的问题可以导出（草稿须先改为“待整改”）",
        "en": "{subject} has no issued findings to export (drafts must be issued first)",
    },
    "register.import_problems": {
        "zh": "{file} 中有 {count} 处填写有误，未导入任何内容：\n{problems}",
        "en": "{file} has {count} problems; nothing was imported:\n{problems}",
    },
    "register.import_unknown": {
        "zh": "{file} 中有台账里没有的问题编号，未导入任何内容：{codes}",
        "en": "{file} names findings the register does not have; nothing was imported: {codes}",
    },
    "register.import_row": {"zh": "{code}（第 {row} 行）", "en": "{code} (row {row})"},
    "register.import_altered": {
        "zh": "{file} 中锁定的栏目被改动过，未导入任何内容（单位只应填写整改措施、整改情况、完成日期、整改状态）：{rows}",
        "en": "{file} has locked columns changed; nothing was imported: {rows}",
    },
    "register.import_illegal": {
        "zh": "{code} 现为“{current}”，不能按单位填写的“{wanted}”变更",
        "en": "{code} is {current} and cannot move as the unit asks ({wanted})",
    },
    "register.import_refused": {
        "zh": "{file} 中有不能执行的状态变更，未导入任何内容：{rows}",
        "en": "{file} asks for moves that are not allowed; nothing was imported: {rows}",
    },
    "register.import_changed": {
        "zh": "{file} 在预览之后被修改过，请重新预览后再导入",
        "en": "{file} changed since it was previewed; preview it again",
    },
    "register.import_note": {
        "zh": "单位报送（{file}）。整改措施：{measures}；整改情况：{progress}",
        "en": "reported by the unit ({file}). Measures: {measures}; progress: {progress}",
    },
    "register.cli.export.help": {
        "zh": "导出问题台账工作簿，交被审计单位填写整改情况",
        "en": "export the register workbook for the unit to fill in",
    },
    "register.cli.import.help": {
        "zh": "导入单位填回的台账：先显示变更，确认后作为“已报整改”等待核实",
        "en": "import the workbook the unit returned: shows the changes, applies them on confirmation",
    },
    "register.cli.opt.open_only": {"zh": "只导出未销号的问题", "en": "only findings not yet closed"},
    "register.cli.opt.yes": {"zh": "不再询问，直接导入", "en": "apply without asking"},
    "register.cli.arg.file": {"zh": "工作簿文件（.xlsx）", "en": "the workbook (.xlsx)"},
    "register.cli.exported": {
        "zh": "已导出 {count} 个问题到 {path}（sha256 {sha}…）", "en": "{count} findings written to {path} (sha256 {sha}…)",
    },
    "register.cli.no_changes": {"zh": "{file}：{rows} 行，没有需要导入的变更。", "en": "{file}: {rows} rows, nothing to import."},
    "register.cli.change": {
        "zh": "{code} {title}：{before} → {after}", "en": "{code} {title}: {before} → {after}",
    },
    "register.cli.confirm": {"zh": "导入以上 {count} 项变更？", "en": "Apply these {count} changes?"},
    "register.cli.need_yes": {
        "zh": "未导入。确认无误后加 --yes 再运行一次。", "en": "Nothing imported. Run again with --yes to apply.",
    },
    "register.cli.applied": {
        "zh": "已导入 {count} 项变更；请逐项核实后销号（auditdesk register move ID closed --note …）",
        "en": "{count} changes applied; verify each and close it (auditdesk register move ID closed --note …)",
    },
})

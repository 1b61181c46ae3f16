"""Messages of the unit-roster import (基层工会名册): its row problems, the CLI and the TUI."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- reading the roster (ingest) -----------------------------------------------------------------
    "roster.no_header": {
        "zh": "工作表“{sheet}”中找不到名册表头：需要“单位名称”一列，以及代码、会员人数、职工人数等至少一列",
        "en": "no roster header in sheet “{sheet}”: a column “单位名称” (name) and at least one of code, members, employees… is needed",
    },
    "roster.name_missing": {"zh": "缺少单位名称", "en": "the unit name is missing"},
    "roster.bad_count": {
        "zh": "“{value}”不是人数：应为不小于 0 的整数",
        "en": "“{value}” is not a head count: give a whole number of 0 or more",
    },
    "roster.negative_payroll": {"zh": "工资总额不能为负数：{value}", "en": "the payroll must not be negative: {value}"},
    "roster.bad_audit_year": {
        "zh": "“{value}”不是有效的上次审计年度：应为 {first}—{last} 年间的年份或日期；从未审计可留空或写“从未审计”",
        "en": "“{value}” is not a valid last audit year: give a year or date from {first} to {last}; leave it empty or write 从未审计 for never",
    },
    "roster.duplicate_name": {
        "zh": "单位名称“{name}”重复：工作表“{sheet}”第 {row} 行已有同名单位",
        "en": "the unit name “{name}” is given twice: sheet “{sheet}” row {row} has it already",
    },
    "roster.duplicate_code": {
        "zh": "单位代码“{code}”重复：工作表“{sheet}”第 {row} 行已使用该代码",
        "en": "the unit code “{code}” is given twice: sheet “{sheet}” row {row} has it already",
    },
    "roster.same_unit": {
        "zh": "此行与工作表“{sheet}”第 {row} 行按名称或代码指向同一个已有单位“{unit}”",
        "en": "this row and sheet “{sheet}” row {row} both match the existing unit “{unit}” (by name or code)",
    },
    "roster.demo_rejected": {
        "zh": "示例名册 {file} 有 {count} 个问题，未能导入",
        "en": "the sample roster {file} has {count} problems and was not imported",
    },
    # -- field names ------------------------------------------------------------------------------
    "roster.field.name": {"zh": "单位名称", "en": "name"},
    "roster.field.code": {"zh": "代码", "en": "code"},
    "roster.field.members": {"zh": "会员人数", "en": "members"},
    "roster.field.employees": {"zh": "职工人数", "en": "employees"},
    "roster.field.payroll": {"zh": "上年工资总额", "en": "last year's payroll"},
    "roster.field.chair": {"zh": "工会主席", "en": "chair"},
    "roster.field.contact": {"zh": "联系电话", "en": "contact"},
    "roster.field.last_audit_year": {"zh": "上次审计年度", "en": "last audit year"},
    "roster.change": {"zh": "{field} {before} → {after}", "en": "{field} {before} → {after}"},
    "roster.empty_value": {"zh": "（空）", "en": "(empty)"},
    # -- CLI ----------------------------------------------------------------------------------------
    "roster.cli.help": {
        "zh": "从 Excel 名册（名称、代码、会员人数、职工人数、上年工资总额、工会主席、联系电话、上次审计年度）新增或更新单位；"
        "有任何问题则不写入",
        "en": "create or update units from a roster workbook (name, code, members, employees, payroll, chair, contact, "
        "last audit year); nothing is written when any row has a problem",
    },
    "roster.cli.arg.file": {
        "zh": "名册文件（.xlsx .xlsm .xls .ods .csv）",
        "en": "roster file (.xlsx .xlsm .xls .ods .csv)",
    },
    "roster.cli.opt.last_audit": {
        "zh": "上次审计年度（四位年份，如 2022）",
        "en": "year of the last audit (four digits, e.g. 2022)",
    },
    "roster.cli.status.imported": {
        "zh": "名册 {file} 已导入：新增 {created} 个单位，更新 {updated} 个，{unchanged} 个无变化",
        "en": "roster {file} imported: {created} units created, {updated} updated, {unchanged} unchanged",
    },
    "roster.cli.status.dry_run": {
        "zh": "名册 {file} 检查通过（未写入）：将新增 {created} 个单位，更新 {updated} 个，{unchanged} 个无变化",
        "en": "roster {file} checked (nothing written): {created} units to create, {updated} to update, {unchanged} unchanged",
    },
    "roster.cli.status.rejected": {
        "zh": "名册 {file} 未导入：发现 {count} 个问题，数据库未作任何改动",
        "en": "roster {file} not imported: {count} problems found, the database is unchanged",
    },
    "roster.cli.created": {"zh": "  新增：{name}", "en": "  created: {name}"},
    "roster.cli.updated": {"zh": "  更新：{name}：{changes}", "en": "  updated: {name}: {changes}"},
    "roster.renamed": {"zh": "（原名“{old}”，按代码匹配）", "en": " (was “{old}”, matched by code)"},
    "roster.cli.unchanged": {"zh": "  无变化：{names}", "en": "  unchanged: {names}"},
    # -- TUI ----------------------------------------------------------------------------------------
    "tui.roster.key": {"zh": "导入名册", "en": "Roster"},
    "tui.roster.tip": {
        "zh": "从 Excel 名册新增或更新单位（先预览，再导入）",
        "en": "Create or update units from a roster workbook (preview, then import)",
    },
    "tui.roster.title": {"zh": "导入单位名册", "en": "Import a unit roster"},
    "tui.roster.path": {"zh": "名册文件", "en": "Roster file"},
    "tui.roster.path_placeholder": {"zh": "名册文件的路径，如 sample_ledgers/roster.xlsx", "en": "path of the roster, e.g. sample_ledgers/roster.xlsx"},
    "tui.roster.hint": {
        "zh": "输入名册文件路径，先“预览”检查，再“导入”",
        "en": "Type the path of the roster, check it with Preview, then Import",
    },
    "tui.roster.need_path": {"zh": "请先输入名册文件的路径", "en": "type the path of the roster first"},
    "tui.roster.no_file": {"zh": "找不到文件：{path}", "en": "no such file: {path}"},
    "tui.roster.previewing": {"zh": "正在检查 {file}…", "en": "checking {file}…"},
    "tui.roster.importing": {"zh": "正在导入 {file}…", "en": "importing {file}…"},
    "tui.roster.preview_ok": {
        "zh": "预览：将新增 {created} 个单位，更新 {updated} 个，{unchanged} 个无变化。确认无误请按“导入”",
        "en": "Preview: {created} units to create, {updated} to update, {unchanged} unchanged. Press Import to confirm",
    },
    "tui.roster.preview_problems": {
        "zh": "发现 {count} 个问题，名册不能导入；请修改文件后重新预览",
        "en": "{count} problems found; the roster cannot be imported. Fix the file and preview again",
    },
    "tui.roster.preview_first": {"zh": "请先预览这个文件", "en": "preview this file first"},
    "tui.roster.done": {
        "zh": "名册已导入：新增 {created} 个单位，更新 {updated} 个",
        "en": "roster imported: {created} units created, {updated} updated",
    },
    "tui.roster.rejected": {"zh": "名册未导入：{count} 个问题", "en": "roster not imported: {count} problems"},
    "tui.roster.failed": {"zh": "未能读取名册，详见错误提示", "en": "the roster could not be read; see the error"},
    "tui.roster.created": {"zh": "新增：{names}", "en": "To create: {names}"},
    "tui.roster.updated": {"zh": "更新：{name}：{changes}", "en": "To update: {name}: {changes}"},
}

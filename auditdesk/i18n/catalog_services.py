"""Messages of the store and services layers."""

MESSAGES: dict[str, dict[str, str]] = {
    "store.bad_url": {"zh": "数据库地址“{url}”无法识别", "en": "database URL “{url}” is not valid"},
    "store.path_is_dir": {
        "zh": "“{path}”是一个文件夹，请给出数据库文件的路径",
        "en": "“{path}” is a folder; give the path of a database file",
    },
    "store.cannot_open": {
        "zh": "无法打开数据库 {url}：{reason}",
        "en": "cannot open the database {url}: {reason}",
    },
    "store.too_new": {
        "zh": "该数据库由较新版本的经审台创建（结构版本 {found}，本程序支持 {supported}），请升级经审台",
        "en": "this database was written by a newer auditdesk (schema {found}, this one supports {supported});"
        " please upgrade",
    },
    "unit.not_found": {
        "zh": "没有名为“{name}”的单位。相近的单位：{suggestions}。可用 auditdesk units add 添加",
        "en": "there is no unit “{name}”. Closest units: {suggestions}. Add it with auditdesk units add",
    },
    "unit.exists": {"zh": "单位“{name}”已存在", "en": "unit “{name}” already exists"},
    "unit.name_empty": {"zh": "单位名称不能为空", "en": "the unit name must not be empty"},
    "unit.negative": {"zh": "{field} 不能为负数：{value}", "en": "{field} must not be negative: {value}"},
    "import.bad_year": {
        "zh": "年度 {year} 不合理，请给出四位数的会计年度，如 2024",
        "en": "year {year} is not plausible; give a four-digit fiscal year such as 2024",
    },
    "import.duplicate": {
        "zh": "同一文件已于 {when} 由 {who} 导入（导入编号 {import_id}，文件 {file}）。"
        "如需用它替换先前的导入，请加 --force（先前的导入将标记为已替换，不会删除）",
        "en": "the same file was imported on {when} by {who} (import {import_id}, file {file}). "
        "To replace that import use --force (the earlier import is kept as superseded)",
    },
    "import.other_year": {
        "zh": "账簿中多数日期属于 {found} 年度，而导入指定的是 {year} 年度：请确认年度是否选错",
        "en": "most dates in the ledger are in {found}, but the import is for {year}: check the year",
    },
    "import.problem_in_column": {"zh": "{header}：{reason}", "en": "{header}: {reason}"},
    "import.problem_line": {
        "zh": "工作表“{sheet}”第 {row} 行 {column} 列 — {reason}",
        "en": "sheet “{sheet}” row {row} column {column} — {reason}",
    },
    "import.skipped_line": {
        "zh": "工作表“{sheet}”第 {row} 行 — {reason} {text}",
        "en": "sheet “{sheet}” row {row} — {reason} {text}",
    },
    "import.recon_ok": {
        "zh": "工作表“{sheet}”第 {row} 行“{label}”：与明细相符（借 {debit}，贷 {credit}）",
        "en": "sheet “{sheet}” row {row} “{label}”: agrees with the entries (debit {debit}, credit {credit})",
    },
    "import.recon_diff": {
        "zh": "工作表“{sheet}”第 {row} 行“{label}”：表上借 {stated_debit}、贷 {stated_credit}，"
        "明细合计借 {debit}、贷 {credit}，不符",
        "en": "sheet “{sheet}” row {row} “{label}”: the file states debit {stated_debit}, credit"
        " {stated_credit}; the entries sum to debit {debit}, credit {credit}",
    },
    "demo.not_started": {
        "zh": "演示审计项目 {reference} 未能进入“实施”阶段：{unmet}",
        "en": "demo engagement {reference} could not enter fieldwork: {unmet}",
    },
    "demo.no_manifest": {"zh": "找不到样例清单 {path}", "en": "sample manifest {path} not found"},
    "demo.bad_manifest": {"zh": "样例清单 {path} 格式有误：{reason}", "en": "sample manifest {path} is invalid: {reason}"},
}

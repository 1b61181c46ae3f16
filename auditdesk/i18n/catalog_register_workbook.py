"""Messages of the register workbook sent to and returned by the audited unit
(``auditdesk.documents.register_workbook``): refused files, cell problems, and texts the service may
pass into the workbook (Excel's validation messages, the lines of the notes sheet).

``workbook.problems`` carries ``problems`` (``RowProblem``s, reasons as keys below or ``date.*``) and
``details`` (one line per problem: sheet!cell, header, value); a service may render the problems with
their reasons (``import.problem_line``) instead of ``details``.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # -- refused files -----------------------------------------------------------------------------------
    "workbook.not_register": {
        "zh": "“{file}”不是本系统导出的问题整改台账（找不到含“序号”“问题编号”“整改措施”等列的“整改台账”工作表）",
        "en": "“{file}” is not a rectification register exported by auditdesk (no sheet “整改台账” with the columns 序号, 问题编号, 整改措施…)",
    },
    "workbook.columns_missing": {
        "zh": "“{file}”的整改台账缺少以下列（可能被删除或改名）：{columns}",
        "en": "the register in “{file}” lacks these columns (deleted or renamed?): {columns}",
    },
    "workbook.unreadable": {
        "zh": "无法读取“{file}”（{reason}）：请确认是 .xlsx 格式且未加密；WPS/Excel 中请“另存为 Excel 工作簿(.xlsx)”",
        "en": "cannot read “{file}” ({reason}): it must be an unencrypted .xlsx workbook; in WPS/Excel use “Save as Excel workbook (.xlsx)”",
    },
    "workbook.record_damaged": {
        "zh": "“{file}”中的隐藏记录表已损坏，无法核对锁定列，请重新导出台账",
        "en": "the hidden record sheet of “{file}” is damaged, so the locked columns cannot be checked: export the register again",
    },
    "workbook.format_version": {
        "zh": "“{file}”的台账格式版本为 {found}，本程序只支持版本 {supported}，请用当前版本重新导出",
        "en": "“{file}” has register format version {found}; this program supports version {supported}: export it again",
    },
    "workbook.problems": {
        "zh": "“{file}”中有 {count} 处填写有误，未导入任何内容：\n{details}",
        "en": "“{file}” has {count} problem(s); nothing was imported:\n{details}",
    },
    # -- cell problems -----------------------------------------------------------------------------------
    "workbook.bad_status": {
        "zh": "整改状态“{value}”无效，应为以下之一或留空：{allowed}",
        "en": "status “{value}” is not valid: use one of {allowed} or leave it blank",
    },
    "workbook.missing_code": {
        "zh": "该行没有问题编号（请勿在台账中新增行；新的情况请写在对应问题的“整改情况”中）",
        "en": "the row has no finding code (do not add rows to the register; write news into the finding's 整改情况)",
    },
    "workbook.duplicate_code": {
        "zh": "问题编号“{code}”重复（第 {first_row} 行已有）",
        "en": "finding code “{code}” appears twice (already in row {first_row})",
    },
    # -- writing -----------------------------------------------------------------------------------------
    "workbook.write_failed": {
        "zh": "无法写入台账文件“{path}”：{reason}",
        "en": "cannot write the register file “{path}”: {reason}",
    },
    "workbook.text_too_long": {
        "zh": "问题“{code}”的“{column}”有 {length} 个字符，超过 Excel 单元格上限 {limit}，请精简后再导出",
        "en": "“{column}” of finding “{code}” has {length} characters, more than an Excel cell holds ({limit}): shorten it",
    },
    # -- texts a service may pass into the workbook (WorkbookMeta) -----------------------------------------
    "workbook.hint.status_error": {
        "zh": "请从下拉列表中选择整改状态：已完成整改、部分整改、正在整改或无法整改。",
        "en": "Choose a status from the list: 已完成整改, 部分整改, 正在整改 or 无法整改.",
    },
    "workbook.hint.date_error": {
        "zh": "请填写日期，例如 2025-06-30 或 2025年6月30日。",
        "en": "Enter a date, e.g. 2025-06-30 or 2025年6月30日.",
    },
    "workbook.note.title": {"zh": "填写说明", "en": "How to fill in the register"},
    "workbook.note.columns": {
        "zh": "1. 只需填写黄色底纹的四列：整改措施、整改情况、完成日期、整改状态；其他列已锁定，请勿修改。",
        "en": "1. Fill in only the four yellow columns: 整改措施, 整改情况, 完成日期, 整改状态; the other columns are locked: do not change them.",
    },
    "workbook.note.measures": {
        "zh": "2. “整改措施”写明针对该问题采取的具体措施（如制定或修订的制度、追回的款项、调整的账目）；“整改情况”写明目前的进展和结果。",
        "en": "2. 整改措施: the concrete measures taken (rules adopted or revised, money recovered, accounts corrected); 整改情况: progress and results so far.",
    },
    "workbook.note.date": {
        "zh": "3. “完成日期”填写整改完成的日期（如 2025-06-30）；尚未完成的留空。",
        "en": "3. 完成日期: the day the rectification was completed (e.g. 2025-06-30); leave it blank if not completed.",
    },
    "workbook.note.status": {
        "zh": "4. “整改状态”从下拉列表中选择：已完成整改、部分整改、正在整改、无法整改（无法整改的请在“整改情况”中说明原因）。",
        "en": "4. 整改状态: choose from the list: 已完成整改, 部分整改, 正在整改, 无法整改 (for 无法整改 give the reason in 整改情况).",
    },
    "workbook.note.rows": {
        "zh": "5. 请勿增加、删除或调整行的顺序，勿修改工作表名称；证明材料另行报送，不要粘贴到本表中。",
        "en": "5. Do not add, delete or reorder rows or rename the sheets; send supporting documents separately, not pasted into this workbook.",
    },
    "workbook.note.return": {
        "zh": "6. 填写完成后保存为 .xlsx 格式，按期报送审计组。",
        "en": "6. When done, save as .xlsx and return it to the audit team by the deadline.",
    },
}

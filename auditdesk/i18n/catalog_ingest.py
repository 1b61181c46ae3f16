"""Messages of the ingest layer: file errors, row problems, skipped-row reasons, layouts, fields."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- the file as a whole -----------------------------------------------------------------------
    "ingest.file_missing": {
        "zh": "找不到文件“{path}”。请检查路径和文件名后重试。",
        "en": "File “{path}” does not exist. Check the path and the file name.",
    },
    "ingest.unreadable": {
        "zh": "无法读取文件“{path}”（{reason}）。请确认文件未被其他程序占用并有读取权限。",
        "en": "Cannot read “{path}” ({reason}). Make sure no other program holds it and it is readable.",
    },
    "ingest.not_spreadsheet": {
        "zh": "“{path}”不是电子表格文件。请从财务软件重新导出为 Excel（.xlsx/.xls） 或 CSV 文件。",
        "en": "“{path}” is not a spreadsheet. Export the ledger again as Excel (.xlsx/.xls) or CSV.",
    },
    "ingest.corrupt": {
        "zh": "“{path}”已损坏或不完整，无法打开。请向被审计单位重新索取文件，或用 Excel 打开后另存一份。",
        "en": "“{path}” is damaged or incomplete. Ask for the file again, or open it in Excel and save a copy.",
    },
    "ingest.password": {
        "zh": "“{path}”设有打开密码。请在 Excel 中输入密码打开，取消密码后另存，再导入。",
        "en": "“{path}” is password-protected. Open it in Excel, remove the password, save, and import again.",
    },
    "ingest.empty": {
        "zh": "“{path}”中没有任何数据。请确认是否选错了文件。",
        "en": "“{path}” contains no data. Check that this is the right file.",
    },
    "ingest.unknown_format": {
        "zh": "不支持“{ext}”格式的文件“{path}”。支持的格式：.xlsx、.xlsm、.xls、.ods、.csv。",
        "en": "Files of type “{ext}” are not supported (“{path}”). Supported: .xlsx, .xlsm, .xls, .ods, .csv.",
    },
    "ingest.encoding": {
        "zh": "无法识别“{path}”的文字编码（支持 UTF-8、GBK、GB18030）。请用 Excel 打开后另存为 .xlsx。",
        "en": "Cannot tell the text encoding of “{path}” (UTF-8, GBK, GB18030 are read). Save it as .xlsx.",
    },
    "ingest.sheet_not_found": {
        "zh": "文件中没有名为“{sheet}”的工作表。现有工作表：{available}。",
        "en": "There is no sheet named “{sheet}”. Sheets in the file: {available}.",
    },
    "ingest.no_header": {
        "zh": "工作表“{sheet}”中找不到账簿表头（如日期、摘要、借方、贷方）。"
        "请用 --map 指定各列含义，例如 --map A=date --map F=debit。",
        "en": "No ledger header (date, summary, debit, credit...) found in sheet “{sheet}”. "
        "Name the columns with --map, e.g. --map A=date --map F=debit.",
    },
    "ingest.bad_map": {
        "zh": "列映射“{spec}”无效：列须是表头文字或列字母，字段须是 date、summary、debit 等之一。",
        "en": "Column mapping “{spec}” is invalid: give a header text or column letter and a known field.",
    },
    # -- one row -------------------------------------------------------------------------------------
    "ingest.date_missing": {"zh": "缺少日期", "en": "the date is missing"},
    "ingest.date_outside_year": {
        "zh": "日期“{value}”不在 {year} 年度内",
        "en": "date “{value}” is outside the fiscal year {year}",
    },
    "ingest.amount_missing": {"zh": "借方、贷方都没有金额", "en": "neither side has an amount"},
    "ingest.account_missing": {"zh": "缺少会计科目", "en": "the account is missing"},
    "ingest.account_unknown": {
        "zh": "工作表“{sheet}”没有科目列，也无法从标题或“科目：”行看出是哪个科目。请用 --map 指定科目列。",
        "en": "Sheet “{sheet}” has no account column and no title or “科目：” row naming its account.",
    },
    "ingest.formula_no_value": {
        "zh": "单元格 {cell} 是公式“={formula}”，但文件中没有保存计算结果。请用 Excel 打开该文件并保存后重新导入。",
        "en": "cell {cell} holds the formula “={formula}” without a saved result. Open and save it in Excel.",
    },
    "ingest.direction_missing": {"zh": "缺少借贷方向", "en": "the debit/credit direction is missing"},
    "ingest.direction_invalid": {
        "zh": "“{value}”不是借贷方向（应为 借 或 贷）",
        "en": "“{value}” is not a direction (借 or 贷)",
    },
    "ingest.attachments_invalid": {
        "zh": "附件张数“{value}”不是整数",
        "en": "attachment count “{value}” is not a whole number",
    },
    "ingest.reconcile_ok": {"zh": "“{label}”与明细相符", "en": "“{label}” agrees with the entries"},
    "ingest.reconcile_diff": {
        "zh": "“{label}”{side}为 {stated}，明细合计为 {computed}，相差 {difference}",
        "en": "“{label}” states {side} {stated}, the entries sum to {computed}, difference {difference}",
    },
    # -- skipped rows --------------------------------------------------------------------------------
    "skip.blank": {"zh": "空行", "en": "blank row"},
    "skip.title": {"zh": "标题或说明行", "en": "title or note row"},
    "skip.header_repeat": {"zh": "重复的表头", "en": "repeated header"},
    "skip.section": {"zh": "科目标题行", "en": "account section row"},
    "skip.opening_balance": {"zh": "期初余额行", "en": "opening balance row"},
    "skip.carried_forward": {"zh": "结转行（上年结转、承前页等）", "en": "carried-forward row"},
    "skip.subtotal": {"zh": "合计行（本月合计、本年累计等）", "en": "total row"},
    "skip.closing_balance": {"zh": "期末余额或结转下年行", "en": "closing balance row"},
    # -- layouts -------------------------------------------------------------------------------------
    "layout.journal": {"zh": "序时账", "en": "journal"},
    "layout.voucher_list": {"zh": "凭证列表", "en": "voucher list"},
    "layout.yonyou": {"zh": "用友凭证导出", "en": "Yonyou voucher export"},
    "layout.cash_journal": {"zh": "现金日记账", "en": "cash journal"},
    "layout.bank_journal": {"zh": "银行存款日记账", "en": "bank journal"},
    "layout.detail_ledger": {"zh": "明细账", "en": "detail ledger"},
    "layout.single_account": {"zh": "单科目账（科目不明）", "en": "single-account ledger (account unknown)"},
    "layout.none": {"zh": "无账簿表头，已跳过", "en": "no ledger header, skipped"},
    "layout.empty": {"zh": "空工作表，已跳过", "en": "empty sheet, skipped"},
    # -- fields (targets of --map) -------------------------------------------------------------------
    "field.date": {"zh": "日期", "en": "date"},
    "field.year": {"zh": "年", "en": "year"},
    "field.month": {"zh": "月", "en": "month"},
    "field.day": {"zh": "日", "en": "day"},
    "field.voucher": {"zh": "凭证号", "en": "voucher"},
    "field.voucher_type": {"zh": "凭证字", "en": "voucher type"},
    "field.voucher_no": {"zh": "凭证号数", "en": "voucher number"},
    "field.summary": {"zh": "摘要", "en": "summary"},
    "field.account": {"zh": "科目（编码及名称）", "en": "account (code and name)"},
    "field.account_code": {"zh": "科目编码", "en": "account code"},
    "field.account_name": {"zh": "科目名称", "en": "account name"},
    "field.debit": {"zh": "借方", "en": "debit"},
    "field.credit": {"zh": "贷方", "en": "credit"},
    "field.amount": {"zh": "金额", "en": "amount"},
    "field.direction": {"zh": "借贷方向", "en": "direction"},
    "field.balance": {"zh": "余额", "en": "balance"},
    "field.attachments": {"zh": "附件张数", "en": "attachments"},
    "field.counter_account": {"zh": "对方科目", "en": "counter account"},
    "field.ignore": {"zh": "忽略", "en": "ignore"},
}

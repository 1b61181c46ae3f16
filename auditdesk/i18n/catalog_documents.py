"""Messages of generated documents (审计通知书 and the later report documents): templates and output."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- kinds ---------------------------------------------------------------------------------------
    "documents.kind.notice": {"zh": "审计通知书", "en": "audit notice"},
    # -- templates -----------------------------------------------------------------------------------
    "documents.template_missing": {
        "zh": "找不到模板“{name}”（已查找：{searched}）",
        "en": "template “{name}” not found (searched: {searched})",
    },
    "documents.template_field": {
        "zh": "模板“{template}”引用了不存在的字段“{field}”，请检查拼写或删除该字段",
        "en": "template “{template}” names a field that does not exist: “{field}” (check its spelling or remove it)",
    },
    "documents.template_syntax": {
        "zh": "模板“{template}”的标记有误（第 {line} 行附近）：{message}",
        "en": "template “{template}” has a tag error (near line {line}): {message}",
    },
    "documents.template_unreadable": {
        "zh": "无法读取模板“{template}”（不是有效的 Word 文档或文本文件）：{reason}",
        "en": "cannot read template “{template}” (not a valid Word document or text file): {reason}",
    },
    # -- output --------------------------------------------------------------------------------------
    "documents.bad_stem": {
        "zh": "文件名“{stem}”无效（不能为空或含有路径）",
        "en": "invalid file name “{stem}” (empty, or contains a path)",
    },
    "documents.write_failed": {
        "zh": "无法在“{path}”写入文件：{reason}",
        "en": "cannot write files into “{path}”: {reason}",
    },
    "documents.written": {
        "zh": "已生成{kind}：{path}",
        "en": "{kind} written: {path}",
    },
    # -- the audit notice ----------------------------------------------------------------------------
    "documents.notice_no_period": {
        "zh": "尚未确定审计期间（所审年度），无法生成审计通知书",
        "en": "the audit period (fiscal years) is not set, so the audit notice cannot be written",
    },
    "documents.notice_dates_order": {
        "zh": "现场审计结束日期 {end} 早于开始日期 {start}",
        "en": "fieldwork ends on {end}, before it starts on {start}",
    },
    "notice.no_lead": {
        "zh": "审计项目 {reference} 还没有主审，请先用 engagement edit --lead 指定后再出具审计通知书",
        "en": "engagement {reference} has no lead auditor; set one with engagement edit --lead first",
    },
    "notice.issued": {
        "zh": "已出具审计通知书 {reference}（{unit}）：",
        "en": "audit notice {reference} issued ({unit}):",
    },
    "notice.file": {
        "zh": "  {path}（第 {version} 版，sha256 {sha256}）",
        "en": "  {path} (version {version}, sha256 {sha256})",
    },
    "notice.late": {
        "zh": "注意：出具日期晚于计划的通知日期，送达至进点的时间可能不足计划的工作日数",
        "en": "note: issued after the planned notice date; the unit may get fewer working days than planned",
    },
    "notice.cli.help": {"zh": "出具审计通知书（.docx 和 .md）", "en": "issue the audit notice (.docx and .md)"},
    "notice.cli.out": {"zh": "输出文件夹（默认为用户数据目录下的 documents）", "en": "output folder (default: documents in the user data directory)"},
}

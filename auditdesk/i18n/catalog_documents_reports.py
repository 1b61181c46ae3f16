"""Messages of the report-stage documents (draft report, audit report, opinion letter, rectification
notice, annual summary and its workbook) and of the PDF conversion."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- kinds ---------------------------------------------------------------------------------------
    "reports.kind.draft": {"zh": "审计报告（征求意见稿）", "en": "draft audit report"},
    "reports.kind.report": {"zh": "审计报告", "en": "audit report"},
    "reports.kind.opinion": {"zh": "审计意见书", "en": "audit opinion letter"},
    "reports.kind.rectify": {"zh": "整改通知书", "en": "rectification notice"},
    "reports.kind.summary": {"zh": "年度经审工作总结", "en": "annual audit summary"},
    "reports.kind.summary_workbook": {"zh": "年度经审汇总表", "en": "annual summary workbook"},
    # -- report documents ----------------------------------------------------------------------------
    "reports.bad_kind": {
        "zh": "未知的文书种类“{kind}”（应为 draft、report、opinion 或 rectify）",
        "en": "unknown document kind “{kind}” (expected draft, report, opinion or rectify)",
    },
    "reports.no_period": {
        "zh": "尚未确定审计期间（所审年度），无法生成{title}",
        "en": "the audit period (fiscal years) is not set, so the {title} cannot be written",
    },
    "reports.dates_order": {
        "zh": "现场审计结束日期 {end} 早于开始日期 {start}",
        "en": "fieldwork ends on {end}, before it starts on {start}",
    },
    "reports.totals_mismatch": {
        "zh": "经费{side}合计 {total} 元与各科目之和 {rows} 元不一致，文书未生成（请报告此问题）",
        "en": "the {side} total {total} differs from the sum of its accounts {rows}; nothing was written "
        "(please report this problem)",
    },
    "reports.bad_reply": {
        "zh": "第 {number} 个问题的反馈意见“{value}”无效（应为 agree、disagree 或空）",
        "en": "finding {number} has an invalid reply “{value}” (expected agree, disagree or empty)",
    },
    # -- annual summary ------------------------------------------------------------------------------
    "summary.totals_mismatch": {
        "zh": "年度总结中{figure}之和 {rows} 与全年合计 {total} 不一致，文件未生成（请报告此问题）",
        "en": "in the annual summary the rows of “{figure}” add up to {rows}, not the year's {total}; "
        "nothing was written (please report this problem)",
    },
    # -- PDF -----------------------------------------------------------------------------------------
    "pdf.no_libreoffice": {
        "zh": "未找到 LibreOffice（soffice），无法生成 PDF；已生成的 Word 文档不受影响。"
        "如需 PDF，请安装 LibreOffice 后重试，或在 Word/WPS 中另存为 PDF",
        "en": "LibreOffice (soffice) was not found, so no PDF was made; the Word documents are written. "
        "Install LibreOffice and try again, or save as PDF from Word/WPS",
    },
    "pdf.no_source": {
        "zh": "找不到要转换的文件“{path}”",
        "en": "the file to convert does not exist: “{path}”",
    },
    "pdf.timeout": {
        "zh": "LibreOffice 在 {seconds} 秒内未完成“{file}”的 PDF 转换，已放弃",
        "en": "LibreOffice did not convert “{file}” to PDF within {seconds} seconds; gave up",
    },
    "pdf.failed": {
        "zh": "LibreOffice 未能将“{file}”转换为 PDF：{reason}",
        "en": "LibreOffice could not convert “{file}” to PDF: {reason}",
    },
    "pdf.written": {"zh": "已生成 PDF：{path}", "en": "PDF written: {path}"},
}

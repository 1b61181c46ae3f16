"""Messages of the TUI report screen (报告): keys prefixed ``tui.report.``."""

from __future__ import annotations

_TABLE: tuple[tuple[str, str, str], ...] = (
    # the screen
    ("tui.report.title", "报告与文书", "Reports and documents"),
    ("tui.report.loading", "正在读取审计项目…", "Reading the engagement…"),
    (
        "tui.report.heading",
        "{reference}　{unit}　{years} 年度　阶段：{stage}",
        "{reference}  {unit}  year {years}  stage: {stage}",
    ),
    (
        "tui.report.hint",
        "按 1、2 切换文书和单位反馈；n、d、r、o、z 出具文书，p 切换是否同时生成 PDF。",
        "Keys 1 and 2 switch between documents and replies; n, d, r, o, z issue documents, "
        "p switches the PDF on or off.",
    ),
    ("tui.report.failed", "操作未完成，原因见提示。", "Not done; see the message."),
    # document kinds and formats
    ("tui.report.kind.notice", "审计通知书", "Audit notice"),
    ("tui.report.kind.draft", "审计报告（征求意见稿）", "Draft audit report"),
    ("tui.report.kind.report", "审计报告", "Audit report"),
    ("tui.report.kind.opinion", "审计意见书", "Audit opinion letter"),
    ("tui.report.kind.rectify", "整改通知书", "Rectification notice"),
    ("tui.report.format.docx", "Word", "Word"),
    ("tui.report.format.md", "Markdown", "Markdown"),
    ("tui.report.format.pdf", "PDF", "PDF"),
    ("tui.report.latest", "{kind}：第 {version} 版，{who}，{at}", "{kind}: version {version}, {who}, {at}"),
    ("tui.report.missing", "{kind}：未出具", "{kind}: not issued"),
    # the next step of the stage
    (
        "tui.report.next.before",
        "当前处于“{stage}”阶段：进入报告阶段后才能出具征求意见稿（审计通知书可随时按 n 出具）。",
        "The engagement is at the {stage} stage: the draft report needs the report stage "
        "(the audit notice can be issued any time with n).",
    ),
    (
        "tui.report.next.draft",
        "下一步：按 d 出具审计报告（征求意见稿），送被审计单位征求意见。",
        "Next: d issues the draft audit report, to be sent to the unit for its comments.",
    ),
    (
        "tui.report.next.replies",
        "下一步：在“单位反馈”中用 a、x 记录单位意见，然后按 r 出具审计报告。",
        "Next: record the unit's replies with a and x under Replies, then r issues the audit report.",
    ),
    (
        "tui.report.next.opinion",
        "下一步：按 o 出具审计意见书（下发问题、开始整改计时，项目转入整改阶段）。",
        "Next: o issues the audit opinion letter (it issues the findings, starts the rectification "
        "clock and moves the engagement to rectification).",
    ),
    (
        "tui.report.next.rectify",
        "整改阶段：可按 z 出具整改通知书（列出尚未销号的问题）。",
        "Rectification: z issues a rectification notice (listing the findings not yet closed).",
    ),
    ("tui.report.next.archived", "项目已归档：只能查看。", "The engagement is archived: read only."),
    # PDF
    ("tui.report.pdf_label", "同时生成 PDF", "Also make a PDF"),
    ("tui.report.pdf_on", "出具文书时将同时生成 PDF（需要 LibreOffice）。", "Documents will also be made as PDF "
     "(needs LibreOffice)."),
    ("tui.report.pdf_off", "出具文书时不生成 PDF。", "Documents will be made without a PDF."),
    ("tui.report.pdf_missing", "未生成 PDF：{reason}", "No PDF was made: {reason}"),
    # tabs
    ("tui.report.tab.documents", "文书", "Documents"),
    ("tui.report.tab.replies", "单位反馈", "Unit's replies"),
    # the documents and the preview
    ("tui.report.docs.col.kind", "文书", "Document"),
    ("tui.report.docs.col.format", "格式", "Format"),
    ("tui.report.docs.col.version", "版本", "Version"),
    ("tui.report.docs.col.file", "文件", "File"),
    ("tui.report.docs.col.who", "经办人", "By"),
    ("tui.report.docs.col.at", "时间", "When"),
    ("tui.report.docs.col.sha256", "SHA-256", "SHA-256"),
    ("tui.report.docs.none", "还没有出具任何文书。", "No document has been issued yet."),
    ("tui.report.preview.none", "选择一份文书，在此预览它的 Markdown 版本。",
     "Highlight a document to preview its Markdown version here."),
    ("tui.report.preview.loading", "正在读取“{file}”…", "Reading “{file}”…"),
    ("tui.report.preview.title", "预览：{kind} 第 {version} 版　{file}", "Preview: {kind} version {version}  {file}"),
    (
        "tui.report.preview.no_md",
        "“{file}”没有 Markdown 版本可预览，请用文字处理软件打开：{path}",
        "“{file}” has no Markdown version to preview; open it in a word processor: {path}",
    ),
    ("tui.report.preview.gone", "文件“{file}”已不在原处：{path}", "The file “{file}” is no longer at {path}"),
    ("tui.report.preview.unreadable", "无法读取“{file}”：{reason}", "Cannot read “{file}”: {reason}"),
    # issuing
    ("tui.report.issuing", "正在出具{kind}…", "Issuing: {kind}…"),
    ("tui.report.issued_title", "文书已出具", "Document issued"),
    ("tui.report.issued", "已出具{kind}第 {version} 版：\n{files}", "{kind} version {version} issued:\n{files}"),
    ("tui.report.issued_line", "已出具{kind}第 {version} 版。", "{kind} version {version} issued."),
    (
        "tui.report.notice_late",
        "审计通知书晚于计划日期出具：距进点的工作日少于计划。",
        "The notice was issued after its planned date: fewer working days before fieldwork than planned.",
    ),
    ("tui.report.opinion.title", "出具审计意见书", "Issue the audit opinion letter"),
    (
        "tui.report.opinion.body",
        "出具{reference}的审计意见书将：\n"
        "· 把 {count} 个问题草稿下发为“待整改”，整改期限自今日起算；\n"
        "· 把项目从“报告”阶段转入“整改”阶段。\n\n"
        "确定出具吗？",
        "Issuing the audit opinion letter of {reference} will:\n"
        "· issue {count} draft findings as pending rectification, the deadline counted from today;\n"
        "· move the engagement from the report stage to rectification.\n\n"
        "Issue it?",
    ),
    ("tui.report.opinion.ok", "出具", "Issue"),
    (
        "tui.report.opinion_done",
        "已下发问题 {count} 个（待整改），项目进入“{stage}”阶段。",
        "{count} findings issued (pending rectification); the engagement is now at the {stage} stage.",
    ),
    # the unit's replies
    ("tui.report.replies.col.code", "问题编号", "Code"),
    ("tui.report.replies.col.title", "标题", "Title"),
    ("tui.report.replies.col.amount", "金额", "Amount"),
    ("tui.report.replies.col.status", "状态", "Status"),
    ("tui.report.replies.col.verdict", "单位意见", "Reply"),
    ("tui.report.replies.col.note", "理由/说明", "Reason / note"),
    ("tui.report.replies.col.who", "记录人", "Recorded by"),
    ("tui.report.replies.col.at", "时间", "When"),
    ("tui.report.replies.none", "本项目还没有问题。", "This engagement has no findings."),
    (
        "tui.report.replies.summary",
        "问题 {count} 个：同意 {agree}，不同意 {disagree}，未反馈 {none}。",
        "{count} findings: {agree} agreed, {disagree} disputed, {none} without reply.",
    ),
    ("tui.report.verdict.agree", "同意", "Agrees"),
    ("tui.report.verdict.disagree", "不同意", "Disagrees"),
    ("tui.report.verdict.none", "未反馈", "No reply"),
    ("tui.report.reply.saving", "正在记录单位意见…", "Recording the unit's reply…"),
    ("tui.report.reply.saved", "已记录：{code} 单位意见为“{verdict}”。", "Recorded for {code}: {verdict}."),
    ("tui.report.no_finding", "请先在“单位反馈”中选择一个问题。", "First highlight a finding under Replies."),
    ("tui.report.reason.title", "单位不同意：{code}", "The unit disagrees: {code}"),
    ("tui.report.reason.label", "理由", "Reason"),
    ("tui.report.reason.placeholder", "单位不同意的理由（必填）", "Why the unit disagrees (required)"),
    ("tui.report.reason.required", "请填写单位不同意的理由。", "Enter why the unit disagrees."),
    # opening the screen (F8 on an engagement)
    ("tui.report.key.open", "报告", "Reports"),
    (
        "tui.report.tip.open",
        "出具征求意见稿、审计报告、审计意见书和整改通知书，记录单位反馈",
        "Issue the draft report, the audit report, the opinion letter and the rectification notice; "
        "record the unit's replies",
    ),
    # keys and their tooltips
    ("tui.report.tip.back", "返回审计项目", "Back to the engagement"),
    ("tui.report.key.tab_documents", "文书", "Documents"),
    ("tui.report.tip.tab_documents", "切换到文书标签页", "Show the documents tab"),
    ("tui.report.key.tab_replies", "单位反馈", "Replies"),
    ("tui.report.tip.tab_replies", "切换到单位反馈标签页", "Show the unit's replies tab"),
    ("tui.report.key.notice", "通知书", "Notice"),
    ("tui.report.tip.notice", "出具审计通知书（新的一版）", "Issue the audit notice (a new version)"),
    ("tui.report.key.draft", "征求意见稿", "Draft report"),
    ("tui.report.tip.draft", "出具审计报告（征求意见稿），送被审计单位征求意见", "Issue the draft audit report for the "
     "unit's comments"),
    ("tui.report.key.report", "审计报告", "Audit report"),
    ("tui.report.tip.report", "出具正式审计报告（须先出具征求意见稿）", "Issue the final audit report (after the draft)"),
    ("tui.report.key.opinion", "意见书", "Opinion letter"),
    (
        "tui.report.tip.opinion",
        "出具审计意见书：下发问题、开始整改计时并转入整改阶段（先确认）",
        "Issue the audit opinion letter: issues the findings, starts the rectification clock and moves "
        "the engagement to rectification (asks first)",
    ),
    ("tui.report.key.rectify", "整改通知", "Rectification"),
    ("tui.report.tip.rectify", "出具整改通知书（整改阶段）", "Issue a rectification notice (rectification stage)"),
    ("tui.report.key.pdf", "PDF", "PDF"),
    ("tui.report.tip.pdf", "出具时是否同时生成 PDF（需要 LibreOffice）", "Also make a PDF when issuing (needs "
     "LibreOffice)"),
    ("tui.report.key.agree", "同意", "Agrees"),
    ("tui.report.tip.agree", "记录：单位同意所选问题", "Record that the unit agrees with the highlighted finding"),
    ("tui.report.key.disagree", "不同意", "Disagrees"),
    ("tui.report.tip.disagree", "记录：单位不同意所选问题（须填写理由）", "Record that the unit disagrees with the "
     "highlighted finding (a reason is required)"),
    ("tui.report.key.refresh", "刷新", "Refresh"),
    ("tui.report.tip.refresh", "重新读取文书和单位反馈", "Reload the documents and the replies"),
    ("tui.report.key.accept", "确定", "OK"),
    ("tui.report.tip.accept", "确定并关闭对话框", "Accept and close the dialog"),
)

MESSAGES: dict[str, dict[str, str]] = {key: {"zh": zh, "en": en} for key, zh, en in _TABLE}

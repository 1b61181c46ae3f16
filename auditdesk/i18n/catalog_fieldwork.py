"""Messages of fieldwork: running the checks, reviewing suspicions, findings created from them,
samples, working papers and evidence (services and CLI)."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- checks and suspicions ---------------------------------------------------------------------------
    "fieldwork.wrong_stage": {
        "zh": "审计项目 {reference} 处于“{stage}”阶段；现场审计的记录只能在“{allowed}”阶段进行",
        "en": "engagement {reference} is at stage “{stage}”; fieldwork records can only be made at: {allowed}",
    },
    "check.need_target": {
        "zh": "请指定审计项目，或同时指定 --unit 单位 和 --year 年度",
        "en": "name an engagement, or both --unit NAME and --year YYYY",
    },
    "check.year_not_in_engagement": {
        "zh": "审计项目 {reference} 不包括 {year} 年度",
        "en": "engagement {reference} does not cover {year}",
    },
    "check.no_ledger": {
        "zh": "{unit} {year} 年度还没有导入账簿，无法检查；请先用 auditdesk import 导入",
        "en": "{unit} has no ledger imported for {year}; import one first (auditdesk import)",
    },
    "check.sample_exception.title": {"zh": "抽样测试不符合", "en": "Sample test exception"},
    "suspicion.status.open": {"zh": "待复核", "en": "open"},
    "suspicion.status.confirmed": {"zh": "已确认", "en": "confirmed"},
    "suspicion.status.dismissed": {"zh": "已排除", "en": "dismissed"},
    "suspicion.bad_status": {
        "zh": "没有“{status}”这种疑点状态；可用：{allowed}",
        "en": "there is no suspicion status “{status}”; use one of: {allowed}",
    },
    "suspicion.not_found": {"zh": "没有编号为 {id} 的疑点", "en": "there is no suspicion {id}"},
    "suspicion.already_reviewed": {
        "zh": "疑点 {id} 已由 {who} 复核为“{status}”，不能再次复核",
        "en": "suspicion {id} was already reviewed as “{status}” by {who}",
    },
    "suspicion.reason_required": {
        "zh": "排除疑点必须写明理由（--reason）",
        "en": "dismissing a suspicion needs a reason (--reason)",
    },
    "suspicion.no_engagement": {
        "zh": "{unit} 没有包括 {year} 年度的审计项目（未归档），确认的问题无处登记；请先在年度计划中立项",
        "en": "{unit} has no open engagement covering {year} to hold the finding; create one in the plan first",
    },
    "suspicion.carried_over": {
        "zh": "账簿重新导入，沿用疑点 {id} 的复核：{reason}",
        "en": "ledger re-imported; the review of suspicion {id} carried over: {reason}",
    },
    "suspicion.confirmed_note": {"zh": "由疑点 {id} 确认", "en": "confirmed from suspicion {id}"},
    "finding.no_category": {"zh": "问题类别不能为空", "en": "a finding needs a category"},
    "finding.no_title": {"zh": "问题标题不能为空", "en": "a finding needs a title"},
    "finding.title_too_long": {
        "zh": "问题标题不能超过 {limit} 个字",
        "en": "a finding's title may have at most {limit} characters",
    },
    "finding.negative_amount": {
        "zh": "涉及金额不能为负数：{amount}",
        "en": "the amount involved cannot be negative: {amount}",
    },
    "finding.code_taken": {"zh": "问题编号 {code} 已被使用", "en": "finding number {code} is already used"},
    # -- samples --------------------------------------------------------------------------------------
    "sample.method.random": {"zh": "随机抽样", "en": "random"},
    "sample.method.mus": {"zh": "货币单位抽样", "en": "monetary-unit"},
    "sample.method.stratified": {"zh": "分层抽样", "en": "stratified"},
    "sample.result.pass": {"zh": "符合", "en": "pass"},
    "sample.result.fail": {"zh": "不符合", "en": "fail"},
    "sample.result.none": {"zh": "未测试", "en": "not tested"},
    "sample.bad_method": {
        "zh": "没有“{method}”这种抽样方法；可用：{allowed}",
        "en": "there is no sampling method “{method}”; use one of: {allowed}",
    },
    "sample.bad_population": {
        "zh": "没有“{population}”这种总体；可用：{allowed}（spending 支出，income 收入，all 全部）",
        "en": "there is no population “{population}”; use one of: {allowed}",
    },
    "sample.need_year": {
        "zh": "审计项目 {reference} 包括多个年度（{years}），请用 --year 指定抽样的年度",
        "en": "engagement {reference} covers several years ({years}); name one with --year",
    },
    "sample.not_found": {"zh": "没有编号为 {id} 的样本", "en": "there is no sample {id}"},
    "sample.no_item": {
        "zh": "样本 {id} 没有第 {position} 项（共 {count} 项）",
        "en": "sample {id} has no item {position} (it has {count})",
    },
    "sample.bad_result": {
        "zh": "测试结果只能是 pass（符合）或 fail（不符合），而不是“{result}”",
        "en": "a test result is pass or fail, not “{result}”",
    },
    "sample.note_required": {
        "zh": "“不符合”的样本项必须写明情况（--note）",
        "en": "a failed item needs a note saying what is wrong (--note)",
    },
    "sample.raise_needs_fail": {
        "zh": "只有“不符合”的样本项可以转为疑点",
        "en": "only a failed item can be raised as a suspicion",
    },
    "sample.exception_message": {
        "zh": "样本 {sample} 第 {position} 项（凭证 {voucher}“{summary}”）测试不符合：{note}",
        "en": "sample {sample} item {position} (voucher {voucher} “{summary}”) failed its test: {note}",
    },
    "sample.exception_basis": {
        "zh": "审计抽样测试记录（审计工作底稿）",
        "en": "the sample test record (working paper)",
    },
    # -- working papers -------------------------------------------------------------------------------
    "paper.state.draft": {"zh": "编写中", "en": "draft"},
    "paper.state.prepared": {"zh": "已编制待复核", "en": "prepared, awaiting review"},
    "paper.state.reviewed": {"zh": "已复核", "en": "reviewed"},
    "paper.state.changed_after_review": {"zh": "复核后被修改", "en": "changed after review"},
    "paper.field.area": {"zh": "审计事项", "en": "audit area"},
    "paper.field.title": {"zh": "底稿标题", "en": "title"},
    "paper.field.objective": {"zh": "审计目标", "en": "objective"},
    "paper.field.procedure": {"zh": "审计程序", "en": "procedure"},
    "paper.field.examined": {"zh": "检查的分录和资料", "en": "entries and records examined"},
    "paper.field.result": {"zh": "审计结果", "en": "result"},
    "paper.field.conclusion": {"zh": "审计结论", "en": "conclusion"},
    "paper.no_area": {"zh": "底稿必须写明审计事项", "en": "a working paper needs an audit area"},
    "paper.no_title": {"zh": "底稿必须有标题", "en": "a working paper needs a title"},
    "paper.index_taken": {
        "zh": "审计项目 {reference} 已有索引号为 {index} 的底稿",
        "en": "engagement {reference} already has a working paper {index}",
    },
    "paper.not_found": {"zh": "没有编号为 {id} 的底稿", "en": "there is no working paper {id}"},
    "paper.unknown_field": {"zh": "底稿没有这些栏目：{field}", "en": "a working paper has no field: {field}"},
    "paper.bad_role": {
        "zh": "签名身份只能是 prepare（编制）或 review（复核），而不是“{role}”",
        "en": "sign as prepare or review, not “{role}”",
    },
    # -- evidence -------------------------------------------------------------------------------------
    "evidence.target.entry": {"zh": "分录", "en": "entry"},
    "evidence.target.suspicion": {"zh": "疑点", "en": "suspicion"},
    "evidence.target.finding": {"zh": "问题", "en": "finding"},
    "evidence.target.paper": {"zh": "底稿", "en": "paper"},
    "evidence.target.sample_item": {"zh": "样本项", "en": "sample item"},
    "evidence.no_file": {"zh": "找不到文件：{file}", "en": "no such file: {file}"},
    "evidence.too_large": {
        "zh": "文件 {file} 超过 {limit} MB，请压缩或拆分后再作为证据保存",
        "en": "{file} is larger than {limit} MB; compress or split it first",
    },
    "evidence.bad_target": {
        "zh": "证据不能关联到“{target}”；可关联：{allowed}",
        "en": "evidence cannot be linked to “{target}”; use one of: {allowed}",
    },
    "evidence.target_not_found": {
        "zh": "审计项目 {reference} 中没有编号为 {id} 的{target}",
        "en": "engagement {reference} has no {target} {id}",
    },
    "evidence.not_found": {"zh": "没有编号为 {id} 的证据", "en": "there is no evidence {id}"},
    "evidence.store_corrupt": {
        "zh": "证据库中的文件 {path} 与其 sha256 不符，可能已被改动；请检查后再添加",
        "en": "the stored file {path} no longer matches its sha256; check the evidence store",
    },
    "evidence.changed_while_copying": {
        "zh": "文件 {file} 在复制过程中发生了变化，请关闭正在编辑它的程序后重试",
        "en": "{file} changed while it was being copied; close the program editing it and retry",
    },
}

MESSAGES.update(
    {
        # -- CLI: check and suspicion -----------------------------------------------------------------------
        "check.cli.help": {
            "zh": "运行账簿检查（auditdesk check E 或 --unit 单位 --year 年度），列出疑点",
            "en": "run the checks over a ledger (auditdesk check E, or --unit NAME --year YYYY) and list suspicions",
        },
        "check.cli.opt.unit": {
            "zh": "单位名称（不指定审计项目时）",
            "en": "unit name (without an engagement)",
        },
        "check.cli.opt.year": {"zh": "年度", "en": "fiscal year"},
        "check.cli.opt.rule": {
            "zh": "只运行（或只列出）这条规则，可重复",
            "en": "only this rule (repeatable)",
        },
        "check.cli.need_target": {
            "zh": "请指定审计项目 E，或同时指定 --unit 和 --year",
            "en": "name an engagement E, or --unit and --year",
        },
        "check.cli.ran": {
            "zh": "{unit} {year} 年度：检查分录 {entries} 条（标准：{profile}），疑点 {found} 个，"
            "其中新发现 {new} 个，本次不再出现 {stale} 个",
            "en": "{unit} {year}: {entries} entries checked (standards: {profile}), {found} suspicions, "
            "{new} new, {stale} no longer found",
        },
        "check.cli.none": {"zh": "没有疑点。", "en": "No suspicions."},
        "check.cli.entry": {
            "zh": "{date} 凭证 {voucher}“{summary}” 科目 {account} 金额 {amount}（{sheet} 第 {row} 行）",
            "en": "{date} voucher {voucher} “{summary}” account {account} amount {amount} ({sheet} row {row})",
        },
        "check.cli.more_entries": {"zh": "……另有 {count} 条分录", "en": "… and {count} more entries"},
        "check.cli.col.id": {"zh": "编号", "en": "ID"},
        "check.cli.col.severity": {"zh": "风险", "en": "Severity"},
        "check.cli.col.rule": {"zh": "规则", "en": "Rule"},
        "check.cli.col.status": {"zh": "状态", "en": "Status"},
        "check.cli.col.amount": {"zh": "金额", "en": "Amount"},
        "check.cli.col.message": {"zh": "疑点", "en": "Suspicion"},
        "check.cli.col.date": {"zh": "日期", "en": "Date"},
        "check.cli.col.voucher": {"zh": "凭证号", "en": "Voucher"},
        "check.cli.col.summary": {"zh": "摘要", "en": "Summary"},
        "suspicion.cli.help": {"zh": "复核疑点：列出、查看、确认为问题或排除", "en": "review suspicions"},
        "suspicion.cli.arg.id": {"zh": "疑点编号", "en": "suspicion id"},
        "suspicion.cli.list.help": {"zh": "列出审计项目的疑点", "en": "list an engagement's suspicions"},
        "suspicion.cli.show.help": {"zh": "查看一个疑点及其分录", "en": "show a suspicion with its entries"},
        "suspicion.cli.confirm.help": {
            "zh": "确认疑点，生成问题草稿（打印问题编号）",
            "en": "confirm a suspicion as a draft finding (prints its id)",
        },
        "suspicion.cli.dismiss.help": {
            "zh": "排除疑点（须写明理由）",
            "en": "dismiss a suspicion (with a reason)",
        },
        "suspicion.cli.opt.status": {
            "zh": "只列出此状态：open（待复核）、confirmed（已确认）、dismissed（已排除）",
            "en": "only this status: open, confirmed, dismissed",
        },
        "suspicion.cli.opt.all": {
            "zh": "包括最近一次检查不再出现的疑点",
            "en": "include those the last run no longer found",
        },
        "suspicion.cli.opt.category": {"zh": "问题类别（默认按规则）", "en": "category (default: by rule)"},
        "suspicion.cli.opt.title": {"zh": "问题标题（默认为规则名称）", "en": "title (default: the rule's)"},
        "suspicion.cli.opt.amount": {
            "zh": "涉及金额（默认为所涉分录金额之和）",
            "en": "amount (default: its entries' sum)",
        },
        "suspicion.cli.opt.note": {"zh": "复核说明", "en": "review note"},
        "suspicion.cli.opt.reason": {"zh": "排除理由（必填）", "en": "why it is dismissed (required)"},
        "suspicion.cli.head": {
            "zh": "疑点 {id}：{rule}（风险：{severity}，状态：{status}）",
            "en": "Suspicion {id}: {rule} (severity {severity}, {status})",
        },
        "suspicion.cli.unit": {"zh": "单位：{unit}　年度：{year}", "en": "Unit: {unit}  Year: {year}"},
        "suspicion.cli.message": {"zh": "情况：{message}", "en": "Facts: {message}"},
        "suspicion.cli.basis": {"zh": "依据：{basis}", "en": "Basis: {basis}"},
        "suspicion.cli.reviewed": {
            "zh": "复核：{who}，{when}，说明：{reason}",
            "en": "Reviewed by {who} at {when}: {reason}",
        },
        "suspicion.cli.stale": {
            "zh": "（最近一次检查已不再发现此疑点）",
            "en": "(the latest run no longer finds it)",
        },
        "suspicion.cli.confirmed": {
            "zh": "疑点 {id} 已确认，生成问题草稿 {code}（编号 {finding}）：[{category}] {title}，涉及金额 {amount} 元",
            "en": "suspicion {id} confirmed as draft finding {code} (id {finding}): [{category}] {title}, {amount} yuan",
        },
        "suspicion.cli.dismissed": {
            "zh": "疑点 {id} 已排除：{reason}",
            "en": "suspicion {id} dismissed: {reason}",
        },
        # -- CLI: samples ---------------------------------------------------------------------------------
        "sample.cli.help": {"zh": "审计抽样：抽取、查看、记录测试结果、复核", "en": "audit sampling"},
        "sample.cli.arg.id": {"zh": "样本编号", "en": "sample id"},
        "sample.cli.arg.position": {"zh": "样本项序号", "en": "item number in the sample"},
        "sample.cli.draw.help": {
            "zh": "从账簿中抽取样本（总体在抽样时冻结并保存）",
            "en": "draw a sample (the population is frozen and kept)",
        },
        "sample.cli.list.help": {"zh": "列出审计项目的样本", "en": "list an engagement's samples"},
        "sample.cli.show.help": {"zh": "查看样本及每项测试结果", "en": "show a sample and its results"},
        "sample.cli.record.help": {"zh": "记录样本项的测试结果", "en": "record an item's test result"},
        "sample.cli.verify.help": {
            "zh": "按保存的种子和参数重新抽取并核对，检查总体是否变化",
            "en": "re-draw from the stored seed and parameters and compare; check the population",
        },
        "sample.cli.opt.method": {
            "zh": "抽样方法：random（随机）、mus（货币单位）、stratified（按金额分层）",
            "en": "method: random, mus (monetary unit) or stratified (by amount)",
        },
        "sample.cli.opt.size": {"zh": "样本量", "en": "sample size"},
        "sample.cli.opt.seed": {"zh": "随机种子（记下它，别人可以重新抽出同一样本）", "en": "random seed"},
        "sample.cli.opt.population": {
            "zh": "总体：spending（支出，默认）、income（收入）、all（全部分录）",
            "en": "population: spending (default), income or all",
        },
        "sample.cli.opt.account": {
            "zh": "只抽此科目（编码前缀或名称）",
            "en": "only this account (code prefix or name)",
        },
        "sample.cli.opt.min": {"zh": "只抽不低于此金额的分录", "en": "only entries of at least this amount"},
        "sample.cli.opt.bounds": {
            "zh": "分层的金额上限，逗号分隔，如 1000,10000（默认按金额分三层）",
            "en": "strata upper bounds, comma separated (default: three strata by amount)",
        },
        "sample.cli.opt.result": {"zh": "测试结果：pass/符合 或 fail/不符合", "en": "result: pass or fail"},
        "sample.cli.opt.note": {"zh": "测试说明（不符合时必填）", "en": "note (required for a failure)"},
        "sample.cli.opt.raise": {
            "zh": "把不符合的样本项转为疑点",
            "en": "raise a failed item as a suspicion",
        },
        "sample.cli.head": {
            "zh": "样本 {id}：{method}，样本量 {size}，种子 {seed}；{unit} {year} 年度",
            "en": "Sample {id}: {method}, size {size}, seed {seed}; {unit} {year}",
        },
        "sample.cli.population": {
            "zh": "总体：{count} 条分录，金额 {amount} 元，sha256 {sha}…",
            "en": "Population: {count} entries, {amount} yuan, sha256 {sha}…",
        },
        "sample.cli.tested": {
            "zh": "已测试 {tested}/{total} 项，不符合 {exceptions} 项",
            "en": "{tested}/{total} tested, {exceptions} failed",
        },
        "sample.cli.recorded": {"zh": "第 {position} 项：{result}", "en": "item {position}: {result}"},
        "sample.cli.raised": {"zh": "已转为疑点 {id}", "en": "raised as suspicion {id}"},
        "sample.cli.redraw_ok": {
            "zh": "样本 {id}：按保存的种子和参数重新抽取，结果一致",
            "en": "sample {id}: the re-draw matches",
        },
        "sample.cli.redraw_bad": {
            "zh": "样本 {id}：重新抽取的结果与保存的样本不一致！",
            "en": "sample {id}: the re-draw does NOT match!",
        },
        "sample.cli.population_ok": {
            "zh": "账簿中的总体与抽样时相同",
            "en": "the ledger's population is unchanged",
        },
        "sample.cli.population_changed": {
            "zh": "账簿中的总体已与抽样时不同（账簿可能被重新导入）",
            "en": "the ledger's population has changed since sampling (re-imported?)",
        },
        "sample.cli.col.position": {"zh": "序号", "en": "No."},
        "sample.cli.col.stratum": {"zh": "层", "en": "Stratum"},
        "sample.cli.col.result": {"zh": "结果", "en": "Result"},
        "sample.cli.col.note": {"zh": "说明", "en": "Note"},
        "sample.cli.col.method": {"zh": "方法", "en": "Method"},
        "sample.cli.col.year": {"zh": "年度", "en": "Year"},
        "sample.cli.col.items": {"zh": "项数", "en": "Items"},
        "sample.cli.col.seed": {"zh": "种子", "en": "Seed"},
        "sample.cli.col.tested": {"zh": "已测试", "en": "Tested"},
        "sample.cli.col.exceptions": {"zh": "不符合", "en": "Failed"},
        "sample.cli.col.who": {"zh": "抽样人", "en": "Drawn by"},
        # -- CLI: working papers --------------------------------------------------------------------------
        "paper.cli.help": {"zh": "审计工作底稿：编写、修改、签名、查看", "en": "working papers"},
        "paper.cli.arg.id": {"zh": "底稿编号", "en": "working paper id"},
        "paper.cli.add.help": {"zh": "新建一份底稿", "en": "add a working paper"},
        "paper.cli.edit.help": {
            "zh": "修改底稿（复核后修改会被标出）",
            "en": "edit a paper (an edit after review shows)",
        },
        "paper.cli.sign.help": {"zh": "以编制人或复核人身份签名", "en": "sign as preparer or reviewer"},
        "paper.cli.list.help": {"zh": "列出审计项目的底稿", "en": "list an engagement's papers"},
        "paper.cli.show.help": {"zh": "查看一份底稿", "en": "show a working paper"},
        "paper.cli.opt.index": {
            "zh": "底稿索引号（默认 DG-01、DG-02……）",
            "en": "index number (default DG-01, …)",
        },
        "paper.cli.opt.role": {"zh": "prepare/编制 或 review/复核", "en": "prepare or review"},
        "paper.cli.added": {
            "zh": "已新建底稿 {index}（编号 {id}）",
            "en": "working paper {index} added (id {id})",
        },
        "paper.cli.head": {
            "zh": "底稿 {index}：{title}（{area}；{state}）",
            "en": "Paper {index}: {title} ({area}; {state})",
        },
        "paper.cli.signed": {
            "zh": "编制人：{preparer}　复核人：{reviewer}",
            "en": "Prepared by {preparer}; reviewed by {reviewer}",
        },
        "paper.cli.signed_now": {
            "zh": "底稿 {index} 已签名，状态：{state}",
            "en": "paper {index} signed: {state}",
        },
        "paper.cli.missing": {"zh": "尚未填写：{fields}", "en": "not yet filled in: {fields}"},
        "paper.cli.col.index": {"zh": "索引号", "en": "Index"},
        "paper.cli.col.state": {"zh": "状态", "en": "State"},
        "paper.cli.col.preparer": {"zh": "编制人", "en": "Preparer"},
        "paper.cli.col.reviewer": {"zh": "复核人", "en": "Reviewer"},
        # -- CLI: evidence --------------------------------------------------------------------------------
        "evidence.cli.help": {
            "zh": "审计证据：保存文件并关联到分录、疑点、问题、底稿",
            "en": "evidence files",
        },
        "evidence.cli.add.help": {
            "zh": "把文件复制进证据库（按 sha256 保存，不会覆盖）并关联",
            "en": "copy a file into the evidence store (by sha256, never overwritten) and link it",
        },
        "evidence.cli.list.help": {"zh": "列出审计项目的证据", "en": "list an engagement's evidence"},
        "evidence.cli.link.help": {
            "zh": "把已保存的证据关联到 entry、suspicion、finding、paper 或 sample_item",
            "en": "link evidence to an entry, suspicion, finding, paper or sample_item",
        },
        "evidence.cli.arg.file": {
            "zh": "证据文件（照片、扫描件、对账单、会议纪要……）",
            "en": "the evidence file",
        },
        "evidence.cli.arg.id": {"zh": "证据编号", "en": "evidence id"},
        "evidence.cli.arg.target": {
            "zh": "关联对象：entry、suspicion、finding、paper、sample_item",
            "en": "entry, suspicion, finding, paper, sample_item",
        },
        "evidence.cli.arg.target_id": {"zh": "关联对象的编号", "en": "its id"},
        "evidence.cli.opt.description": {"zh": "说明", "en": "Description"},
        "evidence.cli.opt.entry": {"zh": "关联分录编号，可重复", "en": "link to this entry id (repeatable)"},
        "evidence.cli.opt.suspicion": {
            "zh": "关联疑点编号，可重复",
            "en": "link to this suspicion (repeatable)",
        },
        "evidence.cli.opt.finding": {"zh": "关联问题编号，可重复", "en": "link to this finding (repeatable)"},
        "evidence.cli.opt.paper": {
            "zh": "关联底稿编号，可重复",
            "en": "link to this working paper (repeatable)",
        },
        "evidence.cli.opt.item": {
            "zh": "关联样本项编号，可重复",
            "en": "link to this sample item (repeatable)",
        },
        "evidence.cli.opt.verify": {
            "zh": "核对证据库中每个文件的 sha256",
            "en": "check each stored file's sha256",
        },
        "evidence.cli.added": {
            "zh": "证据 {id} 已保存：{file}（sha256 {sha}…），关联 {links} 项",
            "en": "evidence {id} stored: {file} (sha256 {sha}…), {links} links",
        },
        "evidence.cli.linked": {
            "zh": "证据 {id} 现关联 {links} 项",
            "en": "evidence {id} now has {links} links",
        },
        "evidence.cli.col.file": {"zh": "文件", "en": "File"},
        "evidence.cli.col.size": {"zh": "字节", "en": "Bytes"},
        "evidence.cli.col.links": {"zh": "关联", "en": "Links"},
        "evidence.cli.intact": {"zh": "完好", "en": "intact"},
        "evidence.cli.damaged": {"zh": "已损坏或缺失！", "en": "DAMAGED OR MISSING!"},
    }
)

MESSAGES.update({
    # -- report stage (services) ------------------------------------------------------------------------
    "report.bad_kind": {"zh": "没有“{kind}”这种文书；可用：{allowed}", "en": "there is no document “{kind}”; use one of: {allowed}"},
    "report.wrong_stage": {
        "zh": "审计项目 {reference} 处于“{stage}”阶段；{kind}在“{wanted}”阶段出具",
        "en": "engagement {reference} is at stage {stage}; the {kind} is issued at stage {wanted}",
    },
    "report.needs_first": {"zh": "出具{kind}之前须先出具{first}", "en": "the {first} must be issued before the {kind}"},
    "report.no_findings": {
        "zh": "审计项目 {reference} 没有问题，无需出具{kind}", "en": "engagement {reference} has no findings for a {kind}",
    },
    "report.issued_by_opinion": {"zh": "随审计意见书（{date}）下发", "en": "issued with the opinion letter ({date})"},
    "report.bad_verdict": {
        "zh": "反馈意见只能是 {allowed}，而不是“{verdict}”", "en": "a reply is {allowed}, not “{verdict}”",
    },
    "report.reason_required": {
        "zh": "单位不同意时须写明理由（--note）", "en": "a disagreement needs the unit's reason (--note)",
    },
    "report.no_draft": {
        "zh": "审计项目 {reference} 尚未出具审计报告（征求意见稿），没有可反馈的内容",
        "en": "engagement {reference} has no draft report to reply to",
    },
    "report.finding_elsewhere": {
        "zh": "问题 {code} 不属于审计项目 {reference}", "en": "finding {code} is not of engagement {reference}",
    },
    "summary.no_plan": {
        "zh": "{year} 年度还没有批准的审计计划，无法汇总", "en": "there is no approved plan for {year} to summarise",
    },
    # -- report stage (CLI) -----------------------------------------------------------------------------
    "doc.cli.help": {
        "zh": "出具文书：审计通知书、审计报告（征求意见稿）、审计报告、审计意见书、整改通知书、年度总结",
        "en": "issue documents: notice, draft report, report, opinion letter, rectification notice, summary",
    },
    "doc.title.notice": {"zh": "审计通知书", "en": "audit notice"},
    "doc.title.draft": {"zh": "审计报告（征求意见稿）", "en": "draft audit report"},
    "doc.title.report": {"zh": "审计报告", "en": "audit report"},
    "doc.title.opinion": {"zh": "审计意见书", "en": "audit opinion letter"},
    "doc.title.rectify": {"zh": "整改通知书", "en": "rectification notice"},
    "doc.cli.kind.help": {"zh": "出具{title}", "en": "issue the {title}"},
    "doc.cli.summary.help": {"zh": "出具年度经审工作总结及统计表", "en": "issue the year's summary and its tables"},
    "doc.cli.opt.out": {"zh": "保存目录（默认：用户数据目录下的 documents）", "en": "folder for the files"},
    "doc.cli.opt.pdf": {"zh": "同时转为 PDF（需要已安装 LibreOffice）", "en": "also make a PDF (needs LibreOffice)"},
    "doc.cli.opt.year": {"zh": "审计计划年度", "en": "the plan year"},
    "doc.cli.issued": {"zh": "已出具 {title}：{reference} {unit}", "en": "{title} issued: {reference} {unit}"},
    "doc.cli.file": {"zh": "  {kind} 第 {version} 版：{path}", "en": "  {kind} v{version}: {path}"},
    "doc.cli.findings_issued": {
        "zh": "已下发问题 {count} 个（状态改为“待整改”，整改期限已确定）",
        "en": "{count} findings issued (now pending, with their deadlines)",
    },
    "doc.cli.stage": {"zh": "审计项目现处于“{stage}”阶段", "en": "the engagement is now at stage {stage}"},
    "doc.cli.summary_done": {"zh": "已出具 {year} 年度经审工作总结：{sentence}", "en": "summary of {year} issued: {sentence}"},
    "reply.cli.help": {
        "zh": "记录被审计单位对征求意见稿中某个问题的反馈：agree（同意）或 disagree（不同意，须写理由）",
        "en": "record the unit's reply to a finding of the draft report: agree or disagree (with a reason)",
    },
    "reply.cli.arg.verdict": {"zh": "agree/同意 或 disagree/不同意", "en": "agree or disagree"},
    "reply.cli.opt.note": {"zh": "单位的意见或理由", "en": "the unit's words"},
    "reply.cli.done": {"zh": "已记录 {finding} 的反馈：{verdict}", "en": "reply to {finding} recorded: {verdict}"},
    "reply.verdict.agree": {"zh": "同意", "en": "agree"},
    "reply.verdict.disagree": {"zh": "不同意", "en": "disagree"},
})

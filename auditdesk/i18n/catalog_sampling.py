"""Messages of the pure sampling and working-paper cores (``auditdesk.core.sampling``,
``auditdesk.core.workpaper``): their errors, the reasons a sample item was picked, and labels."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- sampling: errors ------------------------------------------------------------------------------
    "sampling.unknown_method": {
        "zh": "不认识的抽样方法“{method}”；可用的方法：{known}",
        "en": "unknown sampling method “{method}”; the known ones are: {known}",
    },
    "sampling.bad_size": {
        "zh": "样本量应为不小于 1 的整数，而不是“{size}”",
        "en": "the sample size must be a whole number of at least 1, not “{size}”",
    },
    "sampling.empty_population": {
        "zh": "抽样总体为空：没有可供抽样的分录",
        "en": "the population is empty: there are no entries to sample",
    },
    "sampling.bad_amount": {
        "zh": "分录 {entry} 的金额“{amount}”不能用于抽样（应为大于零的金额）",
        "en": "entry {entry} has the amount “{amount}”, which cannot be sampled (it must be above zero)",
    },
    "sampling.duplicate_entry": {
        "zh": "分录 {entry} 在抽样总体中出现了不止一次",
        "en": "entry {entry} appears more than once in the population",
    },
    "sampling.bad_bounds": {
        "zh": "分层界限“{bounds}”有误：应为大于零、由小到大且互不相同的金额",
        "en": "the strata bounds “{bounds}” are wrong: they must be amounts above zero, ascending and distinct",
    },
    "sampling.bad_strata": {
        "zh": "分层数应为不小于 1 的整数，而不是“{strata}”",
        "en": "the number of strata must be a whole number of at least 1, not “{strata}”",
    },
    # -- sampling: why an item was picked ------------------------------------------------------------
    "sampling.reason.random": {
        "zh": "随机抽样（种子 {seed}）",
        "en": "random sampling (seed {seed})",
    },
    "sampling.reason.mus_top": {
        "zh": "金额 {amount} 不低于抽样间隔 {interval}，属高额层，全部抽取",
        "en": "the amount {amount} is at least the sampling interval {interval}: top stratum, always selected",
    },
    "sampling.reason.mus_hit": {
        "zh": "货币单位抽样：按间隔 {interval} 系统抽取，命中其余分录累计金额 {position} 元处（本笔金额 {amount}）",
        "en": "monetary-unit sampling: systematic selection every {interval} hit the cumulative amount of the other entries at {position} (this amount {amount})",
    },
    "sampling.reason.stratum_only": {
        "zh": "分层抽样：{stratum} 层（全部金额）{count} 笔中随机抽取 {picked} 笔（种子 {seed}）",
        "en": "stratified sampling: {picked} of the {count} entries of stratum {stratum} (all amounts), at random (seed {seed})",
    },
    "sampling.reason.stratum_first": {
        "zh": "分层抽样：{stratum} 层（金额不超过 {upper}）{count} 笔中随机抽取 {picked} 笔（种子 {seed}）",
        "en": "stratified sampling: {picked} of the {count} entries of stratum {stratum} (amounts up to {upper}), at random (seed {seed})",
    },
    "sampling.reason.stratum_middle": {
        "zh": "分层抽样：{stratum} 层（金额超过 {lower}、不超过 {upper}）{count} 笔中随机抽取 {picked} 笔（种子 {seed}）",
        "en": "stratified sampling: {picked} of the {count} entries of stratum {stratum} (amounts above {lower} up to {upper}), at random (seed {seed})",
    },
    "sampling.reason.stratum_last": {
        "zh": "分层抽样：{stratum} 层（金额超过 {lower}）{count} 笔中随机抽取 {picked} 笔（种子 {seed}）",
        "en": "stratified sampling: {picked} of the {count} entries of stratum {stratum} (amounts above {lower}), at random (seed {seed})",
    },
    # -- sampling: labels ----------------------------------------------------------------------------
    "sampling.method.random": {"zh": "随机抽样", "en": "random"},
    "sampling.method.mus": {"zh": "货币单位抽样", "en": "monetary-unit"},
    "sampling.method.stratified": {"zh": "分层抽样", "en": "stratified"},
    "sampling.stratum.top": {"zh": "高额层", "en": "top stratum"},
    "sampling.stratum.interval": {"zh": "系统抽样", "en": "systematic"},
    # -- working papers ------------------------------------------------------------------------------
    "workpaper.empty": {
        "zh": "底稿尚不能签署：以下必填项为空：{fields}",
        "en": "the working paper cannot be signed yet: these required fields are blank: {fields}",
    },
    "workpaper.no_signer": {
        "zh": "签署人姓名不能为空",
        "en": "the name of the signer must not be blank",
    },
    "workpaper.not_prepared": {
        "zh": "底稿尚未经编制人签署，不能复核",
        "en": "the working paper has not been signed by its preparer, so it cannot be reviewed",
    },
    "workpaper.self_review": {
        "zh": "{who} 是这份底稿的编制人，不能复核自己编制的底稿",
        "en": "{who} prepared this working paper and cannot review it",
    },
    "workpaper.changed_since_prepared": {
        "zh": "底稿在编制人 {preparer} 签署后又有修改，须由编制人重新签署后才能复核",
        "en": "the working paper changed after {preparer} signed it as preparer: the preparer must sign again before review",
    },
    "workpaper.state.draft": {"zh": "草稿", "en": "draft"},
    "workpaper.state.prepared": {"zh": "已编制", "en": "prepared"},
    "workpaper.state.reviewed": {"zh": "已复核", "en": "reviewed"},
    "workpaper.state.changed_after_review": {"zh": "复核后已修改", "en": "changed after review"},
    "workpaper.field.area": {"zh": "审计领域", "en": "audit area"},
    "workpaper.field.title": {"zh": "标题", "en": "title"},
    "workpaper.field.objective": {"zh": "审计目标", "en": "objective"},
    "workpaper.field.procedure": {"zh": "审计程序", "en": "procedure"},
    "workpaper.field.examined": {"zh": "检查的分录", "en": "entries examined"},
    "workpaper.field.result": {"zh": "检查结果", "en": "result"},
    "workpaper.field.conclusion": {"zh": "审计结论", "en": "conclusion"},
}

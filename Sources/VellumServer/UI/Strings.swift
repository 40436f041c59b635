/// The words of the web UI in English and Simplified Chinese. Pages look words up by key;
/// a key missing in Chinese falls back to English (and a test checks none is missing).
enum UIStrings {
    enum Language: String, CaseIterable, Sendable { case en, zh }

    /// Every word, English: the frame and sign-in here, the screens' words beside them.
    static let en = merged([coreEN, recordsEN, governanceEN])
    static let zh = merged([coreZH, recordsZH, governanceZH])

    static func merged(_ tables: [[String: String]]) -> [String: String] {
        tables.reduce(into: [:]) { all, table in all.merge(table) { first, _ in first } }
    }

    static let coreEN: [String: String] = [
        "app": "Vellum", "tagline": "Compliance archive for business chat",
        "nav.dashboard": "Dashboard", "nav.search": "Search", "nav.alerts": "Review queue", "nav.usage": "App usage",
        "nav.holds": "Legal holds", "nav.privacy": "Privacy requests", "nav.exports": "Exports", "nav.audit": "Audit",
        "nav.accounts": "Accounts", "nav.signout": "Sign out", "nav.language": "中文",
        "login.title": "Sign in", "login.username": "Username", "login.password": "Password", "login.submit": "Sign in",
        "login.failed": "The username or password is wrong, or the account is disabled.",
        "login.throttled": "Too many failed attempts. Try again in a few minutes.",
        "setup.title": "Create the first administrator",
        "setup.explain": "This one-time link was printed when the server started. The administrator manages accounts and capture; they do not read messages.",
        "setup.submit": "Create administrator", "setup.invalid": "This set-up link is not valid (it may have been used already).",
        "setup.password.help": "At least 12 characters. A sentence is easier to remember than symbols.",
        "dashboard.title": "Dashboard", "dashboard.capture": "Capture health", "dashboard.alerts": "Open alerts",
        "dashboard.privacy": "Privacy requests near their deadline", "dashboard.holds": "Active legal holds",
        "dashboard.ledger": "Ledger", "dashboard.none": "Nothing here.", "dashboard.channel": "Channel",
        "dashboard.account": "Account", "dashboard.last": "Last message", "dashboard.messages": "Messages",
        "dashboard.gaps": "Capture gaps", "dashboard.quarantine": "Quarantined, open", "dashboard.rejected": "Refused deliveries", "dashboard.rejected.last": "latest",
        "dashboard.media": "Media downloads", "dashboard.media.pending": "waiting", "dashboard.media.failed": "failed",
        "dashboard.entries": "entries",
        "dashboard.treehead": "Latest signed tree head", "dashboard.due": "due", "dashboard.daysleft": "days left",
        "error.title": "Something went wrong", "error.back": "Back",
        "exports.new": "New export", "exports.scope": "What", "exports.scope.query": "Messages a search finds",
        "exports.scope.conversation": "A conversation (id)", "exports.scope.hold": "Everything a legal hold covers",
        "exports.value": "Search, conversation id or hold", "exports.mask": "Mask detected sensitive values",
        "exports.start": "Start export", "exports.list": "Exports of your team", "exports.what": "Export",
        "exports.by": "By", "exports.status": "Status", "exports.download": "Download", "exports.refresh": "Refresh",
        "exports.help": "Exports run in the background and are kept encrypted until downloaded; each download is recorded in the ledger. The zip holds RSMF, EML, HTML, CSV, DAT and JSON lines with a manifest of hashes and ledger proofs (check it with vellum verify-export).",
        "common.save": "Save", "common.cancel": "Cancel", "common.role": "Role", "common.signedin": "Signed in as",
    ]

    static let coreZH: [String: String] = [
        "app": "Vellum", "tagline": "商务聊天合规存档",
        "nav.dashboard": "概览", "nav.search": "搜索", "nav.alerts": "审查队列", "nav.usage": "应用使用",
        "nav.holds": "诉讼保全", "nav.privacy": "隐私请求", "nav.exports": "导出", "nav.audit": "审计",
        "nav.accounts": "账户", "nav.signout": "退出", "nav.language": "English",
        "login.title": "登录", "login.username": "用户名", "login.password": "密码", "login.submit": "登录",
        "login.failed": "用户名或密码错误，或账户已停用。",
        "login.throttled": "失败次数过多，请几分钟后再试。",
        "setup.title": "创建第一个管理员",
        "setup.explain": "此一次性链接在服务器启动时打印。管理员负责账户和采集，不阅读消息内容。",
        "setup.submit": "创建管理员", "setup.invalid": "此设置链接无效（可能已被使用）。",
        "setup.password.help": "至少 12 个字符。一句话比符号更容易记住。",
        "dashboard.title": "概览", "dashboard.capture": "采集状态", "dashboard.alerts": "待处理告警",
        "dashboard.privacy": "临近期限的隐私请求", "dashboard.holds": "生效中的诉讼保全",
        "dashboard.ledger": "账本", "dashboard.none": "暂无。", "dashboard.channel": "渠道",
        "dashboard.account": "账号", "dashboard.last": "最近消息", "dashboard.messages": "消息数",
        "dashboard.gaps": "采集缺口", "dashboard.quarantine": "隔离中（未处理）", "dashboard.rejected": "被拒绝的推送", "dashboard.rejected.last": "最近一次",
        "dashboard.media": "媒体下载", "dashboard.media.pending": "待下载", "dashboard.media.failed": "失败",
        "dashboard.entries": "条",
        "dashboard.treehead": "最新签名树头", "dashboard.due": "截止", "dashboard.daysleft": "剩余天数",
        "error.title": "出错了", "error.back": "返回",
        "exports.new": "新建导出", "exports.scope": "范围", "exports.scope.query": "搜索结果中的消息",
        "exports.scope.conversation": "一个会话（ID）", "exports.scope.hold": "诉讼保全涵盖的全部内容",
        "exports.value": "搜索语句、会话 ID 或保全", "exports.mask": "遮盖检测到的敏感信息",
        "exports.start": "开始导出", "exports.list": "本团队的导出", "exports.what": "导出",
        "exports.by": "创建人", "exports.status": "状态", "exports.download": "下载", "exports.refresh": "刷新",
        "exports.help": "导出在后台运行，下载前始终加密保存；每次下载都记录在账本中。压缩包包含 RSMF、EML、HTML、CSV、DAT 和 JSON lines，以及带哈希和账本证明的清单（可用 vellum verify-export 校验）。",
        "common.save": "保存", "common.cancel": "取消", "common.role": "角色", "common.signedin": "当前用户",
    ]

    static func table(_ language: Language) -> [String: String] {
        language == .en ? en : en.merging(zh) { _, z in z }
    }
}

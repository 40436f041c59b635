import VellumCore

/// The privacy notice about the chat archive, for employees or for clients, in English or
/// Chinese, generated from the policy: what is collected, why and on what basis, how long it is
/// kept, who can see it, how it is monitored (employees: Bărbulescu asks for prior notice of the
/// scope and nature of monitoring) and how to ask for access or erasure.
public enum PrivacyNotice {
    public enum Audience: String, Sendable, Hashable, CaseIterable {
        case employees, clients
    }

    public static func render(_ policy: Policy, audience: Audience, language: Language) -> String {
        let L = { (en: String, zh: String) in pick(language, en, zh) }
        let o = policy.organisation
        let purposes = policy.purposes.filter { p in p.subjects.contains { $0.audience == audience } }
        var out: [String] = []
        out.append(audience == .employees
            ? L("# Privacy notice for employees: business chat archive", "# 员工隐私告知：业务聊天归档")
            : L("# Privacy notice for clients: recording of business communications", "# 客户隐私告知：业务通讯记录"))
        out.append("")
        let approved = policy.channels.filter(\.value.approved).keys.map(\.displayName).sorted()
        out.append(L(
            "\(o.name) records and archives business communications sent and received on "
                + (approved.isEmpty ? "its business chat channels" : listText(approved, .en)) + ".",
            "\(o.name)对通过" + (approved.isEmpty ? "业务聊天渠道" : listText(approved, .zh)) + "收发的业务通讯进行记录和归档。"))
        if audience == .clients {
            out.append(L(
                "Your communications with us on these channels are recorded, and a copy is available to you on request for as long as we keep it.",
                "您通过上述渠道与我们的通讯将被记录，在保存期内您可以要求获取副本。"))
        }
        out.append("")
        out.append(L("## Who is responsible", "## 责任主体"))
        out.append(L("- Controller: ", "- 控制者：") + o.controller.oneLine)
        if let dpo = o.dpo { out.append(L("- Data protection officer: ", "- 数据保护官/个人信息保护负责人：") + dpo.oneLine) }
        out.append("")
        out.append(L("## What we collect", "## 收集的信息"))
        var categories: [String] = []
        for c in purposes.flatMap(\.dataCategories) where !categories.contains(c) { categories.append(c) }
        out.append("- " + (categories.isEmpty ? L("business chat messages and their attachments", "业务聊天消息及其附件") : listText(categories, language)))
        out.append("")
        out.append(L("## Why, and on what legal basis", "## 处理目的及法律依据"))
        for p in purposes {
            var line = "- \(p.description.text(language)) — \(p.lawfulBasis.text(language)) (GDPR \(p.lawfulBasis.article))"
            if let ref = p.legalReference { line += pick(language, "; ", "；") + ref }
            out.append(line)
        }
        out.append("")
        out.append(L("## How long we keep it", "## 保存期限"))
        var rules: [RetentionRule] = []
        for p in purposes { for r in policy.retentionRules(for: p) where !rules.contains(r) { rules.append(r) } }
        if purposes.isEmpty { rules = policy.retentionRules }
        if rules.isEmpty {
            out.append(L("- Until we decide; no retention period is set yet.", "- 尚未设定保存期限，保留至我们作出决定。"))
        }
        for r in rules { out.append("- " + r.summary(language)) }
        out.append(L(
            "- Data under a legal hold is kept until the hold ends, even after its period.",
            "- 处于法律保全中的数据将保留至保全解除，即使已超过上述期限。"))
        out.append("")
        out.append(L("## Who can see it", "## 可访问人员"))
        var roles: [String] = []
        for r in purposes.flatMap(\.accessRoles) where !roles.contains(r) { roles.append(r) }
        if roles.isEmpty { roles = Purpose.defaultAccessRoles }
        out.append(L("- Within \(o.name): the ", "- \(o.name)内部：") + listText(roles, language)
            + L(" teams; every view, search and export is recorded.", "团队；每次查看、检索和导出均被记录。"))
        var recipients: [String] = []
        for r in purposes.flatMap(\.recipients) where !recipients.contains(r) { recipients.append(r) }
        if !recipients.isEmpty { out.append(L("- Outside: ", "- 外部接收方：") + listText(recipients, language)) }
        let transfers = purposes.flatMap(\.transfers).map { "\($0.to) (\($0.safeguard))" }
        if !transfers.isEmpty { out.append(L("- Transfers abroad: ", "- 跨境传输：") + listText(transfers, language)) }
        if audience == .employees { out.append(contentsOf: monitoring(policy.surveillance, language)) }
        out.append(contentsOf: rights(policy, language))
        return out.joined(separator: "\n") + "\n"
    }

    static func monitoring(_ s: SurveillancePolicy, _ language: Language) -> [String] {
        let L = { (en: String, zh: String) in pick(language, en, zh) }
        var out = ["", L("## How messages are reviewed", "## 消息审查方式")]
        let sensitive = s.rules.filter { $0.type == .sensitiveData }
        if !sensitive.isEmpty {
            let unencrypted = sensitive.contains { $0.channels == .unencrypted }
            out.append(L(
                "- Automated checks for sensitive data (card numbers, identity numbers, keys)"
                    + (unencrypted ? ", especially on channels that are not end-to-end encrypted." : "."),
                "- 自动检测敏感数据（银行卡号、身份证件号码、密钥等）" + (unencrypted ? "，重点关注未端到端加密的渠道。" : "。")))
        }
        if s.rules.contains(where: { $0.type == .lexicon }) {
            out.append(L(
                "- Term lists, for example requests to move a conversation to an unrecorded channel.",
                "- 关键词检测，例如要求将对话转移到不受记录的渠道。"))
        }
        if s.rules.contains(where: { $0.type == .unapprovedChannel || $0.type == .channelBan }) {
            out.append(L("- Use of channels that are not approved for business.", "- 使用未经批准的业务渠道的情况。"))
        }
        if let sampling = s.sampling {
            let percent = (sampling.rate * 100).shortText
            out.append(L(
                "- A random sample of \(percent)% of each employee's messages is read by a reviewer.",
                "- 随机抽取每位员工\(percent)%的消息由审查人员审阅。"))
        }
        if out.count == 2 { out.append(L("- No automated review is configured.", "- 未配置自动审查。")) }
        return out
    }

    static func rights(_ policy: Policy, _ language: Language) -> [String] {
        let L = { (en: String, zh: String) in pick(language, en, zh) }
        let o = policy.organisation
        var out = ["", L("## Your rights", "## 您的权利")]
        out.append(L(
            "You may ask for access to your data, a copy, correction, restriction or erasure. Where the law requires us to keep a record, we restrict it (store it only) and erase it when the period ends.",
            "您有权查阅、复制、更正、限制处理或删除您的个人信息。如法律要求我们保存记录，我们将限制处理（仅存储），并在保存期届满后删除。"))
        out.append(L("- Send requests to: ", "- 请求请发送至：") + o.requestContact.oneLine)
        for law in PrivacyLaw.allCases {
            let d = policy.privacy.rules[law] ?? PrivacyDeadlines.defaultRules[law]!
            let name = law.text(language)
            out.append("- " + (language == .en ? name.prefix(1).uppercased() + name.dropFirst() : name)
                + L(": we answer within ", "：我们将在") + d.respond.text(language) + L("", "内答复"))
        }
        out.append(L("- You may complain to ", "- 您可以向")
            + (o.supervisoryAuthority ?? L("a data protection supervisory authority", "数据保护监管机构"))
            + L(" and seek a remedy in court.", "投诉，并可依法向法院提起诉讼。"))
        return out
    }
}

import VellumCore

/// The record of processing activities (GDPR Art. 30(1)) for the archive, generated from the
/// policy as Markdown: controller and DPO, purposes, lawful bases, data subjects and data,
/// recipients, transfers, erasure time limits (from the retention rules) and security measures.
public enum RecordsOfProcessing {
    public static func render(_ policy: Policy, _ language: Language) -> String {
        let L = { (en: String, zh: String) in pick(language, en, zh) }
        let o = policy.organisation
        var out: [String] = []
        out.append(L("# Record of processing activities — \(o.name)", "# 处理活动记录——\(o.name)"))
        out.append("")
        out.append(L(
            "GDPR Article 30(1). Generated from the archive policy (vellum-policy.yaml) for the business chat archive.",
            "依据GDPR第30(1)条，根据归档策略文件（vellum-policy.yaml）为业务聊天归档系统生成。"))
        out.append("")
        out.append(L("## Controller and contacts (Art. 30(1)(a))", "## 控制者及联系人（第30(1)(a)条）"))
        out.append(L("- Controller: ", "- 控制者：") + o.controller.oneLine)
        out.append(L("- Data protection officer: ", "- 数据保护官：") + (o.dpo?.oneLine ?? L("none appointed", "未指定")))
        out.append(L("- Privacy requests: ", "- 个人信息权利请求：") + o.requestContact.oneLine)
        out.append(L("- Country of main establishment: ", "- 主要营业地所在国家或地区：") + o.country)
        if let sa = o.supervisoryAuthority { out.append(L("- Supervisory authority: ", "- 监管机构：") + sa) }
        out.append("")
        out.append(L("## Processing activities", "## 处理活动"))
        if policy.purposes.isEmpty {
            out.append("")
            out.append(L("The policy lists no purposes yet.", "策略文件尚未列出任何处理目的。"))
        }
        for (i, p) in policy.purposes.enumerated() {
            out.append("")
            out.append("### \(i + 1). \(p.description.text(language)) (`\(p.id)`)")
            out.append(L("- Purpose (b): ", "- 处理目的（b）：") + p.description.text(language))
            var basis = "\(p.lawfulBasis.text(language)) (GDPR \(p.lawfulBasis.article))"
            if let ref = p.legalReference { basis += pick(language, "; ", "；") + ref }
            out.append(L("- Lawful basis: ", "- 合法性基础：") + basis)
            out.append(L("- Categories of data subjects (c): ", "- 数据主体类别（c）：")
                + listText(p.subjects.map { $0.text(language) }, language))
            out.append(L("- Categories of personal data (c): ", "- 个人数据类别（c）：") + listText(p.dataCategories, language))
            out.append(L("- Recipients (d): ", "- 接收方（d）：")
                + (p.recipients.isEmpty ? L("none outside the organisation", "无外部接收方") : listText(p.recipients, language)))
            out.append(L("- Access within the organisation (roles): ", "- 组织内部可访问的角色：") + listText(p.accessRoles, language))
            let transfers = p.transfers.map { "\($0.to) (\($0.safeguard))" }
            out.append(L("- Transfers to third countries (e): ", "- 向第三国传输（e）：")
                + (transfers.isEmpty ? L("none", "无") : listText(transfers, language)))
            out.append(L("- Time limits for erasure (f):", "- 删除期限（f）："))
            let rules = policy.retentionRules(for: p)
            if rules.isEmpty {
                out.append(L(
                    "  - no retention rule: items are kept until someone decides, and are not protected from erasure",
                    "  - 无保存规则：在有人作出决定之前保留，且不受删除限制"))
            }
            for r in rules { out.append("  - `\(r.id)`: " + r.summary(language)) }
        }
        out.append("")
        out.append(L("## Channels", "## 通讯渠道"))
        out.append("")
        out.append(L("| Channel | Approved | End-to-end encrypted | Notes |", "| 渠道 | 是否批准 | 端到端加密 | 备注 |"))
        out.append("|---|---|---|---|")
        for (channel, c) in policy.channels.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let yes = L("yes", "是"), no = L("no", "否")
            out.append("| \(channel.displayName) | \(c.approved ? yes : no) | "
                + "\(policy.isEndToEndEncrypted(channel) ? yes : no) | \(c.notes ?? "") |")
        }
        out.append("")
        out.append(L("## Security measures (Art. 30(1)(g), Art. 32)", "## 安全措施（第30(1)(g)条、第32条）"))
        for m in securityMeasures { out.append("- " + m.text(language)) }
        return out.joined(separator: "\n") + "\n"
    }

    /// What Vellum itself does to protect the archive (ARCHITECTURE.md, "The archive's promises").
    static let securityMeasures: [LocalizedText] = [
        LocalizedText(
            en: "Message bodies, attachments, names and handles are encrypted at rest (AES-256-GCM) under data keys wrapped by a master key.",
            zh: "消息正文、附件、姓名及账号在存储时均以AES-256-GCM加密，数据密钥由主密钥封装。"),
        LocalizedText(
            en: "The search index holds keyed tokens, not words; identifiers are looked up by keyed hashes.",
            zh: "检索索引仅保存带密钥的令牌而非原文；标识符以带密钥的哈希值查找。"),
        LocalizedText(
            en: "Every capture, hold, disposition, erasure, access and policy change is a leaf of an append-only, signed Merkle ledger that anyone can verify.",
            zh: "每次采集、保全、处置、删除、访问及策略变更均记入仅可追加、带签名的默克尔账本，任何人均可验证。"),
        LocalizedText(
            en: "Role-based access; every view, search and export is recorded.",
            zh: "基于角色的访问控制；每次查看、检索和导出均被记录。"),
        LocalizedText(
            en: "Erasure destroys the data keys of the subject's scope (crypto-shredding); items under retention or hold are restricted by access control until erased.",
            zh: "删除通过销毁相应数据密钥实现（加密擦除）；处于保存期或法律保全中的项目在删除前通过访问控制限制处理。"),
    ]
}

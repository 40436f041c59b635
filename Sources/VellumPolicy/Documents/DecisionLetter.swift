/// The letter that tells a requester what happened to an erasure request (regulation.md §6.7),
/// in English or Chinese: what was erased (counts per category), what was kept, why and until
/// when, that kept data is restricted, and the law's own statements (GDPR Art. 12(4) complaint
/// and court remedies; CCPA §7022 compliance, exempt remainder deleted, 24-month record; PIPL
/// Art. 47(2) storage only and Art. 50 right to sue).
///
/// Holds are named by kind only, never by matter. Put every letter into the DSAR log.
public enum DecisionLetter {
    public static func render(
        request: PrivacyRequest, decisions: [ErasureDecision], policy: Policy, language: Language, date: CalendarDay
    ) -> String {
        let L = { (en: String, zh: String) in pick(language, en, zh) }
        let o = policy.organisation
        let groups = KeptGroup.groups(decisions)
        var erased: [(String, Int)] = []
        for d in decisions where d.outcome == .erase {
            if let i = erased.firstIndex(where: { $0.0 == d.category }) { erased[i].1 += 1 } else { erased.append((d.category, 1)) }
        }
        var out: [String] = [o.name]
        if let address = o.controller.address { out.append(address) }
        out += ["", date.description, ""]
        out.append(L("Reference: ", "编号：") + request.id)
        out.append(L(
            "Subject: your request for \(request.kind.text(.en)) of personal data, received on \(request.received)",
            "事由：关于您于\(request.received)提出的个人信息\(request.kind.text(.zh))请求"))
        out += ["", L("Dear Sir or Madam,", "您好："), ""]
        out.append(L(
            "We have decided on your request under \(request.law.text(.en)). We looked at each item of your data separately.",
            "我们已依据\(request.law.text(.zh))对您的请求作出决定，并对您的每一项数据分别进行了审查。"))
        out += ["", L("What we erased", "已删除的数据")]
        if erased.isEmpty { out.append(L("- Nothing.", "- 无。")) }
        for (category, count) in erased { out.append("- " + L("\(category): \(count)", "\(category)：\(count)项")) }
        out += ["", L("What we kept, and why", "保留的数据及原因")]
        if groups.isEmpty {
            out.append(L("- Nothing: we erased all the data we hold about you.", "- 无：我们已删除所持有的关于您的全部数据。"))
        } else {
            out.append(L(
                "The data below is restricted: we only store it, and use it for nothing but the obligation that requires us to keep it. We will erase it on the dates given, and tell you before we lift a restriction.",
                "以下数据已被限制处理：我们仅对其进行存储，除履行要求我们保存的义务外不作任何其他用途。我们将在所列日期删除，并在解除限制前通知您。"))
            for g in groups { out.append("- " + g.text(request.law, language)) }
        }
        out += [""] + lawSection(request, policy, groups: groups, erasedAny: !erased.isEmpty, language)
        out += ["", L("Contact: ", "联系方式：") + o.requestContact.oneLine, "", o.name]
        return out.joined(separator: "\n") + "\n"
    }

    static func lawSection(
        _ request: PrivacyRequest, _ policy: Policy, groups: [KeptGroup], erasedAny: Bool, _ language: Language
    ) -> [String] {
        let L = { (en: String, zh: String) in pick(language, en, zh) }
        let authority = policy.organisation.supervisoryAuthority
        var out: [String] = []
        switch request.law {
        case .gdpr, .ukGdpr:
            let rules = groups.compactMap(\.rule)
            if !rules.isEmpty {
                out.append(L("Retention periods (Article 15(1)(d)):", "保存期限（第15(1)(d)条）："))
                for r in rules { out.append("- " + r.summary(language)) }
                out.append("")
            }
            out.append(L(
                "You have the right to lodge a complaint with \(authority ?? "a supervisory authority") and to seek a judicial remedy (Articles 12(4), 77 and 79).",
                "您有权向\(authority ?? "监管机构")投诉，并有权寻求司法救济（第12(4)条、第77条及第79条）。"))
        case .ccpa:
            out.append(groups.isEmpty
                ? L("We complied with your request in full.", "我们已完全执行您的请求。")
                : erasedAny
                    ? L("We complied with your request in part.", "我们已部分执行您的请求。")
                    : L("We could not delete any of this information yet.", "我们目前尚不能删除上述任何信息。"))
            if !groups.isEmpty {
                out.append(L(
                    "We kept the information above because the law requires it: California Civil Code 1798.105(d)(8) (compliance with a legal obligation) and 1798.145(a) (compliance with federal or state law, regulatory inquiries and legal claims). We deleted the rest of your personal information that no exemption covers, and we use what we kept only for the purpose of the exemption.",
                    "我们保留上述信息是因为法律要求：《加州民法典》第1798.105(d)(8)条（履行法定义务）及第1798.145(a)条（遵守联邦或州法律、配合监管调查及法律索赔）。不属于任何豁免范围的其余个人信息已被删除，所保留的信息仅用于豁免所涉目的。"))
            }
            out.append(L(
                "We keep a record of your request and our response for at least 24 months (CCPA Regulations §7101).",
                "我们将保存您的请求及我们的答复记录至少24个月（CCPA条例第7101条）。"))
        case .pipl:
            if !groups.isEmpty {
                out.append(L(
                    "Where a retention period required by law has not ended, we stop all handling of the data except storage and necessary security measures (PIPL Article 47(2)).",
                    "对于法律、行政法规规定的保存期限未届满的个人信息，我们已停止除存储和采取必要的安全保护措施之外的处理（《个人信息保护法》第四十七条第二款）。"))
            }
            out.append(L(
                "If you disagree with this decision, you may bring a lawsuit in a people's court (PIPL Article 50)"
                    + (authority.map { " or complain to \($0)" } ?? "") + ".",
                "如您对本决定有异议，可以依法向人民法院提起诉讼（《个人信息保护法》第五十条）"
                    + (authority.map { "，或向\($0)投诉" } ?? "") + "。"))
        }
        return out
    }
}

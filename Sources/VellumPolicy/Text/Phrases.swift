import VellumCore

/// Picks the English or Chinese form of a phrase.
func pick(_ language: Language, _ en: String, _ zh: String) -> String {
    language == .en ? en : zh
}

/// Joins a list the way each language does: "a, b and c" / "a、b和c".
func listText(_ items: [String], _ language: Language) -> String {
    switch (language, items.count) {
    case (_, 0): return ""
    case (_, 1): return items[0]
    case (.en, _): return items.dropLast().joined(separator: ", ") + " and " + items.last!
    case (.zh, _): return items.dropLast().joined(separator: "、") + "和" + items.last!
    }
}

extension RetentionRule {
    /// What the rule covers: "roles trader; jurisdictions US; channels WhatsApp" / "所有归档项目".
    func scopeText(_ language: Language) -> String {
        var parts: [String] = []
        if let roles { parts.append(pick(language, "roles ", "岗位：") + listText(roles, language)) }
        if let departments { parts.append(pick(language, "departments ", "部门：") + listText(departments, language)) }
        if let jurisdictions {
            parts.append(pick(language, "jurisdictions ", "司法辖区：") + listText(jurisdictions, language))
        }
        if let channels {
            parts.append(pick(language, "channels ", "渠道：") + listText(channels.map(\.displayName), language))
        }
        return parts.isEmpty
            ? pick(language, "all archived items", "所有归档项目") : parts.joined(separator: pick(language, "; ", "；"))
    }

    /// "7 years from the day the message was sent (basis) — scope".
    func summary(_ language: Language) -> String {
        switch language {
        case .en: "\(period.text(.en)) \(from.text(.en)) — \(basis.text(.en)); applies to \(scopeText(.en))"
        case .zh: "\(from.text(.zh))保存\(period.text(.zh))——\(basis.text(.zh))；适用范围：\(scopeText(.zh))"
        }
    }
}

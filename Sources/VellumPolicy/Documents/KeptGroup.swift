/// Kept items of one category for one reason, with the erasure dates they carry; a line of a
/// ``DecisionLetter``.
struct KeptGroup {
    enum Key: Hashable {
        case hold(HoldKind)
        case retention(String)
        case legalClaim
    }

    var category: String
    var key: Key
    var rule: RetentionRule?
    /// Each distinct timing and how many items have it, in first-seen order.
    var timings: [(ErasureDecision.Timing, Int)] = []

    var count: Int { timings.reduce(0) { $0 + $1.1 } }

    /// More distinct dates than this collapse to "between … and …".
    static let maxDatesListed = 12

    static func groups(_ decisions: [ErasureDecision]) -> [KeptGroup] {
        var out: [KeptGroup] = []
        for d in decisions where d.outcome == .keepRestricted {
            var rule: RetentionRule?
            let key: Key
            switch d.reason {
            case .legalHold(let holds): key = .hold(holds.first?.kind ?? .litigation)
            case .retention(let m):
                key = .retention(m.rule.id)
                rule = m.rule
            case .legalClaim: key = .legalClaim
            case .nothingKeepsIt: continue
            }
            let i = out.firstIndex { $0.category == d.category && $0.key == key }
                ?? { out.append(KeptGroup(category: d.category, key: key, rule: rule)); return out.count - 1 }()
            if let t = out[i].timings.firstIndex(where: { $0.0 == d.timing }) {
                out[i].timings[t].1 += 1
            } else {
                out[i].timings.append((d.timing, 1))
            }
        }
        return out
    }

    func text(_ law: PrivacyLaw, _ language: Language) -> String {
        let L = { (en: String, zh: String) in pick(language, en, zh) }
        let head = L("\(category) (\(count)): ", "\(category)（\(count)项）：")
        let why: String =
            switch key {
            case .hold(let kind): L("subject to \(kind.text(.en))", "受\(kind.text(.zh))约束")
            case .retention: L("we must keep them under ", "我们须依据以下规定保存：") + (rule?.basis.text(language) ?? "")
            case .legalClaim:
                law == .gdpr || law == .ukGdpr
                    ? L("needed for the establishment, exercise or defence of legal claims (Article 17(3)(e))",
                        "为提出、行使或抗辩法律主张所必需（第17(3)(e)条）")
                    : L("needed for a legal claim", "为法律主张所必需")
            }
        var whens = timings.map { ($0.0, $0.1) }
        var collapsed: String?
        if whens.count > Self.maxDatesListed {
            let days = whens.compactMap { if case .on(let d) = $0.0 { d } else { nil } }.sorted()
            if let first = days.first, let last = days.last {
                collapsed = L(
                    "to be erased between \(first) and \(last); the date for each item is available on request",
                    "将于\(first)至\(last)期间陆续删除；各项目的具体日期可应要求提供")
                whens = whens.filter { if case .on = $0.0 { false } else { true } }
            }
        }
        var parts = whens.map { t, n in Self.timingText(t, language) + (timings.count > 1 ? L(" (\(n))", "（\(n)项）") : "") }
        if let collapsed { parts.insert(collapsed, at: 0) }
        let when = parts.joined(separator: L("; ", "；"))
        return head + why + L(". ", "。") + (language == .en ? when.prefix(1).uppercased() + when.dropFirst() : when) + L(".", "。")
    }

    static func timingText(_ timing: ErasureDecision.Timing, _ language: Language) -> String {
        let L = { (en: String, zh: String) in pick(language, en, zh) }
        switch timing {
        case .now:
            return L("erased now", "立即删除")
        case .on(let day):
            return L("kept until \(day.adding(days: -1)), to be erased on \(day)", "保存至\(day.adding(days: -1))，将于\(day)删除")
        case .whenHoldsReleased(let notBefore):
            return L("to be erased when the hold is released", "将在保全解除后删除")
                + (notBefore.map { L(", not before \($0)", "，但不早于\($0)") } ?? "")
        case .afterLegalClaim(let reviewBy, let notBefore):
            return L("to be erased when the claim no longer requires it", "将在法律主张不再需要时删除")
                + (reviewBy.map { L(" (next review by \($0))", "（最迟于\($0)复核）") } ?? "")
                + (notBefore.map { L(", not before \($0)", "，但不早于\($0)") } ?? "")
        }
    }
}

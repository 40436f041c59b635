import Yams

extension PolicyFileReader {
    /// `privacy`: per-law overrides of the request clocks, and holidays for business-day counts.
    mutating func readPrivacy(_ node: Node) -> PrivacyDeadlines {
        guard let f = r.mapping(node, "privacy", allowed: ["deadlines", "holidays"]) else { return .defaults }
        var rules = PrivacyDeadlines.defaultRules
        if let d = f["deadlines"] {
            for (key, keyNode, value) in r.entries(d, "privacy.deadlines", what: "a mapping of law names") {
                let path = "privacy.deadlines.\(key)"
                guard let law = PrivacyLaw(rawValue: key) else {
                    r.problem(keyNode, path, "unknown law `\(key)`; expected one of \(PrivacyLaw.allCases.map(\.rawValue).joined(separator: ", "))")
                    continue
                }
                if let rule = readDeadlineRule(value, path, base: rules[law]!) { rules[law] = rule }
            }
        }
        var holidays = Set<CalendarDay>()
        if let h = f["holidays"], let items = r.sequence(h, "privacy.holidays", what: "a list of dates") {
            for (i, item) in items.enumerated() {
                if let day = readDay(item, "privacy.holidays[\(i)]") { holidays.insert(day) }
            }
        }
        return PrivacyDeadlines(rules: rules, holidays: holidays)
    }

    mutating func readDeadlineRule(_ node: Node, _ path: String, base: PrivacyDeadlines.Rule) -> PrivacyDeadlines.Rule? {
        guard let f = r.mapping(node, path, allowed: ["acknowledge", "respond", "extension"]) else { return nil }
        var rule = base
        var changed: [String] = []
        if let n = f["acknowledge"], let span = readSpan(n, f.path("acknowledge"), allowNone: true) {
            rule.acknowledge = span
            changed.append("acknowledge \(span?.description ?? "none")")
        }
        if let n = f["respond"], let span = readSpan(n, f.path("respond"), allowNone: false), let span {
            rule.respond = span
            changed.append("respond \(span)")
        }
        if let n = f["extension"], let span = readSpan(n, f.path("extension"), allowNone: true) {
            rule.extendBy = span
            changed.append("extension \(span?.description ?? "none")")
        }
        if !changed.isEmpty { rule.citation += "; set by the policy: " + changed.joined(separator: ", ") }
        return rule
    }

    /// `.some(nil)` for `none` (when allowed), `.some(span)`, or nil after a problem.
    mutating func readSpan(_ node: Node, _ path: String, allowNone: Bool) -> DeadlineSpan?? {
        guard let text = r.string(node, path) else { return nil }
        if allowNone && text == "none" { return .some(nil) }
        do {
            return .some(try DeadlineSpan(parsing: text))
        } catch {
            r.problem(node, path, error.reason + (allowNone ? ", or `none`" : ""))
            return nil
        }
    }

    mutating func readDay(_ node: Node, _ path: String) -> CalendarDay? {
        guard let text = r.string(node, path) else { return nil }
        guard let day = CalendarDay(text) else {
            r.problem(node, path, "`\(text)` is not a date; write YYYY-MM-DD")
            return nil
        }
        return day
    }
}

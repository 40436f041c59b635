import VellumCore

extension Policy {
    /// How long `subject` must be kept: the longest of the rules that cover it, with every
    /// covering rule kept as provenance; ``RetentionDecision/undecided`` when none does.
    public func retention(for subject: RetentionSubject) -> RetentionDecision {
        var matches: [RetentionMatch] = []
        for rule in retentionRules {
            guard let why = Self.covers(rule, subject) else { continue }
            let start = subject.start(rule.from)
            matches.append(RetentionMatch(rule: rule, start: start, until: rule.period.end(from: start), why: why))
        }
        guard var winner = matches.first else { return .undecided }
        for m in matches.dropFirst() where m.until > winner.until { winner = m }
        return .retain(until: winner.until, winner: winner, matches: matches)
    }

    /// Why `rule` covers `subject`, or nil when it does not.
    static func covers(_ rule: RetentionRule, _ subject: RetentionSubject) -> String? {
        if let channels = rule.channels, !channels.contains(subject.channel) { return nil }
        let on = "on \(subject.channel.rawValue)"
        if rule.roles == nil, rule.departments == nil, rule.jurisdictions == nil {
            return rule.channels == nil ? "applies to every item" : "matched channel \(subject.channel.rawValue)"
        }
        for employee in subject.employees {
            if let roles = rule.roles, !employee.roles.contains(where: { roles.containsIgnoringCase($0) }) { continue }
            if let departments = rule.departments {
                guard let d = employee.department, departments.containsIgnoringCase(d) else { continue }
            }
            if let jurisdictions = rule.jurisdictions {
                guard let j = employee.jurisdiction, jurisdictions.containsIgnoringCase(j) else { continue }
            }
            var facts: [String] = []
            if rule.roles != nil { facts.append("roles " + employee.roles.joined(separator: ", ")) }
            if rule.departments != nil { facts.append("department " + (employee.department ?? "")) }
            if rule.jurisdictions != nil { facts.append("jurisdiction " + (employee.jurisdiction ?? "")) }
            return "matched employee \(employee.id) (\(facts.joined(separator: "; "))) \(on)"
        }
        if !rule.filtersPeople, let jurisdictions = rule.jurisdictions,
            let j = subject.jurisdictions.first(where: { jurisdictions.containsIgnoringCase($0) })
        {
            return "matched the item's jurisdiction \(j) \(on)"
        }
        return nil
    }
}

extension Array where Element == String {
    func containsIgnoringCase(_ value: String) -> Bool {
        let folded = value.lowercased()
        return contains { $0.lowercased() == folded }
    }
}

/// How long an item must be kept, and why: the winning rule and every rule that covered it.
public enum RetentionDecision: Sendable, Hashable {
    /// Keep through `until` (inclusive), set by `winner`, the longest of `matches` (file order
    /// breaks ties). `matches` lists every covering rule in file order, the winner included.
    case retain(until: CalendarDay, winner: RetentionMatch, matches: [RetentionMatch])
    /// No rule covers the item: it is kept until someone decides, and nothing protects it from
    /// erasure.
    case undecided

    /// The last day the item must be kept; nil when undecided.
    public var retainUntil: CalendarDay? {
        if case .retain(let until, _, _) = self { return until }
        return nil
    }

    /// The rule that set the date.
    public var winner: RetentionMatch? {
        if case .retain(_, let winner, _) = self { return winner }
        return nil
    }

    /// Every covering rule, in file order.
    public var matches: [RetentionMatch] {
        if case .retain(_, _, let matches) = self { return matches }
        return []
    }

    /// Whether the retention period is over on `day` (it is not over on its last day).
    public func hasExpired(on day: CalendarDay) -> Bool {
        guard let until = retainUntil else { return false }
        return day > until
    }

    /// One sentence for people: which rule, which period, from when, until when.
    public var explanation: String {
        switch self {
        case .undecided:
            return "No retention rule covers this item: it is kept until someone decides, and is not protected from erasure."
        case .retain(let until, let winner, let matches):
            let others = matches.filter { $0.rule.id != winner.rule.id }
            let also = others.isEmpty
                ? "" : " Also covered by " + others.map { "`\($0.rule.id)` (until \($0.until))" }.joined(separator: ", ") + "."
            return "Keep until \(until) under rule `\(winner.rule.id)`: \(winner.rule.period.text(.en)) "
                + "\(winner.rule.from.text(.en)) (\(winner.start)); \(winner.rule.basis.en). \(winner.why)." + also
        }
    }
}

/// One rule that covers an item, with the dates it gives and what made it match.
public struct RetentionMatch: Sendable, Hashable {
    public var rule: RetentionRule
    /// The day the clock started (sent or captured).
    public var start: CalendarDay
    /// The last day to keep the item under this rule.
    public var until: CalendarDay
    /// What matched, e.g. "employee e-17 (roles trader; jurisdiction US) on whatsapp".
    public var why: String
}

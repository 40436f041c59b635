extension LegalHold {
    /// Whether the hold's scope covers `subject`, whatever the hold's status.
    public func covers(_ subject: HoldSubject) -> Bool {
        let s = scope
        let hasSelectors = !s.custodians.isEmpty || !s.externalParties.isEmpty || !s.conversations.isEmpty
        if hasSelectors {
            let selected = !s.custodians.isDisjoint(with: subject.custodians)
                || !s.externalParties.isDisjoint(with: subject.externalParties)
                || subject.conversation.map { s.conversations.contains($0) } ?? false
            guard selected else { return false }
        }
        if let channels = s.channels, !channels.contains(subject.channel) { return false }
        if let dates = s.dates, !dates.contains(subject.sent) { return false }
        if s.query != nil, !subject.matchedQueryHolds.contains(id) { return false }
        return true
    }
}

/// The organisation's legal holds, released ones included (they are history).
public struct LegalHolds: Sendable, Hashable {
    public var all: [LegalHold]

    public init(_ all: [LegalHold]) { self.all = all }

    /// The holds that bind `subject` on `day`: active (created, not released, not lapsed) and covering it.
    public func holds(covering subject: HoldSubject, on day: CalendarDay) -> [LegalHold] {
        all.filter { $0.isActive(on: day) && $0.covers(subject) }
    }

    /// Every hold whose scope covers `subject`, released or not, for "why was this kept" history.
    public func allHolds(covering subject: HoldSubject) -> [LegalHold] {
        all.filter { $0.covers(subject) }
    }
}

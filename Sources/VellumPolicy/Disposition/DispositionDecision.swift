/// Whether a disposition job may delete an item today, and why.
public enum DispositionDecision: Sendable, Hashable {
    /// The retention period under `rule` ended on `retainedUntil`, and no hold binds the item.
    case dispose(retainedUntil: CalendarDay, rule: RetentionMatch)
    case keep(KeepReason)

    public var isDispose: Bool {
        if case .dispose = self { return true }
        return false
    }

    /// One sentence for the disposition report and the ledger.
    public var explanation: String {
        switch self {
        case .dispose(let until, let rule):
            return "Dispose: retention under rule `\(rule.rule.id)` ended on \(until) and no legal hold applies."
        case .keep(.hold(let holds, let retainedUntil)):
            let ids = holds.map { "`\($0.id)` (\($0.matter))" }.joined(separator: ", ")
            let after = retainedUntil.map { "; after release, retention runs until \($0)" } ?? ""
            return "Keep: under legal hold \(ids) until released\(after)."
        case .keep(.retention(let until, let rule)):
            return "Keep: retention under rule `\(rule.rule.id)` runs until \(until)."
        case .keep(.undecided):
            return "Keep: no retention rule covers this item; kept until someone decides (not protected from erasure)."
        }
    }
}

/// Why an item is kept.
public enum KeepReason: Sendable, Hashable {
    /// Active holds bind it; `retainedUntil` is the retention date that applies once they are released, if any.
    case hold([LegalHold], retainedUntil: CalendarDay?)
    /// Its retention period runs until the day given (inclusive).
    case retention(until: CalendarDay, rule: RetentionMatch)
    /// No rule covers it.
    case undecided
}

/// The disposition decision for one item on `now`: a hold beats everything; then an unexpired
/// retention period keeps the item; an item no rule covers is kept until someone decides;
/// otherwise it may be disposed of.
///
/// `holds` are the holds whose scope covers the item (``LegalHolds/allHolds(covering:)`` or
/// ``LegalHolds/holds(covering:on:)``); released and lapsed ones are ignored here.
public func dispositionDecision(retention: RetentionDecision, holds: [LegalHold], now: CalendarDay) -> DispositionDecision {
    let active = holds.filter { $0.isActive(on: now) }
    if !active.isEmpty {
        return .keep(.hold(active, retainedUntil: retention.hasExpired(on: now) ? nil : retention.retainUntil))
    }
    switch retention {
    case .undecided:
        return .keep(.undecided)
    case .retain(let until, let winner, _):
        return now > until ? .dispose(retainedUntil: until, rule: winner) : .keep(.retention(until: until, rule: winner))
    }
}

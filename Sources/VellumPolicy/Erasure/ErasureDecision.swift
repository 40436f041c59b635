/// The erasure decision for one item (regulation.md §6.2): an active legal hold keeps it
/// (restricted) until released; else an unexpired retention period keeps it (restricted) until
/// the period ends; else a legal claim keeps it (restricted) until reviewed; else it is erased now.
public struct ErasureDecision: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        case erase
        /// Kept, stored only: no use but for the obligation that keeps it (GDPR Art. 18, PIPL Art. 47(2)).
        case keepRestricted = "keep_restricted"
    }

    /// Why an item is kept; the first that applies decides (hold, retention, legal claim).
    public enum Reason: Sendable, Hashable {
        case legalHold([LegalHold])
        case retention(RetentionMatch)
        case legalClaim(LegalClaim)
        /// Nothing keeps the item: no rule covers it, or its retention period is over.
        case nothingKeepsIt(RetentionDecision)
    }

    /// When the item will be erased.
    public enum Timing: Sendable, Hashable {
        case now
        /// On this day: the day after the retention period ends.
        case on(CalendarDay)
        /// When every hold is released, and not before `notBefore` (the end of retention + 1).
        case whenHoldsReleased(notBefore: CalendarDay?)
        /// When the legal claim no longer needs it (reviewed by `reviewBy`), and not before `notBefore`.
        case afterLegalClaim(reviewBy: CalendarDay?, notBefore: CalendarDay?)
    }

    public var itemID: String
    public var category: String
    public var outcome: Outcome
    public var reason: Reason
    public var timing: Timing

    /// Decides for `item` on `day`.
    public static func decide(_ item: ErasureItem, on day: CalendarDay) -> ErasureDecision {
        let active = item.holds.filter { $0.isActive(on: day) }
        let retentionEnds: CalendarDay? = item.retention.hasExpired(on: day) ? nil : item.retention.retainUntil
        let notBefore = retentionEnds?.adding(days: 1)
        func keep(_ reason: Reason, _ timing: Timing) -> ErasureDecision {
            ErasureDecision(itemID: item.id, category: item.category, outcome: .keepRestricted, reason: reason, timing: timing)
        }
        if !active.isEmpty {
            return keep(.legalHold(active), .whenHoldsReleased(notBefore: notBefore))
        }
        if let winner = item.retention.winner, let notBefore {
            if let claim = item.legalClaim {
                return keep(.retention(winner), .afterLegalClaim(reviewBy: claim.reviewBy, notBefore: notBefore))
            }
            return keep(.retention(winner), .on(notBefore))
        }
        if let claim = item.legalClaim {
            return keep(.legalClaim(claim), .afterLegalClaim(reviewBy: claim.reviewBy, notBefore: nil))
        }
        return ErasureDecision(
            itemID: item.id, category: item.category, outcome: .erase, reason: .nothingKeepsIt(item.retention),
            timing: .now)
    }

    /// One sentence for the DSAR log.
    public var explanation: String {
        let when: String =
            switch timing {
            case .now: "erase now"
            case .on(let d): "erase on \(d)"
            case .whenHoldsReleased(let nb): "erase when the hold is released" + (nb.map { ", not before \($0)" } ?? "")
            case .afterLegalClaim(let r, let nb):
                "erase when the legal claim no longer needs it" + (r.map { " (review by \($0))" } ?? "")
                    + (nb.map { ", not before \($0)" } ?? "")
            }
        let why: String =
            switch reason {
            case .legalHold(let holds): "legal hold " + holds.map { "`\($0.id)`" }.joined(separator: ", ")
            case .retention(let m): "retention rule `\(m.rule.id)` until \(m.until) (\(m.rule.basis.en))"
            case .legalClaim(let c): "legal claim \(c.reference)"
            case .nothingKeepsIt(.undecided): "no retention rule covers it"
            case .nothingKeepsIt(let r): "retention ended on \(r.retainUntil.map(String.init(describing:)) ?? "?")"
            }
        return "\(itemID) (\(category)): \(outcome == .erase ? "erase" : "keep, restricted") — \(why); \(when)."
    }
}

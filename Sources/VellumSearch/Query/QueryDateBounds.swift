public import Foundation

/// The span of send times a query can match, for prefiltering by date before anything else.
///
/// Either end may be missing (unbounded) and each says whether its instant is included.
public struct QueryDateBounds: Sendable, Hashable {
    /// One end of the span.
    public struct Bound: Sendable, Hashable {
        public var date: Date
        /// Whether a message sent exactly at ``date`` is inside.
        public var isInclusive: Bool

        public init(_ date: Date, isInclusive: Bool) {
            self.date = date
            self.isInclusive = isInclusive
        }
    }

    /// The earliest send time, or `nil` for no lower limit.
    public var lower: Bound?
    /// The latest send time, or `nil` for no upper limit.
    public var upper: Bound?

    public init(lower: Bound? = nil, upper: Bound? = nil) {
        self.lower = lower
        self.upper = upper
    }

    /// No limit either way.
    public static let unbounded = QueryDateBounds()

    /// Whether neither end is set.
    public var isUnbounded: Bool { lower == nil && upper == nil }

    /// Whether no instant can be inside (`after:2026-03-31 before:2026-03-01`).
    public var isEmpty: Bool {
        guard let lower, let upper else { return false }
        if lower.date != upper.date { return lower.date > upper.date }
        return !(lower.isInclusive && upper.isInclusive)
    }

    /// Whether a message sent at `date` is inside.
    public func contains(_ date: Date) -> Bool {
        if let lower, date < lower.date || (date == lower.date && !lower.isInclusive) { return false }
        if let upper, date > upper.date || (date == upper.date && !upper.isInclusive) { return false }
        return true
    }

    /// The span inside both: the later lower end and the earlier upper end (at a tie, the
    /// exclusive one).
    public func intersection(_ other: QueryDateBounds) -> QueryDateBounds {
        QueryDateBounds(
            lower: Self.tighter(lower, other.lower, preferLater: true),
            upper: Self.tighter(upper, other.upper, preferLater: false))
    }

    private static func tighter(_ a: Bound?, _ b: Bound?, preferLater: Bool) -> Bound? {
        guard let a else { return b }
        guard let b else { return a }
        if a.date == b.date { return Bound(a.date, isInclusive: a.isInclusive && b.isInclusive) }
        return (a.date > b.date) == preferLater ? a : b
    }
}

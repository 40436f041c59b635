public import Foundation

/// When a message was sent: `after:`, `before:`, `on:` and `sent:`.
///
/// A day stands for all of its instants: `after:` and `before:` exclude the day or instant they
/// name, `on:` and both ends of a `sent:` range include it.
public enum QueryDateFilter: Sendable, Hashable {
    /// `after:X`: sent later than all of day X, or later than instant X.
    case after(QueryTime)
    /// `before:X`: sent earlier than all of day X, or earlier than instant X.
    case before(QueryTime)
    /// `on:D` (also `sent:D`): sent during day D.
    case on(QueryDay)
    /// `sent:A..B`, `sent:A..`, `sent:..B`: from A through B, both included; at least one is set.
    case range(from: QueryTime?, through: QueryTime?)

    /// The instants this filter lets through, with days taken in `timeZone`.
    public func bounds(in timeZone: TimeZone) -> QueryDateBounds {
        switch self {
        case .after(.day(let day)):
            QueryDateBounds(lower: .init(day.next.start(in: timeZone), isInclusive: true))
        case .after(.instant(let instant)):
            QueryDateBounds(lower: .init(instant.date, isInclusive: false))
        case .before(.day(let day)):
            QueryDateBounds(upper: .init(day.start(in: timeZone), isInclusive: false))
        case .before(.instant(let instant)):
            QueryDateBounds(upper: .init(instant.date, isInclusive: false))
        case .on(let day):
            QueryDateBounds(
                lower: .init(day.start(in: timeZone), isInclusive: true),
                upper: .init(day.next.start(in: timeZone), isInclusive: false))
        case .range(let from, let through):
            QueryDateBounds(
                lower: from.map { Self.lower($0, timeZone) }, upper: through.map { Self.upper($0, timeZone) })
        }
    }

    /// Whether a value the parser could have produced: a range with an end, in order.
    var isWellFormed: Bool {
        guard case .range(let from, let through) = self else { return true }
        guard let from, let through else { return from != nil || through != nil }
        return !from.isAfter(through)
    }

    private static func lower(_ time: QueryTime, _ timeZone: TimeZone) -> QueryDateBounds.Bound {
        switch time {
        case .day(let day): .init(day.start(in: timeZone), isInclusive: true)
        case .instant(let instant): .init(instant.date, isInclusive: true)
        }
    }

    private static func upper(_ time: QueryTime, _ timeZone: TimeZone) -> QueryDateBounds.Bound {
        switch time {
        case .day(let day): .init(day.next.start(in: timeZone), isInclusive: false)
        case .instant(let instant): .init(instant.date, isInclusive: true)
        }
    }
}

/// A date in a filter: a whole calendar day or an exact instant.
public enum QueryTime: Sendable, Hashable, CustomStringConvertible {
    /// `2026-03-02`: the whole day, in the archive's time zone.
    case day(QueryDay)
    /// `2026-03-02T09:15:00+08:00`: one moment.
    case instant(QueryInstant)

    /// The text it is written as.
    public var description: String {
        switch self {
        case .day(let day): day.description
        case .instant(let instant): instant.description
        }
    }

    /// Whether this date starts after `other` ends, as far as the text alone can tell: a day is
    /// compared with an instant's date in the instant's own offset.
    func isAfter(_ other: QueryTime) -> Bool {
        switch (self, other) {
        case (.day(let a), .day(let b)): b < a
        case (.instant(let a), .instant(let b)): b.isBefore(a)
        case (.day(let a), .instant(let b)): b.localDay < a
        case (.instant(let a), .day(let b)): b < a.localDay
        }
    }
}

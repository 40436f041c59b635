public import Foundation
import VellumCore

/// A day (`YYYY-MM-DD`, UTC) or an RFC 3339 time, as people type them in filters.
public enum DateInput {
    /// A day means its start, or with `endOfDay` its last millisecond.
    public static func parse(_ text: String, field: String, endOfDay: Bool) throws -> Date {
        if let t = Timestamp(rfc3339: text) { return t.date }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10, (1 ... 12).contains(parts[1]),
            (1 ... CivilDate.daysInMonth(parts[0], parts[1])).contains(parts[2])
        else { throw VellumError(.invalidInput, "\(field): expected YYYY-MM-DD or an RFC 3339 time, got \(text)") }
        let days = CivilDate.toDays(parts[0], parts[1], parts[2])
        let seconds = Double(days) * 86_400 + (endOfDay ? 86_399.999 : 0)
        return Date(timeIntervalSince1970: seconds)
    }
}

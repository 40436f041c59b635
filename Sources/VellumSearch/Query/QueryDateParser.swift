/// Reads the values of `after:`, `before:`, `on:` and `sent:`: `YYYY-MM-DD` days, RFC 3339
/// instants and `START..END` ranges, refusing anything not on the calendar or the clock.
enum QueryDateParser {
    static let example = "write YYYY-MM-DD, like 2026-03-01, or an RFC 3339 instant, like 2026-03-01T09:00:00+08:00"

    static func filter(_ field: QueryField, _ value: String, column: Int) throws(QueryError) -> QueryDateFilter {
        let parts = splitRange(value)
        let isRange = parts.count == 2
        switch field {
        case .after, .before:
            guard !isRange else {
                throw .invalidDate("`\(field.rawValue):` takes one date; for a range use sent:START..END", column)
            }
            let time = try time(value, column: column)
            return field == .after ? .after(time) : .before(time)
        case .on where isRange:
            throw .invalidDate("`on:` takes one day; for a range use sent:START..END", column)
        case .sent where isRange:
            return try range(parts[0], parts[1], column: column)
        default:
            guard case .day(let day) = try time(value, column: column) else {
                throw .invalidDate(
                    "`\(field.rawValue):` takes a day, like 2026-03-02; for instants use sent:START..END", column)
            }
            return .on(day)
        }
    }

    private static func range(_ start: String, _ end: String, column: Int) throws(QueryError) -> QueryDateFilter {
        guard !start.isEmpty || !end.isEmpty else {
            throw .invalidRange("the range `..` has neither a start nor an end", column)
        }
        let from = start.isEmpty ? nil : try time(start, column: column)
        let through = end.isEmpty ? nil : try time(end, column: column + start.unicodeScalars.count + 2)
        if let from, let through, from.isAfter(through) {
            throw .invalidRange("the range starts after it ends: \(start) is after \(end)", column)
        }
        return .range(from: from, through: through)
    }

    /// `[value]`, or the text before and after its first `..`.
    private static func splitRange(_ value: String) -> [String] {
        let scalars = Array(value.unicodeScalars)
        guard let dots = scalars.indices.dropLast().first(where: { scalars[$0] == "." && scalars[$0 + 1] == "." })
        else { return [value] }
        return [scalars[..<dots], scalars[(dots + 2)...]].map { String(String.UnicodeScalarView($0)) }
    }

    /// A day, or an instant when a `T` follows the date.
    static func time(_ text: String, column: Int) throws(QueryError) -> QueryTime {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 10, let day = try day(scalars[0..<10], text, column: column) else {
            throw .invalidDate("`\(text)` is not a date; \(example)", column)
        }
        guard scalars.count > 10 else { return .day(day) }
        guard scalars[10] == "T" || scalars[10] == "t" else {
            throw .invalidDate("`\(text)` is not a date; \(example)", column)
        }
        return .instant(try QueryInstantParser.instant(day, scalars[11...], text, column: column))
    }

    /// `nil` when the shape is not `DDDD-DD-DD`; an error when it is but the day does not exist.
    private static func day(_ scalars: ArraySlice<Unicode.Scalar>, _ text: String, column: Int) throws(QueryError)
        -> QueryDay?
    {
        let s = Array(scalars)
        guard s[4] == "-", s[7] == "-", let year = number(s[0..<4]), let month = number(s[5..<7]),
            let dayOfMonth = number(s[8..<10])
        else { return nil }
        if let day = QueryDay(year: year, month: month, day: dayOfMonth) { return day }
        let shown = String(String.UnicodeScalarView(s))
        let reason =
            if year == 0 {
                "years run from 0001 to 9999"
            } else if !(1...12).contains(month) {
                "there is no month \(month)"
            } else {
                "\(QueryDay.monthNames[month - 1]) \(year) has \(QueryDay.daysIn(month: month, year: year)) days"
            }
        throw .invalidDate("`\(shown)` is not a date: \(reason)", column)
    }

    /// The value of ASCII digits, or `nil` if any is not one.
    static func number(_ digits: ArraySlice<Unicode.Scalar>) -> Int? {
        var value = 0
        for scalar in digits {
            guard ("0"..."9").contains(scalar) else { return nil }
            value = value * 10 + Int(scalar.value - 48)
        }
        return digits.isEmpty ? nil : value
    }
}

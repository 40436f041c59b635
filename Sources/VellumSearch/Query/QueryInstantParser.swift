/// Reads the time and offset of an RFC 3339 instant: `HH:MM:SS`, an optional fraction of up to
/// nine digits, then `Z` or `±HH:MM`. Lowercase `t` and `z` are accepted, as RFC 3339 allows.
enum QueryInstantParser {
    /// `rest` is what follows the `T`; `text` is the whole value, for messages.
    static func instant(_ day: QueryDay, _ rest: ArraySlice<Unicode.Scalar>, _ text: String, column: Int)
        throws(QueryError) -> QueryInstant
    {
        let s = Array(rest)
        guard s.count >= 8, s[2] == ":", s[5] == ":", let hour = QueryDateParser.number(s[0..<2]),
            let minute = QueryDateParser.number(s[3..<5]), let second = QueryDateParser.number(s[6..<8])
        else { throw .invalidDate("`\(text)` is not an instant; \(QueryDateParser.example)", column) }
        guard hour < 24, minute < 60, second < 60 else {
            throw .invalidDate("`\(text)` is not an instant: the time is not on the clock", column)
        }
        var index = 8
        var nanoseconds = 0
        if index < s.count, s[index] == "." {
            let digits = s[(index + 1)...].prefix { ("0"..."9").contains($0) }
            guard (1...9).contains(digits.count), let fraction = QueryDateParser.number(digits) else {
                throw .invalidDate("`\(text)` is not an instant: write 1 to 9 digits after the decimal point", column)
            }
            nanoseconds = fraction * pow10(9 - digits.count)
            index += 1 + digits.count
        }
        let offset = try offsetSeconds(s[index...], text, column: column)
        let local = Int64(day.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        guard
            let instant = QueryInstant(
                secondsSinceEpoch: local - Int64(offset), nanoseconds: Int32(nanoseconds),
                utcOffsetSeconds: Int32(offset))
        else { throw .invalidDate("`\(text)` is not an instant: it falls outside years 0001 to 9999", column) }
        return instant
    }

    private static func offsetSeconds(_ s: ArraySlice<Unicode.Scalar>, _ text: String, column: Int)
        throws(QueryError) -> Int
    {
        guard let sign = s.first else {
            throw .invalidDate("`\(text)` has no UTC offset; add Z or one like +08:00", column)
        }
        if (sign == "Z" || sign == "z") && s.count == 1 { return 0 }
        let digits = Array(s.dropFirst())
        guard sign == "+" || sign == "-", digits.count == 5, digits[2] == ":",
            let hours = QueryDateParser.number(digits[0..<2]), let minutes = QueryDateParser.number(digits[3..<5])
        else { throw .invalidDate("`\(text)` is not an instant: the UTC offset must be Z or like +08:00", column) }
        guard hours < 24, minutes < 60 else {
            throw .invalidDate("`\(text)` is not an instant: the UTC offset is out of range", column)
        }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    private static func pow10(_ exponent: Int) -> Int {
        (0..<exponent).reduce(1) { value, _ in value * 10 }
    }
}

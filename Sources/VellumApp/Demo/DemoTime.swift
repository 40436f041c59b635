/// The time zones the demo firm works in, with their daylight-saving rules.
///
/// Hand-written rather than `TimeZone` so that output never depends on the host's tz database.
enum DemoZone: Int, Sendable, CaseIterable {
    /// Hong Kong and mainland China: UTC+8 all year.
    case chinaCoast
    /// London: GMT, BST (UTC+1) from the last Sunday of March to the last Sunday of October, 01:00 UTC.
    case london
    /// New York: UTC−5, UTC−4 from the second Sunday of March to the first Sunday of November, 02:00 local.
    case newYork

    /// The zone of an employee's jurisdiction code.
    init(jurisdiction: String) {
        switch jurisdiction {
        case "UK": self = .london
        case "US": self = .newYork
        default: self = .chinaCoast
        }
    }

    /// The UTC offset in seconds at instant `utc`, and the first instant at which it may change.
    func offsetSpan(at utc: Int64) -> (offset: Int, validUntil: Int64) {
        let year = DemoTime.civil(fromDays: DemoTime.floorDiv(utc, 86_400)).year
        let nextYear = DemoTime.days(year: year + 1, month: 1, day: 1) * 86_400
        switch self {
        case .chinaCoast:
            return (8 * 3600, Int64.max)
        case .london:
            let start = DemoTime.lastSunday(year: year, month: 3) * 86_400 + 3600
            let end = DemoTime.lastSunday(year: year, month: 10) * 86_400 + 3600
            return Self.span(utc, start: start, end: end, yearEnd: nextYear, standard: 0)
        case .newYork:
            let start = (DemoTime.firstSunday(year: year, month: 3) + 7) * 86_400 + 7 * 3600
            let end = DemoTime.firstSunday(year: year, month: 11) * 86_400 + 6 * 3600
            return Self.span(utc, start: start, end: end, yearEnd: nextYear, standard: -5 * 3600)
        }
    }

    /// The UTC offset in seconds at instant `utc`.
    func offset(at utc: Int64) -> Int { offsetSpan(at: utc).offset }

    private static func span(
        _ utc: Int64, start: Int64, end: Int64, yearEnd: Int64, standard: Int
    ) -> (offset: Int, validUntil: Int64) {
        if utc < start { return (standard, start) }
        if utc < end { return (standard + 3600, end) }
        return (standard, yearEnd)
    }
}

/// Calendar arithmetic and RFC 3339 formatting on Unix seconds (proleptic Gregorian, UTC).
enum DemoTime {
    /// Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = Int64((month + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = Int(doy - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        return (Int(yoe + era * 400) + (month <= 2 ? 1 : 0), month, day)
    }

    /// Day of the week, 0 = Sunday.
    static func weekday(ofDays days: Int64) -> Int {
        Int(((days + 4) % 7 + 7) % 7)
    }

    static func lastSunday(year: Int, month: Int) -> Int64 {
        let last = days(year: month == 12 ? year + 1 : year, month: month % 12 + 1, day: 1) - 1
        return last - Int64(weekday(ofDays: last))
    }

    static func firstSunday(year: Int, month: Int) -> Int64 {
        let first = days(year: year, month: month, day: 1)
        return first + Int64((7 - weekday(ofDays: first)) % 7)
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// Unix seconds of a wall-clock time in `zone`.
    static func instant(
        _ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int = 0, in zone: DemoZone
    ) -> Int64 {
        let local = days(year: year, month: month, day: day) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return local - Int64(zone.offset(at: local - Int64(zone.offset(at: local))))
    }

    /// `utc` as RFC 3339 in the given offset, e.g. `2026-03-02T09:15:04+08:00`; offset 0 is written `Z`.
    static func rfc3339(_ utc: Int64, offset: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(25)
        let local = utc + Int64(offset)
        appendDate(days: floorDiv(local, 86_400), into: &bytes)
        appendTime(secondOfDay: Int(local - floorDiv(local, 86_400) * 86_400), into: &bytes)
        bytes.append(contentsOf: offsetSuffix(offset))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `YYYY-MM-DD` for a day count.
    static func appendDate(days: Int64, into bytes: inout [UInt8]) {
        let date = civil(fromDays: days)
        appendDigits(date.year, width: 4, into: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(date.month, width: 2, into: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(date.day, width: 2, into: &bytes)
    }

    /// `THH:MM:SS` for a second of the day.
    @inline(__always)
    static func appendTime(secondOfDay: Int, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "T"))
        appendDigits(secondOfDay / 3600, width: 2, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay / 60 % 60, width: 2, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 60, width: 2, into: &bytes)
    }

    /// `Z` for zero, else `+HH:MM` / `-HH:MM`.
    static func offsetSuffix(_ offset: Int) -> [UInt8] {
        if offset == 0 { return [UInt8(ascii: "Z")] }
        var bytes: [UInt8] = [UInt8(ascii: offset < 0 ? "-" : "+")]
        appendDigits(abs(offset) / 3600, width: 2, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(abs(offset) / 60 % 60, width: 2, into: &bytes)
        return bytes
    }

    @inline(__always)
    static func appendDigits(_ value: Int, width: Int, into bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}

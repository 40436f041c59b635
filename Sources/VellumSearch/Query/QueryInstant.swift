public import Foundation

/// An RFC 3339 instant (`2026-03-01T09:00:00+08:00`), kept to the nanosecond with the UTC offset
/// it was typed in, so that printing it gives the same text back.
///
/// Two instants are equal only if their offsets are too; compare ``date`` for the same moment.
public struct QueryInstant: Sendable, Hashable, CustomStringConvertible {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    public let secondsSinceEpoch: Int64
    /// Nanoseconds past ``secondsSinceEpoch`` (0 ..< 1e9).
    public let nanoseconds: Int32
    /// The typed offset from UTC in seconds: a whole number of minutes, within ±23:59.
    public let utcOffsetSeconds: Int32

    /// `nil` when the nanoseconds or offset are out of range, or the local date is outside years
    /// 1–9999.
    public init?(secondsSinceEpoch: Int64, nanoseconds: Int32 = 0, utcOffsetSeconds: Int32 = 0) {
        guard (0..<1_000_000_000).contains(nanoseconds), utcOffsetSeconds % 60 == 0,
            abs(utcOffsetSeconds) < 86_400, abs(secondsSinceEpoch) < 300_000_000_000
        else { return nil }
        self.secondsSinceEpoch = secondsSinceEpoch
        self.nanoseconds = nanoseconds
        self.utcOffsetSeconds = utcOffsetSeconds
        guard QueryDay(daysSinceEpoch: Int(localDays)) != nil else { return nil }
    }

    /// The same moment as a `Date` (to about a tenth of a microsecond).
    public var date: Date {
        Date(timeIntervalSince1970: Double(secondsSinceEpoch) + Double(nanoseconds) / 1e9)
    }

    /// The calendar day at this instant in its own offset.
    public var localDay: QueryDay {
        // Checked in `init`.
        QueryDay(daysSinceEpoch: Int(localDays))!
    }

    /// Whether this moment comes before `other`'s, whatever their offsets.
    func isBefore(_ other: QueryInstant) -> Bool {
        (secondsSinceEpoch, nanoseconds) < (other.secondsSinceEpoch, other.nanoseconds)
    }

    /// RFC 3339 in the typed offset: seconds always, a fraction only when non-zero, `Z` for UTC.
    public var description: String {
        let secondOfDay = Int(localSeconds - localDays * 86_400)
        var text = localDay.description + "T" + QueryDay.padded(secondOfDay / 3600, 2) + ":"
        text += QueryDay.padded(secondOfDay / 60 % 60, 2) + ":" + QueryDay.padded(secondOfDay % 60, 2)
        if nanoseconds != 0 {
            var fraction = QueryDay.padded(Int(nanoseconds), 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        guard utcOffsetSeconds != 0 else { return text + "Z" }
        let minutes = Int(abs(utcOffsetSeconds)) / 60
        return text + (utcOffsetSeconds < 0 ? "-" : "+") + QueryDay.padded(minutes / 60, 2) + ":"
            + QueryDay.padded(minutes % 60, 2)
    }

    private var localSeconds: Int64 { secondsSinceEpoch + Int64(utcOffsetSeconds) }

    /// Whole local days since 1970-01-01, rounding down for instants before 1970.
    private var localDays: Int64 {
        localSeconds >= 0 ? localSeconds / 86_400 : -((-localSeconds + 86_399) / 86_400)
    }
}

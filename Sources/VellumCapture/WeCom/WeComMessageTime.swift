public import VellumCore

/// WeCom's epoch numbers, whose unit varies by field (formats.md §A.5: `msgtime`, `agree_time` and
/// a switch record's `time` are milliseconds; meeting, calendar and call times are seconds; a
/// chatrecord item's `msgtime` is documented as ms but the official example has seconds).
///
/// One rule for all of them, by magnitude of the absolute value:
/// below 10^11 → seconds (10^11 s is the year 5138), below 10^14 → milliseconds, below 10^17 →
/// microseconds, otherwise nanoseconds. A millisecond value before 1973-03-03 would be misread as
/// seconds; no WeCom archive holds one. WeCom gives UTC, so the offset is always 0 (`Z`): the
/// archive shows local time at export, it does not guess a zone here.
public enum WeComMessageTime {
    public static func timestamp(epoch value: Int64) -> Timestamp {
        let magnitude = value.magnitude
        let (perSecond, nanosPerUnit): (Int64, Int64) =
            switch magnitude {
            case ..<100_000_000_000: (1, 1_000_000_000)
            case ..<100_000_000_000_000: (1000, 1_000_000)
            case ..<100_000_000_000_000_000: (1_000_000, 1000)
            default: (1_000_000_000, 1)
            }
        var seconds = value / perSecond
        var remainder = value % perSecond
        if remainder < 0 {
            seconds -= 1
            remainder += perSecond
        }
        return Timestamp(seconds: seconds, nanoseconds: Int32(remainder * nanosPerUnit), offsetSeconds: 0)
    }

    /// RFC 3339 text of an epoch number in any of the units above (`2020-10-28T09:00:10Z`).
    public static func rfc3339(epoch value: Int64) -> String { timestamp(epoch: value).rfc3339 }
}

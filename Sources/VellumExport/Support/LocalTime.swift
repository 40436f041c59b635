import VellumCore

/// Calendar renderings of a ``Timestamp`` in a fixed UTC offset, free of time-zone databases.
enum LocalTime {
    /// Days since 1970-01-01 in the offset.
    static func day(_ t: Timestamp, offsetSeconds: Int32) -> Int64 {
        let local = t.seconds + Int64(offsetSeconds)
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }

    /// `YYYY-MM-DD` of a day number.
    static func dayString(_ day: Int64) -> String {
        let (y, m, d) = CivilDate.fromDays(day)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// `2026-03-02 09:15:04 +08:00`, in the timestamp's own offset.
    static func display(_ t: Timestamp) -> String {
        let (date, time) = parts(t, offsetSeconds: t.offsetSeconds)
        return "\(date) \(time) \(offsetText(t.offsetSeconds, colon: true))"
    }

    /// RFC 5322 `date-time`: `Mon, 02 Mar 2026 09:15:04 +0800`.
    static func rfc5322(_ t: Timestamp) -> String {
        let day = Self.day(t, offsetSeconds: t.offsetSeconds)
        let (y, m, d) = CivilDate.fromDays(day)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[Int(((day + 4) % 7 + 7) % 7)]
        let (_, time) = parts(t, offsetSeconds: t.offsetSeconds)
        return
            "\(weekday), \(pad(d, 2)) \(months[m - 1]) \(pad(y, 4)) \(time) \(offsetText(t.offsetSeconds, colon: false))"
    }

    private static func parts(_ t: Timestamp, offsetSeconds: Int32) -> (String, String) {
        let day = Self.day(t, offsetSeconds: offsetSeconds)
        let secondOfDay = Int(t.seconds + Int64(offsetSeconds) - day * 86_400)
        return (
            dayString(day),
            pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay % 3600 / 60, 2) + ":" + pad(secondOfDay % 60, 2)
        )
    }

    static func offsetText(_ offset: Int32, colon: Bool) -> String {
        let a = abs(Int(offset))
        return (offset < 0 ? "-" : "+") + pad(a / 3600, 2) + (colon ? ":" : "") + pad(a % 3600 / 60, 2)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

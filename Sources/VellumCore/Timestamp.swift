public import Foundation

/// An instant with the UTC offset the source wrote it in, so exports can show local time exactly.
public struct Timestamp: Sendable, Hashable, Codable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int64
    /// Fraction of the second, in nanoseconds (0 ..< 1e9).
    public var nanoseconds: Int32
    /// The offset from UTC the source used, in seconds (e.g. +28800 for +08:00).
    public var offsetSeconds: Int32

    public init(seconds: Int64, nanoseconds: Int32 = 0, offsetSeconds: Int32 = 0) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        self.offsetSeconds = offsetSeconds
    }

    public init(date: Date, offsetSeconds: Int32 = 0) {
        let t = date.timeIntervalSince1970
        let whole = t.rounded(.down)
        self.init(seconds: Int64(whole), nanoseconds: Int32(((t - whole) * 1e9).rounded()), offsetSeconds: offsetSeconds)
    }

    /// Milliseconds since the epoch, the unit the stores index by.
    public var epochMilliseconds: Int64 { seconds * 1000 + Int64(nanoseconds / 1_000_000) }

    public var date: Date { Date(timeIntervalSince1970: Double(seconds) + Double(nanoseconds) / 1e9) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }

    /// RFC 3339 text in the original offset, e.g. `2026-03-02T09:15:04+08:00`.
    public var rfc3339: String {
        let local = seconds + Int64(offsetSeconds)
        let (days, secOfDay) = local.floorDivided(by: 86_400)
        let (y, m, d) = CivilDate.fromDays(days)
        var b: [UInt8] = []
        b.reserveCapacity(35)
        func digits(_ v: Int, _ width: Int) {
            var chars = [UInt8](repeating: 48, count: width)
            var v = v
            for i in stride(from: width - 1, through: 0, by: -1) {
                chars[i] = UInt8(48 + v % 10)
                v /= 10
            }
            b.append(contentsOf: chars)
        }
        digits(y, 4); b.append(45); digits(m, 2); b.append(45); digits(d, 2); b.append(84)
        digits(Int(secOfDay / 3600), 2); b.append(58); digits(Int(secOfDay % 3600 / 60), 2); b.append(58)
        digits(Int(secOfDay % 60), 2)
        if nanoseconds != 0 {
            b.append(46)
            digits(Int(nanoseconds), 9)
            while b.last == 48 { b.removeLast() }
        }
        if offsetSeconds == 0 {
            b.append(90)
        } else {
            let a = abs(Int(offsetSeconds))
            b.append(offsetSeconds < 0 ? 45 : 43)
            digits(a / 3600, 2); b.append(58); digits(a % 3600 / 60, 2)
        }
        return String(decoding: b, as: UTF8.self)
    }

    /// Parses RFC 3339 (`YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`); the offset is required.
    /// Returns nil for anything else, including a missing offset or an impossible date.
    public init?(rfc3339 text: String) {
        let b = Array(text.utf8)
        guard b.count >= 20 else { return nil }
        func num(_ from: Int, _ len: Int) -> Int? {
            var v = 0
            for i in from ..< from + len {
                guard i < b.count, b[i] >= 48, b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard let year = num(0, 4), b[4] == 45, let month = num(5, 2), b[7] == 45, let day = num(8, 2),
              b[10] == 84 || b[10] == 116 || b[10] == 32,
              let hour = num(11, 2), b[13] == 58, let minute = num(14, 2), b[16] == 58, let second = num(17, 2)
        else { return nil }
        guard (1 ... 12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year, month),
              hour < 24, minute < 60, second <= 60
        else { return nil }
        var i = 19
        var nanos = 0
        if i < b.count, b[i] == 46 {
            i += 1
            var digits = 0
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                if digits < 9 { nanos = nanos * 10 + Int(b[i] - 48) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits ..< max(digits, 9) { nanos *= 10 }
        }
        guard i < b.count else { return nil }
        var offset = 0
        if b[i] == 90 || b[i] == 122 {
            i += 1
        } else if b[i] == 43 || b[i] == 45 {
            guard let oh = num(i + 1, 2), b.count > i + 3, b[i + 3] == 58, let om = num(i + 4, 2), oh < 24, om < 60
            else { return nil }
            offset = (oh * 3600 + om * 60) * (b[i] == 45 ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let days = CivilDate.toDays(year, month, day)
        let leapSecond = second == 60 ? 1 : 0
        let local = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - leapSecond)
        self.init(seconds: local - Int64(offset), nanoseconds: Int32(nanos), offsetSeconds: Int32(offset))
    }
}

/// Proleptic Gregorian calendar arithmetic (Howard Hinnant's algorithms), free of time zones.
public enum CivilDate {
    public static func isLeap(_ y: Int) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

    public static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01.
    public static func toDays(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func fromDays(_ z0: Int64) -> (Int, Int, Int) {
        let z = Int(z0) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

extension Int64 {
    func floorDivided(by d: Int64) -> (Int64, Int64) {
        let q = self >= 0 ? self / d : (self - d + 1) / d
        return (q, self - q * d)
    }
}

import Foundation

/// ISO 8601 dates as S3's Object Lock headers and bodies write them (UTC, `Z`).
enum S3Date {
    /// Seconds precision, rounded up: a retention is never written shorter than asked.
    static func format(_ date: Date) -> String {
        Date.ISO8601FormatStyle().format(Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.up)))
    }

    static func parse(_ text: String) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let d = try? Date.ISO8601FormatStyle().parse(t) { return d }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(t)
    }
}

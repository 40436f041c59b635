import Foundation
import Testing
import VellumCore

@Suite("RFC 3339 timestamps")
struct TimestampTests {
    @Test("parses and keeps the offset", arguments: [
        ("2026-03-02T09:15:04+08:00", Int64(1_772_414_104), Int32(28800), "2026-03-02T09:15:04+08:00"),
        ("2026-03-02T01:15:04Z", 1_772_414_104, 0, "2026-03-02T01:15:04Z"),
        ("2026-03-01T20:15:04.250-05:00", 1_772_414_104, -18000, "2026-03-01T20:15:04.25-05:00"),
        ("1970-01-01T00:00:00Z", 0, 0, "1970-01-01T00:00:00Z"),
        ("2024-02-29T23:59:59+00:00", 1_709_251_199, 0, "2024-02-29T23:59:59Z"),
        ("1969-12-31T23:59:59Z", -1, 0, "1969-12-31T23:59:59Z"),
    ])
    func parses(_ text: String, seconds: Int64, offset: Int32, formatted: String) throws {
        let t = try #require(Timestamp(rfc3339: text))
        #expect(t.seconds == seconds)
        #expect(t.offsetSeconds == offset)
        #expect(t.rfc3339 == formatted)
        #expect(Timestamp(rfc3339: t.rfc3339) == t)
    }

    @Test("agrees with Foundation's ISO 8601 parser")
    func matchesFoundation() throws {
        let f = ISO8601DateFormatter()
        for text in ["2026-11-29T08:25:33+08:00", "2001-09-09T01:46:40Z", "2100-03-01T00:00:00-11:30"] {
            #expect(try #require(Timestamp(rfc3339: text)).date == f.date(from: text))
        }
    }

    @Test("refuses anything without an offset or with an impossible date", arguments: [
        "2026-03-02T09:15:04", "2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-03-02 09:15", "yesterday", "", "2026-03-02T24:00:00Z", "2026-03-02T09:15:04+8:00",
        "2026-03-02T09:15:04.Z", "2026-03-02T09:15:04Zjunk",
    ])
    func refuses(_ text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test("civil date arithmetic round-trips over four centuries")
    func civil() {
        for days in stride(from: -200_000, through: 200_000, by: 97) {
            let (y, m, d) = CivilDate.fromDays(Int64(days))
            #expect(CivilDate.toDays(y, m, d) == days)
        }
        #expect(CivilDate.isLeap(2000) && !CivilDate.isLeap(1900) && CivilDate.isLeap(2024))
    }
}

@Suite("Identifiers are normalized so one person has one key")
struct IdentifierTests {
    @Test("normalizes", arguments: [
        ("+852 9123-4567", Channel.whatsapp, "tel:+85291234567"),
        ("0085291234567", .sms, "tel:+85291234567"),
        ("+85291234567", .signal, "tel:+85291234567"),
        ("+85291234567", .telegram, "tel:+85291234567"),
        ("100200301", .telegram, "telegram:100200301"),
        ("zhangwei", .wecom, "wecom:zhangwei"),
        ("wmAbCdEf", .wecom, "wecom:wmAbCdEf"),
        ("Li.Na@Example.COM", .email, "mailto:li.na@example.com"),
        ("Li.Na@Example.COM", .wecom, "mailto:li.na@example.com"),
        (" 13800138000 ", .sms, "tel:13800138000"),
        ("\u{3000}zhangwei\t", .wecom, "wecom:zhangwei"),
        ("\u{00A0}Li.Na@Example.COM\n", .email, "mailto:li.na@example.com"),
        ("wang fang", .wecom, "wecom:wang fang"),
    ])
    func normalizes(_ raw: String, _ channel: Channel, _ expected: String) {
        #expect(Identifier.normalize(raw, channel: channel) == expected)
    }

    @Test("an employee's identifiers include every handle and the email, without repeats")
    func employee() {
        let e = Employee(id: "E1", name: "Zhang Wei", email: "z@x.example",
                         handles: [.whatsapp: ["+85291230001"], .signal: ["+852 9123 0001"], .wecom: ["zhangwei"]])
        #expect(e.normalizedIdentifiers == ["mailto:z@x.example", "tel:+85291230001", "wecom:zhangwei"])
    }
}

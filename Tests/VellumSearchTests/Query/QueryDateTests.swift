import Foundation
import Testing
import VellumSearch

/// Days, instants and the instants each date filter lets through.
@Suite("Query dates")
struct QueryDateTests {
    static let shanghai = TimeZone(secondsFromGMT: 8 * 3600)!

    @Test(
        "real calendar days are accepted, leap years included",
        arguments: [(2024, 2, 29), (2000, 2, 29), (2026, 12, 31), (1, 1, 1), (9999, 12, 31), (2026, 4, 30)])
    func realDays(_ year: Int, _ month: Int, _ day: Int) {
        #expect(QueryDay(year: year, month: month, day: day) != nil)
    }

    @Test(
        "days off the calendar are refused",
        arguments: [
            (2026, 2, 29), (1900, 2, 29), (2026, 4, 31), (2026, 13, 1), (2026, 0, 1), (0, 1, 1), (10000, 1, 1),
            (2026, 1, 0),
        ])
    func unrealDays(_ year: Int, _ month: Int, _ day: Int) {
        #expect(QueryDay(year: year, month: month, day: day) == nil)
    }

    @Test("the next day rolls over months and years")
    func nextDay() {
        #expect(QueryDay.ymd(2026, 2, 28).next == .ymd(2026, 3, 1))
        #expect(QueryDay.ymd(2024, 2, 28).next == .ymd(2024, 2, 29))
        #expect(QueryDay.ymd(2026, 12, 31).next == .ymd(2027, 1, 1))
        #expect(QueryDay.ymd(2026, 4, 30).description == "2026-04-30")
        #expect(QueryDay.ymd(1, 1, 1).description == "0001-01-01")
    }

    @Test("instants keep their moment, offset and fraction")
    func instants() throws {
        let query = try Query(parsing: "after:2026-03-01T09:00:00.25+08:00")
        guard case .field(.sent(.after(.instant(let instant)))) = query.expression else {
            Issue.record("not an instant: \(query)")
            return
        }
        #expect(instant.secondsSinceEpoch == 1_772_326_800)
        #expect(instant.nanoseconds == 250_000_000)
        #expect(instant.utcOffsetSeconds == 28_800)
        #expect(instant.localDay == .ymd(2026, 3, 1))
        #expect(instant.date == Date(timeIntervalSince1970: 1_772_326_800.25))
    }

    @Test("the same moment in two offsets is two values but one date")
    func offsetsDiffer() throws {
        let a = try Query(parsing: "before:2026-03-01T09:00:00+08:00")
        let b = try Query(parsing: "before:2026-03-01T01:00:00Z")
        #expect(a != b)
        #expect(a.dateBounds(in: .gmt) == b.dateBounds(in: .gmt))
    }

    @Test("instants print as RFC 3339 at the edges of the calendar")
    func instantEdges() {
        #expect(QueryInstant(secondsSinceEpoch: -62_135_596_800)?.description == "0001-01-01T00:00:00Z")
        #expect(QueryInstant(secondsSinceEpoch: 253_402_300_799)?.description == "9999-12-31T23:59:59Z")
        #expect(QueryInstant(secondsSinceEpoch: -1)?.description == "1969-12-31T23:59:59Z")
        #expect(
            QueryInstant(secondsSinceEpoch: 0, utcOffsetSeconds: -19_800)?.description == "1969-12-31T18:30:00-05:30")
        #expect(QueryInstant(secondsSinceEpoch: -62_135_596_801) == nil)
        #expect(QueryInstant(secondsSinceEpoch: 0, nanoseconds: 1_000_000_000) == nil)
        #expect(QueryInstant(secondsSinceEpoch: 0, utcOffsetSeconds: 30) == nil)
    }

    struct BoundsCase: Sendable, CustomStringConvertible {
        let text: String
        let lower: (Double, Bool)?
        let upper: (Double, Bool)?
        var description: String { text }
    }

    /// In +08:00: 2026-03-02T00:00 is 1772380800, 2026-03-03T00:00 is 1772467200.
    static let bounds: [BoundsCase] = [
        .init(text: "after:2026-03-01", lower: (1_772_380_800, true), upper: nil),
        .init(text: "before:2026-03-02", lower: nil, upper: (1_772_380_800, false)),
        .init(text: "on:2026-03-02", lower: (1_772_380_800, true), upper: (1_772_467_200, false)),
        .init(text: "sent:2026-03-02..2026-03-02", lower: (1_772_380_800, true), upper: (1_772_467_200, false)),
        .init(text: "sent:..2026-03-02", lower: nil, upper: (1_772_467_200, false)),
        .init(text: "after:2026-03-01T09:00:00+08:00", lower: (1_772_326_800, false), upper: nil),
        .init(text: "before:2026-03-01T09:00:00+08:00", lower: nil, upper: (1_772_326_800, false)),
        .init(
            text: "sent:2026-03-01T09:00:00+08:00..2026-03-02T00:00:00+08:00", lower: (1_772_326_800, true),
            upper: (1_772_380_800, true)),
    ]

    @Test("each date filter covers the right instants in the archive's time zone", arguments: bounds)
    func filterBounds(_ example: BoundsCase) throws {
        guard case .field(.sent(let filter)) = try parsedExpression(example.text) else {
            Issue.record("not a date filter")
            return
        }
        let bounds = filter.bounds(in: Self.shanghai)
        #expect(bounds.lower?.date.timeIntervalSince1970 == example.lower?.0)
        #expect(bounds.lower?.isInclusive == example.lower?.1)
        #expect(bounds.upper?.date.timeIntervalSince1970 == example.upper?.0)
        #expect(bounds.upper?.isInclusive == example.upper?.1)
    }

    @Test("after: and before: exclude the day they name; on: and sent: include it")
    func inclusion() throws {
        let morning = Date(timeIntervalSince1970: 1_772_326_800)  // 2026-03-01 09:00 in Shanghai
        let contains = { (text: String) throws -> Bool in
            try Query(parsing: text).dateBounds(in: Self.shanghai).contains(morning)
        }
        #expect(try !contains("after:2026-03-01"))
        #expect(try !contains("before:2026-03-01"))
        #expect(try contains("on:2026-03-01"))
        #expect(try contains("sent:2026-03-01..2026-03-01"))
        #expect(try contains("after:2026-02-28 before:2026-03-02"))
        #expect(try !contains("after:2026-03-01T09:00:00+08:00"))
        #expect(try contains("sent:2026-03-01T09:00:00+08:00.."))
        #expect(try contains("sent:..2026-03-01T09:00:00+08:00"))
        #expect(try !contains("on:2026-03-01 on:2026-03-02"))
    }

    @Test("a day is taken in the time zone given, not in UTC")
    func timeZones() throws {
        let query = try Query(parsing: "on:2026-03-02")
        let utc = query.dateBounds(in: .gmt)
        let shanghai = query.dateBounds(in: Self.shanghai)
        #expect(utc.lower!.date.timeIntervalSince(shanghai.lower!.date) == 8 * 3600)
    }
}

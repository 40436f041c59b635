import Foundation
import Testing
import VellumSearch

/// What the executor reads off a query: terms to highlight, whether text is needed, date bounds
/// and the default order.
@Suite("Query analysis")
struct QueryAnalysisTests {
    struct TermsCase: Sendable, CustomStringConvertible {
        let text: String
        let terms: [QueryTerm]
        let requiresText: Bool
        let sort: QuerySort
        var description: String { text }
    }

    static let cases: [TermsCase] = [
        .init(text: "", terms: [], requiresText: false, sort: .newest),
        .init(text: "contract", terms: [.word("contract")], requiresText: true, sort: .relevance),
        .init(
            text: "\"合同 付款\" 客户 allocat*", terms: [.phrase("合同 付款"), .word("客户"), .prefix("allocat")],
            requiresText: true, sort: .relevance),
        .init(text: "a -b", terms: [.word("a")], requiresText: true, sort: .relevance),
        .init(text: "-b", terms: [], requiresText: true, sort: .newest),
        .init(text: "NOT (a OR -b)", terms: [.word("b")], requiresText: true, sort: .relevance),
        .init(text: "a OR a b", terms: [.word("a"), .word("b")], requiresText: true, sort: .relevance),
        .init(text: "channel:wecom has:attachment", terms: [], requiresText: false, sort: .newest),
        .init(text: "from:合同", terms: [], requiresText: false, sort: .newest),
        .init(text: "contract sort:oldest", terms: [.word("contract")], requiresText: true, sort: .oldest),
    ]

    @Test("positive terms, need for the text index and default order", arguments: cases)
    func analysis(_ example: TermsCase) throws {
        let query = try Query(parsing: example.text)
        #expect(query.terms == example.terms)
        #expect(query.requiresText == example.requiresText)
        #expect(query.sort == example.sort)
    }

    static let shanghai = TimeZone(secondsFromGMT: 8 * 3600)!

    struct BoundsCase: Sendable, CustomStringConvertible {
        let text: String
        let lower: Double?
        let upper: Double?
        var description: String { text }
    }

    /// In +08:00: 03-02 starts at 1772380800, 03-03 at 1772467200, 03-31 at 1774886400.
    static let bounds: [BoundsCase] = [
        .init(text: "contract", lower: nil, upper: nil),
        .init(text: "after:2026-03-01 before:2026-03-31", lower: 1_772_380_800, upper: 1_774_886_400),
        .init(text: "合同 after:2026-03-01 AND before:2026-03-31", lower: 1_772_380_800, upper: 1_774_886_400),
        .init(text: "(a after:2026-03-01) before:2026-03-31", lower: 1_772_380_800, upper: 1_774_886_400),
        .init(text: "after:2026-02-01 on:2026-03-02 before:2026-12-01", lower: 1_772_380_800, upper: 1_772_467_200),
        .init(text: "sent:2026-03-02..2026-03-02", lower: 1_772_380_800, upper: 1_772_467_200),
        .init(text: "after:2026-03-01 OR before:2026-03-31", lower: nil, upper: nil),
        .init(text: "a OR after:2026-03-01", lower: nil, upper: nil),
        .init(text: "-after:2026-03-01", lower: nil, upper: nil),
        .init(text: "NOT (after:2026-03-01 OR channel:sms)", lower: nil, upper: nil),
    ]

    @Test("date bounds come from the top-level AND only", arguments: bounds)
    func dateBounds(_ example: BoundsCase) throws {
        let bounds = try Query(parsing: example.text).dateBounds(in: Self.shanghai)
        #expect(bounds.lower?.date.timeIntervalSince1970 == example.lower)
        #expect(bounds.upper?.date.timeIntervalSince1970 == example.upper)
    }

    @Test("contradictory dates give empty bounds")
    func emptyBounds() throws {
        #expect(try Query(parsing: "after:2026-03-31 before:2026-03-01").dateBounds(in: Self.shanghai).isEmpty)
        #expect(try Query(parsing: "on:2026-03-01 on:2026-03-02").dateBounds(in: Self.shanghai).isEmpty)
        #expect(try !Query(parsing: "on:2026-03-01").dateBounds(in: Self.shanghai).isEmpty)
        #expect(try Query(parsing: "a").dateBounds(in: Self.shanghai).isUnbounded)
    }

    @Test("at a tie the exclusive end wins")
    func tie() {
        let date = Date(timeIntervalSince1970: 100)
        let open = QueryDateBounds(lower: .init(date, isInclusive: false))
        let closed = QueryDateBounds(lower: .init(date, isInclusive: true))
        #expect(open.intersection(closed) == open)
        #expect(closed.intersection(open) == open)
        let point = QueryDateBounds(lower: .init(date, isInclusive: true), upper: .init(date, isInclusive: true))
        #expect(point.contains(date) && !point.isEmpty)
    }
}

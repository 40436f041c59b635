import Foundation
import Testing
import VellumSearch

/// parse(print(q)) == q for random well-formed queries.
@Suite("Query round trip")
struct QueryRoundTripTests {
    static let seeds: [UInt64] = [1, 2, 3, 0xC0FFEE, 20_260_301]

    @Test("random queries print to text that parses back to the same query", arguments: seeds)
    func roundTrip(_ seed: UInt64) throws {
        var generator = QueryGenerator(seed: seed)
        for _ in 0..<400 {
            let query = generator.query()
            #expect(query.isWellFormed, "generated \(query.canonicalText)")
            let text = query.canonicalText
            let parsed = try Query(parsing: text)
            #expect(parsed == query, "\(text)")
            #expect(parsed.canonicalText == text)
        }
    }

    @Test("random queries survive JSON as their canonical text", arguments: seeds.prefix(2))
    func codable(_ seed: UInt64) throws {
        var generator = QueryGenerator(seed: seed)
        for _ in 0..<100 {
            let query = generator.query()
            let data = try JSONEncoder().encode([query])
            #expect(try JSONDecoder().decode([Query].self, from: data) == [query])
        }
    }

    @Test("queries that are not well-formed say so")
    func notWellFormed() {
        #expect(!Query(expression: .and([.word("a")])).isWellFormed)
        #expect(!Query(expression: .or([])).isWellFormed)
        #expect(!Query(expression: .field(.from("  "))).isWellFormed)
        #expect(!Query(expression: .field(.detector("Credit-Card"))).isWellFormed)
        #expect(!Query(expression: .field(.sent(.range(from: nil, through: nil)))).isWellFormed)
        #expect(!Query(expression: .term(.phrase(""))).isWellFormed)
        #expect(!Query(expression: .prefix("ab*")).isWellFormed)
        let backwards = QueryDateFilter.range(from: .day(.ymd(2026, 3, 2)), through: .day(.ymd(2026, 3, 1)))
        #expect(!Query(expression: .field(.sent(backwards))).isWellFormed)
    }

    @Test("allOf and anyOf collapse zero and one operands")
    func smartConstructors() {
        #expect(QueryExpression.allOf([]) == nil)
        #expect(QueryExpression.anyOf([.word("a")]) == .word("a"))
        #expect(QueryExpression.allOf([.word("a"), .word("b")]) == .and([.word("a"), .word("b")]))
    }
}

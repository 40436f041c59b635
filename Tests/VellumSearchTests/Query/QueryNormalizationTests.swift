import Testing
import VellumSearch

/// Negation normal form: NOT only on terms and filters, no AND inside AND or OR inside OR.
@Suite("Query normalization")
struct QueryNormalizationTests {
    static let cases: [QueryTextCase] = [
        .init("a", "a"),
        .init("NOT (a OR b)", "-a -b"),
        .init("NOT (a b)", "-a OR -b"),
        .init("NOT NOT a", "a"),
        .init("NOT NOT NOT a", "-a"),
        .init("(a b) c", "a b c"),
        .init("(a OR b) OR (c OR d)", "a OR b OR c OR d"),
        .init("a (b (c d))", "a b c d"),
        .init("NOT (a OR (b c))", "-a (-b OR -c)"),
        .init("NOT (a (b OR NOT c))", "-a OR -b c"),
        .init("-(channel:telegram OR has:attachment) 合同", "-channel:telegram -has:attachment 合同"),
        .init("a a b", "a b"),
        .init("a OR a", "a"),
        .init("(a b) (b c)", "a b c"),
        .init("NOT (a OR b) sort:oldest", "-a -b sort:oldest"),
    ]

    @Test("NOT is pushed down and nested operators flattened", arguments: cases)
    func normalForm(_ example: QueryTextCase) throws {
        #expect(try Query(parsing: example.text).normalized().canonicalText == example.canonical)
    }

    @Test(
        "normalizing random queries keeps their meaning and reaches negation normal form",
        arguments: [7, 8, 9] as [UInt64])
    func randomQueries(_ seed: UInt64) {
        var generator = QueryGenerator(seed: seed)
        for round in 0..<300 {
            let query = generator.query()
            let normal = query.normalized()
            #expect(normal.normalized() == normal)
            #expect(normal.sort == query.sort)
            #expect(Set(normal.terms) == Set(query.terms))
            guard let expression = query.expression, let normalized = normal.expression else {
                #expect(query.expression == nil && normal.expression == nil)
                continue
            }
            #expect(Self.isNegationNormal(normalized), "\(normal.canonicalText)")
            for assignment in 0..<8 {
                let salt = UInt64(round * 8 + assignment)
                #expect(Self.evaluate(expression, salt) == Self.evaluate(normalized, salt), "\(query.canonicalText)")
            }
        }
    }

    /// True or false for each term and filter, fixed by its text and `salt`.
    static func evaluate(_ expression: QueryExpression, _ salt: UInt64) -> Bool {
        switch expression {
        case .term, .field:
            let text = QueryPrinter.format(expression)
            let hash = text.unicodeScalars.reduce(salt &* 0x9E37_79B9_7F4A_7C15) {
                ($0 ^ UInt64($1.value)) &* 0x100_0000_01B3
            }
            return (hash >> 17) & 1 == 1
        case .and(let operands): return operands.allSatisfy { evaluate($0, salt) }
        case .or(let operands): return operands.contains { evaluate($0, salt) }
        case .not(let operand): return !evaluate(operand, salt)
        }
    }

    static func isNegationNormal(_ expression: QueryExpression) -> Bool {
        switch expression {
        case .term, .field: true
        case .not(.term), .not(.field): true
        case .not: false
        case .and(let operands):
            operands.count > 1 && operands.allSatisfy { if case .and = $0 { false } else { isNegationNormal($0) } }
        case .or(let operands):
            operands.count > 1 && operands.allSatisfy { if case .or = $0 { false } else { isNegationNormal($0) } }
        }
    }
}

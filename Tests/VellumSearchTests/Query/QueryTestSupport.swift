import VellumSearch

/// A query text and the canonical form it must parse to.
struct QueryTextCase: Sendable, CustomStringConvertible {
    let text: String
    let canonical: String

    init(_ text: String, _ canonical: String? = nil) {
        self.text = text
        self.canonical = canonical ?? text
    }

    var description: String { text.isEmpty ? "(empty)" : text }
}

/// A query text that must fail with this code, column and message.
struct QueryErrorCase: Sendable, CustomStringConvertible {
    let text: String
    let code: QueryError.Code
    let column: Int
    let message: String

    init(_ text: String, _ code: QueryError.Code, _ column: Int, _ message: String) {
        self.text = text
        self.code = code
        self.column = column
        self.message = message
    }

    var description: String { text.count > 40 ? String(text.prefix(40)) + "…" : text }
}

/// Deterministic pseudo-random numbers (SplitMix64) for the query property tests.
struct QueryRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The canonical text `text` parses to.
func canonicalText(of text: String) throws -> String {
    try Query(parsing: text).canonicalText
}

/// The expression `text` parses to.
func parsedExpression(_ text: String) throws -> QueryExpression? {
    try Query(parsing: text).expression
}

/// Shorthands for expected ASTs: `.and([.word("a"), .not(.phrase("b c"))])`.
extension QueryExpression {
    static func word(_ text: String) -> QueryExpression { .term(.word(text)) }
    static func phrase(_ text: String) -> QueryExpression { .term(.phrase(text)) }
    static func prefix(_ stem: String) -> QueryExpression { .term(.prefix(stem)) }
}

extension QueryDay {
    /// A day known to be valid.
    static func ymd(_ year: Int, _ month: Int, _ day: Int) -> QueryDay { QueryDay(year: year, month: month, day: day)! }
}

/// Receives tokens from ``TokenAssembler`` in emission order.
///
/// Two conforming types exist so that ``Tokenizer/terms(in:)`` does not pay for ranges it
/// throws away; the scanner is generic over the sink and is specialized for each.
protocol TokenSink {
    /// Called once per token, in order. `lower..<upper` is the original scalar range.
    mutating func emit(_ term: String, lower: Int, upper: Int)
}

/// Collects full ``TextToken`` values.
struct TokenCollector: TokenSink {
    var tokens: [TextToken] = []

    /// Reserves room for the token count typical of `utf8Count` bytes of text.
    init(utf8Count: Int) {
        tokens.reserveCapacity(utf8Count / 2 + 4)
    }

    mutating func emit(_ term: String, lower: Int, upper: Int) {
        tokens.append(TextToken(term: term, scalarRange: lower..<upper))
    }
}

/// Collects only the terms.
struct TermCollector: TokenSink {
    var terms: [String] = []

    /// Reserves room for the token count typical of `utf8Count` bytes of text.
    init(utf8Count: Int) {
        terms.reserveCapacity(utf8Count / 2 + 4)
    }

    mutating func emit(_ term: String, lower: Int, upper: Int) {
        terms.append(term)
    }
}

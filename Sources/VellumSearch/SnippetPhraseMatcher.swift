/// Finds where runs of consecutive tokens equal a query phrase, for ``Snippet``.
struct SnippetPhraseMatcher {
    /// Original scalar span of the earliest match (by token position), if any.
    var firstMatch: Range<Int>?
    /// Scalar spans of every matched token, merged where they overlap or touch, sorted.
    var highlights: [Range<Int>]

    /// Matches `phrases` (each a non-empty list of terms; empty ones are ignored) against
    /// `tokens`. Overlapping matches are all reported.
    init(phrases: [[String]], tokens: [TextToken]) {
        var byFirstTerm: [String: [[String]]] = [:]
        for phrase in phrases {
            guard let first = phrase.first else { continue }
            byFirstTerm[first, default: []].append(phrase)
        }
        var first: Range<Int>?
        var spans: [Range<Int>] = []
        for start in tokens.indices {
            guard let candidates = byFirstTerm[tokens[start].term] else { continue }
            for phrase in candidates where Self.matches(phrase, tokens, at: start) {
                let matched = tokens[start..<(start + phrase.count)]
                spans.append(contentsOf: matched.map(\.scalarRange))
                if first == nil {
                    let lower = matched.map(\.scalarRange.lowerBound).min() ?? 0
                    let upper = matched.map(\.scalarRange.upperBound).max() ?? 0
                    first = lower..<upper
                }
            }
        }
        firstMatch = first
        highlights = Self.merged(spans)
    }

    private static func matches(_ phrase: [String], _ tokens: [TextToken], at start: Int) -> Bool {
        guard start + phrase.count <= tokens.count else { return false }
        for (offset, term) in phrase.enumerated() where tokens[start + offset].term != term {
            return false
        }
        return true
    }

    /// Sorts ranges and merges those that overlap or touch.
    static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where !range.isEmpty {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}

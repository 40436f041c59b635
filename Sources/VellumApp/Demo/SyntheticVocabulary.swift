/// A word list with Zipf–Mandelbrot frequencies, p(rank) ∝ 1 / (rank + 2.7), kept as one flat
/// UTF-8 buffer so the corpus generator appends a word with a single copy.
///
/// The two lists are process-wide constants; their frozen memory is never freed.
struct SyntheticVocabulary: Sendable {
    /// The words (phrases contain a space), most frequent first.
    let words: [String]
    /// Every word's UTF-8 bytes, back to back; none needs JSON escaping.
    let bytes: FrozenArray<UInt8>
    let starts: FrozenArray<Int32>
    let lengths: FrozenArray<Int32>
    /// Characters per word, for length targets in characters.
    let characters: FrozenArray<Int32>
    let sampler: DemoAliasTable

    /// Splits `sources` on whitespace, turns `_` into a space, drops repeats (keeping the first rank).
    init(sources: [String]) {
        var seen: Set<String> = []
        var words: [String] = []
        for source in sources {
            for token in source.split(whereSeparator: \.isWhitespace) {
                let word = token.replacingOccurrences(of: "_", with: " ")
                if seen.insert(word).inserted { words.append(word) }
            }
        }
        var bytes: [UInt8] = []
        var starts: [Int32] = []
        var lengths: [Int32] = []
        for word in words {
            precondition(
                !word.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") },
                "vocabulary word needs JSON escaping: \(word)")
            starts.append(Int32(bytes.count))
            bytes.append(contentsOf: word.utf8)
            lengths.append(Int32(word.utf8.count))
        }
        self.words = words
        self.bytes = FrozenArray(bytes)
        self.starts = FrozenArray(starts)
        self.lengths = FrozenArray(lengths)
        characters = FrozenArray(words.map { Int32($0.count) })
        sampler = DemoAliasTable(weights: (0..<words.count).map { 1 / (Double($0) + 1 + 2.7) })
    }

    /// The English list: chat head, everyday middle, domain and general tail, rare words.
    static let english = SyntheticVocabulary(sources: [
        englishSource, englishMiddleSource, englishTailSource, englishRareSource,
    ])

    /// The Chinese (simplified) list.
    static let chinese = SyntheticVocabulary(sources: [chineseSource])
}

private extension Substring {
    func replacingOccurrences(of target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}

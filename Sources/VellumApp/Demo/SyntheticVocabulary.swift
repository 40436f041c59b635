/// A word list with Zipf–Mandelbrot frequencies, p(rank) ∝ 1 / (rank + 2.7), kept as one flat
/// UTF-8 buffer so the corpus generator appends a word with a single copy.
///
/// The two lists are process-wide constants; their frozen memory is never freed.
struct SyntheticVocabulary: Sendable {
    /// Where a word's bytes are, and how many characters it has (for length targets in characters).
    struct Word: BitwiseCopyable {
        var start: Int32
        var length: UInt16
        var characters: UInt16
    }

    /// The words (phrases contain a space), most frequent first.
    let words: [String]
    /// Every word's UTF-8 bytes, back to back; none needs JSON escaping.
    let bytes: DemoFrozenArray<UInt8>
    let table: DemoFrozenArray<Word>
    let sampler: DemoAliasTable

    /// Splits `sources` on whitespace, turns `_` into a space, drops repeats (keeping the first rank).
    init(sources: [String]) {
        var seen: Set<String> = []
        var words: [String] = []
        for source in sources {
            for token in source.split(whereSeparator: \.isWhitespace) {
                let word = token.underscoresAsSpaces
                if seen.insert(word).inserted { words.append(word) }
            }
        }
        var bytes: [UInt8] = []
        var table: [Word] = []
        for word in words {
            precondition(
                !word.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") },
                "vocabulary word needs JSON escaping: \(word)")
            table.append(Word(start: Int32(bytes.count), length: UInt16(word.utf8.count), characters: UInt16(word.count)))
            bytes.append(contentsOf: word.utf8)
        }
        self.words = words
        self.bytes = DemoFrozenArray(bytes)
        self.table = DemoFrozenArray(table)
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
    var underscoresAsSpaces: String { String(map { $0 == "_" ? " " : $0 }) }
}

import Testing
import VellumSearch

/// The index relies on this: any query word (or quoted phrase) cut from a document on token
/// boundaries tokenizes to a run of consecutive document terms, so FTS5 phrase queries on
/// the keyed terms find it.
@Suite("Tokenizer: queries are phrases of the document")
struct TokenizerQueryTests {
    /// One unit of a generated document: a word, or a run of CJK characters.
    enum Segment {
        case word(String)
        case cjk([Character])

        var text: String {
            switch self {
            case .word(let word): word
            case .cjk(let characters): String(characters)
            }
        }
    }

    static let cjkPool = Array("我们明天签合同吧付款退货价格是东京に行くカタコーヒー안녕하세요簽約會議𠀀")
    static let wordPool = [
        "contract", "Invoice", "PAYMENT", "li", "wei", "example", "com", "Q3", "2024", "4111", "don", "t",
        "Straße", "café", "naïve", "ＡＰＰ", "ﬁle", "İstanbul", "Привет", "नमस्ते",
    ]
    static let cjkSeparators = ["，", "。", "？", "！", "、", " ", "\n", "「", "」", "…"]
    static let wordSeparators = [" ", ", ", ". ", "'", "’", "-", "_", "@", "/", "\n", " 👍 "]

    static func document(_ rng: inout SeededGenerator, cjkShare: Double) -> [(segment: Segment, separator: String)] {
        let count = Int.random(in: 1...12, using: &rng)
        var parts: [(Segment, String)] = []
        for _ in 0..<count {
            let segment: Segment
            if Double.random(in: 0..<1, using: &rng) < cjkShare {
                let length = Int.random(in: 1...8, using: &rng)
                segment = .cjk((0..<length).map { _ in cjkPool.randomElement(using: &rng)! })
            } else {
                segment = .word(wordPool.randomElement(using: &rng)!)
            }
            // Only a CJK run next to a word may touch it; like units need a separator.
            let pool = segment.isCJK ? cjkSeparators : wordSeparators
            parts.append((segment, pool.randomElement(using: &rng)!))
        }
        return parts
    }

    @Test(
        "Substrings of single words and CJK runs are consecutive terms",
        arguments: [(0.9, 1), (0.5, 2), (0.0, 3)] as [(Double, UInt64)])
    func singleUnitQueries(_ cjkShare: Double, _ seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<300 {
            let parts = Self.document(&rng, cjkShare: cjkShare)
            let text = parts.map { $0.segment.text + $0.separator }.joined()
            let documentTerms = terms(text)
            for (segment, _) in parts {
                let query: String
                switch segment {
                case .word(let word):
                    query = Bool.random(using: &rng) ? word.uppercased() : word
                case .cjk(let characters):
                    let first = Int.random(in: 0..<characters.count, using: &rng)
                    let last = Int.random(in: first..<characters.count, using: &rng)
                    query = String(characters[first...last])
                }
                #expect(!terms(query).isEmpty)
                #expect(
                    containsRun(terms(query), in: documentTerms),
                    "query \(query.debugDescription) in \(text.debugDescription)")
            }
        }
    }

    @Test("Substrings spanning several units are consecutive terms", arguments: [(0.7, 4), (0.3, 5)] as [(Double, UInt64)])
    func multiUnitQueries(_ cjkShare: Double, _ seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<300 {
            let parts = Self.document(&rng, cjkShare: cjkShare)
            let characters = Array(parts.map { $0.segment.text + $0.separator }.joined())
            let text = String(characters)
            // Character offsets where each unit's characters start, and every token boundary.
            var starts: [Int] = []
            var ends: [Int] = []
            var offset = 0
            for (segment, separator) in parts {
                switch segment {
                case .word(let word):
                    starts.append(offset)
                    ends.append(offset + word.count)
                case .cjk(let run):
                    starts.append(contentsOf: offset..<(offset + run.count))
                    ends.append(contentsOf: (offset + 1)...(offset + run.count))
                }
                offset += segment.text.count + separator.count
            }
            let start = starts.randomElement(using: &rng)!
            guard let end = ends.filter({ $0 > start }).randomElement(using: &rng) else { continue }
            let query = String(characters[start..<end])
            #expect(
                containsRun(terms(query), in: terms(text)),
                "query \(query.debugDescription) in \(text.debugDescription)")
        }
    }
}

extension TokenizerQueryTests.Segment {
    var isCJK: Bool {
        if case .cjk = self { true } else { false }
    }
}

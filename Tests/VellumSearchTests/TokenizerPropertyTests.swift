import Foundation
import Testing
import VellumSearch

/// Randomized properties over many generated texts (fixed seeds, so failures reproduce).
@Suite("Tokenizer: properties of random texts")
struct TokenizerPropertyTests {
    /// Building blocks for random texts: every script, normalization hazard and separator the
    /// tokenizer distinguishes.
    static let pieces: [String] = [
        "a", "Z", "q", "7", "0", "é", "E\u{301}", "\u{301}", "\u{316}", "\u{323}", "ß", "İ", "ı", "Σ", "ς",
        "合", "同", "签", "簽", "吧", "か", "\u{3099}", "カ", "ー", "ｶ", "ﾞ", "한", "\u{1100}", "\u{1161}",
        "\u{11AB}", "ㄱ", "𠀀", "Ａ", "１", "，", "ﬁ", "㍻", "™", "½", "²", "😀", "👍🏽", "\u{200D}", "\u{FE0F}",
        "\u{20E3}", "\u{AD}", "\u{200B}", "\u{E0100}", " ", "\n", "。", "？", "!", "'", "’", "_", "-", ".", "@",
        "ก", "\u{E34}", "न", "\u{94D}", "ب", "\u{64E}", "Ж",
    ]

    static func randomText(_ rng: inout SeededGenerator, pieces: [String] = pieces, maxPieces: Int = 24) -> String {
        let count = Int.random(in: 0...maxPieces, using: &rng)
        return (0..<count).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    @Test("Ranges lie inside the text, start in order, and cover their term", arguments: [1, 2, 3, 4] as [UInt64])
    func rangesAreSound(_ seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let tokenizer = Tokenizer()
        for _ in 0..<500 {
            let text = Self.randomText(&rng)
            let scalarCount = text.unicodeScalars.count
            let tokens = tokenizer.tokens(in: text)
            #expect(tokenizer.terms(in: text) == tokens.map(\.term), "\(text.debugDescription)")
            #expect(tokenizer.tokens(in: text) == tokens, "not deterministic: \(text.debugDescription)")
            var previousLower = 0
            for token in tokens {
                #expect(!token.term.isEmpty)
                #expect(token.scalarRange.lowerBound >= previousLower, "\(text.debugDescription)")
                #expect(!token.scalarRange.isEmpty && token.scalarRange.upperBound <= scalarCount)
                previousLower = token.scalarRange.lowerBound
                let original = slice(text, token.scalarRange)
                #expect(
                    tokenizer.terms(in: original).contains(token.term),
                    "\(token) not found in \(original.debugDescription) of \(text.debugDescription)")
            }
        }
    }

    @Test("Canonically equivalent texts give the same terms", arguments: [5, 6] as [UInt64])
    func canonicalEquivalence(_ seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<500 {
            let text = Self.randomText(&rng)
            let expected = terms(text)
            #expect(terms(text.decomposedStringWithCanonicalMapping) == expected, "\(text.debugDescription)")
            #expect(terms(text.precomposedStringWithCanonicalMapping) == expected, "\(text.debugDescription)")
        }
    }

    @Test("Tokenizing a document equals tokenizing its NFKC form", arguments: [7, 8] as [UInt64])
    func compatibilityEquivalence(_ seed: UInt64) {
        // Deliberate differences from whole-text NFKC are left out: symbols that expand into
        // letters (™, ㍻) stand alone, keycaps drop their whole chunk, and default-ignorables
        // are removed before (not after) composition.
        let excluded: Set<String> = ["™", "㍻", "\u{20E3}", "\u{200D}", "\u{AD}", "\u{FE0F}", "\u{E0100}", "\u{200B}"]
        let pieces = Self.pieces.filter { !excluded.contains($0) }
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<500 {
            let text = Self.randomText(&rng, pieces: pieces)
            let normalized = text.precomposedStringWithCompatibilityMapping
            #expect(terms(normalized) == terms(text), "\(text.debugDescription)")
        }
    }

    @Test("Concurrent use gives identical results")
    func concurrentUse() async {
        var rng = SeededGenerator(seed: 9)
        let texts = (0..<200).map { _ in Self.randomText(&rng) }
        let expected = texts.map { Tokenizer().tokens(in: $0) }
        let tokenizer = Tokenizer()
        let results = await withTaskGroup(of: (Int, [TextToken]).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, tokenizer.tokens(in: text)) }
            }
            var results = [[TextToken]](repeating: [], count: texts.count)
            for await (index, tokens) in group { results[index] = tokens }
            return results
        }
        #expect(results == expected)
    }
}

import Testing
import VellumSearch

@Suite("Snippet")
struct SnippetTests {
    static let meeting =
        "Our team met on Monday to review the budget for next year. After a long discussion about hiring, "
        + "we agreed that the quarterly report must be sent to the board before Friday, and that every "
        + "department will cut travel costs by ten percent."

    static let longChinese =
        String(repeating: "这是一个很长的消息。", count: 10) + "请尽快签合同，" + String(repeating: "谢谢大家的配合。", count: 10)

    struct Case: Sendable, CustomStringConvertible {
        let description: String
        let text: String
        let queries: [String]
        let maxScalars: Int
        let expected: String

        init(_ description: String, _ text: String, _ queries: [String], max: Int = 120, _ expected: String) {
            self.description = description
            self.text = text
            self.queries = queries
            self.maxScalars = max
            self.expected = expected
        }
    }

    static let cases: [Case] = [
        Case("Chinese word", "我们明天签合同吧，然后付款。", ["合同"], "我们明天签«合同»吧，然后付款。"),
        Case("single CJK character", "合同", ["合"], "«合»同"),
        Case("Latin word inside CJK", "明天签contract合同。", ["CONTRACT"], "明天签«contract»合同。"),
        Case("CJK after a Latin word", "明天签contract合同。", ["合同"], "明天签contract«合同»。"),
        Case(
            "long Chinese text cut on both sides", longChinese, ["合同"], max: 30,
            "…这是一个很长的消息。请尽快签«合同»，谢谢大家的配合。谢谢大家的…"),
        Case(
            "English match in the middle", meeting, ["quarterly report"], max: 40,
            "…that the «quarterly» «report» must be…"),
        Case(
            "match at the start", meeting, ["our TEAM"], max: 50,
            "«Our» «team» met on Monday to review the budget for…"),
        Case(
            "match at the end", meeting, ["percent"], max: 50,
            "…department will cut travel costs by ten «percent»."),
        Case(
            "no match falls back to the start", meeting, ["nothing"], max: 50,
            "Our team met on Monday to review the budget for…"),
        Case("no match in a short text", "short one", ["zzz"], "short one"),
        Case("no phrases", "short one", [], "short one"),
        Case("empty text", "", ["x"], ""),
        Case(
            "phrase across two words only where consecutive", "A report, then the quarterly report.",
            ["quarterly report"], "A report, then the «quarterly» «report»."),
        Case(
            "reversed phrase does not match", "A report, then the quarterly report.", ["report quarterly"],
            "A report, then the quarterly report."),
        Case(
            "every occurrence is highlighted", "Pay the invoice, then file the invoice.", ["invoice"],
            "Pay the «invoice», then file the «invoice»."),
        Case(
            "several query words", "Pay the invoice, then file the receipt.", ["receipt", "pay"],
            "«Pay» the invoice, then file the «receipt»."),
        Case("normalized match highlights the original", "请用ＡＰＰ付款", ["app"], "请用«ＡＰＰ»付款"),
        Case("folded match highlights the original", "Meet at Straße 5", ["STRASSE"], "Meet at «Straße» 5"),
        Case("match longer than the limit is shown whole", "a supercalifragilistic b", ["supercalifragilistic"],
            max: 5, "…«supercalifragilistic»…"),
        Case("surrounding whitespace is not an ellipsis", "      report   ", ["report"], max: 6, "«report»"),
    ]

    @Test("Excerpts", arguments: cases)
    func excerpt(_ example: Case) {
        let tokenizer = Tokenizer()
        let phrases = example.queries.map { tokenizer.terms(in: $0) }
        let snippet = Snippet.make(
            text: example.text, phrases: phrases, tokenizer: tokenizer, maxScalars: example.maxScalars)
        #expect(snippet == example.expected)
    }

    @Test("Default length is about 120 scalars")
    func defaultLength() {
        let tokenizer = Tokenizer()
        let snippet = Snippet.make(text: Self.meeting, phrases: [tokenizer.terms(in: "board")], tokenizer: tokenizer)
        let visible = snippet.unicodeScalars.filter { !"«»…".unicodeScalars.contains($0) }.count
        #expect(snippet.contains("«board»"))
        #expect((100...120).contains(visible))
        #expect(snippet.hasPrefix("…") && snippet.hasSuffix("…"))
    }

    @Test("Cuts never split an emoji sequence")
    func graphemesStayWhole() {
        let family = "👨‍👩‍👧"
        let text = String(repeating: family, count: 30) + " key " + String(repeating: family, count: 30)
        let tokenizer = Tokenizer()
        for limit in [7, 8, 9, 10, 11, 20] {
            let snippet = Snippet.make(
                text: text, phrases: [tokenizer.terms(in: "key")], tokenizer: tokenizer, maxScalars: limit)
            let inner = snippet.replacing("…", with: "").replacing("«key»", with: "")
            #expect(inner.allSatisfy { $0 == Character(family) || $0 == " " }, "\(limit): \(snippet)")
            #expect(snippet.contains("«key»"))
        }
    }

    @Test("Random excerpts are pieces of the text with the match inside", arguments: [11, 12] as [UInt64])
    func randomExcerpts(_ seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let tokenizer = Tokenizer()
        let words = ["alpha", "beta", "合同", "签", "Straße", "👍", "é", "ＡＢ", "x_y", "3.14", "\n"]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...60, using: &rng))
                .map { _ in words.randomElement(using: &rng)! }
                .joined(separator: Bool.random(using: &rng) ? " " : "")
            let query = words.randomElement(using: &rng)!
            let limit = Int.random(in: 1...80, using: &rng)
            let snippet = Snippet.make(
                text: text, phrases: [tokenizer.terms(in: query)], tokenizer: tokenizer, maxScalars: limit)
            var inner = snippet
            if inner.hasPrefix("…") { inner.removeFirst() }
            if inner.hasSuffix("…") { inner.removeLast() }
            let plain = inner.replacing("«", with: "").replacing("»", with: "")
            #expect(text.contains(plain), "\(snippet.debugDescription) not in \(text.debugDescription)")
            #expect(plain.unicodeScalars.count <= max(limit, query.unicodeScalars.count) + 4)
            let matched = !tokenizer.terms(in: query).isEmpty
                && containsRun(tokenizer.terms(in: query), in: tokenizer.terms(in: text))
            #expect(snippet.contains("«") == matched, "\(snippet.debugDescription) for \(query.debugDescription)")
        }
    }
}

import Testing
import VellumSurveillance

@Suite("robustness")
struct RobustnessTests {
    static let pieces: [String] = [
        "4111", " ", "-", ".", "(", ")", "+", "@", "X", "x", "_", "#", "1", "62", "AKIA", "ghp_", "GB82", "DE", "A",
        "-----BEGIN ", "PRIVATE KEY-----", "-----END ", "卡号", "你好", "😀", "👨‍👩‍👧", "ｗｈａｔｓａｐｐ", "\u{3000}", "\n", "加我微信",
        "text me on signal", "SSN", "0", "9", "com", "é", "\u{FF10}", "\u{FFFD}",
    ]

    @Test("random text never traps, and spans are ordered, in bounds and consistent", arguments: 0..<4)
    func randomText(shard: Int) {
        var rng = SplitMix64(seed: UInt64(shard) &* 7919 &+ 1)
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0..<40, using: &rng) { text += Self.pieces.randomElement(using: &rng)! }
            let scalars = text.unicodeScalars.count
            let findings = Engines.full.scan(text)
            var previous = 0
            for finding in findings {
                #expect(finding.start >= previous || finding.isLexiconHit)
                #expect(finding.start < finding.end && finding.end <= scalars)
                #expect((0.0...0.99).contains(finding.confidence))
                let prefix = String(decoding: Array(text.utf8)[..<finding.utf8Range.lowerBound], as: UTF8.self)
                #expect(prefix.unicodeScalars.count == finding.start)
                previous = finding.start
            }
        }
    }

    @Test("arbitrary bytes, including invalid UTF-8, never trap")
    func randomBytes() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<5_000 {
            let bytes = (0..<Int.random(in: 0..<200, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let findings = bytes.withUnsafeBufferPointer { Engines.full.scan(utf8: $0) }
            for finding in findings { #expect(finding.utf8Range.upperBound <= bytes.count) }
        }
    }

    @Test("an engine is shared safely across concurrent tasks")
    func concurrent() async {
        let texts = ChatCorpus(count: 2_000, seed: 3, secretRate: 0.2).messages.map(\.text)
        let expected = texts.map { Engines.full.scan($0) }
        let results = await withTaskGroup(of: (Int, [Finding]).self) { group in
            for (index, text) in texts.enumerated() { group.addTask { (index, Engines.full.scan(text)) } }
            var out = [[Finding]](repeating: [], count: texts.count)
            for await (index, findings) in group { out[index] = findings }
            return out
        }
        #expect(results == expected)
    }

    @Test("a custom detector plugs in with one type")
    func customDetector() throws {
        struct TicketDetector: Detector {
            let id = "jira_ticket"
            var triggers: DetectorTriggers { .words }
            func evaluate(word: WordToken, in text: ScanText) -> DetectorMatch? {
                guard text.hasLiteral("VEL", at: word.start), word.length == 7 else { return nil }
                return DetectorMatch(range: word.start..<word.end, confidence: 0.5, masked: "VEL****")
            }
        }
        let engine = ScanEngine(detectors: ScanEngine.builtInDetectors + [TicketDetector()], lexicons: [])
        let finding = try #require(engine.scan("见 VEL1234 ok").first)
        #expect(finding.detector == "jira_ticket")
        #expect((finding.start, finding.end) == (2, 9))
    }
}

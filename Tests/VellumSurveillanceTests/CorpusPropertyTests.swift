import Testing
import VellumSurveillance

/// Properties over generated corpora: recall of seeded values, false
/// positives on ordinary chat and near-misses, and masking.
@Suite("corpus properties")
struct CorpusPropertyTests {
    static let corpus = ChatCorpus(count: 30_000, seed: 0x5EED, secretRate: 0.05, nearMissRate: 0.15, cueRate: 0.02)

    @Test("every seeded value is found by its detector at its exact span")
    func recall() {
        var seeded = 0
        var found = 0
        var misses: [String] = []
        for message in Self.corpus.messages where !message.seeded.isEmpty {
            let findings = Engines.full.scan(message.text)
            for value in message.seeded {
                seeded += 1
                if findings.contains(where: { $0.detector == value.detector && $0.start == value.start && $0.end == value.end }) {
                    found += 1
                } else if misses.count < 5 {
                    misses.append("\(value.detector) \(value.value) in: \(message.text) -> \(findings)")
                }
            }
        }
        print("recall: \(found)/\(seeded) seeded values found at the exact span")
        #expect(seeded > 1_000)
        #expect(found == seeded, "\(misses)")
    }

    @Test("detectors report (almost) nothing but the seeded values")
    func falsePositives() {
        var clean = 0
        var nearMissMessages = 0
        var falsePositives: [String] = []
        for message in Self.corpus.messages {
            if message.seeded.isEmpty { clean += 1 }
            if message.hasNearMiss { nearMissMessages += 1 }
            for finding in Engines.detectorsOnly.scan(message.text) where !message.seeded.contains(where: { $0.start == finding.start }) {
                falsePositives.append("\(finding.detector): \(message.text)")
            }
        }
        print("false positives: \(falsePositives.count) in \(Self.corpus.messages.count) messages (\(clean) without seeded values, \(nearMissMessages) with near-misses)")
        #expect(clean > 25_000)
        // Budget: one in ten thousand messages.
        #expect(falsePositives.count <= clean / 10_000, "\(falsePositives.prefix(5))")
    }

    @Test("ordinary chat alone produces no findings at all")
    func ordinaryChat() {
        let plain = ChatCorpus(count: 20_000, seed: 99, secretRate: 0, nearMissRate: 0, cueRate: 0)
        let total = plain.messages.reduce(0) { $0 + Engines.full.scan($1.text).count }
        #expect(total == 0)
    }

    @Test("off-channel cues seeded into the corpus are all reported")
    func cues() {
        let withCue = Self.corpus.messages.filter(\.hasCue)
        let reported = withCue.filter { message in Engines.full.scan(message.text).contains { $0.detector == "lexicon:off_channel" } }
        #expect(withCue.count > 300)
        #expect(reported.count == withCue.count)
    }

    @Test("a mask never contains the full value", arguments: [0, 1])
    func masking(half: Int) {
        var checked = 0
        for (index, message) in Self.corpus.messages.enumerated() where index % 2 == half {
            let scalars = Array(message.text.unicodeScalars)
            for finding in Engines.full.scan(message.text) where !finding.isLexiconHit {
                let value = String(String.UnicodeScalarView(scalars[finding.start..<finding.end]))
                let digits = alphanumerics(value)
                #expect(finding.masked != value)
                #expect(!alphanumerics(finding.masked).contains(digits), "\(finding.masked) shows \(value)")
                checked += 1
            }
        }
        #expect(checked > 500)
    }
}

import Foundation
import Testing
import VellumApp

private let sample = SyntheticSample.lines

private func sampleObjects() -> [[String: Any]] {
    SyntheticSample.objects
}

@Suite("SyntheticCorpus")
struct SyntheticCorpusTests {
    @Test("every line is one JSON object with the required fields and no attachments")
    func linesAreWellFormed() {
        let objects = sampleObjects()
        #expect(objects.count == sample.count)
        #expect(sample.allSatisfy { !$0.contains("\n") })
        for object in objects {
            let problems = DemoLineChecks.problems(object)
            #expect(problems.isEmpty, "\(problems) in \(object)")
            #expect(object["attachments"] == nil)
        }
    }

    @Test("sent_at has an offset and strictly increases from 2024-01-01, about a minute apart")
    func timestamps() throws {
        var previous = try #require(DemoLineChecks.instant("2024-01-01T00:00:00Z"))
        let first = previous
        for object in sampleObjects() {
            let text = object["sent_at"] as? String ?? ""
            let instant = try #require(DemoLineChecks.instant(text), "bad sent_at \(text)")
            #expect(instant > previous)
            previous = instant
        }
        // One million lines should span about two years: 63 s a line on average.
        let perLine = previous.timeIntervalSince(first) / Double(sample.count)
        #expect((40...100).contains(perLine), "\(perLine) s per line")
    }

    @Test("message ids are unique per channel and account")
    func uniqueIDs() {
        #expect(DemoLineChecks.duplicateIDs(sampleObjects()).isEmpty)
    }

    @Test("replies, edits and recalls refer to earlier messages of the same channel and account")
    func referencesResolve() {
        let objects = sampleObjects()
        #expect(DemoLineChecks.danglingReferences(objects).isEmpty)
        let replies = objects.filter { $0["reply_to"] != nil }.count
        #expect((900...2_100).contains(replies))
        #expect(objects.contains { $0["edit_of"] != nil })
        #expect(objects.contains { $0["recall_of"] != nil })
    }

    @Test("the same seed gives the same lines, another seed other lines")
    func determinism() {
        var again = SyntheticCorpus(seed: 99)
        #expect(again.lines(2_000) == Array(sample.prefix(2_000)))
        var other = SyntheticCorpus(seed: 100)
        let otherLines = other.lines(2_000)
        #expect(otherLines != Array(sample.prefix(2_000)))
        #expect(Set(otherLines).isDisjoint(with: sample.prefix(2_000)))
    }

    @Test("lines(n) equals n calls of nextLine, and a copy continues independently")
    func valueSemantics() {
        var a = SyntheticCorpus(seed: 5)
        var b = SyntheticCorpus(seed: 5)
        #expect(a.lines(300) == (0..<300).map { _ in b.nextLine() })
        var copy = a
        let fromOriginal = a.lines(50)
        #expect(copy.lines(50) == fromOriginal)
    }

    @Test("about 65% English, 30% Chinese and 5% mixed; about 70% direct and 30% group")
    func mix() {
        let objects = sampleObjects()
        let texts = objects.compactMap { $0["text"] as? String }
        var english = 0
        var chinese = 0
        var mixed = 0
        for text in texts {
            let han = text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
            let latin = text.unicodeScalars.contains { $0.properties.isAlphabetic && $0.isASCII }
            if han && latin { mixed += 1 } else if han { chinese += 1 } else { english += 1 }
        }
        let total = Double(texts.count)
        #expect(abs(Double(english) / total - 0.65) < 0.04)
        #expect(abs(Double(chinese) / total - 0.30) < 0.04)
        #expect(abs(Double(mixed) / total - 0.05) < 0.02)
        let groups = objects.filter { ($0["conversation"] as? [String: Any])?["kind"] as? String == "group" }
        #expect(abs(Double(groups.count) / Double(objects.count) - 0.30) < 0.03)
        #expect(groups.allSatisfy { (($0["conversation"] as? [String: Any])?["title"] as? String)?.isEmpty == false })
        #expect(groups.allSatisfy { ($0["to"] as? [Any])?.isEmpty == true })
        let channels = Set(objects.compactMap { $0["channel"] as? String })
        #expect(channels == ["wecom", "wechat", "whatsapp", "telegram", "signal", "sms", "email"])
    }

    @Test("message lengths look like chat: median about 60 characters, with a long tail")
    func lengths() {
        let lengths = sampleObjects().compactMap { ($0["text"] as? String)?.count }.sorted()
        let median = lengths[lengths.count / 2]
        #expect((50...72).contains(median), "median \(median)")
        #expect(lengths[lengths.count * 99 / 100] > 300)
        #expect(lengths.last! > 700)
        #expect(lengths.first! >= 1)
    }

    @Test("English words follow a Zipf-like law over a vocabulary of thousands")
    func zipf() {
        let words = SyntheticSample.termCounts.filter { term in
            !term.key.contains(" ") && term.key.unicodeScalars.allSatisfy(\.isASCII)
        }
        #expect(words.count >= 1_800, "\(words.count) distinct words")
        let ranked = words.values.sorted(by: >)
        // Slope of log frequency against log rank between ranks 10 and 500: about -1 for Zipf.
        let points = (10...500).map { (log(Double($0)), log(Double(ranked[$0 - 1]))) }
        let meanX = points.map(\.0).reduce(0, +) / Double(points.count)
        let meanY = points.map(\.1).reduce(0, +) / Double(points.count)
        let slope =
            points.map { ($0.0 - meanX) * ($0.1 - meanY) }.reduce(0, +) / points.map { pow($0.0 - meanX, 2) }.reduce(0, +)
        #expect((-1.4 ... -0.6).contains(slope), "slope \(slope)")
    }

    @Test("a small corpus (few employees and externals) still works")
    func smallCorpus() {
        var corpus = SyntheticCorpus(seed: 3, employees: 2, externals: 1)
        let objects = corpus.lines(500).compactMap(DemoLineChecks.object)
        #expect(objects.count == 500)
        #expect(objects.allSatisfy { DemoLineChecks.problems($0).isEmpty })
        #expect(DemoLineChecks.duplicateIDs(objects).isEmpty && DemoLineChecks.danglingReferences(objects).isEmpty)
    }
}

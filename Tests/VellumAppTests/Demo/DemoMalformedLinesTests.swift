import Foundation
import Testing
import VellumApp

@Suite("DemoDataset malformed lines")
struct DemoMalformedLinesTests {
    let lines = DemoDataset.malformedLines()

    @Test("there are three, each on one line")
    func count() {
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { !$0.contains("\n") })
    }

    @Test("the first is not JSON")
    func badJSON() {
        #expect(throws: (any Error).self) { try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) }
    }

    @Test("the second is well-formed except that sent_at is missing")
    func missingSentAt() throws {
        let object = try #require(DemoLineChecks.object(lines[1]))
        #expect(object["sent_at"] == nil)
        #expect(DemoLineChecks.problems(object, requireSentAt: false).isEmpty)
        #expect(DemoLineChecks.problems(object) == ["sent_at"])
    }

    @Test("the third has a sent_at without a UTC offset")
    func sentAtWithoutOffset() throws {
        let object = try #require(DemoLineChecks.object(lines[2]))
        #expect(DemoLineChecks.problems(object).isEmpty)
        let sentAt = try #require(object["sent_at"] as? String)
        #expect(sentAt.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$"#, options: .regularExpression) != nil)
        #expect(DemoLineChecks.instant(sentAt) == nil)
        #expect(DemoLineChecks.instant(sentAt + "+08:00") != nil)
    }
}

@Suite("Test helper: RFC 3339 parsing")
struct DemoInstantParsingTests {
    @Test("offsets, fractions and calendar limits are handled", arguments: [
        ("2026-03-02T09:15:04+08:00", 1_772_414_104.0),
        ("2026-03-02T01:15:04Z", 1_772_414_104.0),
        ("2026-03-01T20:15:04-05:00", 1_772_414_104.0),
        ("2024-02-29T00:00:00.5Z", 1_709_164_800.5),
    ])
    func valid(text: String, expected: Double) {
        #expect(DemoLineChecks.instant(text)?.timeIntervalSince1970 == expected)
    }

    @Test("a missing offset or an impossible date is rejected", arguments: [
        "2026-03-02T09:15:04", "2026-02-29T09:15:04Z", "2026-03-02 09:15:04Z", "2026-03-02T09:15:04+0800",
        "2026-13-02T09:15:04Z",
    ])
    func invalid(text: String) {
        #expect(DemoLineChecks.instant(text) == nil)
    }
}

import Testing
import VellumSurveillance

@Suite("hk_id detector")
struct HKIDDetectorTests {
    @Test("the mod-11 check reproduces published examples", arguments: [
        ("A", "123456", "3"), ("G", "123456", "A"), ("AB", "987654", "3"),
    ])
    func check(letters: String, digits: String, expected: String) {
        #expect(Checksums.hkIDCheck(letters: Array(letters.utf8), digits: Array(digits.utf8)) == Array(expected.utf8)[0])
    }

    @Test("the parenthesised form fires without context", arguments: ["A123456(3)", "G123456(A)", "AB987654(3)", "A123456 (3)"])
    func parenthesised(value: String) throws {
        let text = "no. " + value + " ok"
        let finding = try #require(detect(text).first)
        #expect(finding.detector == "hk_id")
        let span = try #require(scalarSpan(of: value, in: text))
        #expect((finding.start, finding.end) == (span.start, span.end))
        #expect(finding.confidence == 0.75)
    }

    @Test("the bare form needs an ID word", arguments: [
        ("HKID A1234563", true), ("香港身份證 G123456A", true), ("code A1234563", false),
    ])
    func bare(text: String, expected: Bool) {
        #expect(detectorIDs(text).contains("hk_id") == expected, "\(text)")
    }

    @Test("wrong check characters and shapes do not fire", arguments: [
        "A123456(4)", "G123456(0)", "AB987654(2)", "A12345(3)", "ABC123456(3)", "a123456(3)",
    ])
    func nearMisses(text: String) {
        #expect(!detectorIDs(text).contains("hk_id"), "\(text)")
    }

    @Test("masks keep the last four characters")
    func masking() {
        #expect(detect("A123456(3)").first?.masked == "****456(3)")
    }
}

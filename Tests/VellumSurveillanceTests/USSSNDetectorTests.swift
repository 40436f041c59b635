import Testing
import VellumSurveillance

@Suite("us_ssn detector")
struct USSSNDetectorTests {
    @Test("dashed numbers fire without context")
    func dashed() throws {
        let finding = try #require(detect("it is 536-22-1234 I think").first)
        #expect(finding.detector == "us_ssn")
        #expect((finding.start, finding.end) == (6, 17))
        #expect(finding.confidence == 0.7)
        #expect(finding.masked == "***-**-1234")
    }

    @Test("bare and spaced numbers need an SSN word", arguments: [
        ("SSN 536221234", true), ("536221234", false),
        ("social security: 536 22 1234", true), ("536 22 1234", false),
        ("我的社会安全号 536221234", true),
    ])
    func bare(text: String, expected: Bool) {
        #expect(detectorIDs(text).contains("us_ssn") == expected, "\(text)")
    }

    @Test("context raises confidence")
    func context() {
        #expect(detect("SSN: 536-22-1234").first?.confidence == 0.85)
        #expect(detect("SSN: 536221234").first?.confidence == 0.75)
    }

    @Test("invalid area, group and serial never fire", arguments: [
        "SSN 000-12-3456", "SSN 666-12-3456", "SSN 900-12-3456", "SSN 999-12-3456",
        "SSN 536-00-1234", "SSN 536-22-0000", "SSN 078-05-1120", "SSN 12-345-6789", "SSN 536-22-12345",
        "invoice 536-22-1234",
    ])
    func invalid(text: String) {
        #expect(!detectorIDs(text).contains("us_ssn"), "\(text)")
    }
}

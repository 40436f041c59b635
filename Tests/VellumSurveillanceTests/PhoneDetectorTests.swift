import Testing
import VellumSurveillance

@Suite("phone detector")
struct PhoneDetectorTests {
    @Test("international and national forms fire with the full span", arguments: [
        ("+1 (555) 234-5678", "e164"), ("+86 138 1234 5678", "e164"), ("+8613812345678", "e164"),
        ("+44 20 7946 0958", "e164"), ("+852 9123 4567", "e164"),
        ("(415) 555-2671", "us"), ("415-555-2671", "us"), ("415.555.2671", "us"), ("415 555 2671", "us"),
        ("1-415-555-2671", "us"),
        ("13812345678", "cn_mobile"), ("138-1234-5678", "cn_mobile"), ("138 1234 5678", "cn_mobile"),
        ("07911 123456", "uk"), ("020 7946 0958", "uk"), ("07911123456", "uk"),
    ])
    func valid(value: String, form: String) throws {
        let text = "reach me: " + value + " 谢谢"
        let findings = detect(text)
        try #require(findings.count == 1, "\(value) -> \(findings)")
        #expect(findings[0].detector == "phone")
        #expect(findings[0].detail == form)
        let span = try #require(scalarSpan(of: value, in: text))
        #expect((findings[0].start, findings[0].end) == (span.start, span.end))
    }

    @Test("forms that need a phone word", arguments: [
        ("电话 9123 4567", true), ("tel 91234567", true), ("9123 4567", false), ("91234567", false),
        ("call 4155552671", true), ("4155552671", false),
    ])
    func contextual(text: String, expected: Bool) {
        #expect(detectorIDs(text).contains("phone") == expected, "\(text)")
    }

    @Test("timestamps, amounts, dates, versions, IDs and order numbers are not phones", arguments: [
        "1547087894783", "at 20241129103000", "12,345,678.90", "¥1,000,000", "2024-11-29", "2024.11.29",
        "v2.14.1", "build 10.0.19041.1234", "order #13812345678", "订单号 13812345678", "call me 20241129",
        "+0123456789", "+28 1234 5678", "1+2345678901", "192.168.100.200", "4111111111111111", "11010519491231002X",
        "555-1234", "(555) 123-4567",
    ])
    func nearMisses(text: String) {
        #expect(!detectorIDs(text).contains("phone"), "\(text)")
    }

    @Test("masks keep the last four digits")
    func masking() {
        #expect(detect("+86 138 1234 5678").first?.masked == "+** *** **** 5678")
        #expect(detect("(415) 555-2671").first?.masked == "(***) ***-2671")
    }
}

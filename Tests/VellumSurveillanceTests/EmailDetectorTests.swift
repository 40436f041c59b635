import Testing
import VellumSurveillance

@Suite("email detector")
struct EmailDetectorTests {
    @Test("addresses are found with the exact span", arguments: [
        "john.smith@example.com", "a@b.co", "li.wei+fx@corp.example.org", "13812345678@qq.com", "ops-team@mail.example.co.uk",
    ])
    func valid(value: String) throws {
        let text = "邮箱 " + value + ". thanks"
        let findings = detect(text)
        try #require(findings.count == 1)
        #expect(findings[0].detector == "email")
        let span = try #require(scalarSpan(of: value, in: text))
        #expect((findings[0].start, findings[0].end) == (span.start, span.end))
    }

    @Test("non-addresses do not fire", arguments: [
        "@channel please read", "foo@bar", "foo@bar.c", "x@1.2.3", ".john@example.com.", "john.@example.com", "a@-b.com",
    ])
    func nearMisses(text: String) {
        let found = detect(text).filter { $0.detector == "email" }
        if text == ".john@example.com." {
            // The leading dot is not part of the address; the rest is.
            #expect(found.count == 1 && found[0].start == 1 && found[0].end == 17)
        } else {
            #expect(found.isEmpty, "\(text)")
        }
    }

    @Test("masks keep the first character and the domain")
    func masking() {
        #expect(detect("john.smith@example.com").first?.masked == "j***@example.com")
    }
}

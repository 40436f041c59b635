import Testing
import VellumSurveillance

@Suite("iban detector")
struct IBANDetectorTests {
    @Test("registry examples are found, compact and spaced", arguments: [
        "GB82 WEST 1234 5698 7654 32",
        "GB82WEST12345698765432",
        "DE89 3704 0044 0532 0130 00",
        "DE89370400440532013000",
        "FR14 2004 1010 0505 0001 3M02 606",
        "NL91ABNA0417164300",
        "CH9300762011623852957",
        "NO9386011117947",
    ])
    func valid(value: String) throws {
        let text = "转账到 " + value + "，谢谢"
        let findings = detect(text)
        try #require(findings.count == 1)
        #expect(findings[0].detector == "iban")
        let span = try #require(scalarSpan(of: value, in: text))
        #expect((findings[0].start, findings[0].end) == (span.start, span.end))
    }

    @Test("near-misses do not fire", arguments: [
        "GB83WEST12345698765432",  // check digits off by one
        "GB82WEST12345698765433",  // last digit changed
        "DE893704004405320130000",  // one character too many for DE
        "DE89 3704 0044 0532 0130 0",  // one too few
        "GB82 WEST 123 45698765432",  // broken grouping
        "gb82west12345698765432",  // lowercase
        "ZZ82WEST12345698765432",  // no such country
        "GB82 WEST 1234 5698 7654 32X",
    ])
    func nearMisses(text: String) {
        #expect(!detectorIDs(text).contains("iban"), "\(text)")
    }

    @Test("the registry lists every SWIFT country with its length")
    func registry() {
        #expect(IBANRegistry.lengths.count == 89)
        #expect(IBANRegistry.lengths["GB"] == 22)
        #expect(IBANRegistry.lengths["NO"] == 15)
        #expect(IBANRegistry.lengths["LC"] == 32)
        #expect(IBANRegistry.lengths["RU"] == 33)
    }

    @Test("masks keep country, check digits and last four")
    func masking() {
        #expect(detect("GB82 WEST 1234 5698 7654 32").first?.masked == "GB82 **** **** **** **54 32")
        #expect(detect("DE89370400440532013000").first?.masked == "DE89**************3000")
    }

    @Test("an account word raises confidence")
    func context() {
        #expect(detect("IBAN: DE89370400440532013000").first?.confidence == 0.99)
        #expect(detect("DE89370400440532013000").first?.confidence == 0.85)
        #expect(detect("账号 DE89370400440532013000").first?.confidence == 0.99)
    }
}

import Testing
import VellumSurveillance

@Suite("swift_bic detector")
struct SwiftBICDetectorTests {
    @Test("BICs fire when structure, country and the prose guard agree", arguments: [
        ("SWIFT: DEUTDEFF", true),  // 8 characters with context
        ("DEUTDEFF", false),  // 8 characters need context
        ("DEUTDEFF500", true),  // digits in the branch
        ("BOFAUS3NXXX", true),  // primary office
        ("HSBCHKHHHKH", false),  // letters only, no context
        ("BIC HSBCHKHHHKH", true),
        ("请用银行代码 BKCHCNBJ 汇款", true),
        ("HELLOWORLD", false),
        ("PLEASE READ THE DEFINITIONS", false),  // DEFI-NI-TI-ONS: valid country, still prose
        ("SWIFT ABCDQQ12", false),  // QQ is not a country
        ("SWIFT DEUTDEFO", false),  // location may not end in the letter O
        ("swift deutdeff", false),
        ("SWIFT: HSBCHKHH, thanks", true),
        ("SWIFT code: PLEASE READ THE DEFINITIONS SECTION", false),  // context, but shouted prose
        ("BIC HSBCHKHH NOW", false),
        ("BIC DEUTDEFF500 NOW", true),  // digits: not a word, whatever surrounds it
    ])
    func cases(text: String, expected: Bool) {
        #expect(detectorIDs(text).contains("swift_bic") == expected, "\(text)")
    }

    @Test("span and mask")
    func spanAndMask() throws {
        let finding = try #require(detect("转账 DEUTDEFF500 谢谢").first)
        #expect((finding.start, finding.end) == (3, 14))
        #expect(finding.masked == "DEUTDE*****")
        #expect(finding.detail == "DE")
    }
}

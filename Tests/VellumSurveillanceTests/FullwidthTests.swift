import Testing
import VellumSurveillance

/// Chinese input methods in full-width mode type ４１１１ and ｔｏｍ＠ｅｘａｍｐｌｅ．ｃｏｍ.
@Suite("full-width digits, letters and spaces are found and spans point at what was typed")
struct FullwidthTests {
    @Test("values typed in full width are validated like ASCII and their spans are the original text's", arguments: [
        ("卡号：", "４１１１ １１１１ １１１１ １１１１", "credit_card", "4111 11** **** 1111"),
        ("身份证 ", "１１０１０５１９４９１２３１００２Ｘ", "cn_resident_id", "**************002X"),
        ("邮箱 ", "ｔｏｍ＠ｅｘａｍｐｌｅ．ｃｏｍ", "email", "t***@example.com"),
        ("卡号　", "4111　1111　1111　1111", "credit_card", "4111 11** **** 1111"),
        ("IBAN ", "ＧＢ８２ ＷＥＳＴ １２３４ ５６９８ ７６５４ ３２", "iban", nil),
        ("好的，卡号：", "４１１１－１１１１－１１１１－１１１１", "credit_card", "4111-11**-****-1111"),
    ] as [(String, String, String, String?)])
    func fullwidth(prefix: String, value: String, detector: String, masked: String?) throws {
        let text = prefix + value + " 谢谢"
        let finding = try #require(detect(text).first { $0.detector == detector })
        #expect(finding.start == prefix.unicodeScalars.count)
        #expect(finding.end == prefix.unicodeScalars.count + value.unicodeScalars.count)
        #expect(finding.utf8Range == prefix.utf8.count ..< prefix.utf8.count + value.utf8.count)
        if let masked { #expect(finding.masked == masked) }
        #expect(!finding.masked.contains("1111 1111"))
    }

    @Test("full-width near misses stay quiet: a failed checksum, an order number, an impossible birth date")
    func nearMisses() {
        #expect(detect("卡号 ４１１１ １１１１ １１１１ １１１２").filter { $0.detector == "credit_card" }.isEmpty)
        #expect(detect("订单号 ２０２６０３０１１２３４５６７８").filter { $0.detector == "credit_card" }.isEmpty)
        #expect(detect("身份证 １１０１０５１９４９１３３１００２Ｘ").filter { $0.detector == "cn_resident_id" }.isEmpty)
    }

    @Test("full-width punctuation alone leaves the text as it is")
    func punctuationOnly() throws {
        let text = "好的，卡号：4111 1111 1111 1111（新卡）"
        let finding = try #require(detect(text).first { $0.detector == "credit_card" })
        #expect(finding.start == 6 && finding.utf8Range.lowerBound == "好的，卡号：".utf8.count)
    }

    @Test("text without full-width forms scans as before; mixed text keeps every offset")
    func mixed() throws {
        let text = "a 4111 1111 1111 1111 and ４１１１ １１１１ １１１１ １１１１"
        let found = detect(text).filter { $0.detector == "credit_card" }
        #expect(found.map(\.start) == [2, 26])
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[found[1].start ..< found[1].end])) == "４１１１ １１１１ １１１１ １１１１")
    }
}

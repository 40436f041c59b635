import Testing
import VellumSurveillance

@Suite("spans count Unicode scalars")
struct SpanTests {
    @Test("findings after Chinese and emoji have scalar offsets", arguments: [
        ("你好👋🏽 卡号 ", "4111 1111 1111 1111", "credit_card"),
        ("🇭🇰 香港身份證：", "A123456(3)", "hk_id"),
        ("收款人👨‍👩‍👧 ", "GB82 WEST 1234 5698 7654 32", "iban"),
        ("身份证号码是", "11010519491231002X", "cn_resident_id"),
        ("发到我邮箱📧", "li.wei@example.com", "email"),
        ("手机😀：", "+86 138 1234 5678", "phone"),
        ("秘钥🔑", "AKIAIOSFODNN7EXAMPLE", "aws_access_key"),
    ])
    func scalarOffsets(prefix: String, value: String, detector: String) throws {
        let text = prefix + value + " 谢谢🙏"
        let finding = try #require(detect(text).first)
        #expect(finding.detector == detector)
        #expect(finding.start == prefix.unicodeScalars.count)
        #expect(finding.end == prefix.unicodeScalars.count + value.unicodeScalars.count)
        #expect(finding.utf8Range == prefix.utf8.count..<(prefix.utf8.count + value.utf8.count))
    }

    @Test("lexicon hits after emoji have scalar offsets")
    func lexiconOffsets() throws {
        let prefix = "😂😂 好的 "
        let hit = try #require(Engines.full.scan(prefix + "加我微信 吧").first)
        #expect(hit.start == prefix.unicodeScalars.count)
        #expect(hit.end == prefix.unicodeScalars.count + 4)
    }

    @Test("several findings in one message are sorted and each offset is right")
    func several() {
        let text = "你好 john@example.com 卡号4111111111111111 加微信 +8613812345678"
        let findings = Engines.full.scan(text)
        #expect(findings.map(\.detector) == ["email", "credit_card", "lexicon:off_channel", "phone"])
        let scalars = Array(text.unicodeScalars)
        for finding in findings where !finding.isLexiconHit {
            let slice = String(String.UnicodeScalarView(scalars[finding.start..<finding.end]))
            #expect(!slice.isEmpty && slice.first != " " && slice.last != " ")
        }
        #expect(findings[1].start == 22)
    }
}

import Testing
import VellumSurveillance

@Suite("credit_card detector")
struct CreditCardDetectorTests {
    @Test("published test numbers are found with their brand and full span", arguments: [
        ("4111 1111 1111 1111", "visa"),
        ("4012888888881881", "visa"),
        ("4222222222222", "visa"),
        ("4111-1111-1111-1111", "visa"),
        ("5555555555554444", "mastercard"),
        ("2223003122003222", "mastercard"),
        ("378282246310005", "amex"),
        ("3782 822463 10005", "amex"),
        ("6011111111111117", "discover"),
        ("3530111333300000", "jcb"),
        ("36227206271667", "diners"),
        ("6200000000000005", "unionpay"),
        ("6212345678901265", "unionpay"),
    ])
    func validNumbers(value: String, brand: String) throws {
        let text = "please charge " + value + " today"
        let findings = detect(text)
        try #require(findings.count == 1)
        #expect(findings[0].detector == "credit_card")
        #expect(findings[0].detail == brand)
        let span = try #require(scalarSpan(of: value, in: text))
        #expect(findings[0].start == span.start)
        #expect(findings[0].end == span.end)
        #expect(findings[0].confidence == 0.8)
    }

    @Test("near-misses do not fire", arguments: [
        "4111111111111112",  // Luhn flipped
        "5555555555554445",  // Luhn flipped
        "4111 1111 1111 1112",
        "12344111111111111111",  // valid card inside a 20-digit run
        "41111111111111110000",
        "4111111111111111.50",  // an amount
        "41 1111 1111 1111 11",  // wrong grouping
        "4111-1111 1111-1111",  // mixed separators
        "9111111111111116",  // no issuer
        "order #4111111111111112",
        "order #4111111111111111",  // Luhn-valid but a reference number
        "订单号 4111111111111111",
        "4111111111111111abc",
        "ref 6212345678901266",  // UnionPay, fails Luhn, no context
    ])
    func nearMisses(text: String) {
        #expect(detectorIDs(text).filter { $0 == "credit_card" }.isEmpty, "\(text)")
    }

    @Test("a card word raises confidence, English and Chinese", arguments: [
        "card 4111111111111111", "卡号：4111111111111111", "我的信用卡是4111111111111111", "银行卡 4111 1111 1111 1111",
        "4111111111111111 is my visa",
    ])
    func contextRaisesConfidence(text: String) throws {
        let finding = try #require(detect(text).first)
        #expect(finding.detector == "credit_card")
        #expect(finding.confidence == 0.95)
    }

    @Test("UnionPay numbers failing Luhn fire only next to a card word")
    func unionPayWithoutLuhn() throws {
        #expect(detect("6212345678901266").isEmpty)
        let finding = try #require(detect("银联卡号 6212345678901266").first)
        #expect(finding.detector == "credit_card")
        #expect(finding.detail == "unionpay")
        #expect(finding.confidence == 0.7)
    }

    @Test("a positive card word overrides a reference cue")
    func positiveBeatsReference() {
        #expect(detectorIDs("order #42, card 4111111111111111") == ["credit_card"])
    }

    @Test("a card after an amount in a spaced run is still found")
    func cardAfterOtherNumber() throws {
        let text = "paid 100 4111111111111111"
        let finding = try #require(detect(text).first)
        #expect(finding.start == 9)
        #expect(finding.end == 25)
    }

    @Test("masks keep BIN and last four, separators included")
    func masking() throws {
        #expect(detect("4111 1111 1111 1111").first?.masked == "4111 11** **** 1111")
        #expect(detect("5555555555554444").first?.masked == "555555******4444")
        #expect(detect("3782 822463 10005").first?.masked == "3782 82**** *0005")
    }
}

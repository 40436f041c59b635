import Foundation
import Testing
import VellumApp

@Suite("DemoDataset sensitive values")
struct DemoSensitiveValuesTests {
    let text = DemoDataset.make().messagesJSONL.split(separator: "\n")
        .compactMap { DemoLineChecks.object(String($0))?["text"] as? String }.joined(separator: "\n")

    @Test("a Visa test card number that passes Luhn appears, spaced and unspaced")
    func cardNumber() {
        let candidates = DemoLineChecks.matches(#"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)"#, in: text)
        let cards = candidates.filter(DemoChecksums.luhnValid).map { $0.filter(\.isNumber) }
        #expect(cards.filter { $0 == "4111111111111111" }.count >= 2)
        #expect(DemoChecksums.luhnValid("4111 1111 1111 1111"))
        #expect(!DemoChecksums.luhnValid("4111 1111 1111 1112"))
    }

    @Test("Chinese resident ids carry a valid GB 11643 check character, one of them X")
    func chineseResidentIDs() {
        let ids = DemoLineChecks.matches(#"(?<![0-9])[1-9]\d{16}[0-9X](?![0-9A-Za-z])"#, in: text)
        #expect(ids.count >= 2)
        #expect(ids.allSatisfy(DemoChecksums.chineseResidentIDValid), "\(ids)")
        #expect(ids.contains { $0.hasSuffix("X") })
        #expect(DemoChecksums.chineseResidentIDValid("11010519491231002X"))
        #expect(!DemoChecksums.chineseResidentIDValid("110105194912310021"))
    }

    @Test("IBANs pass the ISO 13616 mod-97 check, compact and grouped")
    func ibans() {
        let ibans = DemoLineChecks.matches(#"\bGB\d{2}(?: ?[A-Z0-9]{4}){4} ?\d{2}\b"#, in: text)
        #expect(ibans.count >= 2)
        #expect(ibans.allSatisfy(DemoChecksums.ibanValid), "\(ibans)")
        #expect(ibans.contains("GB82WEST12345698765432"))
        #expect(!DemoChecksums.ibanValid("GB82WEST12345698765433"))
    }

    @Test("a US SSN-shaped number appears")
    func ssn() {
        let ssns = DemoLineChecks.matches(#"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)"#, in: text)
        #expect(!ssns.isEmpty)
        #expect(ssns.allSatisfy(DemoChecksums.ssnShaped))
    }

    @Test("emails and phone numbers in international and local formats appear")
    func contactDetails() {
        let emails = DemoLineChecks.matches(#"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#, in: text)
        #expect(Set(emails).count >= 4)
        let international = DemoLineChecks.matches(#"\+\d{1,3}(?: ?\d){7,12}"#, in: text)
        #expect(international.count >= 2)
        #expect(text.contains("138 1234 5678"))
        #expect(text.contains("(202) 555-0178"))
    }
}

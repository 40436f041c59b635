import Testing
import VellumSurveillance

@Suite("checksums")
struct ChecksumTests {
    @Test("Luhn accepts published test numbers and rejects a changed digit", arguments: [
        ("4111111111111111", true), ("4111111111111112", false), ("378282246310005", true), ("6212345678901265", true),
        ("6212345678901266", false),
    ])
    func luhn(number: String, valid: Bool) {
        var digits = SIMD32<UInt8>()
        for (i, b) in number.utf8.enumerated() { digits[i] = b - 48 }
        #expect(Checksums.luhn(digits, count: number.utf8.count) == valid)
    }

    @Test("IBAN mod 97", arguments: [("GB82WEST12345698765432", true), ("GB82WEST12345698765423", false)])
    func mod97(iban: String, valid: Bool) {
        #expect(Checksums.ibanMod97(Array(iban.utf8)) == valid)
    }

    @Test("generated values validate with the detectors")
    func factory() {
        var factory = SecretFactory(seed: 1)
        for _ in 0..<200 {
            for brand in CardBrand.allCases {
                let card = factory.card(brand, separator: " ")
                #expect(detect(card).first?.detail == brand.rawValue, "\(card)")
            }
            #expect(detectorIDs(factory.iban(spaced: true)) == ["iban"])
            #expect(detectorIDs(factory.cnResidentID()) == ["cn_resident_id"])
            #expect(detectorIDs(factory.hkID()) == ["hk_id"])
        }
    }

    @Test("the confidence scheme caps context-boosted values")
    func confidence() {
        #expect(Confidence.resolve(base: 0.85, hasContext: true) == 0.99)
        #expect(Confidence.resolve(base: 0.6, hasContext: true) == 0.75)
        #expect(Confidence.resolve(base: 0.6, hasContext: false) == 0.6)
    }
}

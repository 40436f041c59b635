import Testing
import VellumSurveillance

@Suite("cn_resident_id detector")
struct CNResidentIDDetectorTests {
    @Test("valid IDs (check character computed by GB 11643) fire", arguments: [
        "11010519491231002X", "11010519491231002x", "320106199003071234", "110105200002290021", "360426199101010071",
    ])
    func valid(value: String) throws {
        let text = "身份证号：" + value + "。"
        let finding = try #require(detect(text).first)
        #expect(finding.detector == "cn_resident_id")
        #expect((finding.start, finding.end) == (5, 23))
        #expect(finding.confidence == 0.99)
    }

    @Test("confidence without a context word is the structural base")
    func base() {
        #expect(detect("see 320106199003071234").first?.confidence == 0.85)
    }

    @Test("near-misses do not fire", arguments: [
        "110105194912310021",  // wrong check character
        "110105194902310026",  // 31 February (check character valid)
        "110105190002290025",  // 1900 was not a leap year
        "990105194912310023",  // no province 99
        "110105209001010025",  // born in 2090
        "110105189901010025",  // born before 1900
        "911010519491231002X",  // inside a longer run
        "11010519491231002XY",
    ])
    func nearMisses(value: String) {
        #expect(!detectorIDs("身份证 " + value).contains("cn_resident_id"), "\(value)")
    }

    @Test("the check character matches the published algorithm")
    func checkCharacter() {
        var digits = SIMD32<UInt8>()
        for (i, b) in "11010519491231002".utf8.enumerated() { digits[i] = b - 48 }
        #expect(Checksums.cnResidentIDCheck(digits) == UInt8(ascii: "X"))
    }

    @Test("masks show only the last four")
    func masking() {
        #expect(detect("11010519491231002X").first?.masked == "**************002X")
    }
}

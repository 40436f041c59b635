import Foundation
import Testing
import VellumCore

@Suite("Hexadecimal")
struct HexTests {
    @Test("known values: lowercase, two digits a byte, empty for empty")
    func knownValues() {
        #expect(Data().hexString == "")
        #expect(Data([0x00, 0xFF, 0x0A, 0xB7, 0x10]).hexString == "00ff0ab710")
        #expect(Data((0 ... 255).map(UInt8.init)).hexString.count == 512)
        #expect(Data((0 ... 255).map(UInt8.init)).hexString.hasSuffix("fcfdfeff"))
        #expect(Data(hexString: "00FF0aB710") == Data([0x00, 0xFF, 0x0A, 0xB7, 0x10]))
        #expect(Data(hexString: "") == Data())
        #expect(Data(hexString: "abc") == nil, "odd length")
        #expect(Data(hexString: "0g") == nil, "not a digit")
        #expect(Data(hexString: " 0a") == nil)
    }

    @Test("random bytes round-trip, slices included (a slice's indexes do not start at zero)")
    func roundTrip() {
        var rng = SystemRandomNumberGenerator()
        for length in 0 ..< 200 {
            let bytes = Data((0 ..< length + 7).map { _ in UInt8.random(in: 0 ... 255, using: &rng) })
            let slice = bytes.dropFirst(3).dropLast(4)
            #expect(slice.count == length)
            let hex = slice.hexString
            #expect(hex.count == 2 * length)
            #expect(hex == slice.map { String(format: "%02x", $0) }.joined())
            #expect(Data(hexString: hex) == Data(slice))
        }
    }
}

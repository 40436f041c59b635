import Foundation
import Testing
import VellumCore

@Suite("Byte order of keys")
struct ByteOrderTests {
    @Test("bytesPrecede orders exactly as lexicographicallyPrecedes: prefixes, empties, high bytes, slices")
    func matchesLexicographicOrder() {
        var generator = SystemRandomNumberGenerator()
        // Few byte values and short lengths make equal prefixes, prefixes of each other and
        // equal values common; 0x00 and 0xFF catch a signed comparison.
        let alphabet: [UInt8] = [0x00, 0x01, 0x7F, 0x80, 0xFF]
        let values = (0 ..< 300).map { _ in
            Data((0 ..< Int.random(in: 0 ... 6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        } + [Data(), Data([0]), Data([0xFF]), Data(repeating: 7, count: 40)]
        for a in values {
            for b in values.prefix(60) {
                #expect(a.bytesPrecede(b) == a.lexicographicallyPrecedes(b), "\(Array(a)) vs \(Array(b))")
            }
        }
        // A slice whose indices do not start at zero.
        let whole = Data([9, 1, 2, 3])
        let slice = whole.dropFirst()
        #expect(slice.bytesPrecede(Data([1, 2, 4])) && !Data([1, 2, 4]).bytesPrecede(slice))
        #expect(values.sorted { $0.bytesPrecede($1) } == values.sorted { $0.lexicographicallyPrecedes($1) })
    }
}

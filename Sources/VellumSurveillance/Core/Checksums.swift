/// The check-digit algorithms the detectors rely on. All work on digit
/// values or ASCII bytes, never on Strings.
public enum Checksums {
    /// Luhn (mod 10) over the first `count` lanes of `digits`.
    public static func luhn(_ digits: SIMD32<UInt8>, count: Int) -> Bool {
        var sum = 0
        var double = false
        var i = count - 1
        while i >= 0 {
            var d = Int(digits[i])
            if double {
                d *= 2
                if d > 9 { d -= 9 }
            }
            sum += d
            double.toggle()
            i -= 1
        }
        return sum % 10 == 0
    }

    /// ISO 13616 IBAN check: move the first four characters to the end,
    /// letters become 10…35, and the number mod 97 must be 1. `chars` are
    /// uppercase ASCII letters and digits.
    public static func ibanMod97<C: Collection>(_ chars: C) -> Bool where C.Element == UInt8 {
        var remainder = 0
        func feed(_ b: UInt8) {
            if ASCII.isDigit(b) {
                remainder = (remainder * 10 + Int(b - 0x30)) % 97
            } else {
                remainder = (remainder * 100 + Int(b - 0x41) + 10) % 97
            }
        }
        for b in chars.dropFirst(4) { feed(b) }
        for b in chars.prefix(4) { feed(b) }
        return remainder == 1
    }

    /// GB 11643-1999 check character for an 18-character Chinese resident ID
    /// (ISO 7064 MOD 11-2): returns the expected character, `X` meaning 10.
    public static func cnResidentIDCheck(_ digits: SIMD32<UInt8>) -> UInt8 {
        var sum = 0
        for i in 0..<17 { sum += Int(digits[i]) * cnWeights[i] }
        return cnCheckCharacters[sum % 11]
    }

    private static let cnWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let cnCheckCharacters: [UInt8] = Array("10X98765432".utf8)

    /// Hong Kong identity card check character for one or two letters and six
    /// digits: weights 9…2 over [space or letter1, letter2, d1…d6], a space
    /// counting 36, letters 10…35; returns `0`–`9` or `A`.
    public static func hkIDCheck(letters: [UInt8], digits: [UInt8]) -> UInt8 {
        hkIDCheck(first: letters.count == 2 ? letters[0] : nil, second: letters[letters.count - 1]) { digits[$0] }
    }

    /// Allocation-free form: `first` is nil for one-letter IDs; `digit(i)`
    /// returns the ASCII digit `i` (0…5).
    @inline(__always)
    static func hkIDCheck(first: UInt8?, second: UInt8, digit: (Int) -> UInt8) -> UInt8 {
        var sum = (first.map { Int($0 - 0x41) + 10 } ?? 36) * 9 + (Int(second - 0x41) + 10) * 8
        for i in 0..<6 { sum += Int(digit(i) - 0x30) * (7 - i) }
        let check = (11 - sum % 11) % 11
        return check == 10 ? 0x41 : UInt8(0x30 + check)
    }

    /// Allocation-free IBAN check over a byte range of printed IBAN text,
    /// ignoring spaces.
    static func ibanMod97(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var remainder = 0
        var seen = 0
        var headEnd = range.lowerBound
        for i in range where p[i] != ASCII.space {
            seen += 1
            if seen == 4 {
                headEnd = i + 1
                break
            }
        }
        func feed(_ b: UInt8) {
            if ASCII.isDigit(b) {
                remainder = (remainder * 10 + Int(b - 0x30)) % 97
            } else {
                remainder = (remainder * 100 + Int(b - 0x41) + 10) % 97
            }
        }
        for i in headEnd..<range.upperBound where p[i] != ASCII.space { feed(p[i]) }
        for i in range.lowerBound..<headEnd where p[i] != ASCII.space { feed(p[i]) }
        return remainder == 1
    }
}

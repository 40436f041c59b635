/// Byte predicates for ASCII, kept branch-light because the scanner calls
/// them per byte.
enum ASCII {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
    /// Letters, digits and `_`: what makes an identifier-like token.
    @inline(__always) static func isWord(_ b: UInt8) -> Bool { isAlnum(b) || b == 0x5F }
    @inline(__always) static func isUpperAlnum(_ b: UInt8) -> Bool { isDigit(b) || isUpper(b) }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
    @inline(__always) static func digitValue(_ b: UInt8) -> Int { Int(b &- 0x30) }
    /// True for bytes that start a Unicode scalar (counted for scalar offsets).
    @inline(__always) static func isScalarStart(_ b: UInt8) -> Bool { b & 0xC0 != 0x80 }

    static let space: UInt8 = 0x20
    static let dash: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let plus: UInt8 = 0x2B
    static let at: UInt8 = 0x40
    static let hash: UInt8 = 0x23
    static let openParen: UInt8 = 0x28
    static let closeParen: UInt8 = 0x29
    static let underscore: UInt8 = 0x5F
}

/// A candidate run of digits, possibly split into groups by separators
/// (`4111 1111 1111 1111`, `(555) 123-4567`, `+86 138-1234-5678`).
///
/// The scanner builds it without allocating: group lengths and the kind of
/// each gap are packed into integers, and the digits themselves into a SIMD
/// vector, because runs are far more common than findings.
public struct DigitRun: Sendable {
    /// What separates two digit groups.
    public enum Gap: UInt8, Sendable {
        case space = 1, dash, dot
        /// `)` as in `(555)123-4567`.
        case closeParen
        /// `) ` as in `(555) 123-4567`.
        case closeParenSpace
        /// ` (` as in `+1 (555) 123-4567`.
        case spaceOpenParen
        /// `(` as in `+1(555)…`.
        case openParen
        /// Any other 1–3 separator bytes that contain a space.
        case otherWithSpace
        /// Any other 1–3 separator bytes.
        case other

        /// Whether the gap contains a space (the scanner may split runs there).
        public var containsSpace: Bool {
            switch self {
            case .space, .closeParenSpace, .spaceOpenParen, .otherWithSpace: true
            default: false
            }
        }
    }

    /// Most groups a run records; longer runs are never a value we detect.
    public static let maxGroups = 16
    /// Most digits whose values are kept in ``digits``.
    public static let maxDigits = 32

    /// Byte offset of the first digit.
    public let start: Int
    /// Byte offset after the last digit (a trailing `X` is not included).
    public let end: Int
    /// Number of digits in all groups.
    public let digitCount: Int
    /// Number of groups (at most ``maxGroups``; see ``isOverflowing``).
    public let groupCount: Int
    /// True when the run had more than ``maxGroups`` groups.
    public let isOverflowing: Bool
    /// `+` right before the first digit (or before a `(` that is).
    public let hasLeadingPlus: Bool
    /// `(` right before the first digit.
    public let hasLeadingParen: Bool
    /// The byte before the run (before `+`/`(` if present), 0 at the start.
    public let precedingByte: UInt8
    /// An `X`/`x` right after the last digit and then a boundary (CN IDs).
    public let trailingX: Bool
    /// Digit values, first ``digitCount`` lanes (up to ``maxDigits``).
    public let digits: SIMD32<UInt8>

    let lengthsLow: UInt64
    let lengthsHigh: UInt64
    let gaps: UInt64

    init(
        start: Int, end: Int, digitCount: Int, groupCount: Int, isOverflowing: Bool,
        hasLeadingPlus: Bool, hasLeadingParen: Bool, precedingByte: UInt8, trailingX: Bool,
        digits: SIMD32<UInt8>, lengthsLow: UInt64, lengthsHigh: UInt64, gaps: UInt64
    ) {
        self.start = start
        self.end = end
        self.digitCount = digitCount
        self.groupCount = groupCount
        self.isOverflowing = isOverflowing
        self.hasLeadingPlus = hasLeadingPlus
        self.hasLeadingParen = hasLeadingParen
        self.precedingByte = precedingByte
        self.trailingX = trailingX
        self.digits = digits
        self.lengthsLow = lengthsLow
        self.lengthsHigh = lengthsHigh
        self.gaps = gaps
    }

    /// Length of group `index` (saturates at 255).
    public func groupLength(_ index: Int) -> Int {
        let word = index < 8 ? lengthsLow : lengthsHigh
        return Int((word >> UInt64((index & 7) * 8)) & 0xFF)
    }

    /// The gap after group `index` (`index < groupCount - 1`).
    public func gap(after index: Int) -> Gap {
        Gap(rawValue: UInt8((gaps >> UInt64(index * 4)) & 0xF)) ?? .other
    }

    /// True for a single group of digits.
    public var isContiguous: Bool { groupCount == 1 }

    /// True when every gap is `gap`.
    public func allGaps(are gap: Gap) -> Bool {
        guard groupCount > 1 else { return false }
        for i in 0..<(groupCount - 1) where self.gap(after: i) != gap { return false }
        return true
    }

    /// Packed group lengths, comparable with ``shape(_:)`` for runs of at
    /// most 8 groups; lets detectors test a layout with one comparison.
    public var shapeCode: UInt64 { groupCount <= 8 && !isOverflowing ? lengthsLow : .max }

    /// The ``shapeCode`` a run with these group lengths has.
    public static func shape(_ lengths: Int...) -> UInt64 {
        var code: UInt64 = 0
        for (i, length) in lengths.prefix(8).enumerated() { code |= UInt64(min(length, 255)) << UInt64(i * 8) }
        return code
    }

    /// Digit value at `index` as an Int.
    @inline(__always) public func digit(_ index: Int) -> Int { Int(digits[index]) }

    /// The number formed by digits `range` (at most 18 digits).
    public func number(_ range: Range<Int>) -> Int {
        var value = 0
        for i in range { value = value * 10 + Int(digits[i]) }
        return value
    }

    /// The digits as a String (tests and diagnostics; allocates).
    public var digitString: String {
        String(decoding: (0..<min(digitCount, Self.maxDigits)).map { digits[$0] + 0x30 }, as: UTF8.self)
    }
}

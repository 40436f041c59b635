/// Parses a digit run starting at a digit: digit groups joined by 1–3
/// separator bytes out of ` - . ( )`. Commas never join (amounts such as
/// `12,345,678.90` fall apart into short runs), nor do colons or slashes
/// (times, dates, URLs).
enum DigitRunParser {
    @inline(__always) static func isSeparator(_ b: UInt8) -> Bool {
        b == ASCII.space || b == ASCII.dash || b == ASCII.dot || b == ASCII.openParen || b == ASCII.closeParen
    }

    /// Parses from `start` (a digit) up to `limit`; with `splitAtSpaces`, a
    /// gap containing a space ends the run (used to retry the parts of a
    /// spaced run that failed as a whole).
    static func parse(_ p: UnsafeBufferPointer<UInt8>, start: Int, limit: Int, splitAtSpaces: Bool) -> DigitRun {
        var j = start
        var digits = SIMD32<UInt8>()
        var digitCount = 0
        var groupCount = 0
        var overflowing = false
        var lengthsLow: UInt64 = 0
        var lengthsHigh: UInt64 = 0
        var gaps: UInt64 = 0
        while true {
            let groupStart = j
            while j < limit, ASCII.isDigit(p[j]) {
                if digitCount < DigitRun.maxDigits { digits[digitCount] = p[j] &- 0x30 }
                digitCount &+= 1
                j &+= 1
            }
            let length = UInt64(min(j - groupStart, 255))
            if groupCount < DigitRun.maxGroups {
                if groupCount < 8 {
                    lengthsLow |= length << UInt64(groupCount * 8)
                } else {
                    lengthsHigh |= length << UInt64((groupCount - 8) * 8)
                }
                groupCount += 1
            } else {
                overflowing = true
            }
            var k = j
            while k < limit, k - j < 3, isSeparator(p[k]) { k &+= 1 }
            guard k > j, k < limit, ASCII.isDigit(p[k]) else { break }
            let gap = classify(p, j, k)
            if splitAtSpaces, gap.containsSpace { break }
            if !overflowing, groupCount < DigitRun.maxGroups {
                gaps |= UInt64(gap.rawValue) << UInt64((groupCount - 1) * 4)
            }
            j = k
        }
        let prev = start > 0 ? p[start - 1] : 0
        let prev2 = start > 1 ? p[start - 2] : 0
        let hasParen = prev == ASCII.openParen
        let hasPlus = prev == ASCII.plus || (hasParen && prev2 == ASCII.plus)
        let prefixLength = (hasPlus ? 1 : 0) + (hasParen ? 1 : 0)
        let precedingIndex = start - 1 - prefixLength
        let preceding: UInt8 = prefixLength == 0 ? prev : (precedingIndex >= 0 ? p[precedingIndex] : 0)
        let after = j < p.count ? p[j] : 0
        let afterX = j + 1 < p.count ? p[j + 1] : 0
        let trailingX = (after == 0x58 || after == 0x78) && !ASCII.isWord(afterX) && afterX != ASCII.at
        return DigitRun(
            start: start, end: j, digitCount: digitCount, groupCount: groupCount, isOverflowing: overflowing,
            hasLeadingPlus: hasPlus, hasLeadingParen: hasParen, precedingByte: preceding, trailingX: trailingX,
            digits: digits, lengthsLow: lengthsLow, lengthsHigh: lengthsHigh, gaps: gaps
        )
    }

    private static func classify(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> DigitRun.Gap {
        let a = p[from]
        if to - from == 1 {
            switch a {
            case ASCII.space: return .space
            case ASCII.dash: return .dash
            case ASCII.dot: return .dot
            case ASCII.closeParen: return .closeParen
            case ASCII.openParen: return .openParen
            default: return .other
            }
        }
        if to - from == 2 {
            let b = p[from + 1]
            if a == ASCII.closeParen, b == ASCII.space { return .closeParenSpace }
            if a == ASCII.space, b == ASCII.openParen { return .spaceOpenParen }
        }
        for i in from..<to where p[i] == ASCII.space { return .otherWithSpace }
        return .other
    }
}

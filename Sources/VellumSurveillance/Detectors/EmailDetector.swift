/// Email addresses (`email`), found from the `@`: the local part is read
/// backwards (`A–Z a–z 0–9 . _ % + -`, not starting or ending with a dot),
/// the domain forwards (at least two labels, an alphabetic TLD of two or more
/// letters; a trailing sentence dot is not part of it).
public struct EmailDetector: Detector {
    /// `email`.
    public let id = "email"
    /// The `@` sign.
    public var triggers: DetectorTriggers { .literals("@") }
    /// Email words in English and Chinese.
    public var contextWords: [String] { ["email", "e-mail", "mail", "contact", "邮箱", "郵箱", "电邮", "電郵", "邮件", "郵件"] }

    /// Creates the detector.
    public init() {}

    @inline(__always) private static func isLocal(_ b: UInt8) -> Bool {
        ASCII.isAlnum(b) || b == ASCII.dot || b == ASCII.underscore || b == 0x25 || b == ASCII.plus || b == ASCII.dash
    }

    /// Reads local part and domain around the `@` at `offset`.
    public func evaluate(literalIndex: Int, at offset: Int, in text: ScanText) -> DetectorMatch? {
        var start = offset
        while start > 0, offset - start < 64, Self.isLocal(text[start - 1]) { start -= 1 }
        // Longer than RFC 5321 allows: not an address.
        guard !Self.isLocal(text[start - 1]) else { return nil }
        // A leading dot is punctuation before the address, not part of it.
        while start < offset, text[start] == ASCII.dot { start += 1 }
        guard start < offset, text[offset - 1] != ASCII.dot else { return nil }
        // Domain: labels of letters, digits and inner dashes, joined by dots.
        var i = offset + 1
        var labelStart = i
        var lastLabelStart = i
        var labels = 0
        while true {
            while ASCII.isAlnum(text[i]) || text[i] == ASCII.dash { i += 1 }
            guard i > labelStart, text[labelStart] != ASCII.dash, text[i - 1] != ASCII.dash else { return nil }
            labels += 1
            lastLabelStart = labelStart
            if text[i] == ASCII.dot, ASCII.isAlnum(text[i + 1]) {
                i += 1
                labelStart = i
                continue
            }
            break
        }
        guard labels >= 2, i - lastLabelStart >= 2, i - offset <= 254 else { return nil }
        for k in lastLabelStart..<i where !ASCII.isLetter(text[k]) { return nil }
        // "a@b.com" followed by a letter-like byte would be a longer token.
        guard text[i] != ASCII.at else { return nil }
        let range = start..<i
        let masked = text.string(start..<(start + 1)) + "***" + text.string(offset..<i)
        return DetectorMatch(range: range, confidence: 0.8, masked: masked)
    }
}

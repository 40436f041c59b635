/// Hong Kong identity card numbers (`hk_id`): one or two letters, six digits
/// and a check character (`0`–`9` or `A`), e.g. `A123456(3)`, `G123456(A)`,
/// `AB987654(3)`.
///
/// The mod-11 check passes one random string in eleven, so the usual printed
/// form with the check character in parentheses fires on its own, while the
/// bare form (`A1234563`) needs a context word (hkid, 身份證 …).
public struct HKIDDetector: Detector {
    /// `hk_id`.
    public let id = "hk_id"
    /// Identifier-like words.
    public var triggers: DetectorTriggers { .words }
    /// ID words in English and Chinese (traditional and simplified).
    public var contextWords: [String] {
        ["hkid", "hk id", "hkic", "identity card", "id card", "id no", "id number",
         "身份證", "身份证", "香港身份證", "香港身份证", "身份證號碼", "證件"]
    }

    /// Creates the detector.
    public init() {}

    /// Checks letters, digits and the mod-11 check character.
    public func evaluate(word: WordToken, in text: ScanText) -> DetectorMatch? {
        guard word.hasDigit, !word.hasLowercase, !word.hasUnderscore, (7...9).contains(word.length) else { return nil }
        let s = word.start
        let letterCount = ASCII.isUpper(text[s + 1]) ? 2 : 1
        guard ASCII.isUpper(text[s]) else { return nil }
        let firstDigit = s + letterCount
        for k in firstDigit..<(firstDigit + 6) where !ASCII.isDigit(text[k]) { return nil }
        let checkOffset = firstDigit + 6
        let expected = Checksums.hkIDCheck(
            first: letterCount == 2 ? text[s] : nil, second: text[s + letterCount - 1]
        ) { text[firstDigit + $0] }
        let remaining = word.end - checkOffset
        if remaining == 1 {
            // Bare form: the check character is the word's last byte.
            guard text[checkOffset] == expected else { return nil }
            return match(word.start..<word.end, bare: true, in: text)
        }
        guard remaining == 0 else { return nil }
        var p = word.end
        if text[p] == ASCII.space { p += 1 }
        guard text[p] == ASCII.openParen, text[p + 1] == expected, text[p + 2] == ASCII.closeParen else { return nil }
        return match(word.start..<(p + 3), bare: false, in: text)
    }

    private func match(_ range: Range<Int>, bare: Bool, in text: ScanText) -> DetectorMatch {
        DetectorMatch(
            range: range,
            confidence: bare ? 0.6 : 0.75,
            needsContext: bare,
            masked: Masking.keeping(first: 0, last: 4, of: range, in: text)
        )
    }
}

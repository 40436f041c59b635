/// SWIFT/BIC bank identifier codes (`swift_bic`), ISO 9362: four letters
/// (bank), a valid country code, two letters/digits (location, whose second
/// character is never the letter `O`), and an optional three-character branch.
///
/// Uppercase prose (`DEFINITIONS` reads as bank `DEFI`, country `NI`) makes
/// the shape alone weak, so:
/// - 8-character codes need a context word (bic, swift, 银行代码 …);
/// - 11-character codes fire without one only when the location or branch
///   holds a digit or the branch is the primary-office `XXX`, which English
///   words never do; otherwise they too need context;
/// - a code of letters only is never taken from shouted prose: when the word
///   before or after it is also all capitals (other than BIC, SWIFT, CODE,
///   IBAN), it is a word like `DEFINITIONS` in "READ THE DEFINITIONS SECTION",
///   context or not.
public struct SwiftBICDetector: Detector {
    /// `swift_bic`.
    public let id = "swift_bic"
    /// Identifier-like words (a BIC has at least six capitals).
    public var triggers: DetectorTriggers { .words }
    /// Bank-code words in English and Chinese.
    public var contextWords: [String] {
        ["bic", "swift", "swift code", "bank code", "routing", "bank", "transfer", "wire",
         "银行代码", "銀行代碼", "银行识别码", "swift码", "汇款", "匯款", "转账"]
    }

    /// Creates the detector.
    public init() {}

    /// Checks layout, country and the prose guard.
    public func evaluate(word: WordToken, in text: ScanText) -> DetectorMatch? {
        guard word.length == 8 || word.length == 11, word.uppercaseCount >= 6,
              !word.hasLowercase, !word.hasUnderscore else { return nil }
        let s = word.start
        for i in s..<(s + 4) where !ASCII.isUpper(text[i]) { return nil }
        guard ISOCountryCodes.contains(text[s + 4], text[s + 5]) else { return nil }
        guard ASCII.isUpperAlnum(text[s + 6]), ASCII.isUpperAlnum(text[s + 7]), text[s + 7] != 0x4F else { return nil }
        var strong = false
        if word.length == 11 {
            strong = ASCII.isDigit(text[s + 6]) || ASCII.isDigit(text[s + 7]) || text.hasLiteral("XXX", at: s + 8)
            for i in (s + 8)..<(s + 11) where ASCII.isDigit(text[i]) { strong = true }
        }
        if !word.hasDigit, isShouted(word, in: text) { return nil }
        let range = s..<word.end
        return DetectorMatch(
            range: range,
            confidence: 0.6,
            needsContext: !strong,
            masked: Masking.keeping(first: 6, last: 0, of: range, in: text),
            detail: text.string((s + 4)..<(s + 6))
        )
    }

    private static let labels: Set<String> = ["BIC", "SWIFT", "CODE", "IBAN"]

    /// Whether an all-capitals word of two or more letters sits right before
    /// or after `word`, with at most two spaces or punctuation marks between.
    private func isShouted(_ word: WordToken, in text: ScanText) -> Bool {
        var i = word.start
        while i > 0, word.start - i < 2, Self.isGap(text[i - 1]) { i -= 1 }
        var start = i
        while start > 0, ASCII.isUpper(text[start - 1]) { start -= 1 }
        if i - start >= 2, !ASCII.isWord(text[start - 1]), !Self.labels.contains(text.string(start..<i)) { return true }
        var j = word.end
        while j < text.count, j - word.end < 2, Self.isGap(text[j]) { j += 1 }
        var end = j
        while end < text.count, ASCII.isUpper(text[end]) { end += 1 }
        return end - j >= 2 && !ASCII.isWord(text[end]) && !Self.labels.contains(text.string(j..<end))
    }

    @inline(__always) private static func isGap(_ b: UInt8) -> Bool { b < 0x80 && b > 0 && !ASCII.isWord(b) }
}

/// International bank account numbers (`iban`).
///
/// Two forms: compact (`GB82WEST12345698765432`) and printed in groups of four
/// separated by single spaces (`GB82 WEST 1234 5698 7654 32`). The country's
/// registry length must match exactly and the mod-97 check must hold.
/// Only uppercase is accepted: lowercase IBANs are rare in practice and
/// accepting them would let ordinary words start candidates.
public struct IBANDetector: Detector {
    /// `iban`.
    public let id = "iban"
    /// Identifier-like words (the first group of a spaced IBAN is a word too).
    public var triggers: DetectorTriggers { .words }
    /// Account words in English and Chinese.
    public var contextWords: [String] {
        ["iban", "account", "acct", "bank", "transfer", "wire", "payee", "beneficiary",
         "账户", "账号", "帳戶", "帳號", "户口", "汇款", "匯款", "转账", "轉賬", "收款"]
    }

    /// Creates the detector.
    public init() {}

    /// Checks country length, layout and mod-97.
    public func evaluate(word: WordToken, in text: ScanText) -> DetectorMatch? {
        let s = word.start
        guard word.hasDigit, ASCII.isDigit(text[s + 2]), ASCII.isDigit(text[s + 3]),
              let length = IBANRegistry.length(text[s], text[s + 1]) else { return nil }
        let end: Int
        if word.length == length {
            for i in word.start..<word.end {
                guard ASCII.isUpperAlnum(text[i]) else { return nil }
            }
            end = word.end
        } else if word.length == 4 {
            guard let spacedEnd = spacedEnd(from: word, length: length, in: text) else { return nil }
            end = spacedEnd
        } else {
            return nil
        }
        guard Checksums.ibanMod97(text.bytes, word.start..<end) else { return nil }
        let range = word.start..<end
        return DetectorMatch(
            range: range,
            confidence: 0.85,
            masked: Masking.keeping(first: 4, last: 4, of: range, in: text),
            detail: text.string(s..<(s + 2))
        )
    }

    /// Follows `GB82 WEST 1234 …` groups until `length` characters; returns
    /// the end offset, or nil when the layout breaks.
    private func spacedEnd(from word: WordToken, length: Int, in text: ScanText) -> Int? {
        var count = word.length
        var i = word.end
        while count < length {
            guard text[i] == ASCII.space else { return nil }
            i += 1
            var group = 0
            while group < 4, count < length, ASCII.isUpperAlnum(text[i]) {
                count += 1
                group += 1
                i += 1
            }
            // A short group is only allowed as the last one.
            guard group > 0, group == 4 || count == length else { return nil }
        }
        guard !ASCII.isWord(text[i]) else { return nil }
        return i
    }
}

/// AWS access key ids (`aws_access_key`): `AKIA` (long-term) or `ASIA`
/// (temporary) followed by 16 characters of the base-32 alphabet `A–Z2–7`,
/// as one whole token of 20 characters.
public struct AWSAccessKeyDetector: Detector {
    /// `aws_access_key`.
    public let id = "aws_access_key"
    /// Identifier-like words.
    public var triggers: DetectorTriggers { .words }
    /// Credential words in English and Chinese.
    public var contextWords: [String] { ["aws", "key", "access key", "secret", "credential", "token", "密钥", "秘钥", "凭证", "憑證"] }

    /// Creates the detector.
    public init() {}

    /// Checks prefix, length and alphabet.
    public func evaluate(word: WordToken, in text: ScanText) -> DetectorMatch? {
        guard word.length == 20, word.uppercaseCount >= 4, !word.hasLowercase, !word.hasUnderscore else { return nil }
        let s = word.start
        guard text[s] == 0x41 || text[s] == 0x53, text[s + 1] == 0x4B || text[s + 1] == 0x53 else { return nil }
        guard text.hasLiteral("AKIA", at: s) || text.hasLiteral("ASIA", at: s) else { return nil }
        for i in (s + 4)..<word.end {
            let b = text[i]
            guard ASCII.isUpper(b) || (b >= 0x32 && b <= 0x37) else { return nil }
        }
        return DetectorMatch(
            range: s..<word.end,
            confidence: 0.85,
            masked: Masking.prefixOnly(s..<word.end, prefixLength: 4, in: text),
            detail: text.hasLiteral("AKIA", at: s) ? "long_term" : "temporary"
        )
    }
}

/// GitHub tokens (`github_token`): `ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`
/// followed by 36 letters and digits, and fine-grained `github_pat_`
/// followed by 82 characters of `A–Z a–z 0–9 _`. The token must be a whole
/// word. The CRC32 GitHub embeds in classic tokens is not verified: test and
/// example tokens rarely carry a valid one, and the prefix plus exact length
/// is already specific.
public struct GitHubTokenDetector: Detector {
    /// `github_token`.
    public let id = "github_token"
    /// Identifier-like words (every token holds `_`).
    public var triggers: DetectorTriggers { .words }
    /// Credential words in English and Chinese.
    public var contextWords: [String] { ["github", "token", "pat", "key", "secret", "credential", "令牌", "密钥", "秘钥"] }

    /// Creates the detector.
    public init() {}

    /// Checks prefix, length and alphabet.
    public func evaluate(word: WordToken, in text: ScanText) -> DetectorMatch? {
        guard word.hasUnderscore, text[word.start] == 0x67 else { return nil }  // "g"
        let s = word.start
        let kind = text[s + 2]  // p(ersonal), o(auth), u(ser), s(erver), r(efresh)
        if word.length == 40, text[s + 1] == 0x68, kind == 0x70 || kind == 0x6F || kind == 0x75 || kind == 0x73 || kind == 0x72,
           text[s + 3] == ASCII.underscore {
            for i in (s + 4)..<word.end where !ASCII.isAlnum(text[i]) { return nil }
            return match(s..<word.end, prefix: 4, in: text)
        }
        if word.length == 93, text.hasLiteral("github_pat_", at: s) {
            return match(s..<word.end, prefix: 11, in: text)
        }
        return nil
    }

    private func match(_ range: Range<Int>, prefix: Int, in text: ScanText) -> DetectorMatch {
        DetectorMatch(
            range: range,
            confidence: 0.9,
            masked: Masking.prefixOnly(range, prefixLength: prefix, in: text),
            detail: text.string(range.lowerBound..<(range.lowerBound + prefix - 1))
        )
    }
}

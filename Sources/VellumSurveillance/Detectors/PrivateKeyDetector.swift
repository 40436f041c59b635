/// PEM private keys (`private_key`): a `-----BEGIN … PRIVATE KEY-----` header
/// (RSA, EC, DSA, OPENSSH, ENCRYPTED or plain PKCS#8). The span covers the
/// whole block through its `-----END … PRIVATE KEY-----` line when present;
/// without one (a key pasted in pieces) it covers the header and the base64
/// body that follows, so the body is never outside the finding.
public struct PrivateKeyDetector: Detector {
    /// `private_key`.
    public let id = "private_key"
    /// The PEM header start.
    public var triggers: DetectorTriggers { .literals("-----BEGIN ") }
    /// Credential words in English and Chinese.
    public var contextWords: [String] { ["key", "private key", "secret", "ssh", "pem", "私钥", "私鑰", "密钥"] }

    /// Creates the detector.
    public init() {}

    private static let headerTail = "PRIVATE KEY-----"
    private static let footer = "-----END "

    /// Finds header, then the END line or the body's end.
    public func evaluate(literalIndex: Int, at offset: Int, in text: ScanText) -> DetectorMatch? {
        let searchLimit = min(text.count, offset + 80)
        guard let tail = text.firstIndex(of: Self.headerTail, from: offset + 11, limit: searchLimit) else { return nil }
        // The header must stay on one line.
        for i in (offset + 11)..<tail where text[i] == 0x0A || text[i] == 0x0D { return nil }
        let headerEnd = tail + Self.headerTail.utf8.count
        let header = text.string(offset..<headerEnd)
        var end = headerEnd
        var complete = false
        if let footer = text.firstIndex(of: Self.footer, from: headerEnd),
           let footerTail = text.firstIndex(of: Self.headerTail, from: footer, limit: min(text.count, footer + 80)) {
            end = footerTail + Self.headerTail.utf8.count
            complete = true
        } else {
            end = bodyEnd(from: headerEnd, in: text)
        }
        return DetectorMatch(
            range: offset..<end,
            confidence: complete ? 0.95 : 0.85,
            masked: header + " [redacted]",
            detail: complete ? "block" : "header"
        )
    }

    /// End of the base64 body (and line breaks) following a header.
    private func bodyEnd(from start: Int, in text: ScanText) -> Int {
        var i = start
        var lastBody = start
        while i < text.count {
            let b = text[i]
            if ASCII.isAlnum(b) || b == ASCII.plus || b == 0x2F || b == 0x3D {
                i += 1
                lastBody = i
            } else if b == 0x0A || b == 0x0D || b == ASCII.space || b == 0x5C {  // "\" for escaped "\n"
                i += 1
            } else {
                break
            }
        }
        return lastBody
    }
}

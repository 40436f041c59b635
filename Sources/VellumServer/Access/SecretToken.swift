import Crypto
public import Foundation

/// Random secrets handed out once (session cookies, API tokens, set-up links) and how they are
/// kept: only their SHA-256, compared in constant time.
public enum SecretToken {
    /// 32 random bytes, base64url without padding (43 characters), with a prefix that says what
    /// the secret is for (`vls_` sessions, `vlt_` API tokens, `vsu_` set-up) so a leaked one is
    /// recognisable in a secret scanner.
    public static func generate(prefix: String) -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0 ..< 32).map { _ in UInt8.random(in: 0 ... 255, using: &rng) }
        return prefix + base64URL(Data(bytes))
    }

    public static func hash(_ secret: String) -> Data { Data(SHA256.hash(data: Data(secret.utf8))) }

    /// Equal without an early exit, so timing does not tell how much of a guess was right.
    public static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = UInt8(truncatingIfNeeded: x.count ^ y.count)
        for i in 0 ..< max(x.count, y.count) {
            diff |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
        }
        return diff == 0
    }

    static func base64URL(_ d: Data) -> String {
        d.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

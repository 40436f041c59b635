public import Foundation
import Crypto

/// A record's commitment: `SHA-256(nonce ‖ canonical bytes)`.
///
/// The random nonce stays inside the sealed record, so the commitment in the ledger reveals
/// nothing about the content (no dictionary attack on short messages), yet anyone given the
/// nonce and the bytes (an export) can check them against the ledger.
public enum Commitment {
    /// 32 fresh random bytes.
    public static func newNonce() -> Data { RandomBytes.data(32) }

    public static func make(nonce: Data, canonical: Data) -> Data {
        var h = SHA256()
        h.update(data: nonce)
        h.update(data: canonical)
        return Data(h.finalize())
    }
}

/// SHA-256 for callers that must not import swift-crypto themselves.
public enum Digest {
    public static func sha256(_ data: some DataProtocol) -> Data { Data(SHA256.hash(data: data)) }
}

/// Comparison whose time does not depend on where the inputs differ.
public enum ConstantTime {
    public static func equal(_ a: some DataProtocol, _ b: some DataProtocol) -> Bool {
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for (x, y) in zip(a, b) { diff |= x ^ y }
        return diff == 0
    }
}

/// Keyed message authentication for webhook signatures (WhatsApp's `X-Hub-Signature-256`).
public enum MessageAuthentication {
    public static func hmacSHA256(key: some ContiguousBytes, _ data: some DataProtocol) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: data, using: SymmetricKey(data: key)))
    }
}

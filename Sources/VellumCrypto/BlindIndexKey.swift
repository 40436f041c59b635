public import Foundation
import Crypto

/// Turns normalized search terms into keyed tokens: the only thing the full-text index stores.
///
/// A token is the first 8 bytes of HMAC-SHA256(key, term) in lowercase base32 (13 characters):
/// equal terms give equal tokens, so bm25 and phrase positions work, while the database file
/// reveals no word. 64 bits keep accidental collisions negligible at archive scale.
public struct BlindIndexKey: Sendable {
    let prepared: HMAC<SHA256>

    init(key: SymmetricKey) { prepared = HMAC<SHA256>(key: key) }

    public func token(for term: String) -> String {
        String(unsafeUninitializedCapacity: Base32.tokenLength) { Base32.encode(tokenBits(for: term), into: $0) }
    }

    /// The token's 64 bits: the MAC's first 8 bytes, big-endian.
    func tokenBits(for term: String) -> UInt64 {
        var t = term
        return t.withUTF8 { tokenBits($0) }
    }

    /// The token's 64 bits of a term given as its UTF-8 bytes.
    func tokenBits(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = prepared
        h.update(data: UnsafeRawBufferPointer(utf8))
        return h.finalize().withUnsafeBytes { mac in mac.prefix(8).reduce(0) { $0 << 8 | UInt64($1) } }
    }
}

enum Base32 {
    static let alphabet: [UInt8] = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)
    /// 64 bits → 13 characters, unpadded.
    static let tokenLength = 13

    /// Writes the 13 characters of `bits` (12 groups of 5 bits, then 4 bits padded with a zero
    /// bit) at the start of `out`, which must hold at least 13 bytes; returns 13.
    @inline(__always)
    static func encode(_ bits: UInt64, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        alphabet.withUnsafeBufferPointer { a in
            out[12] = a[Int((bits & 0xF) << 1)]
            var shifted = bits >> 4
            for i in stride(from: 11, through: 0, by: -1) {
                out[i] = a[Int(shifted & 0x1F)]
                shifted >>= 5
            }
        }
        return tokenLength
    }
}

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
        var h = prepared
        var t = term
        t.withUTF8 { h.update(data: UnsafeRawBufferPointer($0)) }
        let mac = h.finalize()
        return mac.withUnsafeBytes { Base32.encode64(UnsafeRawBufferPointer(rebasing: $0.prefix(8))) }
    }
}

/// A bounded term → token memo for one worker (not shared: no locks on the hot path).
public struct BlindTokenCache: Sendable {
    let key: BlindIndexKey
    var memo: [String: String] = [:]
    let capacity: Int

    public init(key: BlindIndexKey, capacity: Int = 200_000) {
        self.key = key
        self.capacity = capacity
    }

    public mutating func token(for term: String) -> String {
        if let hit = memo[term] { return hit }
        if memo.count >= capacity { memo.removeAll(keepingCapacity: true) }
        let t = key.token(for: term)
        memo[term] = t
        return t
    }
}

enum Base32 {
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)

    /// 8 bytes → 13 characters, unpadded.
    static func encode64(_ bytes: UnsafeRawBufferPointer) -> String {
        var v: UInt64 = 0
        for b in bytes { v = v << 8 | UInt64(b) }
        return String(unsafeUninitializedCapacity: 13) { buf in
            // 64 bits = 12 groups of 5 bits + 4 bits, padded with a zero bit.
            var shifted = v
            var chars = [UInt8](repeating: 0, count: 13)
            chars[12] = alphabet[Int((shifted & 0xF) << 1)]
            shifted >>= 4
            for i in stride(from: 11, through: 0, by: -1) {
                chars[i] = alphabet[Int(shifted & 0x1F)]
                shifted >>= 5
            }
            for i in 0 ..< 13 { buf[i] = chars[i] }
            return 13
        }
    }
}

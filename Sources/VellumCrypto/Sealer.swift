public import Foundation
import Crypto

/// AES-256-GCM sealing of everything Vellum keeps at rest.
///
/// Layout: one version byte (1), the 12-byte nonce, the ciphertext, the 16-byte tag. The `context`
/// is authenticated, not stored: it binds a ciphertext to its place (record id, scope), so bytes
/// moved from one row to another fail to open.
enum Sealer {
    static let version: UInt8 = 1

    static func seal(_ plaintext: Data, key: SymmetricKey, context: Data, nonce: AES.GCM.Nonce? = nil) throws -> Data {
        let nonce = try nonce ?? RandomBytes.take(12) { try AES.GCM.Nonce(data: $0) }
        let box = try AES.GCM.seal(plaintext, using: key, nonce: nonce, authenticating: context)
        // `combined` is nonce ‖ ciphertext ‖ tag as the box already holds it (a 12-byte nonce).
        guard let combined = box.combined else {
            throw CryptoFailure(.malformedCiphertext, "AES-GCM gave no combined form for a 12-byte nonce")
        }
        var out = Data(capacity: 1 + combined.count)
        out.append(version)
        out.append(combined)
        return out
    }

    static func open(_ sealed: Data, key: SymmetricKey, context: Data) throws -> Data {
        guard sealed.count >= 1 + 12 + 16, sealed.first == version else {
            throw CryptoFailure(.malformedCiphertext, "sealed data has an unknown layout")
        }
        let start = sealed.startIndex
        do {
            let box = try AES.GCM.SealedBox(
                nonce: AES.GCM.Nonce(data: sealed[(start + 1) ..< (start + 13)]),
                ciphertext: sealed[(start + 13) ..< (sealed.endIndex - 16)],
                tag: sealed[(sealed.endIndex - 16)...])
            return try AES.GCM.open(box, using: key, authenticating: context)
        } catch {
            throw CryptoFailure(.authenticationFailed, "sealed data failed authentication (changed, moved, or wrong key)")
        }
    }

    /// A synthetic nonce: the first 12 bytes of HMAC-SHA256 under a key derived from `key`, over the
    /// context and the plaintext. The same bytes in the same place seal to the same ciphertext (so a
    /// file sent twice in one scope is stored once); different plaintexts get different nonces, so
    /// GCM's nonce is never reused with another message.
    static func syntheticNonce(_ plaintext: Data, key: SymmetricKey, context: Data) throws -> AES.GCM.Nonce {
        let nonceKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: key, info: Data("vellum/synthetic-nonce/v1".utf8), outputByteCount: 32)
        var mac = HMAC<SHA256>(key: nonceKey)
        mac.update(data: withUnsafeBytes(of: UInt64(context.count).bigEndian) { Data($0) })
        mac.update(data: context)
        mac.update(data: plaintext)
        return try AES.GCM.Nonce(data: Data(mac.finalize()).prefix(12))
    }
}

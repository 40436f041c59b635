public import Foundation
import Crypto

/// AES-256-GCM sealing of everything Vellum keeps at rest.
///
/// Layout: one version byte (1), the 12-byte nonce, the ciphertext, the 16-byte tag. The `context`
/// is authenticated, not stored: it binds a ciphertext to its place (record id, scope), so bytes
/// moved from one row to another fail to open.
enum Sealer {
    static let version: UInt8 = 1

    static func seal(_ plaintext: Data, key: SymmetricKey, context: Data) throws -> Data {
        let box = try AES.GCM.seal(plaintext, using: key, authenticating: context)
        var out = Data([version])
        out.reserveCapacity(1 + 12 + plaintext.count + 16)
        out.append(contentsOf: box.nonce)
        out.append(box.ciphertext)
        out.append(box.tag)
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
}

public import Foundation
import Crypto

/// The keys derived from the master key (HKDF-SHA256), and the wrapping of per-scope data keys.
///
/// Data keys are random AES-256 keys, one per scope (see `ScopeID` in the store); the key-encryption
/// key wraps them with AES-GCM bound to the scope, so a wrapped key cannot be moved to another scope.
public struct KeyHierarchy: Sendable {
    let keyEncryption: SymmetricKey
    /// Keys message tokens for the blind full-text index.
    public let blindIndex: BlindIndexKey
    /// HMAC keyed once; each look-up copies it (about half the cost of keying from scratch).
    let lookup: HMAC<SHA256>
    /// Signs tree heads; its public half lets anyone verify them.
    public let signing: TreeHeadSigner
    /// A value derived from the master key that proves the right key was given, without revealing it.
    public let keyCheck: Data

    public init(master: MasterKey) {
        func derive(_ purpose: KeyPurpose) -> SymmetricKey {
            HKDF<SHA256>.deriveKey(
                inputKeyMaterial: master.bytes, salt: Data("vellum".utf8), info: Data(purpose.rawValue.utf8),
                outputByteCount: 32)
        }
        keyEncryption = derive(.keyEncryption)
        blindIndex = BlindIndexKey(key: derive(.blindIndex))
        lookup = HMAC<SHA256>(key: derive(.lookup))
        signing = TreeHeadSigner(seed: derive(.treeHeadSigning))
        keyCheck = Data(HMAC<SHA256>.authenticationCode(for: Data("vellum key check".utf8), using: derive(.keyCheck)))
    }

    /// Whether `stored` is this hierarchy's key check, compared in constant time.
    public func matchesKeyCheck(_ stored: Data) -> Bool {
        ConstantTime.equal(stored, keyCheck)
    }

    /// A keyed hash (16 bytes) for looking up a normalized identifier, source ref or scope without storing it.
    public func lookupKey(_ bytes: some DataProtocol, domain: String) -> Data {
        var h = lookup
        h.update(data: Data(domain.utf8))
        h.update(data: [0])
        h.update(data: bytes)
        return Data(h.finalize().prefix(16))
    }

    /// The data key sealed under the key-encryption key, bound to `scope`.
    public func wrap(_ dataKey: DataKey, scope: Data) throws -> Data {
        try Sealer.seal(dataKey.key.withUnsafeBytes { Data($0) }, key: keyEncryption, context: Data("dek:".utf8) + scope)
    }

    /// Opens a wrapped data key; throws when it was tampered with or wrapped for another scope or master key.
    public func unwrap(_ wrapped: Data, scope: Data) throws -> DataKey {
        DataKey(key: SymmetricKey(data: try Sealer.open(wrapped, key: keyEncryption, context: Data("dek:".utf8) + scope)))
    }
}

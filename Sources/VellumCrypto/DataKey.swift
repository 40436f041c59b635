public import Foundation
import Crypto

/// A scope's data key (AES-256): seals the records, names and attachments of that scope.
///
/// Destroying a scope's wrapped data key crypto-shreds everything sealed under it.
public struct DataKey: Sendable, Equatable {
    let key: SymmetricKey

    init(key: SymmetricKey) { self.key = key }

    public static func random() -> DataKey { DataKey(key: RandomBytes.take(32) { SymmetricKey(data: $0) }) }

    public func seal(_ plaintext: Data, context: Data) throws -> Data {
        try Sealer.seal(plaintext, key: key, context: context)
    }

    /// Seals so that equal plaintexts in the same context give equal bytes (a synthetic nonce):
    /// for attachments, which are stored by the hash of their sealed bytes and so deduplicate
    /// within a scope. Reveals only that two sealed files in one scope are the same file.
    public func sealDeduplicating(_ plaintext: Data, context: Data) throws -> Data {
        try Sealer.seal(plaintext, key: key, context: context, nonce: Sealer.syntheticNonce(plaintext, key: key, context: context))
    }

    public func open(_ sealed: Data, context: Data) throws -> Data {
        try Sealer.open(sealed, key: key, context: context)
    }

    /// Seals another data key under this one (a record's own key under its scope's key), so that
    /// destroying the wrapped bytes shreds what the inner key sealed while the scope lives on.
    public func wrap(_ inner: DataKey, context: Data) throws -> Data {
        try seal(inner.key.withUnsafeBytes { Data($0) }, context: Data("key:".utf8) + context)
    }

    /// Opens a key wrapped by ``wrap(_:context:)``; throws when it was changed, moved or wrapped by another key.
    public func unwrap(_ wrapped: Data, context: Data) throws -> DataKey {
        let bytes = try open(wrapped, context: Data("key:".utf8) + context)
        guard bytes.count == 32 else { throw CryptoFailure(.malformedCiphertext, "a wrapped data key has the wrong length") }
        return DataKey(key: SymmetricKey(data: bytes))
    }
}

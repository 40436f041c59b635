import VellumCrypto
import Foundation

/// Every call VellumExport makes into swift-crypto: SHA-256 and Ed25519 verification.
///
/// Kept in one file so the archive can route these through its own crypto module.
enum ExportCrypto {
    /// SHA-256 of `data`.
    static func sha256(_ data: Data) -> Data {
        Digest.sha256(data)
    }

    /// Whether `signature` is a valid Ed25519 signature of `message` under the raw 32-byte key.
    static func ed25519IsValid(signature: Data, message: Data, publicKey: Data) -> Bool {
        SignatureCheck.ed25519(signature: signature, message: message, publicKey: publicKey)
    }

    /// An incremental SHA-256, for files written or read in chunks.
    struct Hasher {
        private var state = StreamingSHA256()

        mutating func update(_ bytes: UnsafeRawBufferPointer) {
            state.update(bytes)
        }

        mutating func update(_ data: Data) {
            state.update(data)
        }

        /// The digest; the hasher must not be used afterwards.
        func finalize() -> Data {
            state.finalize()
        }
    }
}

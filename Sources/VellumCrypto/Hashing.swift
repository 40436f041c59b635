public import Foundation
import Crypto

/// SHA-256 over data arriving in pieces (files written or read in chunks).
public struct StreamingSHA256: Sendable {
    var state = SHA256()

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) { state.update(bufferPointer: bytes) }
    public mutating func update(_ data: some DataProtocol) { state.update(data: data) }

    /// The digest; the hasher must not be used afterwards.
    public func finalize() -> Data { Data(state.finalize()) }
}

/// Ed25519 signature checks over arbitrary bytes (an export's tree head, checked without the archive).
public enum SignatureCheck {
    public static func ed25519(signature: Data, message: Data, publicKey: Data) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: message)
    }
}

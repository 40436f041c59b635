public import Foundation

/// The signed ledger state every record's inclusion proof is checked against.
public struct ExportTreeHead: Sendable, Hashable {
    public var size: UInt64
    /// The Merkle root, lowercase hex.
    public var rootHex: String
    /// Milliseconds since the epoch, UTC, as signed.
    public var timestamp: Int64
    /// The Ed25519 signature, lowercase hex.
    public var signatureHex: String
    /// The raw 32-byte Ed25519 public key, lowercase hex.
    public var publicKeyHex: String
    /// The exact bytes the signature covers (Vellum's `vellum-tree-head-v1` statement).
    public var signedBytes: Data

    public init(
        size: UInt64, rootHex: String, timestamp: Int64, signatureHex: String, publicKeyHex: String,
        signedBytes: Data
    ) {
        self.size = size
        self.rootHex = rootHex
        self.timestamp = timestamp
        self.signatureHex = signatureHex
        self.publicKeyHex = publicKeyHex
        self.signedBytes = signedBytes
    }
}

public import Foundation
import Crypto

/// A signed statement of the ledger's state: its size and Merkle root at a time.
public struct TreeHead: Sendable, Hashable, Codable {
    public var size: UInt64
    public var root: Data
    /// Milliseconds since the epoch, UTC.
    public var timestamp: Int64
    public var signature: Data

    public init(size: UInt64, root: Data, timestamp: Int64, signature: Data) {
        self.size = size
        self.root = root
        self.timestamp = timestamp
        self.signature = signature
    }

    /// The exact bytes the signature covers.
    public static func signedBytes(size: UInt64, root: Data, timestamp: Int64) -> Data {
        var out = Data("vellum-tree-head-v1\n".utf8)
        withUnsafeBytes(of: size.bigEndian) { out.append(contentsOf: $0) }
        withUnsafeBytes(of: timestamp.bigEndian) { out.append(contentsOf: $0) }
        out.append(root)
        return out
    }
}

/// Signs and checks tree heads with Ed25519.
public struct TreeHeadSigner: Sendable {
    let privateKey: Curve25519.Signing.PrivateKey

    init(seed: SymmetricKey) {
        privateKey = try! Curve25519.Signing.PrivateKey(rawRepresentation: seed.withUnsafeBytes { Data($0) })  // 32-byte HKDF output is always a valid seed
    }

    /// The raw 32-byte Ed25519 public key that verifies this archive's tree heads.
    public var publicKey: Data { privateKey.publicKey.rawRepresentation }

    public func sign(size: UInt64, root: Data, timestamp: Int64) throws -> TreeHead {
        let sig = try privateKey.signature(for: TreeHead.signedBytes(size: size, root: root, timestamp: timestamp))
        return TreeHead(size: size, root: root, timestamp: timestamp, signature: sig)
    }

    /// Whether `head` was signed by the holder of `publicKey`.
    public static func verify(_ head: TreeHead, publicKey: Data) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(
            head.signature, for: TreeHead.signedBytes(size: head.size, root: head.root, timestamp: head.timestamp))
    }
}

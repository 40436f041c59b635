public import Foundation
import Crypto

/// RFC 9162 §2.1.1 hashing for a SHA-256 Merkle tree with domain separation
/// between leaves (prefix `0x00`) and interior nodes (prefix `0x01`).
public enum MerkleHash {
    /// The hash of a leaf: `SHA-256(0x00 || bytes)`.
    public static func leaf(_ bytes: Data) -> Data {
        var hasher = SHA256()
        update(&hasher, prefix: 0x00)
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return finalize(hasher)
    }

    /// The hash of an interior node: `SHA-256(0x01 || left || right)`.
    public static func node(_ left: Data, _ right: Data) -> Data {
        var hasher = SHA256()
        update(&hasher, prefix: 0x01)
        left.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        right.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return finalize(hasher)
    }

    /// The root of the empty tree, `MTH({}) = SHA-256()` (the hash of the empty string).
    public static let emptyRoot: Data = Data(SHA256.hash(data: Data()))

    /// The Merkle Tree Hash (RFC 9162 §2.1.1) of a list of leaf hashes.
    ///
    /// `MTH(D[n]) = node(MTH(D[0:k]), MTH(D[k:n]))` with `k` the largest power of two
    /// smaller than `n`; a single leaf hash is its own root; no leaves give ``emptyRoot``.
    public static func root(ofLeafHashes leafHashes: [Data]) -> Data {
        subtreeRoot(leafHashes[...])
    }

    /// Feeds the one-byte domain-separation prefix (buffer-pointer updates avoid generic
    /// per-byte iteration, which matters in unoptimised builds).
    private static func update(_ hasher: inout SHA256, prefix: UInt8) {
        withUnsafeBytes(of: prefix) { hasher.update(bufferPointer: $0) }
    }

    private static func finalize(_ hasher: SHA256) -> Data {
        hasher.finalize().withUnsafeBytes { Data($0) }
    }

    /// The RFC 9162 recursion over a slice of leaf hashes.
    static func subtreeRoot(_ leaves: ArraySlice<Data>) -> Data {
        switch leaves.count {
        case 0:
            return emptyRoot
        case 1:
            return leaves[leaves.startIndex]
        default:
            let k = Int(MerkleTreeMath.largestPowerOfTwo(below: UInt64(leaves.count)))
            let split = leaves.startIndex + k
            return node(subtreeRoot(leaves[..<split]), subtreeRoot(leaves[split...]))
        }
    }
}

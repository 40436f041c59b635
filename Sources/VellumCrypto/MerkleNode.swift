public import Foundation

/// The hash of a perfect, aligned subtree of a Merkle tree.
///
/// The node at (`level`, `index`) covers leaves `[index << level, (index + 1) << level)`;
/// level 0 nodes are leaf hashes.
public struct MerkleNode: Sendable, Hashable {
    /// The height of the subtree (0 = a single leaf).
    public var level: Int
    /// The position of the subtree among the subtrees of the same level, left to right.
    public var index: UInt64
    /// The 32-byte subtree hash.
    public var hash: Data

    /// Creates a node.
    public init(level: Int, index: UInt64, hash: Data) {
        self.level = level
        self.index = index
        self.hash = hash
    }
}

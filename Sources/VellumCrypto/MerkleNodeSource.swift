public import Foundation

/// Where proofs get hashes of perfect, aligned subtrees from (level 0 = leaf hash).
/// A store implements it.
///
/// The node at (`level`, `index`) covers leaves `[index << level, (index + 1) << level)`.
/// Proof generation only asks for nodes lying entirely inside the requested tree size.
public protocol MerkleNodeSource {
    /// The 32-byte hash of the perfect subtree at (`level`, `index`).
    ///
    /// Implementations should throw a ``MerkleError`` with code
    /// ``MerkleError/Code/missingNode`` when the node is not (yet) available.
    func hash(level: Int, index: UInt64) throws -> Data
}

public import Foundation

/// An in-memory ``MerkleNodeSource`` holding every perfect-subtree node of a tree.
///
/// Built from leaf hashes; level `l` holds `size >> l` nodes. Intended for tests and
/// small trees (memory is about `2 * size` hashes).
public struct InMemoryMerkleNodes: MerkleNodeSource, Sendable {
    /// `levels[l][i]` is the hash of the node at (`l`, `i`); `levels[0]` are the leaf hashes.
    private var levels: [[Data]]

    /// The number of leaves.
    public var size: UInt64 { UInt64(levels.first?.count ?? 0) }

    /// Creates the node store, computing all perfect-subtree nodes of `leafHashes`.
    public init(leafHashes: [Data]) {
        var levels: [[Data]] = [leafHashes]
        while let below = levels.last, below.count >= 2 {
            var above: [Data] = []
            above.reserveCapacity(below.count / 2)
            var i = 0
            while i + 1 < below.count {
                above.append(MerkleHash.node(below[i], below[i + 1]))
                i += 2
            }
            levels.append(above)
        }
        self.levels = levels
    }

    /// The hash of the node at (`level`, `index`).
    ///
    /// - Throws: ``MerkleError/Code/missingNode`` if the subtree is not complete in this tree.
    public func hash(level: Int, index: UInt64) throws -> Data {
        guard level >= 0, level < levels.count, index < UInt64(levels[level].count) else {
            throw MerkleError(.missingNode, "no node at level \(level), index \(index) in a tree of size \(size)")
        }
        return levels[level][Int(index)]
    }

    /// Every stored node of level 1 and above (the interior nodes), ordered by level, then index.
    public func interiorNodes() -> [MerkleNode] {
        var nodes: [MerkleNode] = []
        for (level, hashes) in levels.enumerated() where level >= 1 {
            for (index, hash) in hashes.enumerated() {
                nodes.append(MerkleNode(level: level, index: UInt64(index), hash: hash))
            }
        }
        return nodes
    }
}

public import Foundation

/// The frontier of an append-only tree: roots of the perfect subtrees covering
/// `[0, size)`, O(log n) hashes.
///
/// For each set bit of `size`, from the most significant down, there is one perfect
/// subtree of that many leaves; ``hashes`` lists their roots left to right.
public struct CompactRange: Sendable, Equatable {
    /// The number of leaves covered.
    public private(set) var size: UInt64
    /// Roots of the covering perfect subtrees, left to right, largest subtree first.
    public private(set) var hashes: [Data]

    /// Creates the range of the empty tree.
    public init() {
        self.size = 0
        self.hashes = []
    }

    /// Creates a range from a size and its subtree roots.
    ///
    /// - Throws: ``MerkleError/Code/invalidArgument`` if `hashes.count != popcount(size)`,
    ///   ``MerkleError/Code/invalidHashLength`` if a hash is not 32 bytes.
    public init(size: UInt64, hashes: [Data]) throws {
        guard hashes.count == size.nonzeroBitCount else {
            throw MerkleError(
                .invalidArgument,
                "a compact range of size \(size) needs \(size.nonzeroBitCount) hashes, got \(hashes.count)")
        }
        for (i, hash) in hashes.enumerated() where hash.count != MerkleTreeMath.hashLength {
            throw MerkleError(.invalidHashLength, "hash \(i) has \(hash.count) bytes, expected 32")
        }
        self.size = size
        self.hashes = hashes.map { Data($0) }
    }

    /// Appends one leaf hash; returns every perfect subtree completed by this append
    /// (level >= 1 only; level 0 is the leaf itself), in bottom-up order, so a store can
    /// persist internal nodes.
    ///
    /// - Precondition: `leafHash` is 32 bytes and `size < UInt64.max`.
    @discardableResult
    public mutating func append(leafHash: Data) -> [MerkleNode] {
        precondition(leafHash.count == MerkleTreeMath.hashLength, "leaf hash must be 32 bytes")
        precondition(size < UInt64.max, "compact range is full")
        var hash = Data(leafHash)
        var index = size  // index of the new leaf at level 0
        var level = 0
        var completed: [MerkleNode] = []
        // Each trailing one bit of `size` is a perfect subtree that the new node completes.
        while (size >> UInt64(level)) & 1 == 1 {
            let left = hashes.removeLast()
            hash = MerkleHash.node(left, hash)
            level += 1
            index >>= 1
            completed.append(MerkleNode(level: level, index: index, hash: hash))
        }
        hashes.append(hash)
        size += 1
        return completed
    }

    /// The Merkle Tree Hash of all leaves appended so far; ``MerkleHash/emptyRoot`` when empty.
    ///
    /// Equals `MerkleHash.root(ofLeafHashes:)` of the same leaves.
    public func root() -> Data {
        guard var root = hashes.last else { return MerkleHash.emptyRoot }
        for left in hashes.dropLast().reversed() {
            root = MerkleHash.node(left, root)
        }
        return root
    }
}

public import Foundation

/// RFC 9162 §2.1 proof generation (from a ``MerkleNodeSource``) and verification.
///
/// Generation only ever asks the source for perfect, aligned subtrees inside the
/// requested tree size; hashes of non-perfect right edges are recomputed from them.
public enum MerkleProofs {
    /// Hash of an arbitrary range [start, end) of the tree as RFC 9162 MTH would compute it
    /// (used for roots at any size).
    ///
    /// The range is split with the RFC 9162 rule (`k` = largest power of two below the
    /// length); any piece that is a perfect, aligned subtree is read from `source` in one
    /// lookup. An empty range hashes to ``MerkleHash/emptyRoot``. For ranges starting at a
    /// multiple of a power of two at least their length (all ranges used by proofs and
    /// roots) this takes O(log n) lookups.
    ///
    /// - Throws: ``MerkleError/Code/invalidArgument`` if `start > end`; errors of `source`;
    ///   ``MerkleError/Code/invalidHashLength`` if the source returns a hash that is not 32 bytes.
    public static func rangeHash(start: UInt64, end: UInt64, source: some MerkleNodeSource) throws -> Data {
        guard start <= end else {
            throw MerkleError(.invalidArgument, "range start \(start) is after its end \(end)")
        }
        if start == end {
            return MerkleHash.emptyRoot
        }
        return try subtreeHash(start: start, count: end - start, source: source)
    }

    /// MTH of the `count >= 1` leaves starting at `start`.
    static func subtreeHash(start: UInt64, count: UInt64, source: some MerkleNodeSource) throws -> Data {
        if MerkleTreeMath.isPowerOfTwo(count) && start % count == 0 {
            let level = count.trailingZeroBitCount
            return try fetch(level: level, index: start >> UInt64(level), from: source)
        }
        // count >= 2 here: a single leaf is always a perfect aligned subtree.
        let k = MerkleTreeMath.largestPowerOfTwo(below: count)
        let left = try subtreeHash(start: start, count: k, source: source)
        let right = try subtreeHash(start: start + k, count: count - k, source: source)
        return MerkleHash.node(left, right)
    }

    /// Reads one node from `source`, checking that it is a 32-byte hash.
    static func fetch(level: Int, index: UInt64, from source: some MerkleNodeSource) throws -> Data {
        let hash = try source.hash(level: level, index: index)
        guard hash.count == MerkleTreeMath.hashLength else {
            throw MerkleError(
                .invalidHashLength,
                "node source returned \(hash.count) bytes for level \(level), index \(index)")
        }
        return hash
    }
}

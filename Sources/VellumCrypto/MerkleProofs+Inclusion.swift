public import Foundation

extension MerkleProofs {
    /// RFC 9162 §2.1.3.1 PATH(m, D[n]) built from the node source (the right edge of a
    /// non-perfect tree is computed recursively from perfect subtrees).
    ///
    /// The audit path lists sibling hashes from the leaf up to the root. A tree of size 1
    /// has an empty path.
    ///
    /// - Throws: ``MerkleError/Code/invalidArgument`` unless `leafIndex < treeSize`;
    ///   errors of `source`.
    public static func inclusionProof(
        leafIndex: UInt64, treeSize: UInt64, source: some MerkleNodeSource
    ) throws -> [Data] {
        guard leafIndex < treeSize else {
            throw MerkleError(
                .invalidArgument, "leaf index \(leafIndex) is not below tree size \(treeSize)")
        }
        var path: [Data] = []
        try appendPath(m: leafIndex, start: 0, count: treeSize, source: source, into: &path)
        return path
    }

    /// PATH(m, D[start:start+count]) appended to `path` (deepest sibling first).
    private static func appendPath(
        m: UInt64, start: UInt64, count: UInt64, source: some MerkleNodeSource, into path: inout [Data]
    ) throws {
        guard count > 1 else { return }  // PATH(0, {d(0)}) = {}
        let k = MerkleTreeMath.largestPowerOfTwo(below: count)
        if m < k {
            // PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n])
            try appendPath(m: m, start: start, count: k, source: source, into: &path)
            path.append(try subtreeHash(start: start + k, count: count - k, source: source))
        } else {
            // PATH(m, D[n]) = PATH(m - k, D[k:n]) : MTH(D[0:k])
            try appendPath(m: m - k, start: start + k, count: count - k, source: source, into: &path)
            path.append(try subtreeHash(start: start, count: k, source: source))
        }
    }
}

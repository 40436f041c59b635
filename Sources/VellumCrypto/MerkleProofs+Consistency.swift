public import Foundation

extension MerkleProofs {
    /// RFC 9162 §2.1.4.1 PROOF(m, D[n]).
    ///
    /// The proof is empty when `oldSize == newSize` or `oldSize == 0` (the RFC defines
    /// PROOF only for `0 < m < n`; these cases are trivially consistent and
    /// ``verifyConsistency(oldSize:newSize:oldRoot:newRoot:proof:)`` accepts them with an
    /// empty proof).
    ///
    /// - Throws: ``MerkleError/Code/invalidArgument`` if `oldSize > newSize`; errors of `source`.
    public static func consistencyProof(
        from oldSize: UInt64, to newSize: UInt64, source: some MerkleNodeSource
    ) throws -> [Data] {
        guard oldSize <= newSize else {
            throw MerkleError(.invalidArgument, "old size \(oldSize) is larger than new size \(newSize)")
        }
        var proof: [Data] = []
        if oldSize > 0 && oldSize < newSize {
            try appendSubproof(
                m: oldSize, start: 0, count: newSize, isOriginal: true, source: source, into: &proof)
        }
        return proof
    }

    /// SUBPROOF(m, D[start:start+count], b) appended to `proof`.
    private static func appendSubproof(
        m: UInt64, start: UInt64, count: UInt64, isOriginal: Bool,
        source: some MerkleNodeSource, into proof: inout [Data]
    ) throws {
        if m == count {
            // SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])}
            if !isOriginal {
                proof.append(try subtreeHash(start: start, count: count, source: source))
            }
            return
        }
        let k = MerkleTreeMath.largestPowerOfTwo(below: count)
        if m <= k {
            // SUBPROOF(m, D[n], b) = SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
            try appendSubproof(
                m: m, start: start, count: k, isOriginal: isOriginal, source: source, into: &proof)
            proof.append(try subtreeHash(start: start + k, count: count - k, source: source))
        } else {
            // SUBPROOF(m, D[n], b) = SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
            try appendSubproof(
                m: m - k, start: start + k, count: count - k, isOriginal: false, source: source, into: &proof)
            proof.append(try subtreeHash(start: start, count: k, source: source))
        }
    }
}

public import Foundation

extension MerkleProofs {
    /// RFC 9162 §2.1.4.2 verification algorithm.
    ///
    /// Returns `true` iff `proof` shows that the tree of size `newSize` with root `newRoot`
    /// is an append-only extension of the tree of size `oldSize` with root `oldRoot`.
    /// Cases outside the RFC's `0 < oldSize < newSize`:
    /// - `oldSize > newSize`: fails.
    /// - `oldSize == newSize`: succeeds iff the proof is empty and the roots are equal
    ///   (and equal ``MerkleHash/emptyRoot`` when the size is 0).
    /// - `oldSize == 0 < newSize`: succeeds iff the proof is empty and `oldRoot` is
    ///   ``MerkleHash/emptyRoot``.
    ///
    /// Any hash (root or proof element) that is not 32 bytes makes verification fail.
    public static func verifyConsistency(
        oldSize: UInt64, newSize: UInt64, oldRoot: Data, newRoot: Data, proof: [Data]
    ) -> Bool {
        let n = MerkleTreeMath.hashLength
        guard oldRoot.count == n, newRoot.count == n, proof.allSatisfy({ $0.count == n }) else {
            return false
        }
        guard oldSize <= newSize else { return false }
        if oldSize == newSize {
            return proof.isEmpty && oldRoot == newRoot && (oldSize > 0 || oldRoot == MerkleHash.emptyRoot)
        }
        if oldSize == 0 {
            return proof.isEmpty && oldRoot == MerkleHash.emptyRoot
        }
        // 1. An empty path fails.
        guard !proof.isEmpty else { return false }
        // 2. If first is an exact power of 2, prepend first_hash.
        var path = proof
        if MerkleTreeMath.isPowerOfTwo(oldSize) {
            path.insert(oldRoot, at: 0)
        }
        // 3.
        var fn = oldSize - 1
        var sn = newSize - 1
        // 4.
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        // 5.
        var fr = path[0]
        var sr = path[0]
        // 6.
        for c in path.dropFirst() {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                fr = MerkleHash.node(c, fr)
                sr = MerkleHash.node(c, sr)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                sr = MerkleHash.node(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        // 7.
        return fr == oldRoot && sr == newRoot && sn == 0
    }
}

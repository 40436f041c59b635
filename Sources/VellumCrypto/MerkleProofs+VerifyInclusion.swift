public import Foundation

extension MerkleProofs {
    /// RFC 9162 §2.1.3.2 verification algorithm.
    ///
    /// Returns `true` iff `proof` is the audit path proving that `leafHash` is the leaf at
    /// `leafIndex` of the tree of size `treeSize` whose root is `root`. Fails for
    /// `leafIndex >= treeSize` and for any hash (leaf, root, proof element) that is not
    /// 32 bytes.
    ///
    /// The tree size is trusted input (in CT it is signed together with the root):
    /// the algorithm alone cannot tell apart sizes for which the leaf's audit path has the
    /// same shape, e.g. leaf 0 in trees of size 3 and 4.
    public static func verifyInclusion(
        leafHash: Data, leafIndex: UInt64, treeSize: UInt64, proof: [Data], root: Data
    ) -> Bool {
        let n = MerkleTreeMath.hashLength
        guard leafHash.count == n, root.count == n, proof.allSatisfy({ $0.count == n }) else {
            return false
        }
        // 1. leaf_index must be below tree_size.
        guard leafIndex < treeSize else { return false }
        // 2-3.
        var fn = leafIndex
        var sn = treeSize - 1
        var r = leafHash
        // 4.
        for p in proof {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                r = MerkleHash.node(p, r)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                r = MerkleHash.node(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        // 5.
        return sn == 0 && r == root
    }
}

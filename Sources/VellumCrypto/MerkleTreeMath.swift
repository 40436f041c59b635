/// Integer helpers shared by the RFC 9162 Merkle tree algorithms.
enum MerkleTreeMath {
    /// The length in bytes of every hash (SHA-256).
    static let hashLength = 32

    /// The largest power of two strictly less than `n` (the RFC 9162 split point `k`).
    ///
    /// - Precondition: `n >= 2`.
    static func largestPowerOfTwo(below n: UInt64) -> UInt64 {
        precondition(n >= 2, "split point requires at least two leaves")
        return UInt64(1) << UInt64(63 - (n - 1).leadingZeroBitCount)
    }

    /// Whether `n` is a (non-zero) power of two.
    static func isPowerOfTwo(_ n: UInt64) -> Bool {
        n != 0 && n & (n - 1) == 0
    }
}

import Foundation
import VellumCrypto

extension Data {
    /// Decodes a lowercase/uppercase hex string; traps on malformed input (test vectors only).
    init(merkleHex hex: String) {
        let chars = Array(hex.utf8)
        precondition(chars.count % 2 == 0, "odd-length hex")
        func nibble(_ c: UInt8) -> UInt8 {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: preconditionFailure("bad hex digit")
            }
        }
        self.init(stride(from: 0, to: chars.count, by: 2).map { nibble(chars[$0]) << 4 | nibble(chars[$0 + 1]) })
    }

    /// Lowercase hex, for failure messages.
    var merkleHex: String { map { String(format: "%02x", $0) }.joined() }
}

/// A deterministic SplitMix64 generator so random property tests are reproducible.
struct MerkleTestRNG: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Helpers shared by the Merkle test suites.
enum MerkleTestTrees {
    /// 300 distinct leaf hashes, computed once and shared by the random-tree suites.
    static let leaves300 = leafHashes(count: 300)
    /// `roots300[n]` = oracle root of the first `n` of ``leaves300`` (quadratic; computed once).
    static let roots300 = allRoots(leaves300)
    /// The node store over ``leaves300``.
    static let store300 = InMemoryMerkleNodes(leafHashes: leaves300)

    /// Distinct leaf hashes: leaf `i` hashes the 8-byte big-endian encoding of `i`.
    static func leafHashes(count: Int) -> [Data] {
        (0..<count).map { i in
            withUnsafeBytes(of: UInt64(i).bigEndian) { MerkleHash.leaf(Data($0)) }
        }
    }

    /// `roots[n]` = root of the first `n` of `leafHashes`, for `n` in 0...count, by the
    /// straightforward RFC 9162 recursion over the leaf list.
    static func allRoots(_ leafHashes: [Data]) -> [Data] {
        (0...leafHashes.count).map { MerkleHash.root(ofLeafHashes: Array(leafHashes[0..<$0])) }
    }

    /// The shape of RFC 9162 PATH(m, D[n]) written directly from the recursive definition:
    /// for each element, leaf-side first, whether the sibling is on the right.
    static func referencePathShape(leafIndex m: UInt64, treeSize n: UInt64) -> [Bool] {
        guard n > 1 else { return [] }
        var k: UInt64 = 1
        while k << 1 < n { k <<= 1 }
        if m < k {
            return referencePathShape(leafIndex: m, treeSize: k) + [true]
        }
        return referencePathShape(leafIndex: m - k, treeSize: n - k) + [false]
    }

    /// Every proof obtained by flipping one bit of one byte of `proof`.
    static func singleByteCorruptions(of proof: [Data], bytes: some Sequence<Int>) -> [[Data]] {
        var out: [[Data]] = []
        for element in proof.indices {
            for byte in bytes {
                var bad = proof
                var hash = [UInt8](bad[element])
                hash[byte] ^= 0x01
                bad[element] = Data(hash)
                out.append(bad)
            }
        }
        return out
    }
}

/// Reference proof generators written directly from the RFC 9162 recursive definitions over
/// the leaf list (like `ReferenceMerklePath` / `ReferenceSnapshotConsistency` in
/// google/certificate-transparency `merkle_tree_test.cc`). Quadratic; for small trees only.
enum MerkleReferenceProofs {
    /// RFC 9162 §2.1.3.1 PATH(m, D[n]) over `leaves` (n = leaves.count).
    static func path(_ m: Int, _ leaves: ArraySlice<Data>) -> [Data] {
        let n = leaves.count
        guard n > 1 else { return [] }
        let k = split(n)
        let mid = leaves.startIndex + k
        if m < k {
            return path(m, leaves[..<mid]) + [MerkleHash.root(ofLeafHashes: Array(leaves[mid...]))]
        }
        return path(m - k, leaves[mid...]) + [MerkleHash.root(ofLeafHashes: Array(leaves[..<mid]))]
    }

    /// RFC 9162 §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true) for 0 < m <= n.
    static func consistency(_ m: Int, _ leaves: ArraySlice<Data>) -> [Data] {
        subproof(m, leaves, true)
    }

    private static func subproof(_ m: Int, _ leaves: ArraySlice<Data>, _ b: Bool) -> [Data] {
        let n = leaves.count
        if m == n {
            return b ? [] : [MerkleHash.root(ofLeafHashes: Array(leaves))]
        }
        let k = split(n)
        let mid = leaves.startIndex + k
        if m <= k {
            return subproof(m, leaves[..<mid], b) + [MerkleHash.root(ofLeafHashes: Array(leaves[mid...]))]
        }
        return subproof(m - k, leaves[mid...], false) + [MerkleHash.root(ofLeafHashes: Array(leaves[..<mid]))]
    }

    /// The largest power of two smaller than `n` (n >= 2).
    private static func split(_ n: Int) -> Int {
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }
}

/// A node source that records every lookup (single-threaded use within one test).
final class MerkleRecordingSource: MerkleNodeSource {
    let base: InMemoryMerkleNodes
    private(set) var requests: [(level: Int, index: UInt64)] = []

    init(_ base: InMemoryMerkleNodes) { self.base = base }

    func hash(level: Int, index: UInt64) throws -> Data {
        requests.append((level, index))
        return try base.hash(level: level, index: index)
    }

    /// Whether every requested node lies inside the first `size` leaves.
    func allRequestsWithin(size: UInt64) -> Bool {
        requests.allSatisfy { ($0.index + 1) << UInt64($0.level) <= size }
    }
}

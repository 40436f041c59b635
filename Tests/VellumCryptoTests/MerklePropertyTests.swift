import Foundation
import Testing
import VellumCrypto

/// Randomised properties over trees of 1...300 distinct leaves. All randomness comes from
/// a seeded generator, so failures are reproducible.
@Suite("Merkle proof properties over random tree sizes")
struct MerklePropertyTests {
    static let maxSize = 300
    static var leaves: [Data] { MerkleTestTrees.leaves300 }
    /// Oracle roots by the plain RFC 9162 recursion (itself checked against the CT vectors).
    static var roots: [Data] { MerkleTestTrees.roots300 }
    /// One store of 300 leaves: proofs for smaller sizes must only use nodes inside them.
    static var store: InMemoryMerkleNodes { MerkleTestTrees.store300 }

    /// Edge sizes around powers of two plus seeded random sizes in 1...300.
    static let sizes: [Int] = {
        var rng = MerkleTestRNG(seed: 0x5EED_0001)
        let edges = [1, 2, 3, 4, 5, 7, 8, 9, 31, 32, 33, 128, 129, 256, 257, 300]
        let random = (0..<6).map { _ in Int.random(in: 1...maxSize, using: &rng) }
        return edges + random
    }()

    @Test("Every inclusion proof verifies; a wrong index, a wrong size or a flipped byte fails", arguments: sizes)
    func inclusion(size n: Int) throws {
        var rng = MerkleTestRNG(seed: UInt64(n) &* 0x1_0001)
        var failures: [String] = []
        let treeSize = UInt64(n)
        let root = Self.roots[n]
        #expect(try MerkleProofs.rangeHash(start: 0, end: treeSize, source: Self.store) == root)
        for m in 0..<n {
            let index = UInt64(m)
            let leaf = Self.leaves[m]
            let proof = try MerkleProofs.inclusionProof(leafIndex: index, treeSize: treeSize, source: Self.store)
            if proof.count != MerkleTestTrees.referencePathShape(leafIndex: index, treeSize: treeSize).count {
                failures.append("\(m): proof length \(proof.count)")
            }
            if !MerkleProofs.verifyInclusion(leafHash: leaf, leafIndex: index, treeSize: treeSize, proof: proof, root: root) {
                failures.append("\(m): valid proof rejected")
            }
            // Wrong index: the neighbour, a random other leaf, and the first index past the end.
            var wrongIndices: [UInt64] = [treeSize]
            if n > 1 {
                wrongIndices.append(UInt64((m + 1) % n))
                var other = Int.random(in: 0..<(n - 1), using: &rng)
                if other >= m { other += 1 }
                wrongIndices.append(UInt64(other))
            }
            for wrong in wrongIndices where MerkleProofs.verifyInclusion(
                leafHash: leaf, leafIndex: wrong, treeSize: treeSize, proof: proof, root: root) {
                failures.append("\(m): accepted with index \(wrong)")
            }
            // One random byte of one random proof element flipped.
            if !proof.isEmpty {
                var bad = proof
                let i = Int.random(in: 0..<proof.count, using: &rng)
                var bytes = [UInt8](bad[i])
                bytes[Int.random(in: 0..<32, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng)
                bad[i] = Data(bytes)
                if MerkleProofs.verifyInclusion(leafHash: leaf, leafIndex: index, treeSize: treeSize, proof: bad, root: root) {
                    failures.append("\(m): accepted with proof[\(i)] corrupted")
                }
            }
        }
        // Every byte of every element flipped, for one random leaf.
        let exhaustive = Int.random(in: 0..<n, using: &rng)
        let exhaustiveProof = try MerkleProofs.inclusionProof(
            leafIndex: UInt64(exhaustive), treeSize: treeSize, source: Self.store)
        for bad in MerkleTestTrees.singleByteCorruptions(of: exhaustiveProof, bytes: 0..<32)
        where MerkleProofs.verifyInclusion(
            leafHash: Self.leaves[exhaustive], leafIndex: UInt64(exhaustive), treeSize: treeSize, proof: bad, root: root) {
            failures.append("\(exhaustive): accepted a single-byte corruption")
        }
        // Wrong sizes, for the edge leaves and a random one.
        let sampled = Set([0, n - 1, Int.random(in: 0..<n, using: &rng)])
        for m in sampled.sorted() {
            let index = UInt64(m)
            let leaf = Self.leaves[m]
            let proof = try MerkleProofs.inclusionProof(leafIndex: index, treeSize: treeSize, source: Self.store)
            let shape = MerkleTestTrees.referencePathShape(leafIndex: index, treeSize: treeSize)
            let otherSizes = Set([n - 1, n + 1, 2 * n, n / 2, Int.random(in: 1...Self.maxSize, using: &rng)])
            for wrong in otherSizes.sorted() where wrong != n && wrong > m && wrong <= Self.maxSize {
                let wrongSize = UInt64(wrong)
                // Against the real root of the claimed size: always rejected.
                if MerkleProofs.verifyInclusion(
                    leafHash: leaf, leafIndex: index, treeSize: wrongSize, proof: proof, root: Self.roots[wrong]) {
                    failures.append("\(m): accepted for size \(wrong) with that size's root")
                }
                // Against the original root: RFC 9162 §2.1.3.2 only checks the path shape, so
                // it is rejected exactly when the leaf's audit path has a different shape.
                let accepted = MerkleProofs.verifyInclusion(
                    leafHash: leaf, leafIndex: index, treeSize: wrongSize, proof: proof, root: root)
                let sameShape = MerkleTestTrees.referencePathShape(leafIndex: index, treeSize: wrongSize) == shape
                if accepted != sameShape {
                    failures.append("\(m): size \(wrong) with original root accepted=\(accepted), same shape=\(sameShape)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    @Test("Consistency proofs between random sizes verify; wrong sizes or a flipped byte fail", arguments: sizes)
    func consistency(newSize n: Int) throws {
        var rng = MerkleTestRNG(seed: UInt64(n) &* 0x2_0003)
        var failures: [String] = []
        var olds = Set([0, 1, n - 1, n] + (0..<6).map { _ in Int.random(in: 0...n, using: &rng) })
        var p = 1
        while p < n { olds.insert(p); p <<= 1 }
        let newSize = UInt64(n)
        let newRoot = Self.roots[n]
        for m in olds.sorted() {
            let oldSize = UInt64(m)
            let oldRoot = Self.roots[m]
            let proof = try MerkleProofs.consistencyProof(from: oldSize, to: newSize, source: Self.store)
            func verifies(_ s1: UInt64, _ s2: UInt64, _ r1: Data, _ r2: Data, _ proof: [Data]) -> Bool {
                MerkleProofs.verifyConsistency(oldSize: s1, newSize: s2, oldRoot: r1, newRoot: r2, proof: proof)
            }
            if !verifies(oldSize, newSize, oldRoot, newRoot, proof) {
                failures.append("\(m)->\(n): valid proof rejected")
            }
            if (m == 0 || m == n) != proof.isEmpty {
                failures.append("\(m)->\(n): proof has \(proof.count) elements")
            }
            guard !proof.isEmpty else { continue }
            for bad in MerkleTestTrees.singleByteCorruptions(of: proof, bytes: [Int.random(in: 0..<32, using: &rng)])
            where verifies(oldSize, newSize, oldRoot, newRoot, bad) {
                failures.append("\(m)->\(n): accepted a corrupted proof")
            }
            if verifies(oldSize, newSize, oldRoot, newRoot, Array(proof.dropLast())) {
                failures.append("\(m)->\(n): accepted a truncated proof")
            }
            // Wrong old size: rejected with either the original or the claimed size's root.
            for wrong in Set([m - 1, m + 1, Int.random(in: 0...n, using: &rng)]).sorted() where wrong != m && wrong <= n {
                if verifies(UInt64(wrong), newSize, oldRoot, newRoot, proof)
                    || verifies(UInt64(wrong), newSize, Self.roots[wrong], newRoot, proof) {
                    failures.append("\(m)->\(n): accepted with old size \(wrong)")
                }
            }
            // Wrong new size: rejected with the claimed size's root; with the original root,
            // rejected exactly when the audit path of leaf m - 1 changes shape (the algorithm
            // follows that path; the size is bound to the root by the signed tree head).
            let shape = MerkleTestTrees.referencePathShape(leafIndex: oldSize - 1, treeSize: newSize)
            let otherSizes = Set([n - 1, n + 1, 2 * n, Int.random(in: 1...Self.maxSize, using: &rng)])
            for wrong in otherSizes.sorted() where wrong != n && wrong >= m && wrong <= Self.maxSize {
                if verifies(oldSize, UInt64(wrong), oldRoot, Self.roots[wrong], proof) {
                    failures.append("\(m)->\(n): accepted for new size \(wrong) with that size's root")
                }
                let accepted = verifies(oldSize, UInt64(wrong), oldRoot, newRoot, proof)
                let sameShape = MerkleTestTrees.referencePathShape(leafIndex: oldSize - 1, treeSize: UInt64(wrong)) == shape
                if accepted != sameShape {
                    failures.append("\(m)->\(n): new size \(wrong) with original root accepted=\(accepted), same shape=\(sameShape)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    @Test("Generated proofs equal the RFC 9162 recursive definitions for every pair of sizes up to 24")
    func matchesReferenceDefinitions() throws {
        let store = InMemoryMerkleNodes(leafHashes: Array(Self.leaves.prefix(24)))
        for n in 1...24 {
            let leaves = Self.leaves[0..<n]
            for m in 0..<n {
                let proof = try MerkleProofs.inclusionProof(leafIndex: UInt64(m), treeSize: UInt64(n), source: store)
                #expect(proof == MerkleReferenceProofs.path(m, leaves), "PATH(\(m), D[\(n)])")
            }
            for m in 1...n {
                let proof = try MerkleProofs.consistencyProof(from: UInt64(m), to: UInt64(n), source: store)
                #expect(proof == MerkleReferenceProofs.consistency(m, leaves), "PROOF(\(m), D[\(n)])")
            }
        }
    }

    @Test("Proof generation at any size only reads nodes inside that size")
    func readsOnlyInsideTreeSize() throws {
        var rng = MerkleTestRNG(seed: 0x5EED_0002)
        for _ in 0..<40 {
            let n = Int.random(in: 1...Self.maxSize, using: &rng)
            let m = Int.random(in: 0...n, using: &rng)
            let source = MerkleRecordingSource(Self.store)
            if m < n {
                _ = try MerkleProofs.inclusionProof(leafIndex: UInt64(m), treeSize: UInt64(n), source: source)
            }
            _ = try MerkleProofs.consistencyProof(from: UInt64(m), to: UInt64(n), source: source)
            _ = try MerkleProofs.rangeHash(start: 0, end: UInt64(n), source: source)
            #expect(source.allRequestsWithin(size: UInt64(n)), "m \(m) n \(n)")
        }
    }
}

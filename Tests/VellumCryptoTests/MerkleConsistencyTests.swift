import Foundation
import Testing
import VellumCrypto

@Suite("MerkleProofs consistency: RFC 9162 §2.1.4 against reference vectors and edge cases")
struct MerkleConsistencyTests {
    typealias Vector = MerkleReferenceVectors.Consistency
    static let store = InMemoryMerkleNodes(leafHashes: MerkleReferenceVectors.leafHashes)

    @Test("Generated consistency proofs equal the reference proofs", arguments: MerkleReferenceVectors.consistencyProofs)
    func generated(vector: Vector) throws {
        let proof = try MerkleProofs.consistencyProof(from: vector.oldSize, to: vector.newSize, source: Self.store)
        #expect(proof == vector.proof)
        let exact = InMemoryMerkleNodes(
            leafHashes: Array(MerkleReferenceVectors.leafHashes.prefix(Int(vector.newSize))))
        #expect(try MerkleProofs.consistencyProof(from: vector.oldSize, to: vector.newSize, source: exact) == vector.proof)
    }

    @Test("Reference consistency proofs verify against the reference roots",
          arguments: MerkleReferenceVectors.consistencyProofs)
    func referenceVerifies(vector: Vector) {
        #expect(MerkleProofs.verifyConsistency(
            oldSize: vector.oldSize, newSize: vector.newSize,
            oldRoot: MerkleReferenceVectors.root(size: vector.oldSize),
            newRoot: MerkleReferenceVectors.root(size: vector.newSize), proof: vector.proof))
    }

    /// The probes of google/certificate-transparency `VerifierConsistencyCheck` and
    /// transparency-dev/merkle `corruptConsistencyProof` (non-trivial proofs only).
    @Test("Corrupted reference consistency proofs are rejected",
          arguments: MerkleReferenceVectors.consistencyProofs.filter { !$0.proof.isEmpty })
    func referenceCorruptionsRejected(vector: Vector) {
        let m = vector.oldSize
        let n = vector.newSize
        let r1 = MerkleReferenceVectors.root(size: m)
        let r2 = MerkleReferenceVectors.root(size: n)
        let proof = vector.proof
        let wrongRoot = MerkleHash.leaf(Data("WrongRoot".utf8))
        var probes: [(String, UInt64, UInt64, Data, Data, [Data])] = [
            ("size1 - 1", m - 1, n, r1, r2, proof),
            ("size1 + 1", m + 1, n, r1, r2, proof),
            ("size1 ^ 2", m ^ 2, n, r1, r2, proof),
            ("size2 * 2", m, n * 2, r1, r2, proof),
            ("size2 / 2", m, n / 2, r1, r2, proof),
            ("wrong root1", m, n, wrongRoot, r2, proof),
            ("wrong root2", m, n, r1, wrongRoot, proof),
            ("short root1", m, n, Data("WrongRoot".utf8), r2, proof),
            ("swapped roots", m, n, r2, r1, proof),
            ("empty proof", m, n, r1, r2, []),
            ("trailing empty", m, n, r1, r2, proof + [Data()]),
            ("trailing root1", m, n, r1, r2, proof + [r1]),
            ("trailing root2", m, n, r1, r2, proof + [r2]),
            ("trailing last", m, n, r1, r2, proof + [proof[proof.count - 1]]),
            ("preceding empty", m, n, r1, r2, [Data()] + proof),
            ("preceding root1", m, n, r1, r2, [r1] + proof),
            ("preceding root2", m, n, r1, r2, [r2] + proof),
            ("preceding proof[0]", m, n, r1, r2, [proof[0]] + proof),
            ("truncated", m, n, r1, r2, Array(proof.dropLast())),
        ]
        for i in proof.indices {
            var bad = proof
            bad[i] = MerkleHash.emptyRoot
            probes.append(("proof[\(i)] replaced", m, n, r1, r2, bad))
            var flipped = [UInt8](proof[i])
            flipped[0] ^= 16
            bad[i] = Data(flipped)
            probes.append(("proof[\(i)] bit flipped", m, n, r1, r2, bad))
        }
        for (name, size1, size2, root1, root2, proof) in probes {
            #expect(!MerkleProofs.verifyConsistency(
                oldSize: size1, newSize: size2, oldRoot: root1, newRoot: root2, proof: proof), "\(name)")
        }
    }

    @Test("oldSize == newSize gives an empty proof; it verifies only with equal roots", arguments: 0...8)
    func equalSizes(size: UInt64) throws {
        #expect(try MerkleProofs.consistencyProof(from: size, to: size, source: Self.store) == [])
        let root = MerkleReferenceVectors.root(size: size)
        let other = MerkleReferenceVectors.root(size: (size + 1) % 9)
        #expect(MerkleProofs.verifyConsistency(oldSize: size, newSize: size, oldRoot: root, newRoot: root, proof: []))
        #expect(!MerkleProofs.verifyConsistency(oldSize: size, newSize: size, oldRoot: root, newRoot: other, proof: []))
        #expect(!MerkleProofs.verifyConsistency(oldSize: size, newSize: size, oldRoot: other, newRoot: root, proof: []))
        #expect(!MerkleProofs.verifyConsistency(
            oldSize: size, newSize: size, oldRoot: root, newRoot: root, proof: [MerkleHash.emptyRoot]))
    }

    @Test("oldSize 0 gives an empty proof; it verifies only from the empty root", arguments: 0...8)
    func fromEmpty(newSize: UInt64) throws {
        #expect(try MerkleProofs.consistencyProof(from: 0, to: newSize, source: Self.store) == [])
        let newRoot = MerkleReferenceVectors.root(size: newSize)
        #expect(MerkleProofs.verifyConsistency(
            oldSize: 0, newSize: newSize, oldRoot: MerkleHash.emptyRoot, newRoot: newRoot, proof: []))
        #expect(!MerkleProofs.verifyConsistency(
            oldSize: 0, newSize: newSize, oldRoot: MerkleReferenceVectors.roots[0], newRoot: newRoot,
            proof: []))
        #expect(!MerkleProofs.verifyConsistency(
            oldSize: 0, newSize: newSize, oldRoot: MerkleHash.emptyRoot, newRoot: newRoot,
            proof: [MerkleHash.emptyRoot]))
    }

    @Test("Trivial cases of the CT verifier table: time travel and empty proofs fail")
    func verifierTable() {
        let e = MerkleHash.emptyRoot
        let r1 = MerkleReferenceVectors.roots[0]
        let r2 = MerkleReferenceVectors.roots[1]
        #expect(!MerkleProofs.verifyConsistency(oldSize: 1, newSize: 0, oldRoot: r1, newRoot: e, proof: []))
        #expect(!MerkleProofs.verifyConsistency(oldSize: 2, newSize: 1, oldRoot: r2, newRoot: r1, proof: []))
        #expect(!MerkleProofs.verifyConsistency(oldSize: 1, newSize: 2, oldRoot: r1, newRoot: r2, proof: []))
        #expect(!MerkleProofs.verifyConsistency(oldSize: 0, newSize: 0, oldRoot: e, newRoot: r2, proof: []))
        #expect(!MerkleProofs.verifyConsistency(oldSize: 0, newSize: 0, oldRoot: r1, newRoot: r1, proof: []))
        #expect(MerkleProofs.verifyConsistency(oldSize: 0, newSize: 0, oldRoot: e, newRoot: e, proof: []))
        #expect(!MerkleProofs.verifyConsistency(oldSize: 0, newSize: 0, oldRoot: e, newRoot: e, proof: [e]))
        #expect(!MerkleProofs.verifyConsistency(oldSize: 1, newSize: 1, oldRoot: Data(), newRoot: Data(), proof: []))
    }

    @Test("Proof generation rejects oldSize > newSize and reports missing nodes")
    func generationErrors() {
        let error = #expect(throws: MerkleError.self) {
            try MerkleProofs.consistencyProof(from: 5, to: 4, source: Self.store)
        }
        #expect(error?.code == .invalidArgument)
        let small = InMemoryMerkleNodes(leafHashes: Array(MerkleReferenceVectors.leafHashes.prefix(4)))
        let missing = #expect(throws: MerkleError.self) {
            try MerkleProofs.consistencyProof(from: 3, to: 8, source: small)
        }
        #expect(missing?.code == .missingNode)
    }
}

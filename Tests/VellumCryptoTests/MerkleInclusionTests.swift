import Foundation
import Testing
import VellumCrypto

@Suite("MerkleProofs inclusion: RFC 9162 §2.1.3 against reference vectors and edge cases")
struct MerkleInclusionTests {
    typealias Vector = MerkleReferenceVectors.Inclusion
    static let store = InMemoryMerkleNodes(leafHashes: MerkleReferenceVectors.leafHashes)

    @Test("Generated audit paths equal the reference paths (from the full 8-leaf store)",
          arguments: MerkleReferenceVectors.inclusionProofs)
    func generatedFromLargerStore(vector: Vector) throws {
        let proof = try MerkleProofs.inclusionProof(
            leafIndex: vector.leafIndex, treeSize: vector.treeSize, source: Self.store)
        #expect(proof == vector.proof)
    }

    @Test("Generated audit paths equal the reference paths (from a store of exactly the tree size)",
          arguments: MerkleReferenceVectors.inclusionProofs)
    func generatedFromExactStore(vector: Vector) throws {
        let store = InMemoryMerkleNodes(
            leafHashes: Array(MerkleReferenceVectors.leafHashes.prefix(Int(vector.treeSize))))
        let proof = try MerkleProofs.inclusionProof(
            leafIndex: vector.leafIndex, treeSize: vector.treeSize, source: store)
        #expect(proof == vector.proof)
    }

    @Test("Reference paths verify against the reference roots", arguments: MerkleReferenceVectors.inclusionProofs)
    func referenceVerifies(vector: Vector) {
        #expect(MerkleProofs.verifyInclusion(
            leafHash: MerkleReferenceVectors.leafHashes[Int(vector.leafIndex)],
            leafIndex: vector.leafIndex, treeSize: vector.treeSize, proof: vector.proof,
            root: MerkleReferenceVectors.root(size: vector.treeSize)))
    }

    /// The corruption probes of google/certificate-transparency `VerifierCheck` and
    /// transparency-dev/merkle `corruptInclusionProof`.
    @Test("Corrupted reference paths are rejected", arguments: MerkleReferenceVectors.inclusionProofs)
    func referenceCorruptionsRejected(vector: Vector) {
        let m = vector.leafIndex
        let n = vector.treeSize
        let leaf = MerkleReferenceVectors.leafHashes[Int(m)]
        let root = MerkleReferenceVectors.root(size: n)
        let someHash = Data(merkleHex: "abacaba000000000000000000000000000000000000000000060061e00123456")
        let proof = vector.proof
        var probes: [(String, Data, UInt64, UInt64, [Data], Data)] = [
            ("leafIndex - 1", leaf, m &- 1, n, proof, root),
            ("leafIndex + 1", leaf, m + 1, n, proof, root),
            ("leafIndex ^ 2", leaf, m ^ 2, n, proof, root),
            ("treeSize * 2", leaf, m, n * 2, proof, root),
            ("treeSize / 2", leaf, m, n / 2, proof, root),
            ("wrong leaf", MerkleHash.leaf(Data("WrongLeaf".utf8)), m, n, proof, root),
            ("empty root", leaf, m, n, proof, MerkleHash.emptyRoot),
            ("random root", leaf, m, n, proof, someHash),
            ("trailing empty", leaf, m, n, proof + [Data()], root),
            ("trailing root", leaf, m, n, proof + [root], root),
            ("preceding empty", leaf, m, n, [Data()] + proof, root),
            ("preceding root", leaf, m, n, [root] + proof, root),
        ]
        for i in proof.indices {
            var bad = proof
            bad[i] = MerkleHash.emptyRoot
            probes.append(("proof[\(i)] replaced", leaf, m, n, bad, root))
            var flipped = [UInt8](proof[i])
            flipped[0] ^= 8
            bad[i] = Data(flipped)
            probes.append(("proof[\(i)] bit flipped", leaf, m, n, bad, root))
        }
        if !proof.isEmpty {
            probes.append(("removed component", leaf, m, n, Array(proof.dropLast()), root))
        }
        if proof.count > 1 {
            probes.append(("inserted component", leaf, m, n, [proof[0], someHash] + proof.dropFirst(), root))
        }
        for (name, leaf, index, size, proof, root) in probes {
            #expect(!MerkleProofs.verifyInclusion(
                leafHash: leaf, leafIndex: index, treeSize: size, proof: proof, root: root), "\(name)")
        }
    }

    @Test("A tree of size 1 has an empty path and its root is the leaf hash")
    func sizeOne() throws {
        let leaf = MerkleHash.leaf(Data("data".utf8))
        let store = InMemoryMerkleNodes(leafHashes: [leaf])
        #expect(try MerkleProofs.inclusionProof(leafIndex: 0, treeSize: 1, source: store) == [])
        #expect(MerkleProofs.verifyInclusion(leafHash: leaf, leafIndex: 0, treeSize: 1, proof: [], root: leaf))
        #expect(!MerkleProofs.verifyInclusion(leafHash: leaf, leafIndex: 0, treeSize: 1, proof: [leaf], root: leaf))
        #expect(!MerkleProofs.verifyInclusion(leafHash: leaf, leafIndex: 1, treeSize: 1, proof: [], root: leaf))
        #expect(!MerkleProofs.verifyInclusion(leafHash: leaf, leafIndex: 0, treeSize: 1, proof: [], root: Data()))
        #expect(!MerkleProofs.verifyInclusion(leafHash: Data(), leafIndex: 0, treeSize: 1, proof: [], root: leaf))
    }

    @Test("Nothing verifies in an empty tree or beyond the tree size (CT VerifyPath invalid cases)")
    func invalidIndexOrSize() {
        let someHash = MerkleReferenceVectors.roots[3]
        for (index, size) in [(0, 0), (0, 1), (1, 0), (2, 1)] as [(UInt64, UInt64)] {
            #expect(!MerkleProofs.verifyInclusion(
                leafHash: someHash, leafIndex: index, treeSize: size, proof: [], root: Data()))
            #expect(!MerkleProofs.verifyInclusion(
                leafHash: Data(), leafIndex: index, treeSize: size, proof: [], root: MerkleHash.emptyRoot))
            #expect(!MerkleProofs.verifyInclusion(
                leafHash: someHash, leafIndex: index, treeSize: size, proof: [], root: MerkleHash.emptyRoot))
        }
    }

    @Test("Proof generation rejects an index not below the tree size, including size 0")
    func generationRejectsBadArguments() {
        for (index, size) in [(0, 0), (1, 0), (1, 1), (8, 8), (9, 8)] as [(UInt64, UInt64)] {
            let error = #expect(throws: MerkleError.self) {
                try MerkleProofs.inclusionProof(leafIndex: index, treeSize: size, source: Self.store)
            }
            #expect(error?.code == .invalidArgument, "index \(index) size \(size)")
        }
    }

    @Test("Proof generation reports nodes the source does not have")
    func generationMissingNode() {
        let small = InMemoryMerkleNodes(leafHashes: Array(MerkleReferenceVectors.leafHashes.prefix(4)))
        let error = #expect(throws: MerkleError.self) {
            try MerkleProofs.inclusionProof(leafIndex: 0, treeSize: 8, source: small)
        }
        #expect(error?.code == .missingNode)
    }

    @Test("Proof generation rejects source hashes that are not 32 bytes")
    func generationRejectsShortHash() {
        struct TruncatingSource: MerkleNodeSource {
            func hash(level: Int, index: UInt64) throws -> Data { Data(repeating: 7, count: 31) }
        }
        let error = #expect(throws: MerkleError.self) {
            try MerkleProofs.inclusionProof(leafIndex: 0, treeSize: 2, source: TruncatingSource())
        }
        #expect(error?.code == .invalidHashLength)
    }
}

import Foundation
import Testing
import VellumCrypto

@Suite("MerkleHash: RFC 9162 hashing against the Certificate Transparency reference tree")
struct MerkleHashTests {
    @Test("The empty root is SHA-256 of the empty string")
    func emptyRoot() {
        #expect(MerkleHash.emptyRoot == MerkleReferenceVectors.emptyRoot)
        #expect(MerkleHash.root(ofLeafHashes: []) == MerkleReferenceVectors.emptyRoot)
    }

    @Test("Leaf hashes of the reference inputs match the level-0 reference nodes", arguments: 0..<8)
    func leafHash(index: Int) {
        let hash = MerkleHash.leaf(MerkleReferenceVectors.leafInputs[index])
        #expect(hash == MerkleReferenceVectors.nodeHashes[0][index])
        #expect(hash.count == 32)
    }

    @Test("Node hashes of reference children match the reference parents at every level", arguments: 1..<4)
    func nodeHash(level: Int) {
        let below = MerkleReferenceVectors.nodeHashes[level - 1]
        for (i, expected) in MerkleReferenceVectors.nodeHashes[level].enumerated() {
            #expect(MerkleHash.node(below[2 * i], below[2 * i + 1]) == expected, "level \(level) index \(i)")
        }
    }

    @Test("Leaf and node hashing are domain separated (0x00 vs 0x01 prefix)")
    func domainSeparation() {
        let a = MerkleReferenceVectors.nodeHashes[0][0]
        let b = MerkleReferenceVectors.nodeHashes[0][1]
        // A leaf whose bytes are a || b must not collide with the node over (a, b).
        #expect(MerkleHash.leaf(a + b) != MerkleHash.node(a, b))
        #expect(MerkleHash.node(a, b) != MerkleHash.node(b, a))
    }

    @Test("root(ofLeafHashes:) matches the reference root for every tree size 0...8", arguments: 0...8)
    func rootOfLeafHashes(size: Int) {
        let leaves = Array(MerkleReferenceVectors.leafHashes.prefix(size))
        #expect(MerkleHash.root(ofLeafHashes: leaves) == MerkleReferenceVectors.root(size: UInt64(size)))
    }

    @Test("root(ofLeafHashes:) of a single leaf hash is that leaf hash")
    func singleLeafRoot() {
        let leaf = MerkleHash.leaf(Data("data".utf8))
        #expect(MerkleHash.root(ofLeafHashes: [leaf]) == leaf)
    }
}

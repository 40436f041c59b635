import Foundation
import Testing
import VellumCrypto

@Suite("InMemoryMerkleNodes: the perfect-subtree node store used by tests")
struct MerkleInMemoryNodesTests {
    @Test("Every stored node of the 8-leaf reference tree matches the reference node hashes")
    func referenceNodes() throws {
        let store = InMemoryMerkleNodes(leafHashes: MerkleReferenceVectors.leafHashes)
        #expect(store.size == 8)
        for (level, hashes) in MerkleReferenceVectors.nodeHashes.enumerated() {
            for (index, expected) in hashes.enumerated() {
                #expect(try store.hash(level: level, index: UInt64(index)) == expected)
            }
        }
    }

    @Test("Nodes outside the complete subtrees are reported as missing")
    func missingNodes() {
        let store = InMemoryMerkleNodes(leafHashes: Array(MerkleReferenceVectors.leafHashes.prefix(5)))
        for (level, index) in [(0, 5), (1, 2), (2, 1), (3, 0), (-1, 0), (64, 0)] as [(Int, UInt64)] {
            let error = #expect(throws: MerkleError.self) { try store.hash(level: level, index: index) }
            #expect(error?.code == .missingNode, "level \(level) index \(index)")
        }
        let empty = InMemoryMerkleNodes(leafHashes: [])
        #expect(empty.size == 0)
        #expect(throws: MerkleError.self) { try empty.hash(level: 0, index: 0) }
    }

    @Test("interiorNodes lists size - popcount(size) nodes, all of level >= 1", arguments: [0, 1, 2, 3, 7, 8, 100, 255, 256])
    func interiorNodeCount(size: Int) throws {
        let store = InMemoryMerkleNodes(leafHashes: MerkleTestTrees.leafHashes(count: size))
        let nodes = store.interiorNodes()
        #expect(nodes.count == size - size.nonzeroBitCount)
        for node in nodes {
            #expect(node.level >= 1)
            #expect((node.index + 1) << UInt64(node.level) <= UInt64(size))
            #expect(try store.hash(level: node.level, index: node.index) == node.hash)
        }
    }
}

import Foundation
import Testing
import VellumCrypto

@Suite("CompactRange: the append-only frontier")
struct CompactRangeTests {
    @Test("After n reference leaves the hashes and root match the CT reference (sizes 0...8)", arguments: 0...8)
    func referenceFrontier(size: Int) {
        var range = CompactRange()
        for leaf in MerkleReferenceVectors.leafHashes.prefix(size) {
            range.append(leafHash: leaf)
        }
        let expected = MerkleReferenceVectors.compactRanges[size].map {
            MerkleReferenceVectors.nodeHashes[$0.level][$0.index]
        }
        #expect(range.size == UInt64(size))
        #expect(range.hashes == expected)
        #expect(range.root() == MerkleReferenceVectors.root(size: UInt64(size)))
    }

    @Test("An empty range has size 0, no hashes and the empty root")
    func empty() throws {
        let range = CompactRange()
        #expect(range.size == 0)
        #expect(range.hashes.isEmpty)
        #expect(range.root() == MerkleHash.emptyRoot)
        #expect(try range == CompactRange(size: 0, hashes: []))
    }

    @Test("Appending the 8 reference leaves reports the reference interior nodes, bottom-up")
    func referenceCompletedNodes() {
        var range = CompactRange()
        var reported: [[MerkleNode]] = []
        for leaf in MerkleReferenceVectors.leafHashes {
            reported.append(range.append(leafHash: leaf))
        }
        let nh = MerkleReferenceVectors.nodeHashes
        let expected: [[MerkleNode]] = [
            [],
            [MerkleNode(level: 1, index: 0, hash: nh[1][0])],
            [],
            [MerkleNode(level: 1, index: 1, hash: nh[1][1]), MerkleNode(level: 2, index: 0, hash: nh[2][0])],
            [],
            [MerkleNode(level: 1, index: 2, hash: nh[1][2])],
            [],
            [
                MerkleNode(level: 1, index: 3, hash: nh[1][3]), MerkleNode(level: 2, index: 1, hash: nh[2][1]),
                MerkleNode(level: 3, index: 0, hash: nh[3][0]),
            ],
        ]
        #expect(reported == expected)
    }

    @Test("root() equals root(ofLeafHashes:) at every size up to 300, and reported nodes equal the stored nodes")
    func randomTreeAgainstOracle() throws {
        let leaves = MerkleTestTrees.leaves300
        let roots = MerkleTestTrees.roots300
        let store = MerkleTestTrees.store300
        var range = CompactRange()
        var allReported: [MerkleNode] = []
        var failures: [String] = []
        for (i, leaf) in leaves.enumerated() {
            let oldSize = range.size
            let reported = range.append(leafHash: leaf)
            if range.size != oldSize + 1 { failures.append("size after \(i)") }
            if range.hashes.count != range.size.nonzeroBitCount { failures.append("hash count at \(range.size)") }
            if range.root() != roots[i + 1] { failures.append("root at size \(i + 1)") }
            // One node per trailing one bit of the old size, levels 1, 2, ... in order.
            if reported.map(\.level) != Array(stride(from: 1, through: (~oldSize).trailingZeroBitCount, by: 1)) {
                failures.append("levels \(reported.map(\.level)) at append \(i)")
            }
            for node in reported {
                if (node.index + 1) << UInt64(node.level) != range.size {
                    failures.append("node \(node.level)/\(node.index) does not end at the new size")
                }
                if try store.hash(level: node.level, index: node.index) != node.hash {
                    failures.append("node \(node.level)/\(node.index) hash differs from the store")
                }
            }
            allReported += reported
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
        let stored = store.interiorNodes()
        #expect(allReported.count == stored.count)
        #expect(Set(allReported) == Set(stored))
    }

    @Test("A range rebuilt from (size, hashes) continues exactly like the original")
    func resumeFromState() throws {
        let leaves = MerkleTestTrees.leafHashes(count: 100)
        var original = CompactRange()
        for leaf in leaves.prefix(77) { original.append(leafHash: leaf) }
        var resumed = try CompactRange(size: original.size, hashes: original.hashes)
        #expect(resumed == original)
        for leaf in leaves.dropFirst(77) {
            #expect(resumed.append(leafHash: leaf) == original.append(leafHash: leaf))
        }
        #expect(resumed == original)
        #expect(resumed.root() == MerkleHash.root(ofLeafHashes: leaves))
    }

    @Test("init(size:hashes:) rejects a hash count other than popcount(size)",
          arguments: [(1, 0), (1, 2), (2, 2), (3, 1), (7, 2), (8, 2), (0, 1)] as [(UInt64, Int)])
    func rejectsWrongHashCount(size: UInt64, count: Int) {
        let error = #expect(throws: MerkleError.self) {
            try CompactRange(size: size, hashes: Array(repeating: MerkleHash.emptyRoot, count: count))
        }
        #expect(error?.code == .invalidArgument)
    }

    @Test("init(size:hashes:) rejects hashes that are not 32 bytes", arguments: [0, 1, 31, 33, 64])
    func rejectsWrongHashLength(length: Int) {
        let error = #expect(throws: MerkleError.self) {
            try CompactRange(size: 3, hashes: [MerkleHash.emptyRoot, Data(repeating: 1, count: length)])
        }
        #expect(error?.code == .invalidHashLength)
    }
}

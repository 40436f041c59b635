import Foundation
import Testing
import VellumCrypto

@Suite("MerkleProofs.rangeHash: MTH of any leaf range from perfect subtrees")
struct MerkleRangeHashTests {
    static let store = InMemoryMerkleNodes(leafHashes: MerkleReferenceVectors.leafHashes)

    @Test("rangeHash(0, n) equals the reference root for every size 0...8", arguments: 0...8)
    func rootsAtEverySize(size: UInt64) throws {
        #expect(try MerkleProofs.rangeHash(start: 0, end: size, source: Self.store)
            == MerkleReferenceVectors.root(size: size))
    }

    @Test("rangeHash(s, e) equals MTH of the leaf sublist for every range of the reference tree")
    func everySubrange() throws {
        let leaves = MerkleReferenceVectors.leafHashes
        for start in 0...8 {
            for end in start...8 {
                let expected = MerkleHash.root(ofLeafHashes: Array(leaves[start..<end]))
                #expect(try MerkleProofs.rangeHash(
                    start: UInt64(start), end: UInt64(end), source: Self.store) == expected, "[\(start), \(end))")
            }
        }
    }

    @Test("A root at size n takes popcount(n) lookups, all inside the first n leaves",
          arguments: [1, 2, 3, 5, 7, 8, 100, 255, 256, 257, 300] as [UInt64])
    func rootLookups(size: UInt64) throws {
        let source = MerkleRecordingSource(MerkleTestTrees.store300)
        let root = try MerkleProofs.rangeHash(start: 0, end: size, source: source)
        #expect(root == MerkleTestTrees.roots300[Int(size)])
        #expect(source.requests.count == size.nonzeroBitCount)
        #expect(source.allRequestsWithin(size: size))
    }

    @Test("rangeHash rejects start > end")
    func rejectsReversedRange() {
        let error = #expect(throws: MerkleError.self) {
            try MerkleProofs.rangeHash(start: 3, end: 2, source: Self.store)
        }
        #expect(error?.code == .invalidArgument)
    }
}

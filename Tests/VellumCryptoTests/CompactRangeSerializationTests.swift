import Foundation
import Testing
import VellumCrypto

@Suite("CompactRange serialization")
struct CompactRangeSerializationTests {
    @Test("The encoding is the 8-byte big-endian size followed by the hashes")
    func knownEncoding() throws {
        var range = CompactRange()
        for leaf in MerkleReferenceVectors.leafHashes.prefix(3) { range.append(leafHash: leaf) }
        let nh = MerkleReferenceVectors.nodeHashes
        let expected = Data(merkleHex: "0000000000000003") + nh[1][0] + nh[0][2]
        #expect(range.serialized() == expected)
        #expect(CompactRange().serialized() == Data(count: 8))
        #expect(try CompactRange(serialized: expected) == range)
    }

    @Test("Serialization round-trips at every size 0...300")
    func roundTrip() throws {
        var range = CompactRange()
        var failures: [UInt64] = []
        for leaf in [Data()] + MerkleTestTrees.leaves300 {
            if !leaf.isEmpty { range.append(leafHash: leaf) }
            let data = range.serialized()
            let decoded = try CompactRange(serialized: data)
            if data.count != 8 + 32 * range.hashes.count || decoded != range {
                failures.append(range.size)
            }
        }
        #expect(failures.isEmpty, "sizes \(failures)")
    }

    @Test("A large size round-trips (all 64 bits significant)")
    func largeSize() throws {
        let size: UInt64 = 0x8000_0000_0000_0003
        let hashes = (0..<3).map { MerkleHash.leaf(Data([UInt8($0)])) }
        let range = try CompactRange(size: size, hashes: hashes)
        let data = range.serialized()
        #expect(data.prefix(8) == Data([0x80, 0, 0, 0, 0, 0, 0, 0x03]))
        #expect(try CompactRange(serialized: data) == range)
    }

    @Test("Decoding works on a Data slice that does not start at index 0")
    func decodesSlice() throws {
        var range = CompactRange()
        for leaf in MerkleReferenceVectors.leafHashes.prefix(7) { range.append(leafHash: leaf) }
        let padded = Data([0xFF, 0xFF]) + range.serialized()
        let slice = padded[2...]
        #expect(slice.startIndex == 2)
        #expect(try CompactRange(serialized: slice) == range)
    }

    static let good: Data = {
        var range = CompactRange()
        for leaf in MerkleReferenceVectors.leafHashes.prefix(3) { range.append(leafHash: leaf) }
        return range.serialized()  // size 3: 8 + 2 * 32 bytes
    }()

    @Test("Malformed encodings are rejected", arguments: [
        ("empty", Data()),
        ("7 bytes", Data(count: 7)),
        ("size only, size 1", Data(merkleHex: "0000000000000001")),
        ("missing hash", good.prefix(8 + 32)),
        ("truncated hash", good.dropLast()),
        ("trailing byte", good + Data([0])),
        ("extra hash", good + MerkleHash.emptyRoot),
        ("size 0 with a hash", Data(count: 8) + MerkleHash.emptyRoot),
        ("size 4 with two hashes", Data(merkleHex: "0000000000000004") + good.dropFirst(8)),
    ])
    func rejectsMalformed(name: String, data: Data) {
        let error = #expect(throws: MerkleError.self, "\(name)") { try CompactRange(serialized: data) }
        #expect(error?.code == .invalidSerialization)
    }
}

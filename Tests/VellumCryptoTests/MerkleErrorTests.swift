import Foundation
import Testing
import VellumCrypto

@Suite("MerkleError")
struct MerkleErrorTests {
    @Test("An error records its code, reason and the caller's file and line")
    func recordsLocation() {
        let line = #line + 1
        let error = MerkleError(.missingNode, "no node at level 2")
        #expect(error.code == .missingNode)
        #expect(error.code != .invalidArgument)
        #expect(error.reason == "no node at level 2")
        #expect(error.file == #fileID)
        #expect(error.line == line)
        #expect(error.description == "MerkleError.missingNode: no node at level 2 (\(#fileID):\(line))")
    }

    @Test("Errors thrown by the library point into the library source")
    func thrownLocation() {
        let error = #expect(throws: MerkleError.self) {
            try CompactRange(serialized: Data())
        }
        #expect(error?.file.hasPrefix("VellumCrypto/") == true)
        #expect((error?.line ?? 0) > 0)
    }
}

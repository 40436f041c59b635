import Foundation
import Testing
import VellumS3

@Suite(
    "S3BlobStore throughput on loopback",
    // Needs an S3 server: run scripts/seaweedfs.sh start DIR and source DIR/env (.ci/run does).
    .enabled(if: S3TestEnvironment.isAvailable, "no S3 server: VELLUM_TEST_S3_ENDPOINT/_ACCESS_KEY/_SECRET_KEY unset"))
struct S3ThroughputTests {
    /// Bounded (300 blobs of 1 KiB, one thread): prints the rates, asserts every blob reads back.
    @Test("300 locked 1 KiB blobs are put and read back; the rates are printed")
    func smallBlobs() throws {
        let store = try S3BlobStore(client: try S3TestEnvironment.freshBucket(objectLock: true))
        let blobs = (0 ..< 300).map { i in Data((0 ..< 1024).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ i) }) }
        let until = Date() + 600
        let clock = ContinuousClock()
        var refs: [String] = []
        let putTime = try clock.measure { for b in blobs { refs.append(try store.put(b, retainUntil: until)) } }
        var read: [Data?] = []
        let getTime = try clock.measure { for r in refs { read.append(try store.get(r)) } }
        #expect(read == blobs.map { Optional($0) })
        func rate(_ d: Duration) -> Int { Int(Double(blobs.count) / (Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)) }
        print("S3BlobStore on loopback SeaweedFS: put \(rate(putTime))/s (HEAD + locked PUT), get \(rate(getTime))/s, 1 KiB blobs, one thread")
    }
}

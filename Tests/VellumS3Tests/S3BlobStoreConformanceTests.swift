import Testing
import VellumS3
import VellumStore
import VellumStoreTesting

@Suite(
    "S3BlobStore passes the BlobStore conformance suite on SeaweedFS",
    // Needs an S3 server: run scripts/seaweedfs.sh start DIR and source DIR/env (.ci/run does).
    .enabled(if: S3TestEnvironment.isAvailable, "no S3 server: VELLUM_TEST_S3_ENDPOINT/_ACCESS_KEY/_SECRET_KEY unset"))
struct S3BlobStoreConformanceTests {
    @Test("BlobStore conformance", arguments: BlobStoreConformance.cases.keys.sorted())
    func blobStore(_ name: String) throws {
        let store = try S3BlobStore(client: try S3TestEnvironment.freshBucket(objectLock: true))
        #expect(store.objectLockEnabled)
        try BlobStoreConformance.cases[name]!(store)
    }
}

import Testing
import VellumStore
import VellumStoreTesting

@Suite("In-memory stores pass the conformance suites")
struct InMemoryConformanceTests {
    @Test("ArchiveStore conformance", arguments: ArchiveStoreConformance.cases.keys.sorted())
    func archiveStore(_ name: String) throws {
        try ArchiveStoreConformance.cases[name]!(InMemoryArchiveStore())
    }

    @Test("BlobStore conformance", arguments: BlobStoreConformance.cases.keys.sorted())
    func blobStore(_ name: String) throws {
        try BlobStoreConformance.cases[name]!(InMemoryBlobStore())
    }
}

import Testing
import VellumStore
import VellumStoreTesting

@Suite("In-memory stores pass the conformance suites")
struct InMemoryConformanceTests {
    @Test("ArchiveStore conformance", arguments: ArchiveStoreConformance.cases.keys.sorted())
    func archiveStore(_ name: String) throws {
        try ArchiveStoreConformance.cases[name]!(InMemoryArchiveStore())
    }

    @Test("AccountStore conformance", arguments: AccountStoreConformance.cases.keys.sorted())
    func accountStore(_ name: String) throws {
        try AccountStoreConformance.cases[name]!(InMemoryAccountStore())
    }

    @Test("LeaseStore conformance", arguments: LeaseStoreConformance.cases.keys.sorted())
    func leaseStore(_ name: String) throws {
        let store = InMemoryLeaseStore()
        try LeaseStoreConformance.cases[name]!(store, store)
    }

    @Test("BlobStore conformance", arguments: BlobStoreConformance.cases.keys.sorted())
    func blobStore(_ name: String) throws {
        try BlobStoreConformance.cases[name]!(InMemoryBlobStore())
    }
}

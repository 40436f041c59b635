import Foundation
import Testing
import VellumSQLite
import VellumStore
import VellumStoreTesting

func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite("SQLite and file stores pass the conformance suites")
struct SQLiteConformanceTests {
    @Test("ArchiveStore conformance", arguments: ArchiveStoreConformance.cases.keys.sorted())
    func archiveStore(_ name: String) throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try ArchiveStoreConformance.cases[name]!(try SQLiteArchiveStore(path: dir.appendingPathComponent("a.sqlite").path))
    }

    @Test("AccountStore conformance", arguments: AccountStoreConformance.cases.keys.sorted())
    func accountStore(_ name: String) throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try AccountStoreConformance.cases[name]!(try SQLiteArchiveStore(path: dir.appendingPathComponent("a.sqlite").path))
    }

    @Test("LeaseStore conformance", arguments: LeaseStoreConformance.cases.keys.sorted())
    func leaseStore(_ name: String) throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.sqlite").path
        try LeaseStoreConformance.cases[name]!(try SQLiteArchiveStore(path: path), try SQLiteArchiveStore(path: path))
    }

    @Test("BlobStore conformance", arguments: BlobStoreConformance.cases.keys.sorted())
    func blobStore(_ name: String) throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try BlobStoreConformance.cases[name]!(try FileBlobStore(root: dir))
    }

    @Test("the store survives reopening with its data")
    func reopen() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.sqlite").path
        try SQLiteArchiveStore(path: path).write { try $0.setMeta("x", Data([7])) }
        #expect(try SQLiteArchiveStore(path: path).read { try $0.meta("x") } == Data([7]))
    }

    @Test("a changed FTS shadow row fails the index integrity check")
    func ftsIntegrity() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteArchiveStore(path: dir.appendingPathComponent("a.sqlite").path)
        try ArchiveStoreConformance.cases["search matches phrases by position and ANDs them"]!(store)
        #expect(try store.write { try $0.indexIntegrityProblems() }.isEmpty)
        try store.executeUncheckedSQL("UPDATE index_docs SET tokens = 'zz yy' WHERE position = 1")
        #expect(try !store.write { try $0.indexIntegrityProblems() }.isEmpty)
    }
}

import Foundation
import GRDB
import Testing
import VellumCore
import VellumStore
import VellumStoreTesting
@testable import VellumSQLite

@Suite("SQLite connections: what each one is opened with")
struct SQLiteConnectionSettingsTests {
    @Test("the writer maps the file, readers read it with pread; both sync fully and zero what they free")
    func connectionSettings() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteArchiveStore(path: dir.appendingPathComponent("a.sqlite").path)
        func settings(_ db: Database) throws -> (mmap: Int, secureDelete: Int, cache: Int) {
            (try Int.fetchOne(db, sql: "PRAGMA mmap_size") ?? -1,
             try Int.fetchOne(db, sql: "PRAGMA secure_delete") ?? -1,
             try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? 0)
        }
        let writer = try store.pool.write { try settings($0) }
        let reader = try store.pool.read { try settings($0) }
        #expect(writer.mmap > 0)
        #expect(reader.mmap == 0)
        #expect(writer.secureDelete == 1 && reader.secureDelete == 1)
        #expect(writer.cache == -65536 && reader.cache == -65536)
        #expect(try store.pool.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 2, "FULL")
    }

    static func pageSize(_ store: SQLiteArchiveStore) throws -> Int? {
        try store.pool.read { try Int.fetchOne($0, sql: "PRAGMA page_size") }
    }

    /// Fills `store` with records whose index documents share a word, then checks what a
    /// search, the source-key tiers and the full-text indexes say about them.
    static func fillAndCheck(_ store: SQLiteArchiveStore, count: Int) throws {
        let records = (1 ... count).map { ArchiveStoreConformance.record($0) }
        for chunk in stride(from: 0, to: count, by: 100) {
            try store.write { tx in
                for r in records[chunk ..< min(count, chunk + 100)] { try tx.insert(r, indexTokens: "common w\(r.id.rawValue.prefix(6))") }
            }
        }
        let found = try store.read { try $0.search(IndexQuery(phrases: [["common"]], limit: 10)) }
        #expect(found.total == count)
        let problems = try store.pool.write { db in
            let tx = SQLiteTransaction(db: db, sourceKeyTiers: .standard)
            return try tx.indexIntegrityProblems() + tx.sourceKeyIndexProblems()
        }
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("a new archive has 8 KiB pages; one created with SQLite's 4 KiB keeps them, and both work")
    func pageSizes() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fresh = dir.appendingPathComponent("new.sqlite").path
        let made = try SQLiteArchiveStore(path: fresh)
        try Self.fillAndCheck(made, count: 600)
        #expect(try Self.pageSize(try SQLiteArchiveStore(path: fresh)) == 8192, "reopened")
        // The log is checkpointed after as many bytes as before: half as many pages.
        #expect(made.checkpointPages == 500 && made.bulkCheckpointPages == 15_000)
        #expect(try made.writerCheckpointPages() == 500)

        // An archive from before decision 0031: the file was made with SQLite's default size.
        let old = dir.appendingPathComponent("old.sqlite").path
        try DatabaseQueue(path: old).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE made_before(x); DROP TABLE made_before")
        }
        let store = try SQLiteArchiveStore(path: old)
        #expect(try Self.pageSize(store) == 4096)
        try Self.fillAndCheck(store, count: 600)
        #expect(try Self.pageSize(try SQLiteArchiveStore(path: old)) == 4096, "reopened")
        #expect(store.checkpointPages == 1000 && store.bulkCheckpointPages == 30_000)
        #expect(try store.writerCheckpointPages() == 1000)
    }
}

import Foundation
import GRDB
import Testing
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
}

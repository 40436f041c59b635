import Foundation
import GRDB
import Testing
import VellumCore
import VellumStore
import VellumStoreTesting
@testable import VellumSQLite

@Suite("SQLite finds records by id through the source-key index (decision 0021)")
struct SQLiteRecordIDLookupTests {
    static func plans(_ store: SQLiteArchiveStore, _ sql: String, _ arguments: StatementArguments) throws -> [String] {
        try store.pool.read { try Row.fetchAll($0, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] } }
    }

    @Test("a look-up by id finds the record through its key's first bytes; the search join's bounds come from SQL functions")
    func lookupUsesSourceKeyIndex() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteArchiveStore(path: dir.appendingPathComponent("a.sqlite").path)
        let r = ArchiveStoreConformance.record(1)
        try store.write { try $0.insert(r, indexTokens: "a b") }
        // The plans are checked tier by tier in SQLiteSourceKeyTiersTests (decision 0029).
        #expect(try store.read { try $0.record(id: r.id) } == r)
        // The restriction join of a search uses the same bounds, through SQL functions.
        let bounds = try store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT record_key_floor(?), record_key_ceiling(?), record_key_floor('nope')",
                             arguments: [r.id.rawValue, r.id.rawValue])
        }
        let floor: Data = try #require(bounds?[0])
        let ceiling: Data = try #require(bounds?[1])
        #expect(floor == r.sourceKey.prefix(10) && ceiling.prefix(10) == floor && ceiling.count == 74)
        let none: Data? = bounds?[2]
        #expect(none == nil)
    }

    @Test("a record whose id is not derived from its source key is refused")
    func underivedIDRefused() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteArchiveStore(path: dir.appendingPathComponent("a.sqlite").path)
        let good = ArchiveStoreConformance.record(1)
        var empty = good
        empty.sourceKey = Data()
        empty.id = RecordID(sourceKey: empty.sourceKey)  // "m": derived, but names no key
        for id in [RecordID("m1"), RecordID(good.id.rawValue.uppercased()), RecordID(good.id.rawValue + "00")] {
            var r = good
            r.id = id
            let error = #expect(throws: VellumError.self) { try store.write { try $0.insert(r, indexTokens: "a") } }
            #expect(error?.code == .invalidInput, "\(id)")
        }
        let error = #expect(throws: VellumError.self) { try store.write { try $0.insert(empty, indexTokens: "a") } }
        #expect(error?.code == .invalidInput)
        #expect(try store.read { try $0.recordCount() } == 0)
        try store.write { try $0.insert(good, indexTokens: "a") }
        #expect(try store.read { try $0.recordCount() } == 1)
    }

    @Test("migrations v7 and v9 rebuild records without its unique indexes, keep every row, and settle every key in the last tier")
    func migrationKeepsRows() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.sqlite").path
        // An archive as the previous release left it: migrated up to v6, records inserted.
        let records = (1 ... 40).map { n in
            ArchiveStoreConformance.record(n, kind: n % 5 == 0 ? .edit : .message, target: n % 5 == 0 ? "src\(n - 1)" : nil,
                                           conversation: "c\(n % 3)")
        }
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteSchema.migrator.migrate(queue, upTo: "v6-leases")
            try queue.write { db in
                try records.forEach { try Self.legacyInsert($0, indexTokens: "t\($0.ledgerIndex) shared", db) }
            }
            let before = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM pragma_index_list('records') WHERE \"unique\" = 1") }
            #expect(before == 2, "the v6 table has unique indexes on id and source_key")
        }
        let store = try SQLiteArchiveStore(path: path)
        try store.read { tx throws in
            #expect(try tx.recordCount() == 40)
            for r in records {
                #expect(try tx.record(id: r.id) == r)
                #expect(try tx.indexTokens(of: r.id) == "t\(r.ledgerIndex) shared")
            }
            #expect(try tx.records(after: -1, limit: 100).map(\.position) == Array(1 ... 40))
            #expect(try tx.records(targeting: ArchiveStoreConformance.key("src9")).map(\.id) == [records[9].id])
        }
        let indexes = try store.pool.read { try String.fetchAll($0, sql: "SELECT name FROM pragma_index_list('records') ORDER BY name") }
        #expect(indexes.filter { !$0.hasPrefix("sqlite_autoindex") } == ["records_sent", "records_target"])
        #expect(try store.pool.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])
        let unique = try store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM pragma_index_list('records') WHERE \"unique\" = 1") }
        #expect(unique == 0)
        #expect(try SQLiteSourceKeyTiersTests.tierCounts(store) == [0, 0, 40])
        #expect(try store.write { try $0.indexIntegrityProblems() } == [])
        let again = #expect(throws: VellumError.self) { try store.write { try $0.insert(records[7], indexTokens: "x") } }
        #expect(again?.code == .duplicate)
        // Still searchable, and a new record goes in after the old ones.
        let hits = try store.read { try $0.search(IndexQuery(phrases: [["shared"]])) }
        #expect(hits.total == 40)
        try store.write { try $0.insert(ArchiveStoreConformance.record(41), indexTokens: "t41") }
        #expect(try store.read { try $0.records(after: 40, limit: 10).map(\.position) } == [41])
    }
}

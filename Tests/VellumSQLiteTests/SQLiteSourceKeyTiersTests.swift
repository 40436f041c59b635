import Foundation
import GRDB
import Testing
import VellumCore
import VellumStore
import VellumStoreTesting
@testable import VellumSQLite

@Suite("SQLite indexes source keys in three tiers (decision 0029)")
struct SQLiteSourceKeyTiersTests {
    typealias C = ArchiveStoreConformance

    static func store(_ dir: URL, tiers: SourceKeyTiers = .standard) throws -> SQLiteArchiveStore {
        try SQLiteArchiveStore(path: dir.appendingPathComponent("a.sqlite").path, sourceKeyTiers: tiers)
    }

    static func tierCounts(_ store: SQLiteArchiveStore) throws -> [Int] {
        try store.pool.read { db in
            try SourceKeyTiers.tables.map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1 }
        }
    }

    /// A record whose key shares `r`'s first ten bytes (so also its id) but differs after them.
    static func twin(of r: StoredRecord, _ n: Int) -> StoredRecord {
        var t = C.record(n)
        t.sourceKey = r.sourceKey.prefix(RecordID.sourceKeyPrefixLength) + Data(repeating: 0xEE, count: 6)
        t.id = RecordID(sourceKey: t.sourceKey)
        return t
    }

    @Test("records has no unique index; a look-up by id, by key or for a duplicate searches each tier's primary key")
    func plans() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Self.store(dir)
        let r = C.record(1)
        try store.write { try $0.insert(r, indexTokens: "a b") }
        let unique = try store.pool.read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM pragma_index_list('records') WHERE \"unique\" = 1")
        }
        #expect(unique == 0)
        let match = try #require(SQLiteTransaction.match(r.id))
        try store.write { try $0.restrict(RecordRestriction(id: r.id, request: "req-1", since: 1)) }
        let queries: [(String, StatementArguments)] = [
            ("SELECT position FROM records WHERE \(match.sql)", match.arguments),
            ("SELECT position FROM records WHERE \(SQLiteTransaction.bySourceKeySQL)", [r.sourceKey]),
            (SQLiteTransaction.containsRecordSQL, [r.sourceKey]),
            // A word search that leaves out restricted records looks each of them up (0029).
            ("SELECT rowid FROM message_index WHERE message_index MATCH 'a' AND \(SQLiteTransaction.unrestrictedSQL)", []),
            ("SELECT count(*) FROM records r WHERE target_key IS NOT NULL AND NOT EXISTS "
                + "(SELECT 1 FROM source_keys o WHERE o.source_key = r.target_key)", []),
        ]
        // Only the FTS table, the restricted ids and constant rows may be scanned.
        let allowedScans = ["SCAN CONSTANT ROW", "SCAN message_index VIRTUAL TABLE", "SCAN x"]
        for (sql, arguments) in queries {
            let plan = try SQLiteRecordIDLookupTests.plans(store, sql, arguments).joined(separator: "\n")
            for table in SourceKeyTiers.tables {
                #expect(plan.contains("SEARCH \(table) USING PRIMARY KEY (source_key"), "\(table) in\n\(plan)")
            }
            let scans = plan.split(separator: "\n").filter { line in
                line.contains("SCAN") && !allowedScans.contains { line.hasPrefix($0) }
            }
            #expect(scans.isEmpty, "\(sql)\n\(plan)")
        }
        var query = IndexQuery(phrases: [["a"]])
        #expect(try store.read { try $0.search(query) }.total == 1)
        query.excludeRestricted = true
        #expect(try store.read { try $0.search(query) }.total == 0)
        #expect(try store.read { try $0.record(id: r.id) } == r)
        #expect(try store.read { try $0.record(sourceKey: r.sourceKey) } == r)
        #expect(try Self.tierCounts(store) == [1, 0, 0])
    }

    @Test("keys move down the tiers in sorted passes; every record stays findable and every duplicate is refused")
    func keysMoveDown() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Self.store(dir, tiers: SourceKeyTiers(recent: 4, middle: 12))
        var inserted: [StoredRecord] = []
        var n = 0
        // Single inserts and batches of several sizes, so that tiers fill at every point of a batch.
        for size in [1, 3, 1, 7, 2, 5, 1, 11, 4, 6, 1, 9, 1, 3, 2] {
            let batch = (0 ..< size).map { _ in n += 1; return C.record(n) }
            try store.write { tx in
                if size == 1 {
                    try tx.insert(batch[0], indexTokens: "w\(n)")
                } else {
                    try tx.insert(batch.map { IndexedRecord($0, indexTokens: "w") })
                }
            }
            inserted += batch
            let counts = try Self.tierCounts(store)
            #expect(counts[0] < 4 && counts[1] < 12 && counts.reduce(0, +) == inserted.count, "\(counts)")
        }
        #expect(try Self.tierCounts(store) == [2, 4, 51])
        try store.read { tx throws in
            for r in inserted {
                #expect(try tx.record(id: r.id) == r)
                #expect(try tx.record(sourceKey: r.sourceKey) == r)
            }
            #expect(try tx.containedRecords(sourceKeys: inserted.map(\.sourceKey) + [C.key("new")]) == Set(inserted.map(\.sourceKey)))
        }
        // One record from each tier, again and as a twin sharing its id: refused, nothing written.
        let tierOf = try store.pool.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT source_key, tier FROM source_keys").map {
                (($0[0] as Data), ($0[1] as Int))
            })
        }
        for tier in 0 ..< 3 {
            let held = try #require(inserted.first { tierOf[$0.sourceKey] == tier })
            for again in [held, Self.twin(of: held, 900 + tier)] {
                let error = #expect(throws: VellumError.self) {
                    try store.write { tx in
                        do { try tx.insert(again, indexTokens: "x") } catch let e as VellumError {
                            // The transaction stays usable after the refusal.
                            #expect(try tx.recordCount() == inserted.count)
                            throw e
                        }
                    }
                }
                #expect(error?.code == .duplicate, "tier \(tier)")
                let batchError = #expect(throws: VellumError.self) {
                    try store.write { try $0.insert([IndexedRecord(C.record(800), indexTokens: "x"), IndexedRecord(again, indexTokens: "x")]) }
                }
                #expect(batchError?.code == .duplicate, "tier \(tier), in a batch")
            }
        }
        #expect(try store.read { try $0.recordCount() } == inserted.count)
        #expect(try store.write { try $0.indexIntegrityProblems() } == [])
        #expect(try store.pool.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])
    }

    @Test("a removed record's key leaves whichever tier holds it, and its key is still refused")
    func removal() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Self.store(dir, tiers: SourceKeyTiers(recent: 3, middle: 6))
        let rs = (1 ... 23).map { C.record($0) }
        for r in rs { try store.write { try $0.insert(r, indexTokens: "w") } }
        let tierOf = try store.pool.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT source_key, tier FROM source_keys").map {
                (($0[0] as Data), ($0[1] as Int))
            })
        }
        let victims = try (0 ..< 3).map { tier in try #require(rs.first { tierOf[$0.sourceKey] == tier }) }
        for (i, r) in victims.enumerated() {
            try store.write { tx in
                try tx.remove(RecordRemoval(
                    id: r.id, sourceKey: r.sourceKey, commitment: r.commitment, captureIndex: r.ledgerIndex,
                    ledgerIndex: UInt64(100 + i), reason: .erasure, at: 1_900_000_000_000))
            }
        }
        #expect(try Self.tierCounts(store) == [1, 2, 17])
        #expect(try store.write { try $0.indexIntegrityProblems() } == [])
        for r in victims {
            #expect(try store.read { try $0.record(id: r.id) } == nil)
            #expect(try store.read { try $0.containsRecord(sourceKey: r.sourceKey) })
            let error = #expect(throws: VellumError.self) { try store.write { try $0.insert(r, indexTokens: "w") } }
            #expect(error?.description.contains("removed") == true, "\(String(describing: error))")
        }
    }

    @Test("verify names a tier entry that went missing, moved, or was copied into another tier")
    func damageIsNamed() throws {
        let damages: [(String, String)] = [
            ("DELETE FROM source_keys_2 WHERE source_key = (SELECT min(source_key) FROM source_keys_2)", "lacks the key of 1 records"),
            ("DELETE FROM source_keys_1 WHERE source_key = (SELECT min(source_key) FROM source_keys_1)", "has 14 entries for 15 records"),
            ("UPDATE source_keys_1 SET position = position + 1000", "lacks the key of"),
            ("INSERT INTO source_keys_0 SELECT * FROM source_keys_2 LIMIT 1", "holds 1 keys in two tiers"),
        ]
        for (damage, named) in damages {
            let dir = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: dir) }
            let store = try Self.store(dir, tiers: SourceKeyTiers(recent: 2, middle: 4))
            for n in 1 ... 15 { try store.write { try $0.insert(C.record(n), indexTokens: "w") } }
            #expect(try Self.tierCounts(store).allSatisfy { $0 > 0 }, "every tier holds keys before the damage")
            #expect(try store.write { try $0.indexIntegrityProblems() } == [])
            try store.pool.writeWithoutTransaction { try $0.execute(sql: damage) }
            let problems = try store.write { try $0.indexIntegrityProblems() }
            #expect(problems.contains { $0.contains(named) }, "\(damage): \(problems)")
        }
    }
}

import Foundation
import GRDB
import Testing
import VellumCore
import VellumStore
import VellumStoreTesting
@testable import VellumSQLite

extension SQLiteRecordIDLookupTests {
    /// A record inserted as releases before migration v8 did: participants and tags in tables of
    /// their own, no facets.
    static func legacyInsert(_ r: StoredRecord, indexTokens: String, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO records(id, source_key, channel, kind, target_key, conversation_key, sender_key, sent_at,
                    captured_at, scope, body, commitment, ledger_index, blob_refs, record_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                r.id.rawValue, r.sourceKey, r.channel.rawValue, r.kind.rawValue, r.targetKey, r.conversationKey,
                r.senderKey, r.sentAt, r.capturedAt, r.scope, r.body, r.commitment, Int64(r.ledgerIndex),
                r.blobRefs.joined(separator: " "), r.recordKey,
            ])
        let position = db.lastInsertedRowID
        for key in r.participantKeys {
            try db.execute(sql: "INSERT OR IGNORE INTO record_participants(party_key, position) VALUES (?, ?)", arguments: [key, position])
        }
        for key in r.tagKeys {
            try db.execute(sql: "INSERT OR IGNORE INTO record_tags(tag_key, position) VALUES (?, ?)", arguments: [key, position])
        }
        try db.execute(sql: "INSERT INTO index_docs(position, tokens) VALUES (?, ?)", arguments: [position, indexTokens])
        try db.execute(sql: "INSERT INTO message_index(rowid, tokens) VALUES (?, ?)", arguments: [position, indexTokens])
    }
}

@Suite("SQLite keeps participants, tags and conversations as facets in a full-text table (decision 0026)")
struct SQLiteRecordFacetsTests {
    typealias Conformance = ArchiveStoreConformance

    /// 30 records in three conversations, with two or three participants and tags on some.
    static let records: [StoredRecord] = (1 ... 30).map { n in
        var r = Conformance.record(n, conversation: "c\(n % 3)", others: n % 2 == 0 ? ["bob", "carol"] : ["dave"])
        r.tagKeys = n % 5 == 0 ? [Conformance.key("tag:pdf"), Conformance.key("detector:iban")] : []
        return r
    }

    static func sorted(_ r: StoredRecord) -> StoredRecord {
        var r = r
        r.participantKeys.sort { $0.lexicographicallyPrecedes($1) }
        r.tagKeys.sort { $0.lexicographicallyPrecedes($1) }
        return r
    }

    /// The filters answered from the facets, checked against the records themselves.
    static func checkFilters(_ store: SQLiteArchiveStore) throws {
        let key = Conformance.key
        func total(_ configure: (inout IndexQuery) -> Void) throws -> Int {
            var q = IndexQuery(limit: 100)
            configure(&q)
            return try store.read { try $0.search(q) }.total
        }
        #expect(try total { $0.participantKeys = [key("carol")] } == 15)
        #expect(try total { $0.participantKeys = [key("carol"), key("dave")] } == 30)
        #expect(try total { $0.participantGroups = [[key("alice")], [key("dave")]] } == 15)
        #expect(try total { $0.recipientKeys = [key("alice")] } == 0)
        #expect(try total { $0.recipientKeys = [key("bob")] } == 15)
        #expect(try total { $0.tagGroups = [[key("tag:pdf")]] } == 6)
        #expect(try total { $0.conversationKeys = [key("c1")] } == 10)
        #expect(try total { $0.conversationKeys = [key("c1"), key("c2")]; $0.participantKeys = [key("dave")] } == 10)
        #expect(try total { $0.conversationKeys = [key("nobody")] } == 0)
    }

    /// Runs `body` on a new store holding ``records``.
    static func withRecords(_ body: (SQLiteArchiveStore) throws -> Void) throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteArchiveStore(path: dir.appendingPathComponent("a.sqlite").path)
        try store.write { tx in try tx.insert(Self.records.map { IndexedRecord($0, indexTokens: "w\($0.ledgerIndex)") }) }
        try body(store)
    }

    @Test("records read back with their participants and tags, and every filter finds them")
    func roundTrip() throws {
        try Self.withRecords { store in
            try store.read { tx throws in
                for r in Self.records { #expect(try tx.record(id: r.id) == Self.sorted(r)) }
            }
            try Self.checkFilters(store)
            #expect(try store.write { try $0.indexIntegrityProblems() } == [])
            let facets = try store.pool.read { try String.fetchOne($0, sql: "SELECT facets FROM records WHERE position = 5") }
            let expected = [Conformance.key("alice"), Conformance.key("dave")].sorted { $0.lexicographicallyPrecedes($1) }
                .map { "p" + $0.hexString } + [Conformance.key("detector:iban"), Conformance.key("tag:pdf")]
                .sorted { $0.lexicographicallyPrecedes($1) }.map { "t" + $0.hexString } + ["c" + Conformance.key("c2").hexString]
            #expect(facets == expected.joined(separator: " "))
        }
    }

    @Test("a removed record leaves the facet index, which still agrees with the records")
    func removal() throws {
        try Self.withRecords { store in
            let gone = Self.records[4]  // n = 5: dave, two tags, conversation c2
            try store.write { tx in
                try tx.remove(RecordRemoval(
                    id: gone.id, sourceKey: gone.sourceKey, commitment: gone.commitment, captureIndex: gone.ledgerIndex,
                    ledgerIndex: 99, reason: .retention, at: 0))
            }
            var q = IndexQuery(limit: 100)
            q.tagGroups = [[Conformance.key("tag:pdf")]]
            #expect(try store.read { try $0.search(q) }.total == 5)
            #expect(try store.write { try $0.indexIntegrityProblems() } == [])
        }
    }

    @Test("a facet index that lost a document, or a record whose facets name another conversation, is named")
    func damage() throws {
        try Self.withRecords { store in
            try store.pool.writeWithoutTransaction { db in
                try db.execute(sql: "INSERT INTO record_facets(record_facets, rowid, facets) SELECT 'delete', position, facets FROM records WHERE position = 7")
            }
            #expect(try store.write { try $0.indexIntegrityProblems() }.contains { $0.contains("facet index disagrees") })
            try store.pool.writeWithoutTransaction { db in
                try db.execute(sql: "INSERT INTO record_facets(record_facets) VALUES('rebuild')")
                try db.execute(sql: "UPDATE records SET facets = replace(facets, ' c', ' p') WHERE position = 8")
            }
            #expect(try store.write { try $0.indexIntegrityProblems() }.contains { $0.contains("do not name their conversation") })
        }
    }

    @Test("migration v8 moves participants and tags into facets and drops their tables and the conversation index")
    func migration() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteSchema.migrator.migrate(queue, upTo: "v7-records-without-id-index")
            try queue.write { db in
                for r in Self.records { try SQLiteRecordIDLookupTests.legacyInsert(r, indexTokens: "w\(r.ledgerIndex)", db) }
            }
        }
        let store = try SQLiteArchiveStore(path: path)
        try store.read { tx throws in
            for r in Self.records { #expect(try tx.record(id: r.id) == Self.sorted(r)) }
        }
        try Self.checkFilters(store)
        #expect(try store.write { try $0.indexIntegrityProblems() } == [])
        let tables = try store.pool.read {
            try String.fetchAll($0, sql: "SELECT name FROM sqlite_schema WHERE name IN ('record_participants', 'record_tags', 'records_conversation')")
        }
        #expect(tables == [])
        #expect(try store.pool.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])
        // What a copy to PostgreSQL carries is unchanged: participant and tag rows, records without facets.
        var chunks: [String: [TableChunk]] = [:]
        try store.dump(tables: ["records", "record_participants", "record_tags"]) { chunks[$0.table, default: []].append($0) }
        #expect(chunks["records"]?.first?.columns.contains("facets") == false)
        let participants = chunks["record_participants"]?.flatMap(\.rows) ?? []
        #expect(participants.count == 75)
        #expect(chunks["record_participants"]?.first?.columns == ["party_key", "position"])
        #expect(participants.contains([.blob(Conformance.key("carol")), .integer(2)]))
        #expect(chunks["record_tags"]?.flatMap(\.rows).count == 12)
        let counts = try store.rowCounts(tables: ["records", "record_participants", "record_tags"])
        #expect(counts == ["records": 30, "record_participants": 75, "record_tags": 12])
    }
}

import Foundation
import PostgresNIO
import Testing
import VellumCore
import VellumPostgres
import VellumStore
import VellumStoreTesting

@Suite(
    "PostgresArchiveStore passes the ArchiveStore conformance suite",
    // Needs a server: run scripts/postgres.sh start DIR and source DIR/env (.ci/run does).
    .enabled(if: PostgresTestEnvironment.isAvailable, PostgresTestEnvironment.skipReason))
struct PostgresArchiveStoreConformanceTests {
    @Test("ArchiveStore conformance", arguments: ArchiveStoreConformance.cases.keys.sorted())
    func archiveStore(_ name: String) throws {
        try PostgresTestEnvironment.withPool { pool throws in
            try ArchiveStoreConformance.cases[name]!(try PostgresArchiveStore.open(pool))
        }
    }

    @Test("a changed index row fails the index integrity check")
    func indexIntegrity() throws {
        try PostgresTestEnvironment.withPool { pool throws in
            let store = try PostgresArchiveStore.open(pool)
            try ArchiveStoreConformance.cases["search matches phrases by position and ANDs them"]!(store)
            #expect(try store.write { try $0.indexIntegrityProblems() }.isEmpty)
            let first = "(SELECT min(position) FROM records)"
            let tampering = [
                ("UPDATE index_docs SET tokens = 'zz yy' WHERE position = \(first)", "disagree with their index tokens"),
                ("UPDATE message_index SET document = 'zz:1'::tsvector WHERE position = \(first)", "disagree"),
                ("DELETE FROM message_index WHERE position = \(first)", "records have no search document"),
                ("DELETE FROM index_docs WHERE position = \(first)", "records have no index row"),
                ("INSERT INTO message_index VALUES (999999, 'a:1')", "search documents belong to no record"),
            ]
            for (sql, problem) in tampering {
                let saved = try pool.withConnection { s in
                    try s.execute("CREATE TEMP TABLE saved_docs AS SELECT * FROM index_docs")
                    try s.execute("CREATE TEMP TABLE saved_index AS SELECT * FROM message_index")
                    try s.execute(PostgresQuery(unsafeSQL: sql))
                    return s
                }
                _ = saved
                let problems = try store.write { try $0.indexIntegrityProblems() }
                #expect(problems.contains { $0.contains(problem) }, "\(sql): \(problems)")
                try pool.withConnection { s in
                    try s.execute("DELETE FROM index_docs")
                    try s.execute("DELETE FROM message_index")
                    try s.execute("INSERT INTO index_docs SELECT * FROM saved_docs")
                    try s.execute("INSERT INTO message_index SELECT * FROM saved_index")
                    try s.execute("DROP TABLE saved_docs, saved_index")
                }
                #expect(try store.write { try $0.indexIntegrityProblems() }.isEmpty, "restored after \(sql)")
            }
        }
    }

    @Test("a refused duplicate leaves the write usable: what came before and after it commits")
    func duplicateKeepsTransaction() throws {
        try PostgresTestEnvironment.withPool { pool throws in
            let store = try PostgresArchiveStore.open(pool)
            try store.write { tx throws in
                try tx.insert(Self.record("m1", source: 1), indexTokens: "a")
                let error = #expect(throws: VellumError.self) {
                    try tx.insert(Self.record("m2", source: 1), indexTokens: "b")
                }
                #expect(error?.code == .duplicate)
                #expect(throws: VellumError.self) { try tx.resolveQuarantine(id: 42, record: nil) }
                try tx.insert(Self.record("m3", source: 3), indexTokens: "c")
            }
            #expect(try store.read { try $0.records(after: -1, limit: 10).map(\.record.id.rawValue) } == ["m1", "m3"])
        }
    }

    static func record(_ id: String, source: UInt8) -> StoredRecord {
        StoredRecord(
            id: RecordID(id), sourceKey: Data([source]), channel: .wecom, kind: .message, targetKey: nil,
            conversationKey: Data([2]), senderKey: Data([3]), participantKeys: [Data([3])], sentAt: 1, capturedAt: 1,
            scope: Data([4]), body: Data([5]), commitment: Data([6]), ledgerIndex: 0, blobRefs: [])
    }

    @Test("tokens with quotes, backslashes and tsquery operators are matched literally")
    func tokensAreLiteral() throws {
        try PostgresTestEnvironment.withPool { pool throws in
            let store = try PostgresArchiveStore.open(pool)
            let odd = ["it's", "a\\b", "x:*", "!y", "(z)", "A&B"]
            try store.write { try $0.insert(Self.record("m1", source: 1), indexTokens: odd.joined(separator: " ")) }
            try store.read { tx throws in
                #expect(try tx.indexTokens(of: RecordID("m1")) == odd.joined(separator: " "))
                for token in odd {
                    #expect(try tx.search(IndexQuery(phrases: [[token]])).total == 1, "token \(token)")
                }
                #expect(try tx.search(IndexQuery(phrases: [["x"]])).total == 0, "a prefix is no match")
                #expect(try tx.search(IndexQuery(phrases: [["a&b"]])).total == 0, "case is kept")
                #expect(try tx.search(IndexQuery(phrases: [["it's", "a\\b"]])).total == 1, "a phrase of odd tokens")
            }
        }
    }
}

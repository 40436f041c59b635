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
            try pool.withConnection {
                try $0.execute("UPDATE index_docs SET tokens = 'zz yy' WHERE position = (SELECT min(position) FROM records)")
            }
            #expect(try !store.write { try $0.indexIntegrityProblems() }.isEmpty)
        }
    }

    @Test("tokens with quotes, backslashes and tsquery operators are matched literally")
    func tokensAreLiteral() throws {
        try PostgresTestEnvironment.withPool { pool throws in
            let store = try PostgresArchiveStore.open(pool)
            let odd = ["it's", "a\\b", "x:*", "!y", "(z)", "A&B"]
            try store.write { tx throws in
                let record = StoredRecord(
                    id: RecordID("m1"), sourceKey: Data([1]), channel: .wecom, kind: .message, targetKey: nil,
                    conversationKey: Data([2]), senderKey: Data([3]), participantKeys: [Data([3])], sentAt: 1,
                    capturedAt: 1, scope: Data([4]), body: Data([5]), commitment: Data([6]), ledgerIndex: 0, blobRefs: [])
                try tx.insert(record, indexTokens: odd.joined(separator: " "))
            }
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

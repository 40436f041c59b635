import Foundation
import VellumStore
import VellumSQLite
import Testing
@testable import VellumApp
import VellumCore
import VellumCrypto

/// Every kind of damage `vellum verify` promises to catch, one fresh archive each.
@Suite("verify catches every kind of damage")
struct TamperTests {
    static func damaged(_ damage: (TestArchive) throws -> Void) throws -> Set<String> {
        let t = try TestArchive()
        try t.importJSONL(Fixture.chat + Fixture.broken)
        _ = try t.search("合同")
        #expect(try t.verify().problems == [])
        try damage(t)
        return Set(try t.verify().problems.map(\.code))
    }

    static func sql(_ statement: String) -> (TestArchive) throws -> Void {
        { try $0.sqlite.executeUncheckedSQL(statement) }
    }

    @Test("a changed byte in a record's sealed body")
    func recordBody() throws {
        let codes = try Self.damaged(Self.sql("UPDATE records SET body = substr(body, 1, 20) || x'00' || substr(body, 22) WHERE position = 2"))
        #expect(codes.contains("record.sealed"))
    }

    @Test("a changed commitment")
    func commitment() throws {
        #expect(try Self.damaged(Self.sql("UPDATE records SET commitment = zeroblob(32) WHERE position = 1")).contains("record.ledger"))
    }

    @Test("changed searchable metadata (time, channel, participants)")
    func metadata() throws {
        #expect(try Self.damaged(Self.sql("UPDATE records SET sent_at = sent_at + 1000 WHERE position = 3")).contains("record.metadata"))
        #expect(try Self.damaged(Self.sql("UPDATE records SET channel = 'sms' WHERE position = 3")).contains("record.metadata"))
        // Participants and tags live in the record's facets (decision 0026).
        let dropped = try Self.damaged(Self.sql("UPDATE records SET facets = substr(facets, 35) WHERE position = 3"))
        #expect(dropped.contains("record.metadata") && dropped.contains("index.structure"))
        #expect(try Self.damaged(Self.sql("UPDATE records SET facets = 'zz' WHERE position = 3")).contains("record.metadata"))
    }

    @Test("a facet index that lost a record, or facets that name another conversation")
    func facets() throws {
        let lost = try Self.damaged(Self.sql("""
            INSERT INTO record_facets(record_facets, rowid, facets) SELECT 'delete', position, facets FROM records WHERE position = 3
            """))
        #expect(lost == ["index.structure"])
        let moved = try Self.damaged(Self.sql("""
            UPDATE records SET facets = substr(facets, 1, length(facets) - 32) || '00000000000000000000000000000000' WHERE position = 3
            """))
        #expect(moved.contains("index.structure"))
    }

    @Test("a changed index row, and a changed FTS index")
    func index() throws {
        let codes = try Self.damaged(Self.sql("UPDATE index_docs SET tokens = 'aaaaaaaaaaaaa ' || tokens WHERE position = 1"))
        #expect(codes.contains("index.row") && codes.contains("index.structure"))
        let fts = try Self.damaged(Self.sql("UPDATE message_index_data SET block = substr(block, 1, 8) || x'ff' || substr(block, 10) WHERE id = (SELECT max(id) FROM message_index_data)"))
        #expect(!fts.isEmpty)
    }

    @Test("a changed ledger entry")
    func ledgerEntry() throws {
        let codes = try Self.damaged(Self.sql("UPDATE ledger SET payload = CAST(replace(CAST(payload AS TEXT), 'capture', 'captura') AS BLOB) WHERE idx = 2"))
        #expect(codes.contains("ledger.entry"))
    }

    @Test("a changed ledger entry whose leaf hash was recomputed to match")
    func ledgerEntryRehashed() throws {
        let codes = try Self.damaged { t in
            let entry = try t.archive.store.read { try $0.ledgerEntries(from: 2, limit: 1) }[0]
            let forged = Data(String(decoding: entry.payload, as: UTF8.self).replacingOccurrences(of: "\"kind\":\"message\"", with: "\"kind\":\"edit\"").utf8)
            try t.sqlite.executeUncheckedSQL("UPDATE ledger SET payload = x'\(forged.hexString)', leaf_hash = x'\(MerkleHash.leaf(forged).hexString)' WHERE idx = 2")
        }
        #expect(codes.contains("tree_head.root") || codes.contains("ledger.node"))
    }

    @Test("a deleted ledger row")
    func ledgerDeleted() throws {
        let codes = try Self.damaged(Self.sql("DELETE FROM ledger WHERE idx = 3"))
        #expect(codes.contains("ledger.gap"))
    }

    @Test("reordered ledger rows")
    func ledgerReordered() throws {
        let codes = try Self.damaged(Self.sql("""
            UPDATE ledger SET idx = -1 WHERE idx = 2; UPDATE ledger SET idx = 2 WHERE idx = 3; UPDATE ledger SET idx = 3 WHERE idx = -1;
            """))
        #expect(codes.contains("tree_head.root") || codes.contains("ledger.node"))
    }

    @Test("a truncated ledger")
    func ledgerTruncated() throws {
        let codes = try Self.damaged(Self.sql("DELETE FROM ledger WHERE idx >= (SELECT max(idx) - 2 FROM ledger)"))
        #expect(codes.contains("ledger.truncated"))
    }

    @Test("a forged tree head")
    func forgedHead() throws {
        let codes = try Self.damaged { t in
            let other = KeyHierarchy(master: .generate())
            let latest = try #require(try t.archive.store.read { try $0.latestTreeHead() })
            let forged = try other.signing.sign(size: latest.size, root: Data(repeating: 9, count: 32), timestamp: latest.timestamp)
            try t.sqlite.executeUncheckedSQL("UPDATE tree_heads SET root = x'\(forged.root.hexString)', signature = x'\(forged.signature.hexString)' WHERE seq = (SELECT max(seq) FROM tree_heads)")
        }
        #expect(codes.contains("tree_head.signature"))
    }

    @Test("a rolled-back tree head (latest heads deleted)")
    func rolledBackHead() throws {
        let codes = try Self.damaged(Self.sql("DELETE FROM tree_heads WHERE seq = (SELECT max(seq) FROM tree_heads)"))
        #expect(codes.contains("tree_head.stale") || codes.contains("tree_head.rollback"))
    }

    @Test("a whole database rolled back to an earlier copy is caught by the checkpoint")
    func rolledBackDatabase() throws {
        let t = try TestArchive()
        try t.importJSONL(Fixture.chat)
        let db = t.dir.database.path
        try t.sqlite.executeUncheckedSQL("PRAGMA wal_checkpoint(TRUNCATE)")
        let saved = try Data(contentsOf: URL(fileURLWithPath: db))
        try t.importJSONL(Fixture.broken, name: "later.jsonl")
        _ = try t.search("合同")
        try t.sqlite.executeUncheckedSQL("PRAGMA wal_checkpoint(TRUNCATE)")
        try saved.write(to: URL(fileURLWithPath: db))
        let reopened = try Archive.open(t.dir)
        let codes = Set(try Verifier(archive: reopened).verify().problems.map(\.code))
        #expect(codes.contains("tree_head.rollback"))
    }

    @Test("a deleted record")
    func deletedRecord() throws {
        #expect(try Self.damaged(Self.sql("DELETE FROM records WHERE position = 4")).contains("record.missing"))
    }

    @Test("a changed attachment blob")
    func blob() throws {
        let codes = try Self.damaged { t in
            let ref = try #require(try t.archive.blobs.allRefs().first)
            let url = t.dir.blobs.appendingPathComponent(String(ref.prefix(2))).appendingPathComponent(ref)
            var bytes = try Data(contentsOf: url)
            bytes[bytes.startIndex + 20] ^= 1
            try bytes.write(to: url)
        }
        #expect(codes.contains("blob.changed"))
        #expect(try Self.damaged { t in try t.archive.blobs.delete(try t.archive.blobs.allRefs()[0]) }.contains("blob.missing"))
    }

    @Test("a changed quarantine item")
    func quarantine() throws {
        #expect(try Self.damaged(Self.sql("UPDATE quarantine SET sealed = sealed || x'00' WHERE id = 1")).contains("quarantine.sealed"))
    }

    @Test("a trusted head from elsewhere must still be in the archive")
    func trustedHead() throws {
        let t = try TestArchive()
        try t.importJSONL(Fixture.chat)
        let head = try #require(try t.archive.store.read { try $0.latestTreeHead() })
        let file = CheckpointFile(head: head, publicKey: t.archive.keys.signing.publicKey)
        #expect(try Verifier(archive: t.archive).verify(trustedHead: file).ok)
        var future = file
        future.size += 5
        #expect(!(try Verifier(archive: t.archive).verify(trustedHead: future).ok))
    }

    /// Three alerts (see ``AlertQueueTests``): the first reviewed and closed, the second escalated.
    static func reviewed(_ damage: (TestArchive, [Int64]) throws -> Void) throws -> Set<String> {
        let t = try AlertQueueTests.flagged()
        let service = AlertService(archive: t.archive)
        let ids = try service.list(AlertQuery(), actor: "rev").map(\.id).sorted()
        try service.review(ids[0], actor: "rev")
        try service.close(ids[0], disposition: .falsePositive, note: "price talk, no advice", actor: "rev")
        try service.escalate(ids[1], note: "needs a second look", actor: "rev")
        let clean = try t.verify()
        #expect(clean.ok && clean.alerts == 3, "\(clean.problems)")
        let json = String(decoding: try JSONEncoder().encode(clean), as: UTF8.self)
        #expect(json.contains(#""alerts":3"#), "verify --json carries the count: \(json)")
        try damage(t, ids)
        return Set(try t.verify().problems.map(\.code))
    }

    @Test("an alert closed, reopened or deleted in the database, and a review action changed, added or deleted")
    func reviewQueue() throws {
        #expect(try Self.reviewed { t, ids in try t.sqlite.executeUncheckedSQL("UPDATE alerts SET status = 'closed' WHERE id = \(ids[1])") }
            == ["alert.status"])
        #expect(try Self.reviewed { t, ids in try t.sqlite.executeUncheckedSQL("UPDATE alerts SET status = 'open' WHERE id = \(ids[0])") }
            == ["alert.status"])
        #expect(try Self.reviewed { t, ids in try t.sqlite.executeUncheckedSQL("UPDATE alerts SET rule = 'sample' WHERE id = \(ids[2])") }
            == ["alert.ledger"])
        #expect(try Self.reviewed { t, ids in
            try t.sqlite.executeUncheckedSQL("UPDATE alerts SET sealed = substr(sealed, 1, 10) || x'00' || substr(sealed, 12) WHERE id = \(ids[2])")
        } == ["alert.ledger"])
        #expect(try Self.reviewed { t, ids in try t.sqlite.executeUncheckedSQL("DELETE FROM alerts WHERE id = \(ids[2])") }
            .contains("alert.missing"))
        // The closing note rewritten: its digest no longer matches the ledgered one.
        #expect(try Self.reviewed { t, ids in
            try t.sqlite.executeUncheckedSQL("UPDATE alert_actions SET sealed_note = substr(sealed_note, 1, 10) || x'00' || substr(sealed_note, 12) WHERE alert_id = \(ids[0]) AND action = 'close'")
        } == ["alert.action.ledger"])
        #expect(try Self.reviewed { t, ids in
            try t.sqlite.executeUncheckedSQL("UPDATE alert_actions SET actor = 'someone-else' WHERE alert_id = \(ids[1])")
        } == ["alert.action.ledger"])
        // The close removed (and the status put back) leaves the ledgered close without its row.
        #expect(try Self.reviewed { t, ids in
            try t.sqlite.executeUncheckedSQL("DELETE FROM alert_actions WHERE alert_id = \(ids[0]) AND action = 'close'; UPDATE alerts SET status = 'in_review' WHERE id = \(ids[0])")
        } == ["alert.action.missing"])
        // A close written straight into the tables, with no ledger entry.
        #expect(try Self.reviewed { t, ids in
            try t.sqlite.executeUncheckedSQL("""
                INSERT INTO alert_actions(alert_id, at, actor, action, sealed_note, ledger_index)
                    VALUES (\(ids[1]), 0, 'rev', 'close', NULL, 999999);
                UPDATE alerts SET status = 'closed' WHERE id = \(ids[1]);
                """)
        } == ["alert.action.unledgered", "alert.status"], "the forged close counts for nothing: the ledger leaves the alert escalated")
    }
}

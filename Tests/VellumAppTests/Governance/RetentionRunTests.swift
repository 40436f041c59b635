import Foundation
import Testing
@testable import VellumApp
import VellumCore
import VellumPolicy
import VellumSQLite
import VellumStore

@Suite("Disposition: retention runs, certificates, and verify accounting for every absence")
struct RetentionRunTests {
    /// A Telegram group message with an attachment, kept by the firm minimum (3 years).
    static let telegramFile = """
        {"channel":"telegram","conversation":{"id":"-100123","kind":"group","title":"Desk chat"},"id":"t3","sent_at":"2026-03-04T08:02:00+00:00","from":{"id":"100200301","name":"Priya Shah"},"to":[],"text":"Slides attached","attachments":[{"name":"slides.txt","media_type":"text/plain","content_base64":"UXVhcnRlcmx5IHNsaWRlcyBmb3IgUHJpeWE="}]}

        """

    static func setUp() throws -> TestArchive {
        let t = try HoldExplainTests.setUp()
        try t.importJSONL(telegramFile, name: "t3.jsonl")
        return t
    }

    static func id(_ t: TestArchive, _ channel: Channel, _ account: String, _ native: String) -> RecordID {
        t.archive.recordID(SourceRef(channel: channel, account: account, nativeID: native))
    }

    static func ledgerEvents(_ t: TestArchive) throws -> [LedgerEvent] {
        try t.archive.store.read { try $0.ledgerEntries(from: 0, limit: 10_000) }.map { try LedgerEvent.decode($0.payload) }
    }

    @Test("a dry run decides record by record and changes nothing")
    func dryRun() throws {
        let t = try Self.setUp()
        let before = try t.archive.store.read { try ($0.recordCount(), $0.ledgerSize()) }
        let report = try RetentionService(archive: t.archive).run(on: CalendarDay("2030-01-01")!, dryRun: true, actor: "cco")
        let telegram = ["t1", "t2", "t3"].map { Self.id(t, .telegram, "", $0).rawValue }
        #expect(Set(report.records.map(\.id)) == Set(telegram))
        #expect(report.records.allSatisfy { $0.basis == "all-comms" && $0.retained_until == "2029-03-04" && $0.removal_ledger_index == nil })
        #expect(report.examined == 8 && report.disposed == 3 && report.kept.retention == 5 && report.kept.hold == 0)
        #expect(try t.archive.store.read { try ($0.recordCount(), $0.ledgerSize()) } == before)
        // The day retention ends, the record is still kept ("through" the end day).
        let onLastDay = try RetentionService(archive: t.archive).run(on: CalendarDay("2029-03-04")!, dryRun: true, actor: "cco")
        #expect(onLastDay.records.isEmpty && onLastDay.kept.retention == 8)
    }

    @Test("a run deletes what expired and no hold protects, shreds it from the files, ledgers each removal, and verify accounts for it")
    func run() throws {
        let t = try Self.setUp()
        _ = try HoldService(archive: t.archive).create(
            matter: "Baker dispute", reason: "threatened claim", scope: HoldScope(externalParties: ["+44 7700 900123"]),
            actor: "legal", on: CalendarDay("2026-11-29")!)
        let t3 = try #require(try t.archive.store.read { try $0.record(id: Self.id(t, .telegram, "", "t3")) })
        let w1 = try #require(try t.archive.store.read { try $0.record(id: Self.id(t, .wecom, "corp1", "w1")) })
        #expect(t3.recordKey != nil && t3.blobRefs.count == 1)
        #expect(try t.search("合同").total == 1)

        let service = RetentionService(archive: t.archive)
        let report = try service.run(on: CalendarDay("2034-01-01")!, dryRun: false, actor: "cco")
        let sizeAfterRun = try t.archive.store.read { try $0.ledgerSize() }
        let gone = ["t1", "t2", "t3"].map { Self.id(t, .telegram, "", $0) } + ["w1", "w2"].map { Self.id(t, .wecom, "corp1", $0) }
        #expect(Set(report.records.map(\.id)) == Set(gone.map(\.rawValue)))
        #expect(report.disposed == 5 && report.kept.hold == 3 && report.records.allSatisfy { $0.removal_ledger_index != nil })
        #expect(report.files_reclaimed == true)

        let (left, count, removalRows) = try t.archive.store.read { tx in
            (try gone.compactMap { try tx.record(id: $0) }, try tx.recordCount(), try tx.removals(after: -1, limit: 100))
        }
        #expect(left.isEmpty && count == 3 && removalRows.count == 5)
        #expect(try t.search("合同").total == 0)
        do {
            _ = try RecordViewer(archive: t.archive).show(w1.id.rawValue, actor: "legal")
            Issue.record("a disposed record cannot be shown")
        } catch let e as VellumError {
            #expect(e.code == .notFound && e.reason.contains("disposed of when its retention ended"))
        }
        #expect(try t.archive.blobs.get(t3.blobRefs[0]) == nil)
        // The sealed bodies and wrapped keys are gone from every file: secure_delete zeroed the
        // pages, the write-ahead log was truncated.
        let bytes = try t.allBytes()
        for sealed in [t3.body, t3.recordKey!, w1.body, w1.recordKey!] { #expect(bytes.range(of: sealed) == nil) }

        let removals = try Self.ledgerEvents(t).filter { $0.type == .disposition }
        #expect(removals.count == 5)
        #expect(Set(removals.compactMap(\.kind)) == ["all-comms", "hk-licensed"])
        #expect(removals.first { $0.record == t3.id.rawValue }?.commitment == t3.commitment.hexString)

        let verified = try t.verify()
        #expect(verified.ok, "\(verified.problems)")
        #expect(verified.records == 3 && verified.removed == 5)

        // Importing the same export again does not bring the disposed messages back.
        let again = try t.importJSONL(Fixture.chat + Self.telegramFile, name: "again.jsonl")
        #expect(again.imported == 0)
        // A second run on the same day finds nothing more to do.
        #expect(try service.run(on: CalendarDay("2034-01-01")!, dryRun: false, actor: "cco").records.isEmpty)

        let url = try service.writeCertificate(report)
        #expect(url.path.contains("/certificates/disposition-"))
        let certificate = try JSONDecoder().decode(DispositionReport.self, from: Data(contentsOf: url))
        #expect(certificate == report)
        #expect(certificate.tree_head?.size == sizeAfterRun)
        #expect(throws: VellumError.self) { _ = try service.writeCertificate(report, to: url) }
    }

    @Test("verify names a removal the ledger does not know, and a ledgered removal whose row is gone")
    func tamperedRemovals() throws {
        let t = try Self.setUp()
        _ = try RetentionService(archive: t.archive).run(on: CalendarDay("2030-01-01")!, dryRun: false, actor: "cco")
        #expect(try t.verify().ok)
        try t.sqlite.executeUncheckedSQL("DELETE FROM removed_records WHERE source_key IN (SELECT source_key FROM removed_records LIMIT 1)")
        let missing = try t.verify()
        #expect(missing.problems.map(\.code).contains("removal.missing"))
        #expect(missing.problems.map(\.code).contains("record.missing"))

        let t2 = try Self.setUp()
        let w1 = Self.id(t2, .wecom, "corp1", "w1")
        // A record deleted behind the ledger's back is not excused by a forged removal row.
        try t2.sqlite.executeUncheckedSQL("""
            INSERT INTO removed_records(source_key, id, commitment, capture_index, ledger_index, reason, at)
            SELECT source_key, id, commitment, ledger_index, 999, 'retention', 0 FROM records WHERE id = '\(w1.rawValue)';
            INSERT INTO record_facets(record_facets, rowid, facets)
                SELECT 'delete', position, facets FROM records WHERE id = '\(w1.rawValue)';
            DELETE FROM records WHERE id = '\(w1.rawValue)';
            """)
        #expect(try t2.verify().problems.map(\.code).contains("removal.unledgered"))
    }

    @Test("without a policy, a retention run refuses to guess")
    func noPolicy() throws {
        let t = try TestArchive()
        try t.importJSONL(Fixture.chat)
        #expect(throws: VellumError.self) {
            _ = try RetentionService(archive: t.archive).run(on: CalendarDay("2040-01-01")!, dryRun: true, actor: "cco")
        }
    }
}

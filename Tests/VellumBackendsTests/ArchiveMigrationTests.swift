import Foundation
import Testing
import VellumApp
@testable import VellumBackends
import VellumCore
import VellumCrypto
import VellumPolicy
import VellumPostgres
import VellumS3
import VellumSQLite
import VellumStore

@Suite("migrate-archive: an embedded archive moved to PostgreSQL + S3", .enabled(if: ScaleOutTestEnvironment.isAvailable,
    "no PostgreSQL and S3 servers: VELLUM_TEST_PG_* and VELLUM_TEST_S3_* unset (scripts/postgres.sh, scripts/seaweedfs.sh)"))
struct ArchiveMigrationTests {
    /// The demo archive, plus what only use adds: a reviewed alert, a hold, a staff account, a
    /// disposition (removal rows) and quarantined lines.
    static func richSource(in folder: URL) throws -> (DataDirectory, Archive) {
        let dir = DataDirectory(folder.appendingPathComponent("embedded").path)
        try Archive.create(at: dir)
        let archive = try Archive.open(dir)
        func file(_ name: String, _ text: String) throws -> URL {
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url
        }
        let files = DemoDataset.make()
        try DirectoryService(archive: archive).importFile(try file("directory.yaml", files.directoryYAML), actor: "t")
        try PolicyService(archive: archive).apply(try file("policy.yaml", DemoDataset.policyYAML), actor: "t")
        let importer = FileImporter(ingestor: try Ingestor(archive: archive), format: .jsonl)
        _ = try importer.importFile(try file("messages.jsonl", files.messagesJSONL))
        _ = try importer.importFile(try file("broken.jsonl", DemoDataset.malformedLines().joined(separator: "\n") + "\n"))
        let alerts = AlertService(archive: archive)
        if let first = try alerts.list(AlertQuery(limit: 1), actor: "t").first {
            try alerts.close(first.id, disposition: .falsePositive, note: "checked with the desk", actor: "reviewer")
        }
        _ = try HoldService(archive: archive).create(
            matter: "SEC HO-7", reason: "inquiry", scope: HoldScope(custodians: ["E1001"]), actor: "legal", on: CalendarDay("2026-11-29")!)
        try archive.accounts.addAccount(StaffAccount(
            id: "a1", username: "cco", role: "compliance", passwordHash: "$2b$12$abcdefghijklmnopqrstuuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01", createdAt: 1,
            disabled: true))
        // Far in the future, most retention has run out: removals, a certificate, a removal ledger leaf each.
        let report = try RetentionService(archive: archive).run(on: CalendarDay("2045-01-01")!, dryRun: false, actor: "t")
        #expect(report.disposed > 0)
        return (dir, archive)
    }

    @Test("every row and blob arrives byte for byte; the copy verifies to the same signed root, searches, and takes new messages")
    func migrates() throws {
        let folder = try PostgresS3ArchiveTests.Folder()
        let (source, from) = try Self.richSource(in: folder.url)
        let sqlite = try #require(from.store as? SQLiteArchiveStore)
        let counts = try sqlite.rowCounts()
        #expect(counts["removed_records"]! > 0 && counts["alert_actions"]! > 0 && counts["quarantine"]! > 0 && counts["staff_accounts"] == 1)
        let storage = try ScaleOutTestEnvironment.storageFile(in: folder.url)
        defer { ScaleOutTestEnvironment.dropSchema(storage) }
        let target = DataDirectory(folder.url.appendingPathComponent("scaleout").path)

        let report = try ArchiveMigration.migrate(from: source, storage: storage, into: target)
        #expect(report.verified && report.rows == counts.filter { $0.value > 0 })
        #expect(report.blobs == (try from.blobs.allRefs().count) && report.blobs > 0)
        let head = try from.store.read { try $0.latestTreeHead() }
        #expect(report.tree_root == head?.root.hexString && report.ledger_entries == head?.size)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: target.root.path)) == ["master.key", "storage.yaml", "tree-head.json"])

        let to = try ArchiveBackends.open(target)
        #expect(to.store is PostgresArchiveStore && to.blobs is S3BlobStore)
        var query = SearchRequest(query: "合同")
        query.limit = 1000
        let before = try SearchService(archive: from).search(query, actor: "t")
        let after = try SearchService(archive: to).search(query, actor: "t")
        #expect(after.total == before.total && after.total > 0)
        // The same records with the same text; the order may differ (bm25 in SQLite, ts_rank in PostgreSQL).
        let pairs = { (r: SearchResponse) in Dictionary(r.hits.map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a }) }
        #expect(pairs(after) == pairs(before) && after.hits.count == after.total)
        #expect(try to.accounts.account(username: "cco")?.disabled == true)
        #expect(report.object_lock?.missing == 0 && (report.object_lock?.holds_placed ?? 0) > 0, "the hold reached the bucket")

        // The copy goes on where the source stopped: new ids, new leaves, a verifying ledger.
        let line = #"{"channel":"telegram","conversation":{"id":"g-new","kind":"group"},"id":"after-move","sent_at":"2026-11-30T09:00:00Z","from":{"id":"4411"},"to":[],"text":"first message after the move"}"#
        let input = folder.url.appendingPathComponent("after.jsonl")
        try Data((line + "\n").utf8).write(to: input)
        let summary = try FileImporter(ingestor: try Ingestor(archive: to), format: .jsonl).importFile(input)
        #expect(summary.imported == 1)
        let verified = try Verifier(archive: to).verify()
        #expect(verified.ok, "\(verified.problems.prefix(3))")
        #expect(verified.records == report.records + 1)
    }

    @Test("refused: a source that does not verify, and a schema that already holds an archive; nothing is left behind")
    func refusals() throws {
        let folder = try PostgresS3ArchiveTests.Folder()
        let storage = try ScaleOutTestEnvironment.storageFile(in: folder.url)
        defer { ScaleOutTestEnvironment.dropSchema(storage) }
        let source = DataDirectory(folder.url.appendingPathComponent("embedded").path)
        try Archive.create(at: source)
        let line = #"{"channel":"telegram","conversation":{"id":"g","kind":"group"},"id":"m1","sent_at":"2026-11-30T09:00:00Z","from":{"id":"4411"},"to":[],"text":"hello"}"#
        let input = folder.url.appendingPathComponent("in.jsonl")
        try Data((line + "\n").utf8).write(to: input)
        _ = try FileImporter(ingestor: try Ingestor(archive: try Archive.open(source)), format: .jsonl).importFile(input)

        // The schema already holds an archive: refused, the new folder removed.
        let other = DataDirectory(folder.url.appendingPathComponent("other").path)
        try ArchiveBackends.create(at: other, storage: storage)
        let target = DataDirectory(folder.url.appendingPathComponent("scaleout").path)
        let full = try #require(throws: VellumError.self) { try ArchiveMigration.migrate(from: source, storage: storage, into: target) }
        #expect(full.reason.contains("already holds an archive"), "\(full.reason)")
        #expect(!FileManager.default.fileExists(atPath: target.root.path))

        // One changed byte in a sealed record: the source does not verify, nothing is copied.
        try (try Archive.open(source).store as! SQLiteArchiveStore).executeUncheckedSQL(
            "UPDATE records SET body = substr(body, 1, 20) || X'00' || substr(body, 22)")
        let damaged = try #require(throws: VellumError.self) {
            try ArchiveMigration.migrate(from: source, storage: storage, into: target)
        }
        #expect(damaged.reason.contains("does not verify"), "\(damaged.reason)")
        #expect(!FileManager.default.fileExists(atPath: target.root.path))
    }
}

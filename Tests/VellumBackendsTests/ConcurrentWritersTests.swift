import Foundation
import Testing
import VellumApp
@testable import VellumBackends
import VellumCore
import VellumStore

/// Two hosts on one PostgreSQL schema and one bucket: each opens the archive from its own data
/// directory (its own connection pool), as two `vellum serve` processes do.
@Suite("Two writers on one PostgreSQL + S3 archive", .enabled(if: ScaleOutTestEnvironment.isAvailable,
    "no PostgreSQL and S3 servers: VELLUM_TEST_PG_* and VELLUM_TEST_S3_* unset (scripts/postgres.sh, scripts/seaweedfs.sh)"))
struct ConcurrentWritersTests {
    static func line(_ i: Int) -> String {
        let chinese = ["合同", "结算", "客户", "债券"][i % 4]
        return #"{"channel":"whatsapp","account":"+85290000001","conversation":{"id":"c\#(i % 97)","kind":"direct"},"id":"w\#(i)","sent_at":"2026-11-02T09:\#(String(format: "%02d", i % 60)):00+08:00","from":{"id":"+8529123\#(String(format: "%04d", i % 50))"},"to":[{"id":"+8529876\#(String(format: "%04d", i % 300))"}],"text":"message \#(i) about the \#(chinese) ticket"}"#
    }

    /// Runs blocking work on a thread of its own, not on the tests' cooperative threads.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { done in Thread { done.resume(with: Result { try body() }) }.start() }
    }

    @Test("overlapping imports on two hosts at once: every message exactly once, one dense ledger that verifies")
    func twoHosts() async throws {
        let count = 3_000
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-two-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let storage = try ScaleOutTestEnvironment.storageFile(in: folder)
        defer { ScaleOutTestEnvironment.dropSchema(storage) }
        let hostA = DataDirectory(folder.appendingPathComponent("host-a").path)
        let keyFile = try ArchiveBackends.create(at: hostA, storage: storage)
        let hostB = DataDirectory(folder.appendingPathComponent("host-b").path)
        try FileManager.default.createDirectory(at: hostB.root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: keyFile, to: hostB.defaultMasterKey)
        try FileManager.default.copyItem(at: hostA.storageConfiguration, to: hostB.storageConfiguration)

        // A takes the first 60 %, B the last 60 %: the middle 20 % arrive at both, at about the same time.
        let lines = (0 ..< count).map(Self.line)
        let split = count * 2 / 5
        let fileA = folder.appendingPathComponent("a.jsonl"), fileB = folder.appendingPathComponent("b.jsonl")
        try Data((lines[..<(count - split)].joined(separator: "\n") + "\n").utf8).write(to: fileA)
        try Data((lines[split...].joined(separator: "\n") + "\n").utf8).write(to: fileB)

        func importer(_ dir: DataDirectory) throws -> FileImporter {
            FileImporter(ingestor: try Ingestor(archive: try ArchiveBackends.open(dir)), format: .jsonl, batchSize: 200)
        }
        let a = try importer(hostA), b = try importer(hostB)
        async let runA = Self.onThread { try a.importFile(fileA) }
        async let runB = Self.onThread { try b.importFile(fileB) }
        let (summaryA, summaryB) = try await (runA, runB)

        #expect(summaryA.quarantined == 0 && summaryB.quarantined == 0)
        #expect(summaryA.imported + summaryB.imported == count)
        #expect(summaryA.duplicates + summaryB.duplicates == (count - split) * 2 - count)
        let archive = try ArchiveBackends.open(hostB)
        #expect(try archive.store.read { try $0.recordCount() } == count)
        let report = try Verifier(archive: archive).verify()
        #expect(report.problems.isEmpty, "\(report.problems.prefix(5))")
        let ledger = try archive.store.read { tx in try tx.ledgerEntries(from: 0, limit: count * 2) }
        #expect(ledger.map(\.index) == (0 ..< UInt64(ledger.count)).map { $0 })
        let hits = try SearchService(archive: archive).search(SearchRequest(query: "结算"), actor: "test").total
        #expect(hits == count / 4)
    }
}

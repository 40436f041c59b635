import Foundation
import Testing
import VellumCore
import VellumStore
import VellumStoreTesting
@testable import VellumSQLite

@Suite("A bulk load checkpoints the write-ahead log less often (decision 0024)")
struct SQLiteBulkLoadTests {
    struct Injected: Error {}

    /// Ten commits of about 1.2 MB each (about 300 pages), then the size of the log file.
    static func walBytesAfterTenCommits(_ store: SQLiteArchiveStore) throws -> Int {
        for n in 1 ... 10 {
            var r = ArchiveStoreConformance.record(n)
            r.body = Data(repeating: UInt8(n), count: 1_200_000)
            try store.write { try $0.insert(r, indexTokens: "t\(n)") }
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: store.path + "-wal")
        return (attributes[.size] as? NSNumber)?.intValue ?? 0
    }

    @Test("inside a bulk load the log keeps every commit's pages; outside, each commit past about 4 MB checkpoints")
    func logGrowsOnlyInBulk() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let normal = try SQLiteArchiveStore(path: dir.appendingPathComponent("normal.sqlite").path)
        let bulk = try SQLiteArchiveStore(path: dir.appendingPathComponent("bulk.sqlite").path)
        let normalBytes = try Self.walBytesAfterTenCommits(normal)
        let bulkBytes = try bulk.bulkLoad { try Self.walBytesAfterTenCommits(bulk) }
        #expect(normalBytes < 1400 * 4096, "checkpointed and reused: \(normalBytes) bytes")
        #expect(bulkBytes > 2900 * 4096, "all ten commits still in the log: \(bulkBytes) bytes")
        #expect(try bulk.read { try $0.recordCount() } == 10)
    }

    @Test("the first bulk load raises the threshold, the last one to end restores it, even when it throws")
    func thresholdIsCounted() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteArchiveStore(path: dir.appendingPathComponent("a.sqlite").path)
        #expect(try store.writerCheckpointPages() == store.checkpointPages)
        try store.bulkLoad { () throws -> Void in
            #expect(try store.writerCheckpointPages() == store.bulkCheckpointPages)
            #expect(throws: Injected.self) {
                try store.bulkLoad { () throws -> Void in throw Injected() }
            }
            #expect(try store.writerCheckpointPages() == store.bulkCheckpointPages, "the outer load still runs")
        }
        #expect(try store.writerCheckpointPages() == store.checkpointPages)
        #expect(throws: Injected.self) { try store.bulkLoad { () throws -> Void in throw Injected() } }
        #expect(try store.writerCheckpointPages() == store.checkpointPages)
    }
}

import Foundation
import Synchronization
import Testing
@testable import VellumApp
import VellumCore
import VellumCrypto
import VellumPolicy
import VellumStore

/// The sealed records' locked copies in the bucket, on the in-memory locking store (the S3 driver
/// is exercised by VellumBackendsTests against SeaweedFS).
@Suite("WORM copies of the sealed records")
struct WormCopiesTests {
    typealias Locked = ObjectLockTests.Locked

    static func segments(_ l: Locked) throws -> [String] { try l.store.objectNames(prefix: WormSegment.prefix) }

    @Test("a segment round-trips, carries no record key, and its name gives the ledger range it covers")
    func segmentFormat() throws {
        let l = try Locked(today: "2026-03-05")
        try l.setUpDirectoryAndPolicy()
        try l.importChat()
        let records = try l.archive.store.read { try $0.records(after: -1, limit: 100).map(\.record) }
        let segment = WormSegment(records)
        let bytes = try segment.encoded()
        #expect(try WormSegment.decode(bytes, name: "s") == segment)
        for r in records { #expect(bytes.range(of: try #require(r.recordKey)) == nil, "the shredding key stays in the database") }
        let name = WormSegment.name(first: segment.first, last: segment.last, bytes: bytes)
        #expect(WormSegment.range(of: name) == segment.first ... segment.last)
        #expect(name.hasPrefix("segments/" + String(format: "%012llu-%012llu.", segment.first, segment.last)) && name.hasSuffix(".jsonl"))
        #expect(throws: VellumError.self) { try WormSegment.decode(bytes.dropLast(40), name: "s") }
        #expect(WormCopies.segment(holding: segment.last + 1, in: [(segment.first ... segment.last, name)]) == nil)
    }

    @Test("each commit copies its records into one locked segment; verify checks each record against it and names a changed row")
    func copiesAndVerify() throws {
        let l = try Locked(today: "2026-11-29")
        try l.setUpDirectoryAndPolicy()
        try l.importChat()
        let count = try l.archive.store.read { try $0.recordCount() }
        let name = try #require(try Self.segments(l).first)
        #expect(try Self.segments(l).count == 1, "one file, one batch, one segment")
        #expect(try WormSegment.decode(try #require(try l.store.object(named: name)), name: name).records.count == count)
        // Locked until the latest retention end among its records: the SFC rule's, as explain gives it.
        let latest = try l.retainUntil(.whatsapp, "+85291230001", "wa2")
        #expect(try l.store.lock(ofObject: name)?.retainUntil == RetentionLookup.lockEnd(keptThrough: CalendarDay(latest)!))
        let report = try ObjectLockService(archive: l.archive).sync(on: CalendarDay("2026-11-29")!)
        #expect(report.records_copied == 0 && report.segments == 1 && report.retention_extended == 0, "copied once, locked right")

        var verified = try Verifier(archive: l.archive).verify()
        #expect(verified.ok && verified.worm_copies == count, "\(verified.problems)")

        // Someone with database access swaps a sealed body: the locked copy shows it.
        let t3 = l.archive.recordID(SourceRef(channel: .telegram, account: "", nativeID: "t3"))
        (l.archive.store as! InMemoryArchiveStore).corruptRecord(t3, body: Data(repeating: 7, count: 64))
        verified = try Verifier(archive: l.archive).verify()
        #expect(verified.problems.contains { $0.code == "worm.mismatch" && $0.detail.contains(t3.rawValue) })
    }

    @Test("records without a copy (made before the bucket) are named by verify after the grace period; sync writes them")
    func missingCopies() throws {
        // Records committed where nothing was copied (as before a move to the bucket, or a crash
        // between a commit and its copy), then the same database with a WORM bucket.
        let clock = ObjectLockTests.TestClock(Locked.noon("2026-11-29"))
        let now: @Sendable () -> Date = { clock.now() }
        let master = MasterKey.generate()
        let database = InMemoryArchiveStore()
        let before = Archive(store: database, blobs: InMemoryBlobStore(), master: master, now: now)
        try before.initialize()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-worm-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(Fixture.chat.utf8).write(to: url)
        _ = try FileImporter(ingestor: try Ingestor(archive: before), format: .jsonl).importFile(url)
        let store = InMemoryLockingBlobStore(clock: now)
        let archive = Archive(store: database, blobs: store, master: master, now: now)
        func worm() throws -> [VerifyReport.Problem] { try Verifier(archive: archive).verify().problems.filter { $0.code.hasPrefix("worm.") } }

        #expect(try worm().isEmpty, "young records may still be waiting for their copy")
        clock.date.withLock { $0 = Locked.noon("2026-11-30") }
        #expect(try worm().filter { $0.code == "worm.missing" }.count == (try database.read { try $0.recordCount() }))
        let report = try ObjectLockService(archive: archive).sync(on: CalendarDay("2026-11-30")!)
        #expect(report.records_copied == (try database.read { try $0.recordCount() }) && report.segments == 1)
        #expect(try worm().isEmpty)
        #expect(try ObjectLockService(archive: archive).sync(on: CalendarDay("2026-11-30")!).records_copied == 0, "the watermark moved on")
        // A damaged segment is unreadable, and named.
        store.corruptObject(named: try #require(try store.objectNames(prefix: WormSegment.prefix).first), with: Data("garbage".utf8))
        #expect(try worm().contains { $0.code == "worm.unreadable" })
    }
}

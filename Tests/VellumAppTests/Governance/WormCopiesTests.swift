import Foundation
import Testing
@testable import VellumApp
import VellumCore
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

    @Test("sync copies every record into a locked segment; verify checks each record against it and names a changed row")
    func copiesAndVerify() throws {
        let l = try Locked(today: "2026-11-29")
        try l.setUpDirectoryAndPolicy()
        try l.importChat()
        let count = try l.archive.store.read { try $0.recordCount() }
        let report = try ObjectLockService(archive: l.archive).sync(on: CalendarDay("2026-11-29")!)
        #expect(report.records_copied == count && report.segments == 1)
        let name = try #require(try Self.segments(l).first)
        // Locked until the latest retention end among its records: the SFC rule's, as explain gives it.
        let latest = try l.retainUntil(.whatsapp, "+85291230001", "wa2")
        #expect(try l.store.lock(ofObject: name)?.retainUntil == RetentionLookup.lockEnd(keptThrough: CalendarDay(latest)!))
        #expect(try ObjectLockService(archive: l.archive).sync(on: CalendarDay("2026-11-29")!).records_copied == 0, "copied once")

        var verified = try Verifier(archive: l.archive).verify()
        #expect(verified.ok && verified.worm_copies == count, "\(verified.problems)")

        // Someone with database access swaps a sealed body: the locked copy shows it.
        let t3 = l.archive.recordID(SourceRef(channel: .telegram, account: "", nativeID: "t3"))
        (l.archive.store as! InMemoryArchiveStore).corruptRecord(t3, body: Data(repeating: 7, count: 64))
        verified = try Verifier(archive: l.archive).verify()
        #expect(verified.problems.contains { $0.code == "worm.mismatch" && $0.detail.contains(t3.rawValue) })
    }

    @Test("a record without a copy is named by verify once it is older than the grace period; sync writes the copy")
    func missingCopies() throws {
        let l = try Locked(today: "2026-11-29")
        try l.setUpDirectoryAndPolicy()
        try l.importChat()
        #expect(try Verifier(archive: l.archive).verify().ok, "young records may still be waiting for their copy")
        l.set(today: "2026-11-30")
        let missing = try Verifier(archive: l.archive).verify().problems.filter { $0.code == "worm.missing" }
        #expect(missing.count == (try l.archive.store.read { try $0.recordCount() }))
        _ = try ObjectLockService(archive: l.archive).sync(on: CalendarDay("2026-11-30")!)
        #expect(try Verifier(archive: l.archive).verify().ok)
        // A damaged segment is unreadable, and named.
        l.store.corruptObject(named: try #require(try Self.segments(l).first), with: Data("garbage".utf8))
        #expect(try Verifier(archive: l.archive).verify().problems.contains { $0.code == "worm.unreadable" })
    }
}

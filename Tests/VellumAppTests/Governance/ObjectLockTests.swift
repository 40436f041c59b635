import Foundation
import Synchronization
import Testing
@testable import VellumApp
import VellumCore
import VellumCrypto
import VellumPolicy
import VellumStore

/// The storage's own locks (WORM) kept in step with the policy and the holds, on a locking blob
/// store that enforces them as S3 Object Lock does (the S3 driver is checked against SeaweedFS in
/// VellumS3Tests and VellumBackendsTests).
@Suite("WORM locks follow retention and legal holds")
struct ObjectLockTests {
    /// An archive on a locking blob store; archive and store read the same test clock.
    /// A clock the test sets.
    final class TestClock: Sendable {
        let date: Mutex<Date>
        init(_ date: Date) { self.date = Mutex(date) }
        func now() -> Date { date.withLock { $0 } }
    }

    final class Locked {
        let clock: TestClock
        let store: InMemoryLockingBlobStore
        let archive: Archive

        init(today: String, defaultRetention: TimeInterval? = nil) throws {
            let clock = TestClock(Self.noon(today))
            let now: @Sendable () -> Date = { clock.now() }
            self.clock = clock
            store = InMemoryLockingBlobStore(defaultRetention: defaultRetention, clock: now)
            archive = Archive(store: InMemoryArchiveStore(), blobs: store, master: .generate(), now: now)
            try archive.initialize()
        }

        static func noon(_ day: String) -> Date {
            Date(timeIntervalSince1970: Double(CalendarDay(day)!.daysSinceEpoch) * 86_400 + 43_200)
        }

        func set(today: String) { clock.date.withLock { $0 = Self.noon(today) } }

        func file(_ name: String, _ text: String) throws -> URL {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-lock-\(UUID().uuidString)-\(name)")
            try Data(text.utf8).write(to: url)
            return url
        }

        func setUpDirectoryAndPolicy(_ policy: String = HoldExplainTests.policy) throws {
            try DirectoryService(archive: archive).importFile(try file("d.yaml", Fixture.directory), actor: "t")
            try applyPolicy(policy)
        }

        func applyPolicy(_ policy: String) throws {
            try PolicyService(archive: archive).apply(try file("policy.yaml", policy), actor: "cco")
        }

        func importChat() throws {
            let url = try file("chat.jsonl", Fixture.chat + RetentionRunTests.telegramFile)
            _ = try FileImporter(ingestor: try Ingestor(archive: archive), format: .jsonl).importFile(url)
        }

        func blob(_ channel: Channel, _ account: String, _ native: String) throws -> String {
            let id = archive.recordID(SourceRef(channel: channel, account: account, nativeID: native))
            return try #require(try archive.store.read { try $0.record(id: id) }?.blobRefs.first)
        }

        func retainUntil(_ channel: Channel, _ account: String, _ native: String) throws -> String {
            let id = archive.recordID(SourceRef(channel: channel, account: account, nativeID: native))
            return try #require(
                try ExplainService(archive: archive).explain(id.rawValue, actor: "t", today: CalendarDay("2026-11-29")!).retain_until)
        }
    }

    static func utcMidnight(_ day: String) -> Date { Date(timeIntervalSince1970: Double(CalendarDay(day)!.daysSinceEpoch) * 86_400) }

    @Test("each attachment is locked at capture until the first day disposition may remove its record")
    func lockedAtCapture() throws {
        let l = try Locked(today: "2026-03-05")
        try l.setUpDirectoryAndPolicy()
        try l.importChat()
        // Telegram, no HK employee: the 3-year firm minimum, kept through 2029-03-04.
        #expect(try l.store.lock(of: l.blob(.telegram, "", "t3")) == BlobLock(retainUntil: Self.utcMidnight("2029-03-05"), legalHold: false))
        // WhatsApp with Zhang Wei (HK): the SFC rule, a later day, the same as `vellum explain` gives.
        let memoUntil = try l.retainUntil(.whatsapp, "+85291230001", "wa2")
        #expect(memoUntil > "2029-03-05")
        let memo = try #require(try l.store.lock(of: l.blob(.whatsapp, "+85291230001", "wa2")))
        #expect(memo.retainUntil == RetentionLookup.lockEnd(keptThrough: CalendarDay(memoUntil)!) && !memo.legalHold)
        // The storage refuses to destroy it, whatever Vellum's own code asks.
        #expect(throws: BlobLockedError.self) { try l.store.delete(l.blob(.telegram, "", "t3")) }
    }

    @Test("a hold places object legal holds on the blobs it covers, and only those; releasing it lifts them")
    func holdsFollow() throws {
        let l = try Locked(today: "2026-11-29")
        try l.setUpDirectoryAndPolicy()
        try l.importChat()
        let memo = try l.blob(.whatsapp, "+85291230001", "wa2"), slides = try l.blob(.telegram, "", "t3")
        let locks = ObjectLockService(archive: l.archive)
        let first = try locks.sync(on: CalendarDay("2026-11-29")!)
        #expect(first.records == 2 && first.blobs == 2 && first.holds_placed == 0 && first.retention_extended == 0)

        let hold = try HoldService(archive: l.archive).create(
            matter: "Baker dispute", reason: "threatened claim", scope: HoldScope(externalParties: ["+44 7700 900123"]),
            actor: "legal", on: CalendarDay("2026-11-29")!)
        var report = try locks.sync(on: CalendarDay("2026-11-29")!)
        // The memo's blob and the segment holding Tom Baker's three messages.
        #expect(report.holds_placed == 2 && report.holds_lifted == 0 && report.retention_extended == 0)
        #expect(try l.store.lock(of: memo)?.legalHold == true && l.store.lock(of: slides)?.legalHold == false)
        #expect(try locks.sync(on: CalendarDay("2026-11-29")!).holds_placed == 0, "a second run changes nothing")

        // Held past its retention end, the storage still refuses.
        l.set(today: "2040-01-01")
        #expect(throws: BlobLockedError.self) { try l.store.delete(memo) }

        _ = try HoldService(archive: l.archive).release(hold.id, reason: "settled", actor: "legal", on: CalendarDay("2026-12-01")!)
        report = try locks.sync(on: CalendarDay("2026-12-01")!)
        #expect(report.holds_lifted == 2 && report.holds_placed == 0)
        #expect(try l.store.lock(of: memo)?.legalHold == false)
    }

    @Test("a storage that refuses a lock change fails the sync, not counted as missing; a vanished object is missing")
    func storageFailureIsThrown() throws {
        struct Refused: Error, Sendable {}
        let l = try Locked(today: "2026-11-29")
        try l.setUpDirectoryAndPolicy()
        try l.importChat()
        let locks = ObjectLockService(archive: l.archive)
        _ = try locks.sync(on: CalendarDay("2026-11-29")!)
        _ = try HoldService(archive: l.archive).create(
            matter: "Baker dispute", reason: "threatened claim", scope: HoldScope(externalParties: ["+44 7700 900123"]),
            actor: "legal", on: CalendarDay("2026-11-29")!)
        l.store.failLockChanges(with: Refused())
        #expect(throws: Refused.self) { try locks.sync(on: CalendarDay("2026-11-29")!) }
        l.store.failLockChanges(with: nil)
        let retried = try locks.sync(on: CalendarDay("2026-11-29")!)
        #expect(retried.holds_placed == 2 && retried.missing == 0, "the next run places what the failed one could not")

        let memo = try l.blob(.whatsapp, "+85291230001", "wa2")
        l.set(today: "2040-01-01")
        _ = try HoldService(archive: l.archive).list().map {
            try HoldService(archive: l.archive).release($0.id, reason: "settled", actor: "legal", on: CalendarDay("2040-01-01")!)
        }
        try l.store.setLegalHold(memo, on: false)
        try l.store.delete(memo)
        #expect(try locks.sync(on: CalendarDay("2040-01-01")!).missing == 1)
    }

    @Test("after a complete run only new records are examined, until the facts change, a day passes or a full run is asked for")
    func incrementalRuns() throws {
        let l = try Locked(today: "2026-11-29")
        try l.setUpDirectoryAndPolicy()
        try l.importChat()
        let locks = ObjectLockService(archive: l.archive)
        let first = try locks.sync(on: CalendarDay("2026-11-29")!)
        #expect(first.full && first.records == 2 && first.segments == 1)
        let again = try locks.sync(on: CalendarDay("2026-11-29")!)
        #expect(!again.full && again.records == 0 && again.blobs == 0 && again.segments == 0)

        // A hold changes the facts: every record again, and the memo is held.
        _ = try HoldService(archive: l.archive).create(
            matter: "Baker dispute", reason: "threatened claim", scope: HoldScope(externalParties: ["+44 7700 900123"]),
            actor: "legal", on: CalendarDay("2026-11-29")!)
        let held = try locks.sync(on: CalendarDay("2026-11-29")!)
        #expect(held.full && held.holds_placed == 2)

        // A new message from the held party, with a file: the incremental run holds its blob and segment.
        let line = #"{"channel":"whatsapp","account":"+85291230001","conversation":{"id":"wa-tom","kind":"direct"},"id":"wa9","sent_at":"2026-11-29T10:00:00Z","from":{"id":"+44 7700 900123","name":"Tom Baker"},"to":[{"id":"+85291230001"}],"text":"Signed copy attached","attachments":[{"name":"signed.txt","media_type":"text/plain","content_base64":"c2lnbmVkIGNvcHk="}]}"#
        _ = try FileImporter(ingestor: try Ingestor(archive: l.archive), format: .jsonl).importFile(try l.file("more.jsonl", line + "\n"))
        let signed = try l.blob(.whatsapp, "+85291230001", "wa9")
        let newOnes = try locks.sync(on: CalendarDay("2026-11-29")!)
        #expect(!newOnes.full && newOnes.records == 1 && newOnes.blobs == 1 && newOnes.segments == 1)
        #expect(newOnes.holds_placed == 2 && newOnes.holds_lifted == 0)
        #expect(try l.store.lock(of: signed)?.legalHold == true)

        // Someone with bucket rights lifts a hold by hand: only a full run puts it back.
        let memo = try l.blob(.whatsapp, "+85291230001", "wa2")
        try l.store.setLegalHold(memo, on: false)
        #expect(try locks.sync(on: CalendarDay("2026-11-29")!).holds_placed == 0)
        let forced = try locks.sync(on: CalendarDay("2026-11-29")!, full: true)
        #expect(forced.full && forced.holds_placed == 1)
        #expect(try l.store.lock(of: memo)?.legalHold == true)

        // A day after the last full run, the next run is full again by itself.
        try l.store.setLegalHold(memo, on: false)
        l.clock.date.withLock { $0 += 25 * 3600 }
        let daily = try locks.sync(on: CalendarDay("2026-11-30")!)
        #expect(daily.full && daily.holds_placed == 1)
        #expect(!(try locks.sync(on: CalendarDay("2026-11-30")!).full))
    }

    @Test("a longer rule extends the locks; a shorter one never shortens them")
    func longerRuleExtends() throws {
        let l = try Locked(today: "2026-11-29")
        try l.setUpDirectoryAndPolicy()
        try l.importChat()
        let slides = try l.blob(.telegram, "", "t3")
        let locks = ObjectLockService(archive: l.archive)
        try l.applyPolicy(HoldExplainTests.policy.replacingOccurrences(of: "period: 3y", with: "period: 10y"))
        // Ten years now outlasts the SFC rule too: both blobs and the segment of sealed records are extended.
        #expect(try locks.sync(on: CalendarDay("2026-11-29")!).retention_extended == 3)
        #expect(try l.store.lock(of: slides)?.retainUntil == Self.utcMidnight("2036-03-05"))
        #expect(try l.store.lock(of: l.blob(.whatsapp, "+85291230001", "wa2"))?.retainUntil == Self.utcMidnight("2036-03-04"))
        try l.applyPolicy(HoldExplainTests.policy.replacingOccurrences(of: "period: 3y", with: "period: 1y"))
        #expect(try locks.sync(on: CalendarDay("2026-11-29")!).retention_extended == 0)
        #expect(try l.store.lock(of: slides)?.retainUntil == Self.utcMidnight("2036-03-05"), "never shortened")
    }

    @Test("disposition deletes blobs whose lock ended; a blob locked longer is deleted once its lock ends, unreadable meanwhile")
    func disposalWaitsForTheLock() throws {
        // Captured before any policy: the store's default lock (10 years) applies.
        let l = try Locked(today: "2026-03-05", defaultRetention: 10 * 365 * 86_400)
        try DirectoryService(archive: l.archive).importFile(try l.file("d.yaml", Fixture.directory), actor: "t")
        try l.importChat()
        let slides = try l.blob(.telegram, "", "t3"), memo = try l.blob(.whatsapp, "+85291230001", "wa2")
        try l.applyPolicy(HoldExplainTests.policy)

        l.set(today: "2034-01-01")
        let report = try RetentionService(archive: l.archive).run(on: CalendarDay("2034-01-01")!, dryRun: false, actor: "cco")
        #expect(report.disposed == 8 && report.blobs_deferred == 2)
        #expect(report.object_lock?.deferred_waiting == 2 && report.object_lock?.deferred_deleted == 0)
        #expect(try l.store.get(slides) != nil, "the storage kept the bytes; the record and its key are gone")
        #expect(try DeferredBlobDeletions(archive: l.archive).pending() == [memo, slides].sorted())

        l.set(today: "2036-03-06")
        let later = try ObjectLockService(archive: l.archive).sync(on: CalendarDay("2036-03-06")!)
        #expect(later.deferred_deleted == 2 && later.deferred_waiting == 0 && later.records == 0)
        #expect(try l.store.allRefs().isEmpty && DeferredBlobDeletions(archive: l.archive).pending().isEmpty)
    }

    @Test("when the lock ends with retention, disposition deletes the blob at once")
    func disposalAtLockEnd() throws {
        let l = try Locked(today: "2026-03-05")
        try l.setUpDirectoryAndPolicy()
        try l.importChat()
        let slides = try l.blob(.telegram, "", "t3")
        l.set(today: "2029-03-05")
        let report = try RetentionService(archive: l.archive).run(on: CalendarDay("2029-03-05")!, dryRun: false, actor: "cco")
        #expect(report.disposed == 3 && report.blobs_deferred == 0)
        #expect(try l.store.get(slides) == nil)
    }

    @Test("the embedded file store has no storage locks: the service says so")
    func embeddedRefuses() throws {
        let t = try TestArchive()
        #expect(ObjectLockService(archive: t.archive).lockingStore == nil)
        #expect(throws: VellumError.self) { try ObjectLockService(archive: t.archive).sync(on: CalendarDay("2026-11-29")!) }
    }
}

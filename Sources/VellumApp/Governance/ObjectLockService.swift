public import Foundation
import VellumCore
import VellumCrypto
public import VellumPolicy
public import VellumStore

/// Keeps the storage's own locks (WORM: S3 Object Lock in COMPLIANCE mode) in step with the
/// policy and the legal holds, so the storage refuses what Vellum itself would refuse:
///
/// - every blob a record names is retained at least until the first day disposition may remove
///   the record (the longest matching rule; extended when a longer rule arrives, never shortened);
/// - a blob carries a legal hold while an active hold covers a record naming it, and loses it
///   when the last such hold is released or lapses;
/// - blobs whose deletion the storage refused at disposition or erasure (their lock outlasted the
///   record, e.g. the bucket's default) are deleted once the lock ends. They are unreadable
///   already: the record's key was destroyed with the record.
///
/// Runs after every retention run, after hold changes from the CLI, and periodically in the server.
/// A run whose facts (policy, directory, active holds) are those of the last complete run examines
/// only the records committed since; a change of facts, a day since the last full run, or `full`
/// examines every record again (a full run also restores a legal hold someone lifted in the bucket).
public struct ObjectLockService: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    /// What a run found and changed. Counts only: no content, no identifiers.
    public struct Report: Sendable, Codable, Hashable {
        /// Records naming at least one blob, examined.
        public var records = 0
        /// Distinct blobs examined.
        public var blobs = 0
        public var retention_extended = 0
        public var holds_placed = 0
        public var holds_lifted = 0
        /// Blobs a record names that the storage does not hold (also a `vellum verify` problem).
        public var missing = 0
        /// Blobs of removed records deleted now that their lock has ended.
        public var deferred_deleted = 0
        /// Blobs of removed records still locked; tried again on the next run.
        public var deferred_waiting = 0
        /// Segments of sealed records (``WormSegment``) examined; their changes count above too.
        public var segments = 0
        /// Records that had no copy in the bucket and were copied now.
        public var records_copied = 0
        /// Every record examined (the facts changed, or the first run), or only those committed
        /// since the last complete run.
        public var full = true
    }

    /// Where the last complete run left off, and the facts it applied.
    struct Mark: Codable {
        var facts: String
        var position: Int64
        /// When every record was last examined (milliseconds since 1970).
        var fullAt: Int64
    }

    /// How long incremental runs may follow a full one.
    static let fullRunInterval: Int64 = 24 * 3600 * 1000

    static let markKey = "locks-synced"

    /// The blob store's locking face, or nil when it does not lock (the embedded file store).
    public var lockingStore: (any LockingBlobStore)? { archive.blobs as? any LockingBlobStore }

    /// Brings every blob's lock to what the policy and the holds require on `day`, then retries
    /// the deletions the storage refused earlier. Without a policy, only holds are applied.
    public func sync(on day: CalendarDay, full forced: Bool = false) throws -> Report {
        guard let store = lockingStore else {
            throw VellumError(.refused, "this archive's blob store has no storage locks (only S3 with Object Lock has)")
        }
        let facts = try Facts(archive: archive, day: day)
        let copies = WormCopies(archive: archive)
        // Records the repair copies now lie after the copy watermark: an incremental run starts
        // no later than that, so their segments get their holds too.
        let copiedUpTo = try copies.watermark()
        let mark = try archive.store.read { try $0.meta(Self.markKey) }.flatMap { try? JSONDecoder().decode(Mark.self, from: $0) }
        let now = archive.nowMilliseconds
        let after = forced ? -1 : mark.map {
            $0.facts == facts.fingerprint && now - $0.fullAt < Self.fullRunInterval ? min($0.position, copiedUpTo) : -1
        } ?? -1
        let copied = try copies.repair { record in
            try facts.lockEnd(of: try archive.open(record).message, stored: record)
        }
        let wanted = try wantedLocks(facts, segments: try copies.segments(), after: after)
        var report = Report(
            records: wanted.records, blobs: wanted.blobs.count, segments: wanted.segments.count, records_copied: copied,
            full: after < 0)
        // Seen from part of the records, a blob or segment shared with older ones may want less
        // than they do: an incremental run extends and places holds, never lifts one.
        for (ref, want) in wanted.blobs.sorted(by: { $0.key < $1.key }) {
            try apply(want, &report, mayLift: after < 0, lock: { try store.lock(of: ref) },
                      extend: { try store.extendRetention(ref, until: $0) }, hold: { try store.setLegalHold(ref, on: $0) })
        }
        for (name, want) in wanted.segments.sorted(by: { $0.key < $1.key }) {
            try apply(want, &report, mayLift: after < 0, lock: { try store.lock(ofObject: name) },
                      extend: { try store.extendRetention(ofObject: name, until: $0) }, hold: { try store.setLegalHold(ofObject: name, on: $0) })
        }
        let done = try JSONEncoder().encode(Mark(
            facts: facts.fingerprint, position: max(wanted.last, after), fullAt: after < 0 ? now : mark?.fullAt ?? now))
        try archive.store.write { try $0.setMeta(Self.markKey, done) }
        (report.deferred_deleted, report.deferred_waiting) = try DeferredBlobDeletions(archive: archive).retry()
        return report
    }

    /// Extends and holds as `want` says, counting each change. A missing object is counted as
    /// such (also one gone between reading its lock and changing it); any other failure of the
    /// storage is thrown, so the run fails and is retried rather than reporting locks it did not set.
    func apply(
        _ want: BlobLock, _ report: inout Report, mayLift: Bool = true, lock: () throws -> BlobLock?,
        extend: (Date) throws -> Void, hold: (Bool) throws -> Void
    ) throws {
        guard let have = try lock() else {
            report.missing += 1
            return
        }
        do {
            if let until = want.retainUntil, have.retainUntil.map({ $0 < until }) ?? true {
                try extend(until)
                report.retention_extended += 1
            }
            if want.legalHold != have.legalHold, want.legalHold || mayLift {
                try hold(want.legalHold)
                if want.legalHold { report.holds_placed += 1 } else { report.holds_lifted += 1 }
            }
        } catch {
            guard try lock() == nil else { throw error }
            report.missing += 1
        }
    }

    /// The policy, the directory and the active holds on `day`: what every lock is decided from.
    struct Facts {
        let lookup: RetentionLookup?
        let holds: [LegalHold]
        let coverage: HoldCoverage
        /// A digest of everything a lock is decided from: the policy as applied, the directory and
        /// the active holds (which are created and released, never edited).
        let fingerprint: String

        init(archive: Archive, day: CalendarDay) throws {
            let policy = try PolicyService(archive: archive).active()
            let directory = policy == nil ? [:] : Dictionary(
                try DirectoryService(archive: archive).employees().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            lookup = policy.map { RetentionLookup(policy: $0, directory: directory) }
            holds = try HoldService(archive: archive).list().filter { $0.isActive(on: day) }
            coverage = HoldCoverage(archive: archive)
            var digest = StreamingSHA256()
            let appliedPolicy = try archive.store.read { try $0.meta(PolicyService.metaKey) } ?? Data()
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let employees = try DirectoryService(archive: archive).employees().sorted { $0.id < $1.id }
            for part in [appliedPolicy, try encoder.encode(employees), Data(holds.map(\.id).sorted().joined(separator: "\n").utf8)] {
                digest.update(Data(String(part.count).utf8 + [0]))
                digest.update(part)
            }
            fingerprint = digest.finalize().hexString
        }

        func lockEnd(of m: ArchivedMessage, stored: StoredRecord) -> Date? {
            lookup?.decision(for: m, stored: stored).retainUntil.map(RetentionLookup.lockEnd(keptThrough:))
        }

        func held(_ m: ArchivedMessage) -> Bool {
            !holds.isEmpty && holds.contains { $0.covers(coverage.subject(of: m, holds: holds)) }
        }
    }

    /// The lock each blob and each record segment should have: the latest retention end and any
    /// active hold over the records in it (records sealed before keys per record may share a blob).
    /// Of the records after position `after` (-1: every record); `last` is the last position seen.
    func wantedLocks(_ facts: Facts, segments: [(range: ClosedRange<UInt64>, name: String)], after start: Int64 = -1)
        throws -> (records: Int, blobs: [String: BlobLock], segments: [String: BlobLock], last: Int64)
    {
        var blobs: [String: BlobLock] = [:]
        var segmentLocks: [String: BlobLock] = [:]
        var records = 0
        var after = start
        func merge(_ until: Date?, _ held: Bool, into lock: inout BlobLock) {
            if let until, lock.retainUntil.map({ $0 < until }) ?? true { lock.retainUntil = until }
            lock.legalHold = lock.legalHold || held
        }
        while true {
            // Records without blobs matter only for their segment; without segments they are not opened.
            let page = try archive.store.read { tx in
                try tx.records(after: after, limit: 1000).map { row in
                    (row.position, row.record.blobRefs.isEmpty && segments.isEmpty ? nil : try archive.open(row.record, reader: tx).message,
                     row.record)
                }
            }
            guard let last = page.last else { break }
            after = last.0
            for case (_, let m?, let stored) in page {
                let until = facts.lockEnd(of: m, stored: stored)
                let held = facts.held(m)
                if !stored.blobRefs.isEmpty { records += 1 }
                for ref in stored.blobRefs { merge(until, held, into: &blobs[ref, default: BlobLock(retainUntil: nil, legalHold: false)]) }
                if let name = WormCopies.segment(holding: stored.ledgerIndex, in: segments) {
                    merge(until, held, into: &segmentLocks[name, default: BlobLock(retainUntil: nil, legalHold: false)])
                }
            }
        }
        return (records, blobs, segmentLocks, after)
    }
}

extension Archive {
    /// Stores a sealed blob; on a locking (WORM) store, locked until `lockedUntil` when given
    /// (otherwise the store's default lock applies).
    func putBlob(_ sealed: Data, lockedUntil: Date?) throws -> String {
        if let lockedUntil, let locking = blobs as? any LockingBlobStore {
            return try locking.put(sealed, retainUntil: lockedUntil)
        }
        return try blobs.put(sealed)
    }
}

public import Foundation
import VellumCore
public import VellumPolicy
import VellumCrypto
import VellumStore

/// `vellum retention run`: disposes of every record whose retention has ended and that no hold
/// protects, and erases records kept after an erasure request whose obstacle has ended.
///
/// Each record is decided on its own (``dispositionDecision(retention:holds:now:)`` and, for
/// restricted records, ``ErasureDecision/decide(_:on:)``); what is removed is crypto-shredded by
/// ``RecordRemover`` and listed in the report, which is the disposition certificate.
public struct RetentionService: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    /// Decides for every record on `day`; removes the due ones unless `dryRun`.
    public func run(
        on day: CalendarDay, dryRun: Bool, actor: String, progress: (Int) -> Void = { _ in }
    ) throws -> DispositionReport {
        let governance = try RecordGovernance(archive: archive)
        // Records restricted for an erasure request are erased once nothing keeps them; records
        // restricted for a restriction request follow retention like any other.
        let erasureRequests = try PrivacyRequestService(archive: archive).list().filter { $0.request.kind == .erasure }
        let erasures = Set(erasureRequests.map(\.id))
        let claims = Dictionary(erasureRequests.compactMap { r in r.legalClaim.map { (r.id, $0) } }, uniquingKeysWith: { a, _ in a })
        let restricted = try archive.store.read { tx in
            Dictionary(try tx.restrictions().filter { erasures.contains($0.request) }.map { ($0.id, $0) },
                       uniquingKeysWith: { a, _ in a })
        }
        var report = DispositionReport(
            run_at: Timestamp(date: archive.now()).rfc3339, day: day.description, dry_run: dryRun,
            actor: actor, policy_sha256: Digest.sha256(governance.policy.canonicalBytes).hexString)
        var due: [(RecordRemover.Item, DispositionReport.Record)] = []
        var after: Int64 = -1
        while true {
            let page = try archive.store.read { tx in
                try tx.records(after: after, limit: 1000).map { ($0.position, $0.record, try archive.open($0.record, reader: tx).message) }
            }
            guard let last = page.last else { break }
            after = last.0
            progress(report.examined + page.count)
            for (_, stored, m) in page {
                report.examined += 1
                let retention = governance.retention(of: m, stored: stored)
                let holds = governance.holds(covering: m)
                if let restriction = restricted[stored.id] {
                    let decision = ErasureDecision.decide(
                        ErasureItem(
                            id: stored.id.rawValue, category: "messages", retention: retention, holds: holds,
                            legalClaim: claims[restriction.request]), on: day)
                    if decision.outcome == .erase {
                        due.append(item(stored, .erasure, basis: restriction.request, retention: retention))
                    } else {
                        report.kept.restricted += 1
                    }
                    continue
                }
                switch dispositionDecision(retention: retention, holds: holds, now: day) {
                case .dispose:
                    due.append(item(stored, .retention, basis: retention.winner?.rule.id ?? "", retention: retention))
                case .keep(.hold): report.kept.hold += 1
                case .keep(.retention): report.kept.retention += 1
                case .keep(.undecided): report.kept.undecided += 1
                }
            }
        }
        if dryRun {
            report.records = due.map(\.1)
        } else {
            let result = try RecordRemover(archive: archive).remove(due.map(\.0))
            report.files_reclaimed = result.reclaimed
            report.blobs_deferred = result.blobsDeferred
            let removals = result.removals
            let byID = Dictionary(removals.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
            report.records = due.compactMap { (_, r: DispositionReport.Record) -> DispositionReport.Record? in
                guard let removal = byID[r.id] else { return nil }
                var r = r
                r.removal_ledger_index = removal.ledgerIndex
                return r
            }
            report.tree_head = try archive.store.read { try $0.latestTreeHead() }.map {
                CheckpointFile(head: $0, publicKey: archive.keys.signing.publicKey)
            }
            // The storage's locks follow the policy and holds this run decided with.
            let locks = ObjectLockService(archive: archive)
            if locks.lockingStore != nil { report.object_lock = try locks.sync(on: day) }
        }
        report.disposed = report.records.count { $0.reason == RecordRemoval.Reason.retention.rawValue }
        report.erased = report.records.count { $0.reason == RecordRemoval.Reason.erasure.rawValue }
        return report
    }

    /// Writes the certificate (pretty JSON, sorted keys) next to the archive's other documents:
    /// DATA/certificates/disposition-<time>.json unless `url` is given. Never overwrites.
    public func writeCertificate(_ report: DispositionReport, to url: URL? = nil) throws -> URL {
        let target = url ?? archive.checkpoint.map {
            $0.deletingLastPathComponent().appendingPathComponent("certificates", isDirectory: true).appendingPathComponent(
                "disposition-" + report.run_at.filter { $0.isNumber || $0 == "T" }.prefix(15) + ".json")
        }
        guard let target else { throw VellumError(.invalidInput, "give a file for the disposition certificate") }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw VellumError(.invalidInput, "\(target.path) already exists; certificates are never overwritten")
        }
        try e.encode(report).write(to: target, options: .withoutOverwriting)
        return target
    }

    func item(
        _ r: StoredRecord, _ reason: RecordRemoval.Reason, basis: String, retention: RetentionDecision
    ) -> (RecordRemover.Item, DispositionReport.Record) {
        (RecordRemover.Item(id: r.id, reason: reason, basis: basis),
         DispositionReport.Record(
             id: r.id.rawValue, channel: r.channel.rawValue, commitment: r.commitment.hexString, reason: reason.rawValue,
             basis: basis, retained_until: retention.retainUntil?.description,
             capture_ledger_index: r.ledgerIndex))
    }
}

/// What a retention run decided and did; written out as the disposition certificate.
///
/// Ids, commitments, rules and ledger positions only: the certificate can be shown to an
/// auditor, who checks each removal leaf against the signed tree head it carries.
public struct DispositionReport: Sendable, Codable, Hashable {
    public struct Record: Sendable, Codable, Hashable {
        public var id: String
        public var channel: String
        /// The commitment the ledger holds for the record (hex SHA-256).
        public var commitment: String
        /// `retention` (its period ended) or `erasure` (a privacy request's obstacle ended).
        public var reason: String
        /// The retention rule whose period ended, or the privacy request that erased it.
        public var basis: String
        public var retained_until: String?
        public var capture_ledger_index: UInt64
        /// The ledger entry recording the removal (absent in a dry run).
        public var removal_ledger_index: UInt64?
    }

    public struct Kept: Sendable, Codable, Hashable {
        /// Under an active legal hold.
        public var hold = 0
        /// Retention has not ended.
        public var retention = 0
        /// No rule covers them: kept until someone decides.
        public var undecided = 0
        /// Kept after an erasure request; the obstacle has not ended.
        public var restricted = 0
    }

    public var certificate = "Vellum disposition certificate"
    public var run_at: String
    public var day: String
    public var dry_run: Bool
    public var actor: String
    /// SHA-256 of the applied policy's canonical form.
    public var policy_sha256: String
    public var examined = 0
    public var disposed = 0
    public var erased = 0
    public var kept = Kept()
    public var records: [Record] = []
    /// Whether the database files were rewritten at once so no removed page lingers (false: another
    /// reader held the write-ahead log; the next run or checkpoint finishes it). Absent in a dry run.
    public var files_reclaimed: Bool?
    /// The signed tree head that covers every removal leaf.
    public var tree_head: CheckpointFile?
    /// Blobs of removed records the storage still locks (WORM): unreadable, deleted when the lock ends.
    public var blobs_deferred: Int?
    /// What the storage locks were brought to after the run (only on a WORM blob store).
    public var object_lock: ObjectLockService.Report?

    init(run_at: String, day: String, dry_run: Bool, actor: String, policy_sha256: String) {
        self.run_at = run_at
        self.day = day
        self.dry_run = dry_run
        self.actor = actor
        self.policy_sha256 = policy_sha256
    }
}

import Foundation
import VellumCore
import VellumStore

/// The sealed records' copies in the bucket (``WormSegment``): written with each commit, repaired
/// after a crash between a commit and its copy, and checked by `vellum verify` against the
/// database rows. Only on a locking (WORM) blob store; the embedded archive has none.
struct WormCopies {
    let archive: Archive
    /// The position (commit order) up to which every record is known to have a copy.
    static let watermarkKey = "worm-copied-position"
    /// A record younger than this may still be waiting for its copy (another server's commit in
    /// flight); verify does not call its absence a problem yet.
    static let grace: Int64 = 10 * 60 * 1000

    var store: (any LockingBlobStore)? { archive.blobs as? any LockingBlobStore }

    /// One locked segment for records just committed, retained until the latest of their lock ends
    /// (the store's default lock when none is known).
    func copy(_ records: [StoredRecord], lockEnds: [Date?]) throws {
        guard let store, !records.isEmpty else { return }
        let segment = WormSegment(records)
        let bytes = try segment.encoded()
        try store.putObject(
            named: WormSegment.name(first: segment.first, last: segment.last, bytes: bytes), bytes,
            retainUntil: lockEnds.compactMap { $0 }.max())
    }

    /// The segments in the bucket with the ledger range each covers, in ledger order.
    func segments() throws -> [(range: ClosedRange<UInt64>, name: String)] {
        guard let store else { return [] }
        return try store.objectNames(prefix: WormSegment.prefix).compactMap { name in
            WormSegment.range(of: name).map { ($0, name) }
        }.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The segment whose range holds `index` (ranges of one commit never interleave with another's).
    static func segment(holding index: UInt64, in segments: [(range: ClosedRange<UInt64>, name: String)]) -> String? {
        var low = 0, high = segments.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let r = segments[mid].range
            if r.contains(index) { return segments[mid].name }
            if index < r.lowerBound { high = mid - 1 } else { low = mid + 1 }
        }
        return nil
    }

    /// The position up to which every record is known to have a copy (-1: none yet).
    func watermark() throws -> Int64 {
        try archive.store.read { try $0.meta(Self.watermarkKey) }.flatMap { Int64(String(decoding: $0, as: UTF8.self)) } ?? -1
    }

    /// Copies every record after the watermark that no segment covers; returns how many were copied.
    /// `lockEnd` gives each record's lock end (from the policy).
    func repair(lockEnd: (StoredRecord) throws -> Date?) throws -> Int {
        guard store != nil else { return 0 }
        let covered = try segments()
        var after = try watermark()
        var copied = 0
        while true {
            let page = try archive.store.read { try $0.records(after: after, limit: 1000) }
            guard let last = page.last else { break }
            let missing = page.map(\.record).filter { Self.segment(holding: $0.ledgerIndex, in: covered) == nil }
            if !missing.isEmpty {
                try copy(missing, lockEnds: try missing.map(lockEnd))
                copied += missing.count
            }
            after = last.position
        }
        let mark = Data(String(after).utf8)
        try archive.store.write { try $0.setMeta(Self.watermarkKey, mark) }
        return copied
    }

    /// Compares every record with its copy: a row changed in the database, or a record without a
    /// copy (older than ``grace``), is a problem. Returns the records checked against a copy.
    func audit(_ tx: any ArchiveReader, now: Int64) throws -> (checked: Int, problems: [VerifyReport.Problem]) {
        guard let store else { return (0, []) }
        var copies: [UInt64: WormSegment.Record] = [:]
        var problems: [VerifyReport.Problem] = []
        for (_, name) in try segments() {
            guard let data = try store.object(named: name) else { continue }
            do {
                for r in try WormSegment.decode(data, name: name).records { copies[r.ledger_index] = r }
            } catch let e as VellumError {
                problems.append(.init(code: "worm.unreadable", detail: e.reason))
            }
        }
        var checked = 0
        var after: Int64 = -1
        while true {
            let page = try tx.records(after: after, limit: 2000)
            guard let last = page.last else { break }
            for (_, r) in page {
                if let copy = copies[r.ledgerIndex] {
                    checked += 1
                    if !copy.matches(r) {
                        problems.append(.init(
                            code: "worm.mismatch",
                            detail: "record \(r.id) differs from the copy the bucket locked at ledger entry \(r.ledgerIndex)"))
                    }
                } else if now - r.capturedAt > Self.grace {
                    problems.append(.init(
                        code: "worm.missing",
                        detail: "record \(r.id) has no copy in the bucket (run `vellum retention locks` to write it)"))
                }
            }
            after = last.position
        }
        return (checked, problems)
    }
}

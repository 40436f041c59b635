import Foundation
import VellumCore
import VellumCrypto
import VellumStore

/// Deletes records for disposition or erasure: each record's row (with its wrapped key), index
/// tokens, alert content and blobs, a ledger leaf per record, and a removal left in its place.
///
/// The rows go in one transaction per batch, with their ledger leaves and a signed tree head;
/// blobs are deleted after the commit (a crash in between leaves ciphertext whose key is already
/// gone), and `reclaim` then rewrites the index and truncates the write-ahead log.
struct RecordRemover {
    let archive: Archive
    var batchSize = 500

    struct Item {
        var id: RecordID
        var reason: RecordRemoval.Reason
        /// The retention rule (disposition) or the privacy request (erasure), for the ledger.
        var basis: String
    }

    struct Result {
        /// The removals made, in ledger order.
        var removals: [RecordRemoval]
        /// Whether the files were reclaimed at once (false: a reader held the write-ahead log; the
        /// removed pages go with the next checkpoint).
        var reclaimed: Bool
        /// Blobs the storage refused to delete yet (still locked): deleted once their lock ends.
        var blobsDeferred = 0
    }

    /// Removes `items`; records already gone are skipped.
    func remove(_ items: [Item]) throws -> Result {
        var done: [RecordRemoval] = []
        var deferred = 0
        for start in stride(from: 0, to: items.count, by: batchSize) {
            let batch = items[start ..< min(start + batchSize, items.count)]
            let (removals, blobs) = try removeBatch(Array(batch))
            deferred += try deleteBlobs(blobs)
            done += removals
        }
        var reclaimed = true
        if !done.isEmpty {
            try archive.writeCheckpoint()
            reclaimed = try archive.store.reclaim()
        }
        return Result(removals: done, reclaimed: reclaimed, blobsDeferred: deferred)
    }

    func removeBatch(_ items: [Item]) throws -> ([RecordRemoval], [(String, shared: Bool)]) {
        let at = archive.nowMilliseconds
        return try archive.store.write { tx in
            var next = try tx.ledgerSize()
            var events: [LedgerEvent] = []
            var removals: [RecordRemoval] = []
            var blobs: [(String, shared: Bool)] = []
            for item in items {
                guard let record = try tx.record(id: item.id) else { continue }
                let removal = RecordRemoval(
                    id: record.id, sourceKey: record.sourceKey, commitment: record.commitment,
                    captureIndex: record.ledgerIndex, ledgerIndex: next, reason: item.reason, at: at)
                try tx.remove(removal)
                events.append(LedgerEvent(
                    type: item.reason == .erasure ? .erasure : .disposition, at: at, record: record.id.rawValue,
                    commitment: record.commitment.hexString, kind: item.basis))
                removals.append(removal)
                // Records sealed before keys per record shared a scope key, so the same file could be one blob.
                blobs += record.blobRefs.map { ($0, shared: record.recordKey == nil) }
                next += 1
            }
            if !events.isEmpty { _ = try LedgerAppender(archive: archive, tx: tx).append(events) }
            return (removals, blobs)
        }
    }

    /// Deletes the blobs no remaining record names; those the storage still locks are listed for
    /// later (``DeferredBlobDeletions``). Returns how many were deferred.
    func deleteBlobs(_ blobs: [(String, shared: Bool)]) throws -> Int {
        let shared = Set(blobs.filter(\.shared).map(\.0))
        let stillNamed = shared.isEmpty ? [] : try blobsStillNamed(among: shared)
        var locked: [String] = []
        for (ref, _) in blobs where !stillNamed.contains(ref) {
            do {
                try archive.blobs.delete(ref)
            } catch is BlobLockedError {
                locked.append(ref)
            }
        }
        try DeferredBlobDeletions(archive: archive).add(locked)
        return locked.count
    }

    /// Which of `refs` a remaining record still names (only for records without keys of their own).
    func blobsStillNamed(among refs: Set<String>) throws -> Set<String> {
        var found = Set<String>()
        var after: Int64 = -1
        while true {
            let page = try archive.store.read { try $0.records(after: after, limit: 2000) }
            guard let last = page.last else { return found }
            for (_, r) in page { found.formUnion(r.blobRefs.filter(refs.contains)) }
            after = last.position
        }
    }
}

extension Archive {
    /// The error for a record id the archive does not hold: says when and why it was removed, if it was.
    func absentRecordError(_ id: RecordID, _ tx: any ArchiveReader) throws -> VellumError {
        guard let gone = try tx.removal(id: id) else { return VellumError(.notFound, "no record \(id)") }
        let why = gone.reason == .erasure ? "erased for a privacy request" : "disposed of when its retention ended"
        return VellumError(
            .notFound,
            "record \(id) was \(why) on \(Timestamp(seconds: gone.at / 1000).rfc3339) (ledger entry \(gone.ledgerIndex))")
    }
}

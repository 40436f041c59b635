import Foundation
import Synchronization
import VellumCrypto
import VellumCore
import VellumStore
import VellumSurveillance

/// The commit of a staged batch: one transaction, with the records inserted in one batch call (a
/// statement per record cost PostgreSQL a round trip each; issue 9).
extension Ingestor {
    /// A fresh record with the ledger indexes it and its alerts take, planned before anything is
    /// inserted so the records can go in together and the alerts after them.
    struct PlannedRecord {
        var record: StoredRecord
        var tokens: String
        var captureEvent: LedgerAppender.Leaf
        var alerts: [StoredAlert]
    }

    /// One transaction: scope keys, records, index, quarantine, ledger leaves, signed head.
    /// Returns the records actually inserted, with their ledger indexes (a concurrent writer may
    /// have taken some first).
    func commit(
        _ prepared: [Prepared], quarantine: [QuarantineDraft], accountNames: [Data: Data],
        proposedKeys: [Data: ProposedScopeKey] = [:], ledgerSizeSeen: UInt64? = nil
    ) throws -> [StoredRecord] {
        guard !prepared.isEmpty || !quarantine.isEmpty else { return [] }
        let scopes = Set(prepared.map { $0.record.scope })
        let cached = archive.cachedDataKeys(scopes)
        // The keys of new scopes are stored in this transaction (the ones proposed when the batch
        // was staged, unless a scope has a key by now) and kept only once it has committed.
        var loaded: [Data: DataKey] = [:]
        var committed: CommittedRange?
        let records = try archive.store.write { tx in
            loaded = try archive.dataKeys(scopeIDs: scopes.subtracting(cached.keys), in: tx, proposed: proposedKeys)
            let scopeKeys = cached.merging(loaded) { a, _ in a }
            let appender = LedgerAppender(archive: archive, tx: tx)
            var next = try tx.ledgerSize()
            let start = next
            var inserted = Set<Data>()
            var facts: [UsageFacts] = []
            var mediaJobs: [MediaJob] = []
            // Records and what follows them are kept apart, so the records are not copied again
            // for the store (a record holds many references, each retained on a copy).
            var indexed: [IndexedRecord] = []
            var followUps: [(captureEvent: LedgerAppender.Leaf, alerts: [StoredAlert])] = []
            // Staging looked for duplicates; ask the store again only if others wrote since.
            let keys = prepared.map { $0.record.sourceKey }
            let taken = try heldSinceStaging(keys, seen: ledgerSizeSeen, now: start) ?? tx.containedRecords(sourceKeys: keys)
            indexed.reserveCapacity(prepared.count)
            // Both loops read the batch in place: a `for … in` loop copies each element, retaining
            // every reference it holds, on the thread that is the import's bound.
            try prepared.withUnsafeBufferPointer { batch in
                for i in batch.indices
                where !taken.contains(batch[i].record.sourceKey) && inserted.insert(batch[i].record.sourceKey).inserted {
                    facts.append(batch[i].usage)
                    mediaJobs += batch[i].mediaJobs
                    let planned = try plan(batch[i], scopeKey: scopeKeys[batch[i].record.scope]!, at: &next, tx)
                    indexed.append(IndexedRecord(planned.record, indexTokens: planned.tokens))
                    followUps.append((planned.captureEvent, planned.alerts))
                }
            }
            // Records first: their alerts refer to them.
            try tx.insert(indexed)
            var events: [LedgerAppender.Leaf] = []
            try indexed.withUnsafeBufferPointer { records in
                for i in records.indices {
                    events.append(followUps[i].captureEvent)
                    for alert in followUps[i].alerts {
                        // The plan kept one alert per rule, so the store must take each; a refusal now
                        // would leave the planned ledger indexes pointing past their events.
                        guard let alertID = try tx.addAlert(alert) else {
                            throw VellumError(
                                .integrity, "record \(records[i].record.id) already had an alert from rule \(alert.rule)")
                        }
                        events.append(LedgerAppender.Leaf(LedgerEvent(
                            type: .alert, at: records[i].record.capturedAt, record: records[i].record.id.rawValue,
                            commitment: Digest.sha256(alert.sealed).hexString, kind: alert.rule, alert: alertID)))
                    }
                }
            }
            for q in quarantine where try tx.quarantineItem(rawKey: q.rawKey) == nil {
                _ = try tx.addQuarantine(q.item(ledgerIndex: next))
                events.append(LedgerAppender.Leaf(q.event()))
                next += 1
            }
            try MediaQueue(archive: archive).add(mediaJobs, tx)
            try tx.addUsage(UsageTally.counts(facts))
            for account in UsageTally.accounts(facts, sealedNames: accountNames) {
                try tx.touchCaptureAccount(account)
            }
            if !events.isEmpty { _ = try appender.append(leaves: events) }
            committed = CommittedRange(start: start, end: try tx.ledgerSize(), sourceKeys: inserted)
            return indexed.map(\.record)
        }
        if let committed { remember(committed) }
        archive.rememberDataKeys(loaded)
        // Every scope of the batch now has its stored key in the cache: its proposal is done with.
        proposals.withLock { for scope in scopes { $0[scope] = nil } }
        return records
    }

    /// The record's ledger index (`next`), then one per alert, in the ledger's order: a record,
    /// its alerts, the next record. Counts the retail recipients (which may add an alert) now, in
    /// record order, as the count of each message must see the messages before it. Wraps the
    /// record's key under its scope's, unless staging already did so under that same key.
    func plan(_ p: Prepared, scopeKey: DataKey, at next: inout UInt64, _ tx: any ArchiveWriter) throws -> PlannedRecord {
        var record = p.record
        if record.recordKey == nil || p.wrappedUnder != scopeKey {
            record.recordKey = try scopeKey.wrap(p.recordKey, context: Archive.recordKeyContext(record.id))
        }
        record.ledgerIndex = next
        next += 1
        var alerts = p.alerts
        if let retail = p.retail, let rules = supervisor as? RuleSupervisor {
            let (before, after) = try tx.noteRecipients(
                sender: retail.senderKey, recipients: retail.recipients, at: retail.sentAt,
                windowStart: RuleSupervisor.windowStart(retail.rule, sentAt: retail.sentAt))
            if let explanation = rules.retailAlert(
                retail.rule, sender: retail.sender, before: before, after: after, channel: retail.channel)
            {
                alerts.append(SealedAlert(
                    rule: explanation.rule, severity: explanation.severity,
                    sealed: try p.recordKey.seal(try JSONEncoder().encode(explanation), context: Archive.alertContext(record.id))))
            }
        }
        // A record keeps one alert per rule (the store refuses a second, which took no ledger
        // entry before either): drop repeats here, so the indexes handed out stay dense.
        var rules = Set<String>()
        var stored: [StoredAlert] = []
        for a in alerts where rules.insert(a.rule).inserted {
            stored.append(StoredAlert(
                record: record.id, rule: a.rule, severity: a.severity, createdAt: record.capturedAt,
                scope: record.scope, sealed: a.sealed, ledgerIndex: next))
            next += 1
        }
        return PlannedRecord(record: record, tokens: p.tokens, captureEvent: p.captureEvent, alerts: stored)
    }
}

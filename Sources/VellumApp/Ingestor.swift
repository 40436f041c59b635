public import Foundation
import Dispatch
import Synchronization
public import VellumCapture
public import VellumCore
public import VellumSurveillance
import VellumCrypto
import VellumPolicy
import VellumSearch
import VellumStore

/// What arrives at the pipeline: a parsed message, or input that could not be parsed.
public enum IncomingItem: Sendable {
    case message(Message)
    case unreadable(ImportIssue, raw: Data, format: String, options: ImportOptions = .init())

    /// About how much memory the item's content takes: text and attachments, or the raw bytes.
    var inputBytes: Int {
        switch self {
        case .message(let m): (m.text?.utf8.count ?? 0) + m.attachments.reduce(0) { $0 + $1.content.count }
        case .unreadable(_, let raw, _, _): raw.count
        }
    }
}

/// What became of one incoming item. Exactly one per item.
public enum ItemOutcome: Sendable, Hashable {
    case imported(RecordID)
    case duplicate(RecordID)
    case quarantined(reason: String)
}

/// The pipeline: normalize (done by the parsers) → resolve → seal → ledger → index → commit.
///
/// A batch commits in one transaction with its ledger leaves and a signed tree head; the outcome
/// is returned only after that commit is durable. Idempotent on (channel, account, source id).
public final class Ingestor: Sendable {
    let archive: Archive
    let resolver: PartyResolver
    let caches: Mutex<[BlindTokenCache]>
    /// Keys proposed for scopes not yet stored, shared by the batches staged before one commits
    /// them (decision 0025); a scope leaves once its stored key is known.
    let proposals = Mutex<[Data: ProposedScopeKey]>([:])
    /// This ingestor's latest commits, so a commit can tell its own records from other writers'.
    let recentCommits = Mutex<[CommittedRange]>([])
    let workers: Int
    let supervisor: (any MessageSupervisor)?
    /// The employee directory, opened once, for the supervisor's rules by role and department.
    let directory: [String: Employee]
    /// When the blob store locks (WORM) and a policy is applied: the retention each new record's
    /// segment and attachments are locked for.
    let blobRetention: RetentionLookup?

    /// Who looks at each new message for the review queue.
    public enum Supervision: Sendable {
        /// The rules of the policy applied to the archive (none if no policy was applied).
        case policy
        /// No surveillance (benchmarks of the bare pipeline).
        case none
        case custom(any MessageSupervisor)
    }

    public init(
        archive: Archive, supervision: Supervision = .policy,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws {
        self.archive = archive
        self.resolver = PartyResolver(archive: archive)
        self.workers = max(1, workers)
        let supervisor: (any MessageSupervisor)? =
            switch supervision {
            case .policy: try PolicyService(archive: archive).supervisor()
            case .none: nil
            case .custom(let s): s
            }
        self.supervisor = supervisor
        let lockingPolicy = archive.blobs is any LockingBlobStore ? try PolicyService(archive: archive).active() : nil
        let directory = supervisor == nil && lockingPolicy == nil ? [:] : Dictionary(
            try DirectoryService(archive: archive).employees().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.directory = directory
        blobRetention = lockingPolicy.map { RetentionLookup(policy: $0, directory: directory) }
        caches = Mutex(Self.coldCaches(archive, workers))
    }

    static func coldCaches(_ archive: Archive, _ workers: Int) -> [BlindTokenCache] {
        Array(repeating: BlindTokenCache(key: archive.keys.blindIndex), count: max(1, workers))
    }

    struct Prepared {
        /// The record. Its wrapped key is nil when its scope's key was not known yet (a new scope):
        /// the commit then wraps ``recordKey`` under the key it reads or makes.
        var record: StoredRecord
        /// The record's own key, which sealed its body, attachments and alerts. Only in memory.
        var recordKey: DataKey
        /// The scope key the record's key is wrapped under: the commit wraps it again if that is
        /// not the key its scope turns out to have.
        var wrappedUnder: DataKey?
        /// The ledger leaf of its capture, which needs no ledger index: made here, off the writer.
        var captureEvent: LedgerAppender.Leaf
        var tokens: String
        var usage: UsageFacts
        var alerts: [SealedAlert]
        /// Set when a retail-communication rule counts this message's outside recipients.
        var retail: RetailFacts?
        /// Files the message names that Vellum can download later (queued with the commit).
        var mediaJobs: [MediaJob] = []
        /// On a WORM bucket: when the storage lock for this record ends (its retention's end).
        var lockEnd: Date?
    }

    /// What the retail-communication count needs, kept in memory until the commit that counts it.
    struct RetailFacts {
        var rule: SurveillanceRule
        var sender: Employee
        var senderKey: Data
        var recipients: [Data]
        var sentAt: Int64
        var channel: Channel
    }

    /// An alert explanation sealed under its record's scope, ready to enter the review queue.
    struct SealedAlert {
        var rule: String
        var severity: String
        var sealed: Data
    }

    /// A batch resolved, sealed and tokenized, ready to commit. Nothing of it is acknowledged yet.
    public struct StagedBatch: Sendable {
        var outcomes: [ItemOutcome?]
        var fresh: [(slot: Int, id: RecordID, sourceKey: Data)]
        var prepared: [Prepared]
        var quarantined: [(slot: Int, draft: QuarantineDraft)]
        var accountNames: [Data: Data] = [:]
        /// The keys proposed for the batch's scopes that had no known key when it was staged.
        var proposedKeys: [Data: ProposedScopeKey] = [:]
        /// The ledger's size when staging looked for duplicates (``heldSinceStaging(_:seen:now:)``).
        var ledgerSizeSeen: UInt64?
    }

    /// Runs a batch through the pipeline; returns one outcome per item, in order, once committed.
    public func ingest(_ items: [IncomingItem]) throws -> [ItemOutcome] {
        try commit(try stage(items))
    }

    /// Everything before the commit: drop what the archive already holds (or what repeats within
    /// the batch), resolve, seal, tokenize. Safe to run while the previous batch commits: the commit
    /// checks for duplicates again inside its transaction.
    public func stage(_ items: [IncomingItem]) throws -> StagedBatch {
        var outcomes = [ItemOutcome?](repeating: nil, count: items.count)
        // Messages are large values: they are copied once, into `messages`, and otherwise
        // referred to by their slot in `items`.
        var fresh: [(slot: Int, id: RecordID, sourceKey: Data)] = []
        var messages: [Message] = []
        var seen = Set<Data>()
        let candidates: [(slot: Int, key: Data)] = items.indices.compactMap { i in
            if case .message(let m) = items[i] { return (i, archive.sourceKey(m.source)) }
            return nil
        }
        let (sizeSeen, held) = try archive.store.read { tx in
            // The size first: on a store whose statements see separate snapshots, a commit between
            // the two then shows as growth, never as a record missed at a size that includes it.
            (try tx.ledgerSize(), try tx.containedRecords(sourceKeys: candidates.map(\.key)))
        }
        for (slot, key) in candidates {
            let id = archive.recordID(sourceKey: key)
            if held.contains(key) || !seen.insert(key).inserted {
                outcomes[slot] = .duplicate(id)
            } else if case .message(let m) = items[slot] {
                fresh.append((slot, id, key))
                messages.append(m)
            }
        }
        let resolved = try resolver.resolve(messages)
        let scopes = Set(resolved.map(\.scopeID))
        let cached = archive.cachedDataKeys(scopes)
        let proposed = try proposedKeys(for: scopes.subtracting(cached.keys))
        let prepared = try prepare(
            messages, fresh.map { ($0.id, $0.sourceKey) }, resolved,
            scopeKeys: cached.merging(proposed.mapValues(\.key)) { a, _ in a })
        let quarantined = try items.enumerated().compactMap { i, item -> (slot: Int, draft: QuarantineDraft)? in
            guard case .unreadable(let issue, let raw, let format, let options) = item else { return nil }
            return (i, try QuarantineDraft(archive: archive, issue: issue, raw: raw, format: format, options: options))
        }
        return StagedBatch(
            outcomes: outcomes, fresh: fresh, prepared: prepared,
            quarantined: quarantined,
            accountNames: try UsageTally.sealedAccountNames(prepared.map { $0.usage }, archive: archive),
            proposedKeys: proposed, ledgerSizeSeen: sizeSeen)
    }

    /// Keys for scopes whose stored key this process does not know: the ones already proposed
    /// to an earlier batch (so batches staged back to back agree), else new ones. They are stored
    /// by the commit, unless the scope has a key by then, which then wins.
    func proposedKeys(for scopes: Set<Data>) throws -> [Data: ProposedScopeKey] {
        guard !scopes.isEmpty else { return [:] }
        var out = proposals.withLock { known in scopes.reduce(into: [Data: ProposedScopeKey]()) { $0[$1] = known[$1] } }
        let made = try scopes.subtracting(out.keys).reduce(into: [Data: ProposedScopeKey]()) {
            $0[$1] = try archive.proposeScopeKey($1)
        }
        proposals.withLock { known in
            if known.count > 100_000 { known.removeAll() }
            for (scope, key) in made {
                // A concurrent batch may have proposed one first: use that one.
                if let first = known[scope] { out[scope] = first } else { known[scope] = key; out[scope] = key }
            }
        }
        return out
    }

    /// Commits a staged batch durably; only then are its outcomes returned. With
    /// `writingCheckpoint: false` the tree-head file (`tree-head.json`, a copy of what the database
    /// already holds) is left to the caller, who may write it once for several commits.
    public func commit(_ batch: StagedBatch, writingCheckpoint: Bool = true) throws -> [ItemOutcome] {
        var outcomes = batch.outcomes
        let records = try commit(
            batch.prepared, quarantine: batch.quarantined.map(\.draft), accountNames: batch.accountNames,
            proposedKeys: batch.proposedKeys, ledgerSizeSeen: batch.ledgerSizeSeen)
        // On a WORM bucket the sealed records are copied there before anything is acknowledged.
        if archive.blobs is any LockingBlobStore {
            let lockEnds = Dictionary(batch.prepared.map { ($0.record.sourceKey, $0.lockEnd) }, uniquingKeysWith: { a, _ in a })
            try WormCopies(archive: archive).copy(records, lockEnds: records.map { lockEnds[$0.sourceKey] ?? nil })
        }
        let committed = Set(records.map(\.sourceKey))
        for item in batch.fresh {
            outcomes[item.slot] = committed.contains(item.sourceKey) ? .imported(item.id) : .duplicate(item.id)
        }
        for (slot, draft) in batch.quarantined { outcomes[slot] = .quarantined(reason: draft.issue.description) }
        if writingCheckpoint, !batch.prepared.isEmpty || !batch.quarantined.isEmpty { try archive.writeCheckpoint() }
        return outcomes.map { $0! }
    }

    /// Seals, commits and tokenizes in parallel (CPU work only; blobs are written here too,
    /// durably, before the commit that refers to them). Each record is sealed under a key of its
    /// own, wrapped here under its scope's key when this process knows it (`scopeKeys`); a new
    /// scope gets its key in the commit's transaction, so staging never waits for the writer.
    func prepare(
        _ messages: [Message], _ identities: [(id: RecordID, sourceKey: Data)], _ resolved: [PartyResolver.Resolution],
        scopeKeys: [Data: DataKey]
    ) throws -> [Prepared] {
        let capturedAt = archive.nowMilliseconds
        // Take the caches out of the lock so each lane owns its dictionary outright (a concurrent
        // batch on the same ingestor finds none and starts cold).
        var laneCaches = caches.withLock { all in defer { all = [] }; return all }
        if laneCaches.isEmpty { laneCaches = Self.coldCaches(archive, workers) }
        defer { caches.withLock { $0 = laneCaches } }
        // The lanes read the messages and resolutions in place: `messages[i]` in a closure copies
        // the message, retaining each of its references, and releases them after.
        return try messages.withUnsafeBufferPointer { messages in
            try resolved.withUnsafeBufferPointer { resolved in
                try ParallelMap.map(count: messages.count, states: &laneCaches) { cache, i in
                    try seal(
                        messages[i], id: identities[i].id, sourceKey: identities[i].sourceKey, resolution: resolved[i],
                        scopeKey: scopeKeys[resolved[i].scopeID], capturedAt: capturedAt, cache: &cache)
                }
            }
        }
    }

    func seal(
        _ m: Message, id: RecordID, sourceKey: Data, resolution r: PartyResolver.Resolution, scopeKey: DataKey?,
        capturedAt: Int64, cache: inout BlindTokenCache
    ) throws -> Prepared {
        let scope = r.scopeID
        // Each record gets its own key, wrapped under the scope's: disposition and erasure shred
        // one record by deleting the wrapped bytes (docs/decisions/0007-keys-per-record.md).
        let key = DataKey.random()
        let wrappedKey = try scopeKey.map { try $0.wrap(key, context: Archive.recordKeyContext(id)) }
        var files: [ArchivedMessage.File] = []
        var refs: [String] = []
        let lockEnd = blobRetention?.decision(
            channel: m.source.channel, sentAt: m.sentAt, capturedAt: Timestamp(seconds: capturedAt / 1000),
            employeeIDs: [r.sender.employeeID] + r.recipients.map(\.employeeID)
        ).retainUntil.map(RetentionLookup.lockEnd(keptThrough:))
        for a in m.attachments {
            let ref = try archive.putBlob(
                try key.sealDeduplicating(a.content, context: Archive.blobContext(scope: scope)), lockedUntil: lockEnd)
            refs.append(ref)
            files.append(.init(name: a.name, media_type: a.mediaType, size: a.content.count,
                               sha256: Digest.sha256(a.content).hexString, blob: ref))
        }
        let archived = ArchivedMessage(
            channel: m.source.channel, account: m.source.account, id: m.source.nativeID, conversation: m.conversation,
            sent_at: m.sentAt.rfc3339,
            from: .init(id: m.sender.id, name: m.sender.name, employee: r.sender.employeeID),
            to: zip(m.recipients, r.recipients).map { .init(id: $0.id, name: $0.name, employee: $1.employeeID) },
            text: m.text, attachments: files, reply_to: m.replyTo,
            edit_of: { if case .edit(let t) = m.revision { t } else { nil } }(),
            recall_of: { if case .recall(let t) = m.revision { t } else { nil } }(),
            reaction_to: { if case .reaction(let t) = m.revision { t } else { nil } }(),
            status_of: { if case .status(let t) = m.revision { t } else { nil } }(),
            media_of: { if case .media(let t) = m.revision { t } else { nil } }(),
            kind_name: m.kind.rawValue, native_type: m.nativeType, fields: m.fields.isEmpty ? nil : m.fields,
            media: m.media.isEmpty ? nil : m.media.map {
                .init(handle: $0.handle, name: $0.name, media_type: $0.mediaType, size: $0.size,
                      digests: $0.digests.isEmpty ? nil : $0.digests, note: $0.note)
            },
            quote: m.quotedText, forwarded: m.forwarded ? true : nil,
            format: m.format, raw: m.raw, captured_at: capturedAt)
        let canonical = archived.canonicalBytes()
        let nonce = Commitment.newNonce()
        let body = try key.seal(OpenedRecord.plaintext(nonce: nonce, canonical: canonical),
                                context: Archive.recordContext(id, scope: scope))
        let record = StoredRecord(
            id: id, sourceKey: sourceKey, channel: m.source.channel, kind: archived.kind,
            targetKey: m.revision.map { archive.sourceKey(m.source.sibling($0.targetID)) },
            conversationKey: archive.conversationKey(m.source.channel, conversationID: m.conversation.id),
            senderKey: r.sender.partyKey,
            // Sorted (as stores read them back), so the store need not sort them on the writer.
            participantKeys: Set([r.sender.partyKey] + r.recipients.map(\.partyKey)).sorted { $0.bytesPrecede($1) },
            sentAt: m.sentAt.epochMilliseconds, capturedAt: capturedAt, scope: scope, body: body,
            commitment: Commitment.make(nonce: nonce, canonical: canonical), ledgerIndex: 0, blobRefs: refs,
            recordKey: wrappedKey, tagKeys: archive.tagKeys(archived))
        let usage = UsageFacts(
            channel: m.source.channel, account: m.source.account, sentAt: m.sentAt.epochMilliseconds,
            senderEmployee: r.sender.employeeID, recipientEmployees: r.recipients.compactMap(\.employeeID),
            countsAsMessage: m.revision == nil, archive: archive)
        var alerts: [SealedAlert] = []
        if let supervisor {
            let parties = SupervisedParties(
                sender: r.sender.employeeID.flatMap { directory[$0] },
                recipients: r.recipients.map { $0.employeeID.flatMap { directory[$0] } })
            for explanation in supervisor.alerts(for: m, parties: parties, recordID: id) {
                alerts.append(SealedAlert(
                    rule: explanation.rule, severity: explanation.severity,
                    sealed: try key.seal(try JSONEncoder().encode(explanation), context: Archive.alertContext(id))))
            }
        }
        var retail: RetailFacts?
        if let rules = supervisor as? RuleSupervisor, m.revision == nil,
           let sender = r.sender.employeeID.flatMap({ directory[$0] }),
           let rule = rules.retailRules(for: sender).first
        {
            let outsiders = r.recipients.filter { $0.employeeID == nil }.map(\.partyKey)
            if !outsiders.isEmpty {
                retail = RetailFacts(
                    rule: rule, sender: sender,
                    senderKey: archive.identifierKey(DirectoryService.employeeIdentifier(sender.id)),
                    recipients: outsiders, sentAt: m.sentAt.epochMilliseconds, channel: m.source.channel)
            }
        }
        let captureEvent = LedgerAppender.Leaf(LedgerEvent(
            type: .capture, at: capturedAt, record: id.rawValue, commitment: record.commitment.hexString,
            kind: record.kind.rawValue))
        return Prepared(
            record: record, recordKey: key, wrappedUnder: scopeKey, captureEvent: captureEvent,
            tokens: IndexText.keyedTokens(archived.indexedText, cache: &cache), usage: usage, alerts: alerts,
            retail: retail, mediaJobs: MediaJob.jobs(for: m, at: capturedAt), lockEnd: lockEnd)
    }
}

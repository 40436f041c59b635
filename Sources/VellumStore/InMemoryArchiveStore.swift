public import Foundation
import Synchronization
public import VellumCore
public import VellumCrypto

/// An ``ArchiveStore`` in memory: the reference implementation the conformance suite is written
/// against, and a fast store for tests of everything above the drivers.
public final class InMemoryArchiveStore: ArchiveStore {
    struct State {
        var meta: [String: Data] = [:]
        var records: [(position: Int64, record: StoredRecord)] = []
        var byID: [RecordID: Int] = [:]
        var bySource: [Data: Int] = [:]
        var tokens: [RecordID: String] = [:]
        var keys: [Data: Data] = [:]
        var ledger: [LedgerEntry] = []
        var nodeIndex: [Int: [UInt64: Data]] = [:]
        var heads: [TreeHead] = []
        var frontier = CompactRange()
        var quarantine: [QuarantineItem] = []
        var employees: [Data: StoredEmployee] = [:]
        var alerts: [StoredAlert] = []
        var alertActions: [StoredAlertAction] = []
        var usage: [String: UsageCount] = [:]
        var accounts: [String: CaptureAccount] = [:]
        var removals: [Data: RecordRemoval] = [:]
        var restrictions: [RecordID: RecordRestriction] = [:]
        /// sender key → recipient key → last time written to.
        var recipients: [Data: [Data: Int64]] = [:]
        /// Positions are never reused, even after the last record is removed.
        var lastPosition: Int64 = 0
    }

    let state = Mutex(State())

    public init() {}

    public func read<T>(_ body: (any ArchiveReader) throws -> T) throws -> T {
        let snapshot = state.withLock { $0 }
        return try body(MemoryTransaction(snapshot))
    }

    /// Replaces a stored record's sealed body, as someone with write access to the database could:
    /// for tamper tests.
    public func corruptRecord(_ id: RecordID, body: Data) {
        state.withLock { s in
            guard let i = s.byID[id] else { return }
            s.records[i].record.body = body
        }
    }

    public func write<T>(_ body: (any ArchiveWriter) throws -> T) throws -> T {
        try state.withLock { current in
            let tx = MemoryTransaction(current)
            let result = try body(tx)
            current = tx.s
            return result
        }
    }
}

final class MemoryTransaction: ArchiveWriter {
    var s: InMemoryArchiveStore.State
    init(_ s: InMemoryArchiveStore.State) { self.s = s }

    func meta(_ key: String) throws -> Data? { s.meta[key] }
    func setMeta(_ key: String, _ value: Data) throws { s.meta[key] = value }

    func recordCount() throws -> Int { s.records.count }
    func record(id: RecordID) throws -> StoredRecord? { s.byID[id].map { s.records[$0].record } }
    func record(sourceKey: Data) throws -> StoredRecord? { s.bySource[sourceKey].map { s.records[$0].record } }

    func containsRecord(sourceKey: Data) throws -> Bool {
        s.bySource[sourceKey] != nil || s.removals[sourceKey] != nil
    }

    func records(targeting sourceKey: Data) throws -> [StoredRecord] {
        s.records.map(\.record).filter { $0.targetKey == sourceKey }
            .sorted { ($0.sentAt, $0.ledgerIndex) < ($1.sentAt, $1.ledgerIndex) }
    }

    func records(after position: Int64, limit: Int) throws -> [(position: Int64, record: StoredRecord)] {
        Array(s.records.lazy.filter { $0.position > position }.prefix(limit))
    }

    func insert(_ record: StoredRecord, indexTokens: String) throws {
        guard s.bySource[record.sourceKey] == nil, s.byID[record.id] == nil, s.removals[record.sourceKey] == nil else {
            throw VellumError(.duplicate, "record \(record.id) is already in the archive")
        }
        s.lastPosition += 1
        let position = s.lastPosition
        s.records.append((position, record))
        s.byID[record.id] = s.records.count - 1
        s.bySource[record.sourceKey] = s.records.count - 1
        s.tokens[record.id] = indexTokens
    }

    func indexTokens(of id: RecordID) throws -> String? { s.tokens[id] }

    func search(_ q: IndexQuery) throws -> IndexResult {
        var matches: [(score: Double, block: Int, record: StoredRecord)] = []
        for (_, r) in s.records {
            if !q.channels.isEmpty, !q.channels.contains(r.channel) { continue }
            if !q.conversationKeys.isEmpty, !q.conversationKeys.contains(r.conversationKey) { continue }
            if let since = q.since, r.sentAt < since { continue }
            if let until = q.until, r.sentAt > until { continue }
            if !q.participantKeys.isEmpty, !r.participantKeys.contains(where: q.participantKeys.contains) { continue }
            if q.participantGroups.contains(where: { g in !g.isEmpty && !r.participantKeys.contains(where: g.contains) }) {
                continue
            }
            if !q.senderKeys.isEmpty, !q.senderKeys.contains(r.senderKey) { continue }
            if q.excludeRestricted, s.restrictions[r.id] != nil { continue }
            if !q.recipientKeys.isEmpty,
               q.recipientKeys.contains(r.senderKey) || !r.participantKeys.contains(where: q.recipientKeys.contains)
            {
                continue
            }
            if q.tagGroups.contains(where: { g in !g.isEmpty && !r.tagKeys.contains(where: g.contains) }) { continue }
            if !q.revisedBy.isEmpty {
                let kinds = Set(s.records.filter { $0.record.targetKey == r.sourceKey }.map(\.record.kind))
                if !Set(q.revisedBy).isSubset(of: kinds) { continue }
            }
            if let statuses = q.alertStatuses {
                let alerts = s.alerts.filter { $0.record == r.id }
                if alerts.isEmpty || (!statuses.isEmpty && !alerts.contains(where: { statuses.contains($0.status) })) { continue }
            }
            var score = 0.0
            let doc = (s.tokens[r.id] ?? "").split(separator: " ").map(String.init)
            let positive: [TokenMatch] = q.phrases.map { .phrase($0) } + (q.text.map { [$0] } ?? [])
            if !positive.isEmpty {
                guard let n = TokenMatch.all(positive).score(in: doc) else { continue }
                score = Double(n)
            }
            if let excluded = q.excludedText, excluded.score(in: doc) != nil { continue }
            matches.append((score, 0, r))
        }
        switch q.order {
        case .relevance:
            // Blocks of the newest matches (records are kept in insertion order), each by score.
            let n = matches.count
            if !q.phrases.isEmpty || q.text != nil {
                for i in matches.indices { matches[i].block = (n - 1 - i) / max(1, q.rankingBlock) }
            }
            matches.sort { ($1.block, $0.score, $1.record.sentAt) > ($0.block, $1.score, $0.record.sentAt) }
        case .timeAscending:
            matches.sort { ($0.record.sentAt, $0.record.ledgerIndex) < ($1.record.sentAt, $1.record.ledgerIndex) }
        case .timeDescending:
            matches.sort { ($0.record.sentAt, $0.record.ledgerIndex) > ($1.record.sentAt, $1.record.ledgerIndex) }
        }
        let page = matches.dropFirst(q.offset).prefix(q.limit).map(\.record)
        return IndexResult(total: matches.count, hits: Array(page))
    }

    func indexIntegrityProblems() throws -> [String] { [] }

    func wrappedKey(scope: Data) throws -> Data? { s.keys[scope] }
    func putWrappedKey(_ wrapped: Data, scope: Data) throws {
        if s.keys[scope] == nil { s.keys[scope] = wrapped }
    }

    func ledgerSize() throws -> UInt64 { UInt64(s.ledger.count) }

    func ledgerEntries(from index: UInt64, limit: Int) throws -> [LedgerEntry] {
        guard index < UInt64(s.ledger.count) else { return [] }
        return Array(s.ledger[Int(index) ..< min(s.ledger.count, Int(index) + limit)])
    }

    func ledgerNode(level: Int, index: UInt64) throws -> Data? {
        if level == 0 { return index < UInt64(s.ledger.count) ? s.ledger[Int(index)].leafHash : nil }
        return s.nodeIndex[level]?[index]
    }

    func appendLedger(_ entries: [LedgerEntry], nodes: [MerkleNode]) throws {
        for e in entries {
            guard e.index == UInt64(s.ledger.count) else {
                throw VellumError(.integrity, "ledger entry \(e.index) does not continue a ledger of \(s.ledger.count)")
            }
            s.ledger.append(e)
        }
        for n in nodes { s.nodeIndex[n.level, default: [:]][n.index] = n.hash }
    }

    func treeHeads() throws -> [TreeHead] { s.heads }
    func latestTreeHead() throws -> TreeHead? { s.heads.last }
    func ledgerFrontier() throws -> CompactRange { s.frontier }

    func addTreeHead(_ head: TreeHead, frontier: CompactRange) throws {
        s.heads.append(head)
        s.frontier = frontier
    }

    func quarantineItems() throws -> [QuarantineItem] { s.quarantine }
    func quarantineItem(rawKey: Data) throws -> QuarantineItem? { s.quarantine.first { $0.rawKey == rawKey } }

    func addQuarantine(_ item: QuarantineItem) throws -> Int64 {
        var item = item
        item.id = Int64(s.quarantine.count + 1)
        s.quarantine.append(item)
        return item.id
    }

    func resolveQuarantine(id: Int64, record: RecordID?) throws {
        guard let i = s.quarantine.firstIndex(where: { $0.id == id }) else {
            throw VellumError(.notFound, "no quarantine item \(id)")
        }
        s.quarantine[i].status = .resolved
        s.quarantine[i].resolvedRecord = record
    }

    func employee(identifierKey: Data) throws -> StoredEmployee? {
        s.employees.values.first { $0.identifierKeys.contains(identifierKey) }
    }

    func employees() throws -> [StoredEmployee] { s.employees.values.sorted { $0.key.hexString < $1.key.hexString } }
    func upsertEmployee(_ employee: StoredEmployee) throws { s.employees[employee.key] = employee }
}

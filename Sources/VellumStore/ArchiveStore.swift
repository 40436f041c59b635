public import Foundation
public import VellumCore
public import VellumCrypto

/// The archive's metadata store: records, ledger, blind index, keys, quarantine and directory.
///
/// One seam, not six: a capture batch must land in all of them in one transaction (records, index
/// tokens, ledger leaves and the signed tree head commit together, or not at all), so the store
/// hands out a reader or a writer for the span of one transaction. Writers are serialized; a
/// `write` that throws leaves nothing behind. See docs/decisions/0002-one-transactional-store.md.
public protocol ArchiveStore: Sendable {
    func read<T>(_ body: (any ArchiveReader) throws -> T) throws -> T
    /// Runs `body` in one durable transaction (committed and synced when it returns).
    func write<T>(_ body: (any ArchiveWriter) throws -> T) throws -> T
    /// Reclaims what removals left behind (index segments, freed pages, the write-ahead log), so
    /// deleted bytes do not linger in the files. Run after disposition and erasure, outside a
    /// transaction. Returns false when another reader kept the old pages alive (the next reclaim
    /// or checkpoint finishes the job).
    @discardableResult
    func reclaim() throws -> Bool
    /// Runs `body`, a bulk import of many batches, with the store tuned for throughput over the
    /// latency of other writers (the embedded store checkpoints its write-ahead log less often).
    /// Nothing about durability changes: every commit inside is as durable as any other.
    func bulkLoad<T>(_ body: () throws -> T) throws -> T
}

extension ArchiveStore {
    @discardableResult
    public func reclaim() throws -> Bool { true }
    public func bulkLoad<T>(_ body: () throws -> T) throws -> T { try body() }
}

/// What can be read inside one transaction.
public protocol ArchiveReader: SupervisionReader {
    func meta(_ key: String) throws -> Data?

    func recordCount() throws -> Int
    func record(id: RecordID) throws -> StoredRecord?
    func record(sourceKey: Data) throws -> StoredRecord?
    /// Whether a record with this source key is held, or was held and removed (the pipeline's
    /// duplicate check: a disposed or erased message is never captured again).
    func containsRecord(sourceKey: Data) throws -> Bool
    /// Which of these source keys are held, or were held and removed (one look-up for a batch).
    func containedRecords(sourceKeys: [Data]) throws -> Set<Data>
    /// Edits and recalls whose target is `sourceKey`, oldest first.
    func records(targeting sourceKey: Data) throws -> [StoredRecord]
    /// All records in capture order, paged: those with position > `after` (start with -1).
    func records(after position: Int64, limit: Int) throws -> [(position: Int64, record: StoredRecord)]
    /// The keyed tokens the index holds for a record, space-separated, in text order.
    func indexTokens(of id: RecordID) throws -> String?
    func search(_ query: IndexQuery) throws -> IndexResult

    func wrappedKey(scope: Data) throws -> Data?
    /// The wrapped data keys of these scopes that exist, by scope (one look-up for a batch).
    func wrappedKeys(scopes: [Data]) throws -> [Data: Data]

    func ledgerSize() throws -> UInt64
    func ledgerEntries(from index: UInt64, limit: Int) throws -> [LedgerEntry]
    /// A stored perfect-subtree hash (level ≥ 1), or the leaf hash at level 0.
    func ledgerNode(level: Int, index: UInt64) throws -> Data?
    func treeHeads() throws -> [TreeHead]
    func latestTreeHead() throws -> TreeHead?
    /// The ledger frontier saved with the latest tree head.
    func ledgerFrontier() throws -> CompactRange

    /// Records removed by disposition or erasure, in ledger order, paged: removal entries after `after`.
    func removals(after ledgerIndex: Int64, limit: Int) throws -> [RecordRemoval]
    func removal(id: RecordID) throws -> RecordRemoval?
    func restrictions() throws -> [RecordRestriction]
    func restriction(of id: RecordID) throws -> RecordRestriction?

    func quarantineItems() throws -> [QuarantineItem]
    func quarantineItem(rawKey: Data) throws -> QuarantineItem?

    func employee(identifierKey: Data) throws -> StoredEmployee?
    func employees() throws -> [StoredEmployee]
}

/// What a write transaction adds to reading.
public protocol ArchiveWriter: ArchiveReader, SupervisionWriter {
    func setMeta(_ key: String, _ value: Data) throws
    /// Inserts a record and its index tokens; throws `alreadyExists` for a known source key.
    func insert(_ record: StoredRecord, indexTokens: String) throws
    /// Inserts records in this order (their positions increase in it), all or none: throws
    /// `duplicate`, inserting none of them, when a source key is held, was removed, or repeats in
    /// the batch. A refusal leaves the transaction usable, as the single insert's does.
    func insert(_ records: [IndexedRecord]) throws
    /// Stores a wrapped data key; a scope keeps its first key.
    func putWrappedKey(_ wrapped: Data, scope: Data) throws
    /// Appends leaves (their indexes must continue the ledger) and the perfect-subtree nodes they complete.
    func appendLedger(_ entries: [LedgerEntry], nodes: [MerkleNode]) throws
    func addTreeHead(_ head: TreeHead, frontier: CompactRange) throws
    /// Deletes a record, its participants, index row and index tokens, and the sealed content of
    /// its alerts (the alerts themselves, their actions and ledger entries stay), and keeps `removal`
    /// in its place. Throws `notFound` for an unknown record.
    func remove(_ removal: RecordRemoval) throws
    /// Restricts a record (kept for an obligation after an erasure request); restricting again keeps the first.
    func restrict(_ restriction: RecordRestriction) throws
    func unrestrict(_ id: RecordID) throws
    /// Adds an open quarantine item and returns its id.
    func addQuarantine(_ item: QuarantineItem) throws -> Int64
    func resolveQuarantine(id: Int64, record: RecordID?) throws
    func upsertEmployee(_ employee: StoredEmployee) throws
    /// Runs the index's own consistency checks (which SQLite runs as a write); changes nothing.
    func indexIntegrityProblems() throws -> [String]
}

/// Look-ups of many keys at once: a server database answers each in one statement instead of a
/// round trip per key. The defaults ask one key at a time (as the embedded store does, where that
/// costs nothing); they are requirements above, so a driver's own version is the one called.
extension ArchiveReader {
    public func containedRecords(sourceKeys: [Data]) throws -> Set<Data> {
        Set(try sourceKeys.filter { try containsRecord(sourceKey: $0) })
    }

    public func wrappedKeys(scopes: [Data]) throws -> [Data: Data] {
        var out: [Data: Data] = [:]
        for scope in scopes { out[scope] = try wrappedKey(scope: scope) }
        return out
    }
}

/// The batch insert asks for every duplicate first, so it refuses before inserting anything, then
/// inserts one record at a time (as the embedded stores do, where a statement costs no round trip).
/// It is a requirement above, so a server driver's one-statement version is the one called.
extension ArchiveWriter {
    public func insert(_ records: [IndexedRecord]) throws {
        try refuseDuplicates(records)
        for r in records { try insert(r.record, indexTokens: r.indexTokens) }
    }

    /// Throws `duplicate` for the first record whose source key is held, was removed, or repeats
    /// earlier in `records`, before anything is inserted. (Ids follow from source keys, so a held id
    /// under another source key takes a faulty caller; the single insert still refuses it.)
    public func refuseDuplicates(_ records: [IndexedRecord]) throws {
        let contained = try containedRecords(sourceKeys: records.map(\.record.sourceKey))
        var seen = Set<Data>()
        for r in records.map(\.record) {
            if contained.contains(r.sourceKey) {
                throw try self.record(sourceKey: r.sourceKey) == nil
                    ? VellumError(.duplicate, "record \(r.id) was in the archive and has been removed")
                    : VellumError(.duplicate, "record \(r.id) is already in the archive")
            }
            guard seen.insert(r.sourceKey).inserted else {
                throw VellumError(.duplicate, "record \(r.id) repeats in the batch")
            }
        }
    }
}

extension VellumError.Code {
    public static let duplicate = VellumError.Code("duplicate")
}

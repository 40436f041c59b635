import Synchronization
import Foundation
import VellumCore
import VellumCrypto
import VellumStore

/// The keyed names the archive stores instead of identifiers, and the data keys of scopes.
extension Archive {
    /// A scope's id: scope names repeat on every message of a conversation or person.
    func scopeID(_ name: String) -> Data { memoizedLookupKey(Data(name.utf8), domain: "scope") }
    /// Source keys are not memoized: each message has its own.
    func sourceKey(_ ref: SourceRef) -> Data { keys.lookupKey(ref.canonicalBytes, domain: "source") }
    /// A conversation's key: the same for every account that captures it.
    func conversationKey(_ channel: Channel, conversationID: String) -> Data {
        memoizedLookupKey(Data(SourceRef(channel: channel, nativeID: conversationID).canonicalBytes), domain: "conversation")
    }

    /// ``KeyHierarchy/lookupKey(_:domain:)`` for an input that recurs, remembered (up to 100,000
    /// inputs, then forgotten all at once) for every later message that names it.
    func memoizedLookupKey(_ bytes: Data, domain: String) -> Data {
        let input = LookupInput(domain: domain, bytes: bytes)
        if let hit = lookupMemo.withLock({ $0[input] }) { return hit }
        let key = keys.lookupKey(bytes, domain: domain)
        lookupMemo.withLock { memo in
            if memo.count >= 100_000 { memo.removeAll(keepingCapacity: true) }
            memo[input] = key
        }
        return key
    }
    /// The key of a normalized identifier (`tel:+852…`, `wecom:zhangwei`).
    func identifierKey(_ normalized: String) -> Data { keys.lookupKey(Data(normalized.utf8), domain: "identifier") }

    /// The record id shown to people, derived from the source key (``RecordID/init(sourceKey:)``).
    /// The source key is itself a keyed hash, so the id reveals nothing and costs no second HMAC.
    func recordID(_ ref: SourceRef) -> RecordID { recordID(sourceKey: sourceKey(ref)) }
    func recordID(sourceKey: Data) -> RecordID { RecordID(sourceKey: sourceKey) }

    /// The data key of a scope, created (and durably stored) on first use.
    func dataKey(scope name: String) throws -> DataKey {
        try dataKeys(scopes: [name])[scopeID(name)]!
    }

    /// The data keys of several scopes by scope id; missing ones are created in one transaction
    /// before anything is sealed with them, so concurrent writers always agree on a scope's key.
    func dataKeys(scopes names: some Collection<String>) throws -> [Data: DataKey] {
        let ids = Set(names.map(scopeID))
        var out = cachedDataKeys(ids)
        let missing = ids.subtracting(out.keys)
        guard !missing.isEmpty else { return out }
        let loaded = try store.write { tx in try dataKeys(scopeIDs: missing, in: tx) }
        rememberDataKeys(loaded)
        out.merge(loaded) { a, _ in a }
        return out
    }

    /// The data keys of the scopes this process already holds.
    func cachedDataKeys(_ ids: Set<Data>) -> [Data: DataKey] {
        dataKeys.withLock { cache in ids.reduce(into: [Data: DataKey]()) { $0[$1] = cache[$1] } }
    }

    /// Keeps keys read or created by ``dataKeys(scopeIDs:in:)``. Call it only once their
    /// transaction has committed: a key made in a transaction that rolled back was never stored,
    /// and nothing may be wrapped under it.
    func rememberDataKeys(_ keys: [Data: DataKey]) {
        guard !keys.isEmpty else { return }
        dataKeys.withLock { $0.merge(keys) { a, _ in a } }
    }

    /// The data keys of scopes by id, read or created inside the caller's write transaction.
    /// A scope keeps its first key: the key read back after the insert is the one that counts.
    /// A new scope gets the key `proposed` for it, if any (made while its batch was staged, so
    /// records could be wrapped under it off the writer), else a fresh one.
    func dataKeys(
        scopeIDs ids: Set<Data>, in tx: any ArchiveWriter, proposed: [Data: ProposedScopeKey] = [:]
    ) throws -> [Data: DataKey] {
        guard !ids.isEmpty else { return [:] }
        // In one order, so two servers creating the same scopes never wait on each other in a cycle.
        let scopes = ids.sorted(by: { $0.bytesPrecede($1) })
        var stored = try tx.wrappedKeys(scopes: scopes)
        let new = scopes.filter { stored[$0] == nil }
        for scope in new {
            try tx.putWrappedKey(try proposed[scope]?.wrapped ?? keys.wrap(DataKey.random(), scope: scope), scope: scope)
        }
        // Another server may have stored one since this transaction looked: the key read back
        // after the insert is the one that counts, never the one made here.
        if !new.isEmpty { stored.merge(try tx.wrappedKeys(scopes: new)) { a, _ in a } }
        return try scopes.reduce(into: [Data: DataKey]()) { found, scope in
            guard let wrapped = stored[scope] else {
                throw VellumError(.storage, "the data key of a new scope was not stored")
            }
            if let mine = proposed[scope], mine.wrapped == wrapped {
                found[scope] = mine.key
            } else {
                found[scope] = try keys.unwrap(wrapped, scope: scope)
            }
        }
    }

    /// A key for a scope the archive may not hold yet, wrapped for it. Nothing may stay wrapped
    /// under it unless ``dataKeys(scopeIDs:in:proposed:)`` returns it for that scope.
    func proposeScopeKey(_ scope: Data) throws -> ProposedScopeKey {
        let key = DataKey.random()
        return ProposedScopeKey(key: key, wrapped: try keys.wrap(key, scope: scope))
    }

    /// The data key of an existing scope id, or nil when it was destroyed or never existed.
    /// Pass `reader` when already inside a transaction (stores are not reentrant).
    func existingDataKey(scopeID: Data, reader: (any ArchiveReader)? = nil) throws -> DataKey? {
        if let hit = dataKeys.withLock({ $0[scopeID] }) { return hit }
        let wrapped = try reader.map { try $0.wrappedKey(scope: scopeID) } ?? store.read { try $0.wrappedKey(scope: scopeID) }
        guard let wrapped else { return nil }
        let key = try keys.unwrap(wrapped, scope: scopeID)
        dataKeys.withLock { $0[scopeID] = key }
        return key
    }

    /// The key a record's body, attachments and alerts are sealed under: its own key, unwrapped
    /// with its scope's key (or the scope key itself for records made before keys per record).
    /// Nil when the scope's key was destroyed.
    func recordDataKey(_ record: StoredRecord, reader: (any ArchiveReader)? = nil) throws -> DataKey? {
        guard let scopeKey = try existingDataKey(scopeID: record.scope, reader: reader) else { return nil }
        guard let wrapped = record.recordKey else { return scopeKey }
        return try scopeKey.unwrap(wrapped, context: Self.recordKeyContext(record.id))
    }

    static func recordKeyContext(_ id: RecordID) -> Data { Data("record-key:\(id.rawValue)".utf8) }
    static func recordContext(_ id: RecordID, scope: Data) -> Data { Data("record:\(id.rawValue):".utf8) + scope }
    static func blobContext(scope: Data) -> Data { Data("blob:".utf8) + scope }
    static func alertContext(_ id: RecordID) -> Data { Data("alert:\(id.rawValue)".utf8) }
    static func alertNoteContext(_ alert: Int64) -> Data { Data("alert-note:\(alert)".utf8) }

    /// Opens a stored record: decrypts, checks the commitment, decodes.
    func open(_ record: StoredRecord, reader: (any ArchiveReader)? = nil) throws -> OpenedRecord {
        guard let key = try recordDataKey(record, reader: reader) else {
            throw VellumError(.notFound, "the data key of record \(record.id) is gone")
        }
        let plain = try key.open(record.body, context: Self.recordContext(record.id, scope: record.scope))
        return try OpenedRecord(plaintext: plain)
    }
}

/// What a keyed look-up was made of: its domain and its input.
struct LookupInput: Hashable {
    var domain: String
    var bytes: Data
}

/// A data key made for a new scope before its transaction, and its wrapped form to store.
struct ProposedScopeKey: Sendable {
    var key: DataKey
    var wrapped: Data
}

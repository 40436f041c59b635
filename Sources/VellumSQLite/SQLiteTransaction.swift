import Foundation
import GRDB
import VellumCore
import VellumCrypto
import VellumStore

/// One transaction on the embedded database; reads and writes through cached statements.
struct SQLiteTransaction: ArchiveWriter {
    let db: Database
    /// When the source-key index's upper tiers move down (``SourceKeyTiers``).
    var sourceKeyTiers = SourceKeyTiers.standard

    static let recordColumns = """
        position, id, source_key, channel, kind, target_key, conversation_key, sender_key, sent_at, \
        captured_at, scope, body, commitment, ledger_index, blob_refs, record_key
        """
    /// What ``decodeRecord(_:offset:)`` reads: the columns above (as migration v7 knew them), then
    /// the record's facets (participants and tags; ``RecordFacets``).
    static let readColumns = recordColumns + ", facets"

    // MARK: meta

    func meta(_ key: String) throws -> Data? {
        try Data.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE key = ?"), arguments: [key])
    }

    func setMeta(_ key: String, _ value: Data) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)").execute(arguments: [key, value])
    }

    // MARK: records

    func recordCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM records") ?? 0
    }

    func record(id: RecordID) throws -> StoredRecord? {
        guard let match = Self.match(id) else { return nil }
        return try fetchRecords("WHERE \(match.sql)", match.arguments).first?.record
    }

    /// The condition that finds the record with `id`, nil when no record can have it. Ids are
    /// derived from source keys (``RecordID/init(sourceKey:)``), so the source-key index answers
    /// a look-up by id: the records whose key starts with the bytes the id shows, narrowed to the
    /// id. `records.id` has no index of its own — a second random-keyed index cost every insert a
    /// page of write-ahead log (decision 0021); the source keys are indexed in tiers (0029).
    static func match(_ id: RecordID) -> (sql: String, arguments: StatementArguments)? {
        guard let prefix = id.sourceKeyPrefix else { return nil }
        return ("position IN (SELECT position FROM source_keys WHERE source_key BETWEEN ? AND ?) AND id = ?",
                [prefix, ceiling(prefix), id.rawValue])
    }

    /// The greatest key that starts with `prefix` (keys are far shorter than 64 bytes).
    static func ceiling(_ prefix: Data) -> Data { prefix + Data(repeating: 0xFF, count: 64) }

    /// `record_key_floor(id)` and `record_key_ceiling(id)`: the bounds of ``match(_:)`` for
    /// joins on an id column (NULL when no record can have the id, which matches nothing).
    static let keyBoundFunctions = [
        DatabaseFunction("record_key_floor", argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).flatMap { RecordID($0).sourceKeyPrefix }
        },
        DatabaseFunction("record_key_ceiling", argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).flatMap { RecordID($0).sourceKeyPrefix }.map(ceiling)
        },
    ]

    func position(of id: RecordID) throws -> Int64? {
        guard let match = Self.match(id) else { return nil }
        return try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT position FROM records WHERE \(match.sql)"), arguments: match.arguments)
    }

    func record(sourceKey: Data) throws -> StoredRecord? {
        try fetchRecords("WHERE " + Self.bySourceKeySQL, [sourceKey]).first?.record
    }

    static let bySourceKeySQL = "position IN (SELECT position FROM source_keys WHERE source_key = ?1) AND source_key = ?1"

    static let containsRecordSQL = """
        SELECT EXISTS(SELECT 1 FROM source_keys WHERE source_key = ?1)
            OR EXISTS(SELECT 1 FROM removed_records WHERE source_key = ?1)
        """

    func containsRecord(sourceKey: Data) throws -> Bool {
        try DirectSQL.integer(db, Self.containsRecordSQL, [.blob(sourceKey)]) == 1
    }

    /// Staging asks this for every message of a batch (thousands on an import): one statement,
    /// bound directly, probed in key order so that consecutive probes share the index's pages.
    func containedRecords(sourceKeys: [Data]) throws -> Set<Data> {
        var held = Set<Data>()
        for key in sourceKeys.sorted(by: { $0.bytesPrecede($1) }) where try containsRecord(sourceKey: key) {
            held.insert(key)
        }
        return held
    }

    func records(targeting sourceKey: Data) throws -> [StoredRecord] {
        try fetchRecords("WHERE target_key = ? ORDER BY sent_at, ledger_index", [sourceKey]).map(\.record)
    }

    func records(after position: Int64, limit: Int) throws -> [(position: Int64, record: StoredRecord)] {
        try fetchRecords("WHERE position > ? ORDER BY position LIMIT ?", [position, limit])
    }

    func fetchRecords(_ clause: String, _ arguments: StatementArguments) throws -> [(position: Int64, record: StoredRecord)] {
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT \(Self.readColumns) FROM records \(clause)"), arguments: arguments)
        return try rows.map { row in (row[0], try decodeRecord(row, offset: 0)) }
    }

    func decodeRecord(_ row: Row, offset o: Int) throws -> StoredRecord {
        let position: Int64 = row[o]
        let channelName: String = row[o + 3]
        let kindName: String = row[o + 4]
        guard let channel = Channel(rawValue: channelName), let kind = RecordKind(rawValue: kindName) else {
            throw VellumError(.integrity, "record row \(position) has an unknown channel or kind")
        }
        // Damaged facets read as none: `verify` then names the record (its participants and tags
        // no longer match its sealed content) and the facet index, rather than stopping.
        let facets = RecordFacets.keys(in: row[o + 16]) ?? [:]
        let refs: String = row[o + 14]
        return StoredRecord(
            id: RecordID(row[o + 1]), sourceKey: row[o + 2], channel: channel, kind: kind, targetKey: row[o + 5],
            conversationKey: row[o + 6], senderKey: row[o + 7], participantKeys: facets[.participant] ?? [], sentAt: row[o + 8],
            capturedAt: row[o + 9], scope: row[o + 10], body: row[o + 11], commitment: row[o + 12],
            ledgerIndex: UInt64(row[o + 13] as Int64), blobRefs: refs.split(separator: " ").map(String.init),
            recordKey: row[o + 15], tagKeys: facets[.tag] ?? [])
    }

    func insert(_ r: StoredRecord, indexTokens: String) throws {
        try refuse(r)
        try insertChecked(r, indexTokens: indexTokens)
        try settleSourceKeys()
    }

    /// Every record is checked before any is inserted, one statement each (the protocol's default
    /// asked four: held, removed, then both again in the single insert), then all are inserted.
    /// The records are read in place: a `for … in` loop copies each one, retaining every field.
    func insert(_ records: [IndexedRecord]) throws {
        var seen = Set<Data>()
        try records.withUnsafeBufferPointer { batch in
            for i in batch.indices {
                try refuse(batch[i].record)
                guard seen.insert(batch[i].record.sourceKey).inserted else {
                    throw VellumError(.duplicate, "record \(batch[i].record.id) repeats in the batch")
                }
            }
            for i in batch.indices { try insertChecked(batch[i].record, indexTokens: batch[i].indexTokens) }
        }
        try settleSourceKeys()
    }

    /// Throws unless `r` may be inserted: its id must follow from its source key, and no record may
    /// hold that id (the same key, or another key with the same first ten bytes) or have been removed.
    func refuse(_ r: StoredRecord) throws {
        guard !r.sourceKey.isEmpty, r.id == RecordID(sourceKey: r.sourceKey) else {
            throw VellumError(.invalidInput, "record \(r.id) does not have the id its source key gives")
        }
        // The id shows these bytes (``RecordID/sourceKeyPrefix``), taken from the key rather than
        // parsed back out of the id's hexadecimal: this runs for every record of an import.
        let prefix = Data(r.sourceKey.prefix(RecordID.sourceKeyPrefixLength))
        // Any key that starts with them gives the same id. Bound directly: this runs once per
        // record of an import.
        let found = try DirectSQL.integer(db, """
            SELECT CASE
                WHEN EXISTS(SELECT 1 FROM removed_records WHERE source_key = ?) THEN 2
                WHEN EXISTS(SELECT 1 FROM source_keys WHERE source_key BETWEEN ? AND ?) THEN 1
                ELSE 0 END
            """, [.blob(r.sourceKey), .blob(prefix), .blob(Self.ceiling(prefix))]) ?? 0
        if found == 2 { throw VellumError(.duplicate, "record \(r.id) was in the archive and has been removed") }
        if found == 1 { throw VellumError(.duplicate, "record \(r.id) is already in the archive") }
    }

    /// Inserts a record ``refuse(_:)`` let through.
    private func insertChecked(_ r: StoredRecord, indexTokens: String) throws {
        let facets = RecordFacets.document(participants: r.participantKeys, tags: r.tagKeys, conversation: r.conversationKey)
        try DirectSQL.run(db, """
            INSERT INTO records(id, source_key, channel, kind, target_key, conversation_key, sender_key, sent_at,
                captured_at, scope, body, commitment, ledger_index, blob_refs, record_key, facets)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [
                .text(r.id.rawValue), .blob(r.sourceKey), .text(r.channel.rawValue), .text(r.kind.rawValue),
                DirectValue(r.targetKey), .blob(r.conversationKey), .blob(r.senderKey), .integer(r.sentAt),
                .integer(r.capturedAt), .blob(r.scope), .blob(r.body), .blob(r.commitment),
                .integer(Int64(r.ledgerIndex)), .text(r.blobRefs.joined(separator: " ")), DirectValue(r.recordKey),
                .text(facets),
            ])
        let position = db.lastInsertedRowID
        do {
            try indexSourceKey(r.sourceKey, position: position)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            // The recent tier's primary key is the last duplicate check; the record goes again.
            try DirectSQL.run(db, "DELETE FROM records WHERE position = ?", [.integer(position)])
            throw VellumError(.duplicate, "record \(r.id) is already in the archive")
        }
        try DirectSQL.run(db, "INSERT INTO record_facets(rowid, facets) VALUES (?, ?)", [.integer(position), .text(facets)])
        try DirectSQL.run(db, "INSERT INTO index_docs(position, tokens) VALUES (?, ?)", [.integer(position), .text(indexTokens)])
        try DirectSQL.run(db, "INSERT INTO message_index(rowid, tokens) VALUES (?, ?)", [.integer(position), .text(indexTokens)])
    }

    func indexTokens(of id: RecordID) throws -> String? {
        guard let position = try position(of: id) else { return nil }
        return try String.fetchOne(
            db.cachedStatement(sql: "SELECT tokens FROM index_docs WHERE position = ?"), arguments: [position])
    }

    /// FTS5's own structural check, then the index's vocabulary (documents and occurrences per
    /// token) compared with a count over the content rows: SQLite 3.40 cannot compare them itself.
    /// The same for the facets (decision 0026), whose documents must also name the conversation
    /// their record's row names.
    func indexIntegrityProblems() throws -> [String] {
        var problems: [String] = []
        for (table, what) in [("message_index", "full-text index"), ("record_facets", "facet index")] {
            do {
                try db.execute(sql: "INSERT INTO \(table)(\(table)) VALUES('integrity-check')")
            } catch {
                problems.append("the \(what) is damaged: \(error)")
            }
        }
        if problems.isEmpty {
            let words = try vocabularyMismatches(
                content: "SELECT tokens FROM index_docs", vocabulary: "message_index_vocab", occurrences: true)
            if words > 0 { problems.append("the full-text index disagrees with its content rows on \(words) tokens") }
            let facets = try vocabularyMismatches(
                content: "SELECT facets FROM records", vocabulary: "record_facets_vocab", occurrences: false)
            if facets > 0 { problems.append("the facet index disagrees with the records on \(facets) tokens") }
        }
        problems += try sourceKeyIndexProblems()
        let rows = try Row.fetchCursor(db, sql: "SELECT position, conversation_key, facets FROM records")
        var unmatched = 0
        while let row = try rows.next() {
            let conversation: Data = row[1]
            if RecordFacets.keys(in: row[2])?[.conversation] != [conversation] { unmatched += 1 }
        }
        if unmatched > 0 { problems.append("\(unmatched) records' facets do not name their conversation") }
        return problems
    }

    /// How many tokens the vocabulary table and a count over the content disagree on: documents
    /// per token, and occurrences too when the index keeps them (`detail=none` does not).
    func vocabularyMismatches(content: String, vocabulary: String, occurrences: Bool) throws -> Int {
        var expected: [String: (docs: Int, count: Int)] = [:]
        let rows = try String.fetchCursor(db, sql: content)
        while let tokens = try rows.next() {
            var seen = Set<Substring>()
            for t in tokens.split(separator: " ") {
                let first = seen.insert(t).inserted
                expected[String(t), default: (0, 0)].count += 1
                if first { expected[String(t)]!.docs += 1 }
            }
        }
        var mismatches = 0
        let vocab = try Row.fetchCursor(db, sql: "SELECT term, doc, cnt FROM \(vocabulary)")
        while let row = try vocab.next() {
            let term: String = row[0]
            guard let e = expected.removeValue(forKey: term), e.docs == row[1] as Int,
                  !occurrences || e.count == row[2] as Int
            else {
                mismatches += 1
                continue
            }
        }
        return mismatches + expected.count
    }

    // MARK: keys

    func wrappedKey(scope: Data) throws -> Data? {
        try Data.fetchOne(db.cachedStatement(sql: "SELECT wrapped FROM data_keys WHERE scope = ?"), arguments: [scope])
    }

    func putWrappedKey(_ wrapped: Data, scope: Data) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO data_keys(scope, wrapped) VALUES (?, ?)")
            .execute(arguments: [scope, wrapped])
    }
}

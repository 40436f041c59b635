import Foundation
import NIOCore
import PostgresNIO
import VellumCore
import VellumStore

/// Records: insert (with participants, tags and index row, in one statement) and reads.
extension PostgresTransaction {
    /// The columns ``decodeRecords(_:)`` reads, over `records r`: participants and tags come as
    /// sorted `bytea[]` (byte order, as SQLite sorts blobs).
    static let recordColumns = """
        r.position, r.id, r.source_key, r.channel, r.kind, r.target_key, r.conversation_key, r.sender_key,
        r.sent_at, r.captured_at, r.scope, r.body, r.commitment, r.ledger_index, r.blob_refs, r.record_key,
        ARRAY(SELECT p.party_key FROM record_participants p WHERE p.position = r.position ORDER BY p.party_key),
        ARRAY(SELECT t.tag_key FROM record_tags t WHERE t.position = r.position ORDER BY t.tag_key)
        """

    typealias RecordRow = (
        Int64, String, Data, String, String, Data?, Data, Data, Int64, Int64, Data, Data, Data, Int64, String, Data?,
        [ByteBuffer], [ByteBuffer]
    )

    func recordCount() throws -> Int {
        try value("SELECT count(*) FROM records", as: Int.self) ?? 0
    }

    func record(id: RecordID) throws -> StoredRecord? {
        try fetchRecords("SELECT \(unescaped: Self.recordColumns) FROM records r WHERE r.id = \(id.rawValue)")
            .first?.record
    }

    func record(sourceKey: Data) throws -> StoredRecord? {
        try fetchRecords("SELECT \(unescaped: Self.recordColumns) FROM records r WHERE r.source_key = \(sourceKey)")
            .first?.record
    }

    func containsRecord(sourceKey: Data) throws -> Bool {
        try value(
            """
            SELECT EXISTS(SELECT 1 FROM records WHERE source_key = \(sourceKey))
                OR EXISTS(SELECT 1 FROM removed_records WHERE source_key = \(sourceKey))
            """, as: Bool.self) == true
    }

    func containedRecords(sourceKeys: [Data]) throws -> Set<Data> {
        guard !sourceKeys.isEmpty else { return [] }
        var s = PostgresStatement()
        let keys = try s.bind(keys: sourceKeys)
        s.append("""
            SELECT source_key FROM records WHERE source_key = ANY(\(keys))
            UNION SELECT source_key FROM removed_records WHERE source_key = ANY(\(keys))
            """)
        return Set(try rows(s.query, as: Data.self).map { $0 })
    }

    func records(targeting sourceKey: Data) throws -> [StoredRecord] {
        try fetchRecords(
            """
            SELECT \(unescaped: Self.recordColumns) FROM records r WHERE r.target_key = \(sourceKey)
            ORDER BY r.sent_at, r.ledger_index, r.position
            """
        ).map(\.record)
    }

    func records(after position: Int64, limit: Int) throws -> [(position: Int64, record: StoredRecord)] {
        try fetchRecords(
            """
            SELECT \(unescaped: Self.recordColumns) FROM records r WHERE r.position > \(position)
            ORDER BY r.position LIMIT \(limit)
            """)
    }

    func fetchRecords(_ query: PostgresQuery, fileID: String = #fileID, line: Int = #line) throws
        -> [(position: Int64, record: StoredRecord)]
    {
        try rows(query, as: RecordRow.self, fileID: fileID, line: line).map { try Self.decodeRecord($0) }
    }

    static func decodeRecord(_ row: RecordRow) throws -> (position: Int64, record: StoredRecord) {
        guard let channel = Channel(rawValue: row.3), let kind = RecordKind(rawValue: row.4) else {
            throw VellumError(.integrity, "record row \(row.0) has an unknown channel or kind")
        }
        let record = StoredRecord(
            id: RecordID(row.1), sourceKey: row.2, channel: channel, kind: kind, targetKey: row.5, conversationKey: row.6,
            senderKey: row.7, participantKeys: PostgresKeys.data(row.16), sentAt: row.8, capturedAt: row.9,
            scope: row.10, body: row.11, commitment: row.12, ledgerIndex: UInt64(row.13),
            blobRefs: row.14.split(separator: " ").map(String.init), recordKey: row.15,
            tagKeys: PostgresKeys.data(row.17))
        return (row.0, record)
    }

    /// One statement: the record (unless its id or source key is known, or it was removed), its
    /// participants, tags and index row. A refusal leaves the transaction usable, unlike a
    /// constraint error, so a caller may go on after a duplicate.
    func insert(_ r: StoredRecord, indexTokens: String) throws {
        let participants = PostgresKeys.array(r.participantKeys)
        let tags = PostgresKeys.array(r.tagKeys)
        let inserted = try value(
            """
            WITH r AS (
                INSERT INTO records(id, source_key, channel, kind, target_key, conversation_key, sender_key, sent_at,
                    captured_at, scope, body, commitment, ledger_index, blob_refs, record_key)
                SELECT \(r.id.rawValue), \(r.sourceKey), \(r.channel.rawValue), \(r.kind.rawValue), \(r.targetKey)::bytea,
                    \(r.conversationKey), \(r.senderKey), \(r.sentAt), \(r.capturedAt), \(r.scope), \(r.body),
                    \(r.commitment), \(Int64(r.ledgerIndex)), \(r.blobRefs.joined(separator: " ")), \(r.recordKey)::bytea
                WHERE NOT EXISTS (SELECT 1 FROM removed_records WHERE source_key = \(r.sourceKey))
                ON CONFLICT DO NOTHING
                RETURNING position),
            p AS (
                INSERT INTO record_participants(party_key, position)
                SELECT DISTINCT k, r.position FROM r, unnest(\(participants)::bytea[]) AS k ON CONFLICT DO NOTHING),
            t AS (
                INSERT INTO record_tags(tag_key, position)
                SELECT DISTINCT k, r.position FROM r, unnest(\(tags)::bytea[]) AS k ON CONFLICT DO NOTHING),
            d AS (INSERT INTO index_docs(position, tokens) SELECT r.position, \(indexTokens) FROM r),
            m AS (
                INSERT INTO message_index(position, document)
                SELECT r.position, keyed_tokens_tsvector(\(indexTokens)) FROM r)
            SELECT position FROM r
            """, as: Int64.self)
        guard inserted == nil else { return }
        if try value("SELECT 1 FROM removed_records WHERE source_key = \(r.sourceKey)", as: Int.self) != nil {
            throw VellumError(.duplicate, "record \(r.id) was in the archive and has been removed")
        }
        throw VellumError(.duplicate, "record \(r.id) is already in the archive")
    }
}

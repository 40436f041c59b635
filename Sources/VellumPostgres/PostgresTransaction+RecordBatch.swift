import Foundation
import NIOCore
import PostgresNIO
import VellumCore
import VellumStore

/// A batch of records in one statement: a round trip per record bound PostgreSQL ingest (issue 9).
///
/// Each column travels as one array parameter and `unnest … WITH ORDINALITY` turns them back
/// into rows; participants and tags travel flattened, each key beside its record's ordinal. Why
/// not COPY: see docs/decisions/0016-postgres-batch-insert-with-unnest.md.
extension PostgresTransaction {
    /// One statement: refuse the whole batch when a source key (or id) is held, was removed, or
    /// repeats in it; otherwise insert the records in order, then their participants, tags and
    /// index rows. A refusal inserts nothing and raises no constraint error, so the transaction
    /// stays usable (as with the single insert).
    func insert(_ batch: [IndexedRecord]) throws {
        guard !batch.isEmpty else { return }
        let columns = RecordBatchColumns(batch)
        let inserted = try value(
            """
            WITH input AS (
                SELECT * FROM unnest(
                    \(columns.ids)::text[], \(columns.sourceKeys)::bytea[], \(columns.channels)::text[],
                    \(columns.kinds)::text[], \(columns.hasTarget)::bool[], \(columns.targetKeys)::bytea[],
                    \(columns.conversationKeys)::bytea[], \(columns.senderKeys)::bytea[], \(columns.sentAt)::bigint[],
                    \(columns.capturedAt)::bigint[], \(columns.scopes)::bytea[], \(columns.bodies)::bytea[],
                    \(columns.commitments)::bytea[], \(columns.ledgerIndexes)::bigint[], \(columns.blobRefs)::text[],
                    \(columns.hasRecordKey)::bool[], \(columns.recordKeys)::bytea[], \(columns.tokens)::text[])
                WITH ORDINALITY AS i(id, source_key, channel, kind, has_target, target_key, conversation_key,
                    sender_key, sent_at, captured_at, scope, body, commitment, ledger_index, blob_refs,
                    has_record_key, record_key, tokens, n)),
            refused AS (
                (SELECT 1 FROM input i WHERE EXISTS (SELECT 1 FROM records WHERE source_key = i.source_key)
                    OR EXISTS (SELECT 1 FROM records WHERE id = i.id)
                    OR EXISTS (SELECT 1 FROM removed_records WHERE source_key = i.source_key)
                UNION ALL SELECT 1 FROM input GROUP BY source_key HAVING count(*) > 1
                UNION ALL SELECT 1 FROM input GROUP BY id HAVING count(*) > 1)
                LIMIT 1),
            r AS (
                INSERT INTO records(id, source_key, channel, kind, target_key, conversation_key, sender_key, sent_at,
                    captured_at, scope, body, commitment, ledger_index, blob_refs, record_key)
                SELECT id, source_key, channel, kind, CASE WHEN has_target THEN target_key END, conversation_key,
                    sender_key, sent_at, captured_at, scope, body, commitment, ledger_index, blob_refs,
                    CASE WHEN has_record_key THEN record_key END
                FROM input WHERE NOT EXISTS (SELECT 1 FROM refused)
                ORDER BY n
                ON CONFLICT DO NOTHING
                RETURNING position, source_key),
            k AS (SELECT r.position, i.n, i.tokens FROM r JOIN input i ON i.source_key = r.source_key),
            p AS (
                INSERT INTO record_participants(party_key, position)
                SELECT DISTINCT u.key, k.position
                FROM unnest(\(columns.participantOrdinals)::bigint[], \(columns.participantKeys)::bytea[]) AS u(n, key)
                JOIN k ON k.n = u.n
                ON CONFLICT DO NOTHING),
            t AS (
                INSERT INTO record_tags(tag_key, position)
                SELECT DISTINCT u.key, k.position
                FROM unnest(\(columns.tagOrdinals)::bigint[], \(columns.tagKeys)::bytea[]) AS u(n, key)
                JOIN k ON k.n = u.n
                ON CONFLICT DO NOTHING),
            d AS (INSERT INTO index_docs(position, tokens) SELECT position, tokens FROM k),
            m AS (INSERT INTO message_index(position, document) SELECT position, keyed_tokens_tsvector(tokens) FROM k)
            SELECT count(*) FROM r
            """, as: Int.self) ?? 0
        if inserted == batch.count { return }
        if inserted == 0 {
            // Refused (or every row taken by a writer that committed meanwhile): name the first
            // duplicate as the single insert would.
            try refuseDuplicates(batch)
            throw VellumError(.duplicate, "a record of the batch is already in the archive")
        }
        // Some rows inserted, some skipped by ON CONFLICT after the check passed: only a writer that
        // does not take ledger_head first could race us. Not all-or-none any more, so the caller's
        // transaction must not commit; an integrity error is one no caller carries on after.
        throw VellumError(
            .integrity, "a concurrent insert took \(batch.count - inserted) of \(batch.count) records of the batch")
    }
}

/// A batch of records as one array per column, for `unnest` (arrays cannot hold NULL through
/// PostgresNIO, so optional keys travel beside a flag saying whether they are there).
struct RecordBatchColumns {
    var ids: [String] = []
    var sourceKeys: [ByteBuffer] = []
    var channels: [String] = []
    var kinds: [String] = []
    var hasTarget: [Bool] = []
    var targetKeys: [ByteBuffer] = []
    var conversationKeys: [ByteBuffer] = []
    var senderKeys: [ByteBuffer] = []
    var sentAt: [Int64] = []
    var capturedAt: [Int64] = []
    var scopes: [ByteBuffer] = []
    var bodies: [ByteBuffer] = []
    var commitments: [ByteBuffer] = []
    var ledgerIndexes: [Int64] = []
    var blobRefs: [String] = []
    var hasRecordKey: [Bool] = []
    var recordKeys: [ByteBuffer] = []
    var tokens: [String] = []
    /// Each participant key beside the 1-based ordinal of its record in the batch.
    var participantOrdinals: [Int64] = []
    var participantKeys: [ByteBuffer] = []
    var tagOrdinals: [Int64] = []
    var tagKeys: [ByteBuffer] = []

    init(_ batch: [IndexedRecord]) {
        for (offset, item) in batch.enumerated() {
            let r = item.record
            let ordinal = Int64(offset + 1)
            ids.append(r.id.rawValue)
            sourceKeys.append(ByteBuffer(bytes: r.sourceKey))
            channels.append(r.channel.rawValue)
            kinds.append(r.kind.rawValue)
            hasTarget.append(r.targetKey != nil)
            targetKeys.append(ByteBuffer(bytes: r.targetKey ?? Data()))
            conversationKeys.append(ByteBuffer(bytes: r.conversationKey))
            senderKeys.append(ByteBuffer(bytes: r.senderKey))
            sentAt.append(r.sentAt)
            capturedAt.append(r.capturedAt)
            scopes.append(ByteBuffer(bytes: r.scope))
            bodies.append(ByteBuffer(bytes: r.body))
            commitments.append(ByteBuffer(bytes: r.commitment))
            ledgerIndexes.append(Int64(r.ledgerIndex))
            blobRefs.append(r.blobRefs.joined(separator: " "))
            hasRecordKey.append(r.recordKey != nil)
            recordKeys.append(ByteBuffer(bytes: r.recordKey ?? Data()))
            tokens.append(item.indexTokens)
            participantOrdinals += repeatElement(ordinal, count: r.participantKeys.count)
            participantKeys += PostgresKeys.array(r.participantKeys)
            tagOrdinals += repeatElement(ordinal, count: r.tagKeys.count)
            tagKeys += PostgresKeys.array(r.tagKeys)
        }
    }
}

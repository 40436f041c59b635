import GRDB

/// The embedded archive's schema, as GRDB migrations.
///
/// The full-text index is an external-content FTS5 table over `index_docs`, whose rows hold
/// keyed tokens only (see BlindIndexKey): FTS5's `ascii` tokenizer splits them, bm25 ranks them,
/// and `integrity-check` can compare the index with its content.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
                CREATE TABLE records(
                    position INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    source_key BLOB NOT NULL UNIQUE,
                    channel TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    target_key BLOB,
                    conversation_key BLOB NOT NULL,
                    sender_key BLOB NOT NULL,
                    sent_at INTEGER NOT NULL,
                    captured_at INTEGER NOT NULL,
                    scope BLOB NOT NULL,
                    body BLOB NOT NULL,
                    commitment BLOB NOT NULL,
                    ledger_index INTEGER NOT NULL,
                    blob_refs TEXT NOT NULL);
                CREATE INDEX records_target ON records(target_key) WHERE target_key IS NOT NULL;
                CREATE INDEX records_sent ON records(sent_at);
                CREATE INDEX records_conversation ON records(conversation_key, sent_at);
                CREATE TABLE record_participants(
                    party_key BLOB NOT NULL, position INTEGER NOT NULL,
                    PRIMARY KEY(party_key, position)) WITHOUT ROWID;
                CREATE INDEX record_participants_position ON record_participants(position);
                CREATE TABLE index_docs(position INTEGER PRIMARY KEY, tokens TEXT NOT NULL);
                CREATE VIRTUAL TABLE message_index USING fts5(
                    tokens, content='index_docs', content_rowid='position', tokenize='ascii');
                CREATE VIRTUAL TABLE message_index_vocab USING fts5vocab(message_index, row);
                CREATE TABLE data_keys(scope BLOB PRIMARY KEY, wrapped BLOB NOT NULL) WITHOUT ROWID;
                CREATE TABLE ledger(idx INTEGER PRIMARY KEY, payload BLOB NOT NULL, leaf_hash BLOB NOT NULL);
                CREATE TABLE ledger_nodes(
                    level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL,
                    PRIMARY KEY(level, idx)) WITHOUT ROWID;
                CREATE TABLE tree_heads(
                    seq INTEGER PRIMARY KEY, size INTEGER NOT NULL, root BLOB NOT NULL,
                    timestamp INTEGER NOT NULL, signature BLOB NOT NULL, frontier BLOB NOT NULL);
                CREATE TABLE quarantine(
                    id INTEGER PRIMARY KEY, received_at INTEGER NOT NULL, format TEXT NOT NULL,
                    reason TEXT NOT NULL, raw_key BLOB NOT NULL UNIQUE, sealed BLOB NOT NULL,
                    status TEXT NOT NULL, ledger_index INTEGER NOT NULL, resolved_record TEXT);
                CREATE TABLE employees(key BLOB PRIMARY KEY, sealed BLOB NOT NULL) WITHOUT ROWID;
                CREATE TABLE employee_identifiers(
                    identifier_key BLOB PRIMARY KEY, employee_key BLOB NOT NULL) WITHOUT ROWID;
                """)
        }
        m.registerMigration("v2-supervision") { db in
            try db.execute(sql: """
                CREATE TABLE alerts(
                    id INTEGER PRIMARY KEY,
                    record_id TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    status TEXT NOT NULL,
                    assignee TEXT,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    scope BLOB NOT NULL,
                    sealed BLOB NOT NULL,
                    ledger_index INTEGER NOT NULL,
                    UNIQUE(record_id, rule));
                CREATE INDEX alerts_status ON alerts(status, created_at);
                CREATE TABLE alert_actions(
                    id INTEGER PRIMARY KEY,
                    alert_id INTEGER NOT NULL REFERENCES alerts(id),
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    sealed_note BLOB,
                    ledger_index INTEGER NOT NULL);
                CREATE INDEX alert_actions_alert ON alert_actions(alert_id, id);
                CREATE TABLE usage_days(
                    employee_key BLOB NOT NULL, channel TEXT NOT NULL, day TEXT NOT NULL,
                    sent INTEGER NOT NULL, received INTEGER NOT NULL,
                    first_at INTEGER NOT NULL, last_at INTEGER NOT NULL,
                    PRIMARY KEY(employee_key, channel, day)) WITHOUT ROWID;
                CREATE INDEX usage_days_day ON usage_days(day);
                CREATE TABLE capture_accounts(
                    channel TEXT NOT NULL, account_key BLOB NOT NULL, sealed_name BLOB NOT NULL,
                    first_at INTEGER NOT NULL, last_at INTEGER NOT NULL, messages INTEGER NOT NULL,
                    PRIMARY KEY(channel, account_key)) WITHOUT ROWID;
                """)
        }
        m.registerMigration("v3-removal") { db in
            // Keys per record (wrapped under the scope key), removals that keep their place in the
            // ledger's story, and restrictions kept after an erasure request.
            try db.execute(sql: """
                ALTER TABLE records ADD COLUMN record_key BLOB;
                CREATE TABLE removed_records(
                    source_key BLOB PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    commitment BLOB NOT NULL,
                    capture_index INTEGER NOT NULL,
                    ledger_index INTEGER NOT NULL,
                    reason TEXT NOT NULL,
                    at INTEGER NOT NULL) WITHOUT ROWID;
                CREATE INDEX removed_records_ledger ON removed_records(ledger_index);
                CREATE TABLE restricted_records(
                    id TEXT PRIMARY KEY, request TEXT NOT NULL, since INTEGER NOT NULL) WITHOUT ROWID;
                CREATE INDEX alerts_record ON alerts(record_id);
                """)
        }
        m.registerMigration("v4-tags-recipients") { db in
            // Keyed tags derived from content at capture, for `has:`, `kind:` and `detector:`.
            try db.execute(sql: """
                CREATE TABLE record_tags(
                    tag_key BLOB NOT NULL, position INTEGER NOT NULL,
                    PRIMARY KEY(tag_key, position)) WITHOUT ROWID;
                CREATE INDEX record_tags_position ON record_tags(position);
                CREATE TABLE retail_recipients(
                    sender_key BLOB NOT NULL, recipient_key BLOB NOT NULL, last_at INTEGER NOT NULL,
                    PRIMARY KEY(sender_key, recipient_key)) WITHOUT ROWID;
                """)
        }
        m.registerMigration("v5-accounts") { db in
            // Staff who sign in to the server, their sessions (token hashes only) and API tokens.
            try db.execute(sql: """
                CREATE TABLE staff_accounts(
                    id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
                    password_hash TEXT NOT NULL, created_at INTEGER NOT NULL, disabled INTEGER NOT NULL DEFAULT 0
                ) WITHOUT ROWID;
                CREATE TABLE staff_sessions(
                    token_hash BLOB PRIMARY KEY, account_id TEXT NOT NULL REFERENCES staff_accounts(id),
                    csrf_token TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
                    last_seen INTEGER NOT NULL) WITHOUT ROWID;
                CREATE INDEX staff_sessions_account ON staff_sessions(account_id);
                CREATE TABLE api_tokens(
                    id TEXT PRIMARY KEY, token_hash BLOB NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL,
                    created_by TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER, revoked_at INTEGER
                ) WITHOUT ROWID;
                """)
        }
        m.registerMigration("v6-leases") { db in
            // Which server runs a job that must not run twice (docs/decisions/0015-job-leases.md).
            try db.execute(sql: """
                CREATE TABLE leases(name TEXT PRIMARY KEY, holder TEXT NOT NULL, until INTEGER NOT NULL) WITHOUT ROWID;
                """)
        }
        m.registerMigration("v7-records-without-id-index") { db in
            // Ids are derived from source keys, so the source-key index finds a record by id; the
            // second random-keyed index cost every insert a page of write-ahead log (decision
            // 0021). SQLite cannot drop a UNIQUE constraint, so the table is rebuilt: about two
            // minutes per million records, once (docs/storage.md).
            try db.execute(sql: """
                CREATE TABLE records_v7(
                    position INTEGER PRIMARY KEY,
                    id TEXT NOT NULL,
                    source_key BLOB NOT NULL UNIQUE,
                    channel TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    target_key BLOB,
                    conversation_key BLOB NOT NULL,
                    sender_key BLOB NOT NULL,
                    sent_at INTEGER NOT NULL,
                    captured_at INTEGER NOT NULL,
                    scope BLOB NOT NULL,
                    body BLOB NOT NULL,
                    commitment BLOB NOT NULL,
                    ledger_index INTEGER NOT NULL,
                    blob_refs TEXT NOT NULL,
                    record_key BLOB);
                INSERT INTO records_v7(\(SQLiteTransaction.recordColumns))
                    SELECT \(SQLiteTransaction.recordColumns) FROM records ORDER BY position;
                DROP TABLE records;
                ALTER TABLE records_v7 RENAME TO records;
                CREATE INDEX records_target ON records(target_key) WHERE target_key IS NOT NULL;
                CREATE INDEX records_sent ON records(sent_at);
                CREATE INDEX records_conversation ON records(conversation_key, sent_at);
                """)
        }
        m.registerMigration("v8-record-facets") { db in
            // Participants, tags and the conversation move from B-tree indexes on random keys to a
            // full-text table over one keyed document per record (decision 0026). One pass over
            // the records, then FTS5 builds its index from the new column.
            try db.execute(sql: """
                ALTER TABLE records ADD COLUMN facets TEXT NOT NULL DEFAULT '';
                UPDATE records SET facets = ltrim(
                    coalesce((SELECT group_concat('p' || lower(hex(party_key)), ' ')
                              FROM record_participants p WHERE p.position = records.position), '')
                    || coalesce(' ' || (SELECT group_concat('t' || lower(hex(tag_key)), ' ')
                                        FROM record_tags g WHERE g.position = records.position), '')
                    || ' c' || lower(hex(conversation_key)));
                DROP TABLE record_participants;
                DROP TABLE record_tags;
                DROP INDEX records_conversation;
                CREATE VIRTUAL TABLE record_facets USING fts5(
                    facets, content='records', content_rowid='position', tokenize='ascii', detail=none);
                CREATE VIRTUAL TABLE record_facets_vocab USING fts5vocab(record_facets, row);
                INSERT INTO record_facets(record_facets) VALUES('rebuild');
                """)
        }
        registerSourceKeyTiers(&m)
        return m
    }
}

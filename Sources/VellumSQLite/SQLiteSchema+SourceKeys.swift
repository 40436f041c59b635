import GRDB
import VellumCore

/// Migration v9: the source-key index moves out of `records` into three tiers (decision 0029).
extension SQLiteSchema {
    /// The tiers and the view over them (``SourceKeyTiers``), for a new archive and for v9.
    static let sourceKeyTiersSQL = """
        CREATE TABLE source_keys_0(source_key BLOB PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE source_keys_1(source_key BLOB PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE source_keys_2(source_key BLOB PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID;
        CREATE VIEW source_keys(source_key, position, tier) AS
            SELECT source_key, position, 0 FROM source_keys_0
            UNION ALL SELECT source_key, position, 1 FROM source_keys_1
            UNION ALL SELECT source_key, position, 2 FROM source_keys_2;
        """

    static func registerSourceKeyTiers(_ m: inout DatabaseMigrator) {
        m.registerMigration("v9-source-key-tiers") { db in
            // A UNIQUE constraint cannot be dropped, so `records` is rebuilt without it (as v7
            // did: about two minutes per million records, once), then every key goes into the
            // settled tier in key order.
            try db.execute(sql: """
                CREATE TABLE records_v9(
                    position INTEGER PRIMARY KEY,
                    id TEXT NOT NULL,
                    source_key BLOB NOT NULL,
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
                    record_key BLOB,
                    facets TEXT NOT NULL DEFAULT '');
                INSERT INTO records_v9(\(SQLiteTransaction.readColumns))
                    SELECT \(SQLiteTransaction.readColumns) FROM records ORDER BY position;
                DROP TABLE records;
                ALTER TABLE records_v9 RENAME TO records;
                CREATE INDEX records_target ON records(target_key) WHERE target_key IS NOT NULL;
                CREATE INDEX records_sent ON records(sent_at);
                \(sourceKeyTiersSQL)
                INSERT INTO source_keys_2(source_key, position) SELECT source_key, position FROM records ORDER BY source_key;
                """)
        }
    }
}

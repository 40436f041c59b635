/// Migration 4: the searchable `tsvector` moves out of `index_docs` into `message_index` (the name
/// SQLite gives its FTS5 table), so a search reads only the documents it matches and ranks.
///
/// With the keyed tokens and the `tsvector` in one row, every page a search visited carried both,
/// and a common word's search read (and detoasted) about 1.4 GB at 1,000,000 records instead of
/// about 0.9 GB (docs/decisions/0019). `index_docs` keeps the tokens as given, for
/// `indexTokens(of:)` and the integrity check, and is rewritten without the old column (a changed
/// column type with `USING` rewrites the table inside the migration's transaction; `DROP COLUMN`
/// alone would leave the space taken).
extension PostgresSchema {
    static let messageIndex = PostgresMigration(
        version: 4, name: "message index",
        statements: [
            "CREATE TABLE message_index(position bigint PRIMARY KEY, document tsvector NOT NULL)",
            "INSERT INTO message_index(position, document) SELECT position, document FROM index_docs ORDER BY position",
            "ALTER TABLE index_docs DROP COLUMN document",
            "ALTER TABLE index_docs ALTER COLUMN tokens TYPE text USING tokens || ''",
            "CREATE INDEX message_index_document ON message_index USING gin(document)",
        ])
}

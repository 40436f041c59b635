import Foundation
import NIOCore
import PostgresNIO
import VellumCore
import VellumCrypto
import VellumStore

/// One transaction of ``PostgresArchiveStore`` on one pooled connection: records, meta, keys and
/// the blind index here; the ledger, search, removal, directory and supervision in extensions.
///
/// A class because a writer remembers, for the rest of its transaction, that it holds the
/// `ledger_head` row and at which size (see `PostgresTransaction+Ledger`). Used by one thread,
/// inside one `read` or `write` call, and never escapes it.
final class PostgresTransaction: ArchiveWriter {
    let session: PostgresSession
    let writable: Bool
    /// The ledger size this writer holds `ledger_head` at; nil until it takes the row.
    var heldLedgerSize: UInt64?

    init(session: PostgresSession, writable: Bool) {
        self.session = session
        self.writable = writable
    }

    /// Runs `query` and decodes every row as `types`.
    func rows<each T: PostgresDecodable>(
        _ query: PostgresQuery, as types: (repeat each T).Type, fileID: String = #fileID, line: Int = #line
    ) throws -> [(repeat each T)] {
        try session.decode(try session.query(query, fileID: fileID, line: line), as: types, fileID: fileID, line: line)
    }

    /// The first row of `query`, decoded as `types`; nil when there is none.
    func row<each T: PostgresDecodable>(
        _ query: PostgresQuery, as types: (repeat each T).Type, fileID: String = #fileID, line: Int = #line
    ) throws -> (repeat each T)? {
        try rows(query, as: types, fileID: fileID, line: line).first
    }

    /// The first column of the first row of `query`; nil when there is no row.
    func value<T: PostgresDecodable>(
        _ query: PostgresQuery, as type: T.Type, fileID: String = #fileID, line: Int = #line
    ) throws -> T? {
        guard let first = try session.query(query, fileID: fileID, line: line).first else { return nil }
        let decoded: [T] = try session.decode([first], as: T.self, fileID: fileID, line: line)
        return decoded.first
    }

    @discardableResult
    func execute(_ query: PostgresQuery, fileID: String = #fileID, line: Int = #line) throws -> Int {
        try session.execute(query, fileID: fileID, line: line)
    }

    // MARK: meta

    func meta(_ key: String) throws -> Data? {
        try value("SELECT value FROM meta WHERE key = \(key)", as: Data.self)
    }

    func setMeta(_ key: String, _ value: Data) throws {
        try execute(
            "INSERT INTO meta(key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    }

    // MARK: keys

    func wrappedKey(scope: Data) throws -> Data? {
        try value("SELECT wrapped FROM data_keys WHERE scope = \(scope)", as: Data.self)
    }

    func wrappedKeys(scopes: [Data]) throws -> [Data: Data] {
        guard !scopes.isEmpty else { return [:] }
        var s = PostgresStatement()
        s.append("SELECT scope, wrapped FROM data_keys WHERE scope = ANY(\(try s.bind(keys: scopes)))")
        return Dictionary(try rows(s.query, as: (Data, Data).self).map { ($0, $1) }, uniquingKeysWith: { a, _ in a })
    }

    func putWrappedKey(_ wrapped: Data, scope: Data) throws {
        try execute("INSERT INTO data_keys(scope, wrapped) VALUES (\(scope), \(wrapped)) ON CONFLICT (scope) DO NOTHING")
    }

    // MARK: index

    func indexTokens(of id: RecordID) throws -> String? {
        try value(
            "SELECT d.tokens FROM index_docs d JOIN records r ON r.position = d.position WHERE r.id = \(id.rawValue)",
            as: String.self)
    }

    /// Every search document rebuilt from its record's keyed tokens and compared with the stored
    /// one, and every record matched with exactly one token row and one document. The GIN index
    /// itself is PostgreSQL's to keep.
    func indexIntegrityProblems() throws -> [String] {
        var problems: [String] = []
        let differing =
            try value(
                """
                SELECT count(*) FROM index_docs d JOIN message_index m ON m.position = d.position
                WHERE m.document IS DISTINCT FROM keyed_tokens_tsvector(d.tokens)
                """, as: Int.self) ?? 0
        if differing > 0 { problems.append("\(differing) search documents disagree with their index tokens") }
        for (table, what) in [("index_docs", "index row"), ("message_index", "search document")] {
            let unindexed =
                try value(
                    PostgresQuery(unsafeSQL: """
                        SELECT count(*) FROM records r WHERE NOT EXISTS (SELECT 1 FROM \(table) d WHERE d.position = r.position)
                        """), as: Int.self) ?? 0
            if unindexed > 0 { problems.append("\(unindexed) records have no \(what)") }
            let stray =
                try value(
                    PostgresQuery(unsafeSQL: """
                        SELECT count(*) FROM \(table) d WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.position = d.position)
                        """), as: Int.self) ?? 0
            if stray > 0 { problems.append("\(stray) \(what)s belong to no record") }
        }
        return problems
    }
}

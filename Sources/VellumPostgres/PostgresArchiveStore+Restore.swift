import Foundation
import PostgresNIO
import VellumCore
public import VellumStore

extension PostgresArchiveStore {
    /// Fills this empty, migrated schema with rows dumped from another store, in ONE transaction:
    /// a failure anywhere leaves the schema as empty as it was. `produce` calls the given sink with
    /// every chunk. Afterwards identity sequences continue after the copied ids, the blind index's
    /// `tsvector`s are built from the copied keyed tokens, and `ledger_head` holds the copied size
    /// and the root of the latest tree head that covers it. Returns the rows written per table.
    public func restore(_ produce: ((TableChunk) throws -> Void) throws -> Void) throws -> [String: Int] {
        try pool.transaction { s in
            let held = try s.decode(try s.query("SELECT size FROM ledger_head WHERE id = 1 FOR UPDATE"), as: Int64.self)
            let metaRows = try s.decode(try s.query("SELECT count(*) FROM meta"), as: Int64.self)
            guard held.first == 0, metaRows.first == 0 else {
                throw VellumError(.refused, "the PostgreSQL schema \(pool.configuration.schema) already holds an archive; "
                    + "migrate into an empty schema")
            }
            let types = try columnTypes(s)
            var written: [String: Int] = [:]
            try produce { chunk in
                try insert(chunk, types: types, s)
                written[chunk.table, default: 0] += chunk.rows.count
            }
            try s.execute(
                "INSERT INTO message_index(position, document) SELECT position, keyed_tokens_tsvector(tokens) FROM index_docs")
            for row in try s.query(
                "SELECT table_name::text, column_name::text FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'")
            {
                let (table, column) = try row.decode((String, String).self)
                try s.execute(PostgresQuery(unsafeSQL: """
                    SELECT setval(pg_get_serial_sequence('\(table)', '\(column)'), coalesce(max("\(column)"), 0) + 1, false)
                    FROM "\(table)"
                    """))
            }
            try s.execute("""
                UPDATE ledger_head SET size = (SELECT count(*) FROM ledger),
                    root = (SELECT h.root FROM tree_heads h WHERE h.size = (SELECT count(*) FROM ledger) ORDER BY h.seq DESC LIMIT 1)
                WHERE id = 1
                """)
            return written
        }
    }

    /// Column name → PostgreSQL type name, per table of this schema.
    func columnTypes(_ s: PostgresSession) throws -> [String: [String: String]] {
        var types: [String: [String: String]] = [:]
        for row in try s.query(
            "SELECT table_name::text, column_name::text, udt_name::text FROM information_schema.columns WHERE table_schema = current_schema()")
        {
            let (table, column, type) = try row.decode((String, String, String).self)
            types[table, default: [:]][column] = type
        }
        return types
    }

    /// Multi-row INSERTs, each value bound and cast to its column's type; at most ~30,000
    /// parameters per statement (the protocol allows 65,535). `message_index` is built afterwards from `index_docs`.
    func insert(_ chunk: TableChunk, types: [String: [String: String]], _ s: PostgresSession) throws {
        guard let columnTypes = types[chunk.table] else {
            throw VellumError(.storage, "the PostgreSQL schema has no table \(chunk.table); run `vellum migrate`")
        }
        let casts = try chunk.columns.map { column in
            guard let type = columnTypes[column] else {
                throw VellumError(.storage, "the PostgreSQL table \(chunk.table) has no column \(column); run `vellum migrate`")
            }
            return type
        }
        let perStatement = max(1, 30_000 / max(1, chunk.columns.count))
        for start in stride(from: 0, to: chunk.rows.count, by: perStatement) {
            let rows = chunk.rows[start ..< min(start + perStatement, chunk.rows.count)]
            var bindings = PostgresBindings(capacity: rows.count * chunk.columns.count)
            var tuples: [String] = []
            for row in rows {
                var placeholders: [String] = []
                for (value, type) in zip(row, casts) {
                    try Self.bind(value, as: type, table: chunk.table, into: &bindings)
                    placeholders.append("$\(bindings.count)::\(type)")
                }
                tuples.append("(" + placeholders.joined(separator: ", ") + ")")
            }
            let columns = chunk.columns.map { "\"\($0)\"" }.joined(separator: ", ")
            try s.execute(PostgresQuery(
                unsafeSQL: "INSERT INTO \"\(chunk.table)\" (\(columns)) VALUES " + tuples.joined(separator: ", "),
                binds: bindings))
        }
    }

    /// Binds a stored value for a column of PostgreSQL type `type` (SQLite keeps booleans as integers).
    static func bind(_ value: TableValue, as type: String, table: String, into b: inout PostgresBindings) throws {
        switch (value, type) {
        case (.null, _): b.appendNull()
        case (.integer(let i), "bool"): try b.append(i != 0)
        case (.integer(let i), "int2"), (.integer(let i), "int4"), (.integer(let i), "int8"): try b.append(i)
        case (.integer(let i), "float8"): try b.append(Double(i))
        case (.integer(let i), "text"): try b.append(String(i))
        case (.real(let d), "float8"), (.real(let d), "float4"): try b.append(d)
        case (.text(let t), "text"), (.text(let t), "varchar"): try b.append(t)
        case (.text(let t), "bytea"): try b.append(Data(t.utf8))
        case (.blob(let d), "bytea"): try b.append(d)
        default:
            throw VellumError(.storage, "table \(table): a \(value.kind) value does not fit a PostgreSQL \(type) column")
        }
    }
}

extension TableValue {
    var kind: String {
        switch self {
        case .null: "null"
        case .integer: "integer"
        case .real: "real"
        case .text: "text"
        case .blob: "blob"
        }
    }
}

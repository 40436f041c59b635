import Foundation
import GRDB
import VellumCore
public import VellumStore

extension SQLiteArchiveStore {
    /// Reads `tables` in one read transaction (one consistent snapshot, even while another process
    /// writes) and hands them to `sink` in chunks of at most `chunkSize` rows, every column as stored.
    public func dump(
        tables: [String] = ArchiveTables.copied, chunkSize: Int = 1000, into sink: (TableChunk) throws -> Void
    ) throws {
        try pool.read { db in
            for table in tables {
                if let facet = Self.facetTables[table] {
                    try dumpFacets(db, table: table, facet, chunkSize: chunkSize, into: sink)
                    continue
                }
                var columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
                guard !columns.isEmpty else {
                    throw VellumError(.storage, "the archive database \(path) has no table \(table)")
                }
                // The facets travel as the participant and tag rows other stores keep.
                if table == "records" { columns.removeAll { $0 == "facets" } }
                let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
                let cursor = try Row.fetchCursor(db, sql: "SELECT \(list) FROM \"\(table)\"")
                var rows: [[TableValue]] = []
                while let row = try cursor.next() {
                    rows.append((0 ..< columns.count).map { Self.value(row[$0] as DatabaseValue) })
                    if rows.count == chunkSize {
                        try sink(TableChunk(table: table, columns: columns, rows: rows))
                        rows.removeAll(keepingCapacity: true)
                    }
                }
                if !rows.isEmpty { try sink(TableChunk(table: table, columns: columns, rows: rows)) }
            }
        }
    }

    /// Rows per table, as counted in one snapshot: what a copy must arrive at.
    public func rowCounts(tables: [String] = ArchiveTables.copied) throws -> [String: Int] {
        try pool.read { db in
            var counts: [String: Int] = [:]
            for table in tables {
                if let facet = Self.facetTables[table] {
                    var n = 0
                    try forEachFacet(db, facet.kind) { _, _ in n += 1 }
                    counts[table] = n
                } else {
                    counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table)\"") ?? 0
                }
            }
            return counts
        }
    }

    /// The tables of participants and tags that other stores keep, and this one keeps as facets
    /// of `records` (decision 0026): which facets they hold, under which key column.
    static let facetTables: [String: (kind: RecordFacets.Kind, column: String)] = [
        "record_participants": (.participant, "party_key"),
        "record_tags": (.tag, "tag_key"),
    ]

    /// The rows of a participant or tag table, made from the records' facets in position order.
    func dumpFacets(
        _ db: Database, table: String, _ facet: (kind: RecordFacets.Kind, column: String), chunkSize: Int,
        into sink: (TableChunk) throws -> Void
    ) throws {
        var rows: [[TableValue]] = []
        try forEachFacet(db, facet.kind) { key, position in
            rows.append([.blob(key), .integer(position)])
            if rows.count == chunkSize {
                try sink(TableChunk(table: table, columns: [facet.column, "position"], rows: rows))
                rows.removeAll(keepingCapacity: true)
            }
        }
        if !rows.isEmpty { try sink(TableChunk(table: table, columns: [facet.column, "position"], rows: rows)) }
    }

    func forEachFacet(_ db: Database, _ kind: RecordFacets.Kind, _ body: (Data, Int64) throws -> Void) throws {
        let cursor = try Row.fetchCursor(db, sql: "SELECT position, facets FROM records ORDER BY position")
        while let row = try cursor.next() {
            guard let keys = RecordFacets.keys(in: row[1]) else {
                throw VellumError(.integrity, "record row \(row[0] as Int64) has unreadable facets")
            }
            for key in keys[kind] ?? [] { try body(key, row[0]) }
        }
    }

    static func value(_ v: DatabaseValue) -> TableValue {
        switch v.storage {
        case .null: .null
        case .int64(let i): .integer(i)
        case .double(let d): .real(d)
        case .string(let s): .text(s)
        case .blob(let b): .blob(b)
        }
    }
}

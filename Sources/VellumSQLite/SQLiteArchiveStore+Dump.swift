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
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
                guard !columns.isEmpty else {
                    throw VellumError(.storage, "the archive database \(path) has no table \(table)")
                }
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
            for table in tables { counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table)\"") ?? 0 }
            return counts
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

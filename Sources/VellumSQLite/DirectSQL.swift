import Foundation
import GRDB
import GRDBSQLite

/// A value bound straight to a statement parameter.
enum DirectValue {
    case integer(Int64)
    case text(String)
    case blob(Data)
    case null

    init(_ data: Data?) { self = data.map(DirectValue.blob) ?? .null }
}

/// Runs a cached statement with its values bound through SQLite's C API: an insert, or a query
/// of one integer.
///
/// GRDB's `StatementArguments` box every value in an existential and copy it on binding; on the
/// import's writer thread, the pipeline's bound, that was about a tenth of its time across the
/// several statements each record takes. Only statements used solely through here, inside a
/// transaction GRDB opened, and left reset after each run, so GRDB never sees one mid-step.
enum DirectSQL {
    /// SQLite copies bound bytes before returning (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// Runs a statement that returns no row (an INSERT).
    static func run(_ db: Database, _ sql: String, _ values: [DirectValue]) throws {
        try with(db, sql, values) { s in
            let code = sqlite3_step(s)
            guard code == SQLITE_DONE else { throw error(db, code, sql) }
        }
    }

    /// The first column of the first row as an integer; nil when there is no row or it is NULL.
    static func integer(_ db: Database, _ sql: String, _ values: [DirectValue]) throws -> Int64? {
        try with(db, sql, values) { s in
            let code = sqlite3_step(s)
            switch code {
            case SQLITE_ROW: return sqlite3_column_type(s, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(s, 0)
            case SQLITE_DONE: return nil
            default: throw error(db, code, sql)
            }
        }
    }

    /// The statement, reset, with `values` bound; reset again when `body` returns or throws.
    private static func with<R>(
        _ db: Database, _ sql: String, _ values: [DirectValue], _ body: (SQLiteStatement) throws -> R
    ) throws -> R {
        let statement = try db.cachedStatement(sql: sql)
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        sqlite3_clear_bindings(s)
        defer {
            sqlite3_reset(s)
            sqlite3_clear_bindings(s)
        }
        precondition(Int(sqlite3_bind_parameter_count(s)) == values.count, "\(values.count) values for: \(sql)")
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            let code: Int32
            switch value {
            case .integer(let n): code = sqlite3_bind_int64(s, index, n)
            case .null: code = sqlite3_bind_null(s, index)
            case .text(var text):
                code = text.withUTF8 { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { chars in
                        // An empty buffer may have no address: bind "" (a null address would bind NULL).
                        chars.baseAddress.map { sqlite3_bind_text(s, index, $0, Int32(chars.count), transient) }
                            ?? "".withCString { sqlite3_bind_text(s, index, $0, 0, transient) }
                    }
                }
            case .blob(let data):
                code = data.withUnsafeBytes { bytes in
                    // A null address would bind NULL: an empty blob is bound as a zero-length blob.
                    bytes.baseAddress.map { sqlite3_bind_blob(s, index, $0, Int32(bytes.count), transient) }
                        ?? sqlite3_bind_zeroblob(s, index, 0)
                }
            }
            guard code == SQLITE_OK else { throw error(db, code, sql) }
        }
        return try body(s)
    }

    private static func error(_ db: Database, _ code: Int32, _ sql: String) -> DatabaseError {
        let connection = db.sqliteConnection
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: extended), message: message, sql: sql)
    }
}

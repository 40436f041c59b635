public import Foundation

/// One value of a stored row, as the embedded store holds it: what moves when an archive is
/// copied table by table to another backend (`vellum migrate-archive`).
public enum TableValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
}

/// A run of rows of one table, with its column names; a table may come in several chunks.
public struct TableChunk: Sendable {
    public var table: String
    public var columns: [String]
    public var rows: [[TableValue]]

    public init(table: String, columns: [String], rows: [[TableValue]]) {
        self.table = table
        self.columns = columns
        self.rows = rows
    }
}

/// The tables an archive copy carries, in an order that satisfies references (alerts before their
/// actions). Not copied: the embedded full-text tables (the target builds its own index from the
/// keyed tokens in `index_docs`) and job leases (they belong to running processes).
public enum ArchiveTables {
    public static let copied = [
        "meta", "data_keys", "records", "record_participants", "record_tags", "index_docs",
        "ledger", "ledger_nodes", "tree_heads", "quarantine", "employees", "employee_identifiers",
        "alerts", "alert_actions", "usage_days", "capture_accounts", "removed_records", "restricted_records",
        "retail_recipients", "staff_accounts", "staff_sessions", "api_tokens",
    ]
}

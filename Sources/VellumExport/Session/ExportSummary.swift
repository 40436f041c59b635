public import Foundation

/// What a finished export wrote.
public struct ExportSummary: Sendable, Hashable {
    /// The finished folder (renamed from `<folder>.partial`).
    public var folder: URL
    public var records: Int
    public var conversations: Int
    /// Attachments exported (each counted once, however many formats carry it).
    public var attachments: Int
    /// Files listed in `manifest.json` (the manifest and its `.sha256` not included).
    public var files: Int
    /// Bytes of those files.
    public var bytes: Int64
    /// SHA-256 of `manifest.json`, lowercase hex: worth recording in the ledger so a later
    /// signed tree head covers the export's manifest too.
    public var manifestSHA256: String
}

import Foundation
import VellumCapture
import VellumCore
import VellumCrypto
import VellumStore

/// Input the pipeline could not read, sealed and ready to be committed to quarantine.
struct QuarantineDraft {
    /// What is sealed: the raw bytes and where they came from.
    struct Content: Codable {
        var file: String
        var line: Int
        var field: String?
        var reason: String
        var format: String
        var raw: Data
        /// How the import was told to read it (absent when it was told nothing).
        var options: ImportOptions?
    }

    let issue: ImportIssue
    let rawKey: Data
    let sealed: Data
    let receivedAt: Int64
    let format: String

    init(archive: Archive, issue: ImportIssue, raw: Data, format: String, options: ImportOptions = .init()) throws {
        self.issue = issue
        self.format = format
        rawKey = archive.keys.lookupKey(Data(format.utf8) + [0] + raw, domain: "quarantine")
        let content = Content(
            file: issue.file, line: issue.line, field: issue.field, reason: issue.reason, format: format, raw: raw,
            options: options.isEmpty ? nil : options)
        sealed = try archive.dataKey(scope: ScopePolicy.quarantine)
            .seal(try JSONEncoder().encode(content), context: Self.context)
        receivedAt = archive.nowMilliseconds
    }

    static let context = Data("quarantine".utf8)

    func item(ledgerIndex: UInt64) -> QuarantineItem {
        QuarantineItem(
            id: 0, receivedAt: receivedAt, format: format, reason: Self.contentFreeReason(issue), rawKey: rawKey,
            sealed: sealed, status: .open, ledgerIndex: ledgerIndex)
    }

    func event() -> LedgerEvent {
        LedgerEvent(type: .quarantine, at: receivedAt, commitment: Digest.sha256(sealed).hexString)
    }

    /// The reason as stored in the clear: field and problem only (the file name and line are sealed,
    /// since file names can name people).
    static func contentFreeReason(_ issue: ImportIssue) -> String {
        (issue.field.map { "field `\($0)`: " } ?? "") + issue.reason
    }
}

extension Archive {
    func openQuarantine(_ item: QuarantineItem) throws -> QuarantineDraft.Content {
        let plain = try dataKey(scope: ScopePolicy.quarantine).open(item.sealed, context: QuarantineDraft.context)
        return try JSONDecoder().decode(QuarantineDraft.Content.self, from: plain)
    }
}

public import Foundation
import VellumCapture
import VellumCore
import VellumStore

/// One held item, opened for the operator.
public struct QuarantineEntry: Sendable, Codable, Hashable {
    public var id: Int64
    public var status: String
    public var received_at: Int64
    public var format: String
    public var file: String
    public var line: Int
    public var field: String?
    public var reason: String
    public var resolved_record: String?
}

/// What a retry did.
public struct QuarantineRetrySummary: Sendable, Codable, Hashable {
    public var retried = 0
    public var resolved = 0
    public var still_quarantined = 0
}

/// `vellum quarantine list|retry`: nothing unreadable is lost, and all of it can be processed again.
public struct QuarantineService: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    public func list() throws -> [QuarantineEntry] {
        try archive.store.read { try $0.quarantineItems() }.map { item in
            let c = try archive.openQuarantine(item)
            return QuarantineEntry(
                id: item.id, status: item.status.rawValue, received_at: item.receivedAt, format: item.format,
                file: c.file, line: c.line, field: c.field, reason: c.reason,
                resolved_record: item.resolvedRecord?.rawValue)
        }
    }

    /// Parses every open item again (after a parser fix, say); what now reads goes through the pipeline.
    /// An item resolves only when every item its payload holds now reads.
    public func retry(actor: String) throws -> QuarantineRetrySummary {
        var summary = QuarantineRetrySummary()
        let ingestor = try Ingestor(archive: archive)
        for item in try archive.store.read({ try $0.quarantineItems() }) where item.status == .open {
            summary.retried += 1
            let c = try archive.openQuarantine(item)
            let parsed = ImportFormat(rawValue: c.format)?
                .parse(c.raw, file: c.file, line: c.line, options: c.options ?? .init()) ?? []
            let messages = parsed.compactMap { if case .message(let m) = $0 { m } else { nil } }
            guard !messages.isEmpty, messages.count == parsed.count else {
                summary.still_quarantined += 1
                continue
            }
            switch try ingestor.ingest(messages.map { .message($0) }).first {
            case .imported(let record), .duplicate(let record):
                try resolve(item, record: record, actor: actor)
                summary.resolved += 1
            default:
                summary.still_quarantined += 1
            }
        }
        try archive.writeCheckpoint()
        return summary
    }

    func resolve(_ item: QuarantineItem, record: RecordID, actor: String) throws {
        try archive.store.write { tx in
            try tx.resolveQuarantine(id: item.id, record: record)
            _ = try LedgerAppender(archive: archive, tx: tx).append([
                LedgerEvent(
                    type: .quarantineResolved, at: archive.nowMilliseconds, record: record.rawValue, actor: actor,
                    quarantine: item.id)
            ])
        }
    }
}

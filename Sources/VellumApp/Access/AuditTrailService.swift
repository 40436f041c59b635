public import Foundation
import VellumCore
import VellumCrypto
import VellumStore

/// One ledger event as the audit view shows it: who did what, when, to how many records.
public struct AuditEntry: Sendable, Codable, Hashable {
    public var index: UInt64
    public var at: String
    public var type: String
    public var actor: String?
    public var action: String?
    public var subject: String?
    public var records: [String]
    public var count: Int?
    /// The sealed detail of an access (the search text, the export scope), opened for auditors.
    public var detail: String?
}

/// Reads the ledger back for auditors: the newest events first, optionally of some types only.
public struct AuditTrailService: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    /// The last `limit` events (newest first) among the types given (all when empty), scanning
    /// at most `window` leaves back from the end.
    public func recent(
        types: Set<LedgerEvent.EventType> = [], actor: String? = nil, limit: Int = 100, window: Int = 20_000
    ) throws -> [AuditEntry] {
        let size = try archive.store.read { try $0.ledgerSize() }
        var out: [AuditEntry] = []
        var end = size
        let floor = size > UInt64(window) ? size - UInt64(window) : 0
        while end > floor, out.count < limit {
            let start = max(floor, end >= 500 ? end - 500 : 0)
            let page = try archive.store.read { try $0.ledgerEntries(from: start, limit: Int(end - start)) }
            for entry in page.reversed() {
                guard let event = try? LedgerEvent.decode(entry.payload) else { continue }
                if !types.isEmpty, !types.contains(event.type) { continue }
                if let actor, event.actor != actor { continue }
                out.append(view(entry.index, event))
                if out.count == limit { break }
            }
            end = start
        }
        return out
    }

    func view(_ index: UInt64, _ e: LedgerEvent) -> AuditEntry {
        var detail: String?
        if e.type == .access, let sealed = e.sealed.flatMap({ Data(base64Encoded: $0) }),
            let opened = try? archive.dataKey(scope: ScopePolicy.audit).open(sealed, context: AccessLog.context)
        {
            detail = String(decoding: opened, as: UTF8.self)
        }
        return AuditEntry(
            index: index, at: UsageService.time(e.at), type: e.type.rawValue, actor: e.actor, action: e.action,
            subject: e.kind ?? e.record, records: e.records ?? [], count: e.count, detail: detail)
    }
}

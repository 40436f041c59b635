public import Foundation
import VellumCapture
import VellumCore
import VellumCrypto
import VellumStore

/// How complete the WeCom capture is: the cursor, gaps in `seq`, what was quarantined and why,
/// and external contacts who refused archiving (a reported gap, not a silent hole).
public struct WeComCaptureHealth: Sendable, Codable, Hashable {
    public struct Gap: Sendable, Codable, Hashable {
        /// Missing `seq` values, inclusive.
        public var from: UInt64
        public var to: UInt64
    }

    public struct Consent: Sendable, Codable, Hashable {
        public var contact: String
        public var decision: String
        public var at: String?
    }

    public var corp: String
    /// The last `seq` committed; the next pull starts after it.
    public var cursor: UInt64 = 0
    public var records = 0
    public var quarantined_by_reason: [String: Int] = [:]
    public var gaps: [Gap] = []
    /// Message types Vellum does not know yet, archived verbatim, by WeCom msgtype.
    public var unknown_types: [String: Int] = [:]
    public var consent: [Consent] = []
    public var last_pull_at: String?
    /// The last fatal error and what to do about it; cleared by the next good batch.
    public var last_error: String?

    /// Contacts whose last decision was to refuse archiving.
    public var contacts_without_consent: [String] {
        consent.filter { $0.decision == "disagree" }.map(\.contact).sorted()
    }
}

/// Capture health kept in the archive, sealed (it names external contacts).
struct WeComHealthStore: Sendable {
    let archive: Archive
    let corp: String

    static let context = Data("wecom-health".utf8)
    var metaKey: String { "wecom.health." + archive.accountKey(.wecom, corp).hexString }

    func load() throws -> WeComCaptureHealth {
        guard let sealed = try archive.store.read({ try $0.meta(metaKey) }) else { return WeComCaptureHealth(corp: corp) }
        let plain = try archive.dataKey(scope: ScopePolicy.capture).open(sealed, context: Self.context)
        return try JSONDecoder().decode(WeComCaptureHealth.self, from: plain)
    }

    func save(_ health: WeComCaptureHealth) throws {
        let sealed = try archive.dataKey(scope: ScopePolicy.capture).seal(try JSONEncoder().encode(health), context: Self.context)
        try archive.store.write { tx in try tx.setMeta(metaKey, sealed) }
    }

    /// After a batch's commit: move the cursor, count, note gaps and consent decisions.
    func record(_ batch: WeComPulledBatch, items: [IncomingItem], outcomes: [ItemOutcome]) throws {
        var h = try load()
        var previous = batch.afterSeq
        for record in batch.records.sorted(by: { $0.seq < $1.seq }) {
            // seq 0 means "from the earliest retained": what came before is Tencent's, not a gap.
            if previous > 0, record.seq > previous + 1 { h.gaps.append(.init(from: previous + 1, to: record.seq - 1)) }
            previous = max(previous, record.seq)
        }
        h.records += batch.records.count
        for item in items {
            switch item {
            case .unreadable(let issue, _, _, _):
                h.quarantined_by_reason[Self.reasonClass(issue), default: 0] += 1
            case .message(let m) where m.kind == .unknown:
                h.unknown_types[m.nativeType ?? "?", default: 0] += 1
            case .message(let m) where m.kind == .consent:
                let contact = m.fields["userid"] ?? m.sender.id
                h.consent.removeAll { $0.contact == contact }
                h.consent.append(.init(contact: contact, decision: m.fields["decision"] ?? "unknown", at: m.fields["time"]))
            default: break
            }
        }
        h.cursor = max(h.cursor, batch.nextCursor)
        h.last_pull_at = Timestamp(date: Date()).rfc3339
        h.last_error = nil
        try save(h)
    }

    func fail(_ error: WeComSDKError) throws {
        var h = try load()
        h.last_error = error.adminMessage
        try save(h)
    }

    /// A short, content-free class of a quarantine reason (`no private key for publickey_ver 3`).
    static func reasonClass(_ issue: ImportIssue) -> String {
        if let range = issue.reason.range(of: "]: ") ?? issue.reason.range(of: ": ") {
            return String(issue.reason[range.upperBound...])
        }
        return (issue.field.map { "\($0): " } ?? "") + issue.reason
    }
}

extension WeComCaptureService {
    public func health(corp: String) throws -> WeComCaptureHealth { try WeComHealthStore(archive: archive, corp: corp).load() }
}

public import Foundation
import VellumStore

/// Refused webhook deliveries of one channel for one reason, as capture health shows them.
public struct RejectedDeliverySummary: Sendable, Codable, Hashable {
    public var channel: String
    /// A short code: `missing_signature`, `bad_signature`, `too_large`, `unknown_connection` …
    public var reason: String
    /// Refusals counted so far (a ledger event may account for several, see ``RejectedDeliveries``).
    public var count: Int
    public var first_at: String
    public var last_at: String
    /// The ledger leaf of the latest `delivery.rejected` event counted here.
    public var last_ledger_index: UInt64
}

/// Writes refused webhook deliveries to the ledger, and keeps a running summary beside it.
///
/// A refusal must be on record (a forged or misconfigured sender is a capture problem someone must
/// see), but one ledger leaf per refusal would let anyone who can reach the URL grow the ledger
/// without bound. So the server counts refusals in memory and writes at most one event per channel
/// and reason per minute, carrying how many refusals it accounts for (`count`) and the SHA-256 of
/// the latest refused body (never the body).
///
/// Capture health reads the summary kept in the archive's metadata, updated in the same transaction
/// as each event, instead of scanning the ledger: the ledger has no index by event type and grows
/// by a leaf per captured message, so a scan would grow with the archive. The ledger stays the
/// proof: every count in the summary is the sum of the `count` of the events it names, and can be
/// recomputed from them.
public struct RejectedDeliveries: Sendable {
    static let metaKey = "capture.rejected_deliveries"
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    /// One stored row; times in epoch milliseconds.
    struct Row: Codable {
        var channel: String
        var reason: String
        var count: Int
        var firstAt: Int64
        var lastAt: Int64
        var lastLedgerIndex: UInt64
    }

    /// Writes one `delivery.rejected` event accounting for `count` refusals and adds them to the
    /// summary, in one transaction. `bodySHA256` is the lowercase hex digest of the latest refused
    /// body (nil when none was read, e.g. a body refused on its announced length).
    public func record(channel: String, reason: String, bodySHA256: String?, count: Int = 1) throws {
        precondition(count > 0, "a rejection event accounts for at least one refusal")
        let at = archive.nowMilliseconds
        try archive.store.write { tx in
            let index = try LedgerAppender(archive: archive, tx: tx).append([
                LedgerEvent(
                    type: .deliveryRejected, at: at, commitment: bodySHA256, kind: channel, action: reason,
                    count: count)
            ])[0]
            var rows = try Self.rows(tx)
            if let i = rows.firstIndex(where: { $0.channel == channel && $0.reason == reason }) {
                rows[i].count += count
                rows[i].lastAt = at
                rows[i].lastLedgerIndex = index
            } else {
                rows.append(Row(channel: channel, reason: reason, count: count, firstAt: at, lastAt: at, lastLedgerIndex: index))
            }
            try tx.setMeta(Self.metaKey, try JSONEncoder().encode(rows))
        }
        try archive.writeCheckpoint()
    }

    /// Every channel and reason refused so far, by channel then reason.
    public func summary() throws -> [RejectedDeliverySummary] {
        try archive.store.read { try Self.rows($0) }
            .sorted { ($0.channel, $0.reason) < ($1.channel, $1.reason) }
            .map {
                RejectedDeliverySummary(
                    channel: $0.channel, reason: $0.reason, count: $0.count, first_at: UsageService.time($0.firstAt),
                    last_at: UsageService.time($0.lastAt), last_ledger_index: $0.lastLedgerIndex)
            }
    }

    static func rows(_ tx: any ArchiveReader) throws -> [Row] {
        guard let data = try tx.meta(metaKey) else { return [] }
        return try JSONDecoder().decode([Row].self, from: data)
    }
}

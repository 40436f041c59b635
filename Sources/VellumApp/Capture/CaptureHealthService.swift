public import Foundation
public import VellumCore
import VellumStore

/// How complete capture is, across channels: what each capturing account brought and when it
/// last did, revisions whose message was never captured (a WhatsApp "read" for a message Vellum
/// does not hold is a hole in capture), what waits in quarantine, and the WeCom puller's state.
public struct CaptureHealthReport: Sendable, Codable, Hashable {
    public struct Gap: Sendable, Codable, Hashable {
        public var channel: Channel
        /// `status`, `reaction`, `edit`, `recall`.
        public var kind: String
        public var count: Int
        public var meaning: String
    }

    public var accounts: [UsageReport.Account]
    public var gaps: [Gap]
    /// Open quarantine items by format.
    public var quarantine_open: [String: Int]
    public var wecom: [WeComCaptureHealth]
    /// Webhook deliveries refused (bad signature or secret, too large, unknown connection), by
    /// channel and reason; nothing of them was kept.
    public var rejected_deliveries: [RejectedDeliverySummary]
    /// Media downloads pending or failed (WhatsApp Cloud API, Telegram Bot API), by account.
    public var media: [MediaHealth]
}

public struct CaptureHealthService: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    public func report(silentAfterDays: Int = 7, now: Int64) throws -> CaptureHealthReport {
        let (accounts, orphans, quarantine, mediaJobs) = try archive.store.read { tx in
            (try tx.captureAccounts(), try tx.orphanRevisions(), try tx.quarantineItems(), try MediaQueue(archive: archive).jobs(tx))
        }
        let threshold = now - Int64(silentAfterDays) * 86_400_000
        let opened = try accounts.map { a in
            UsageReport.Account(
                channel: a.channel, account: try archive.openAccountName(a), messages: a.messages,
                first_seen: UsageService.time(a.firstAt), last_seen: UsageService.time(a.lastAt),
                silent: a.lastAt < threshold)
        }
        let service = WeComCaptureService(archive: archive)
        let wecom = try opened.filter { $0.channel == .wecom && !$0.account.isEmpty }
            .map { try service.health(corp: $0.account) }.filter { $0.records > 0 || $0.last_error != nil }
        return CaptureHealthReport(
            accounts: opened,
            gaps: orphans.map { o in
                CaptureHealthReport.Gap(
                    channel: o.channel, kind: o.kind.rawValue, count: o.count,
                    meaning: "\(o.count) \(o.kind.rawValue) record(s) on \(o.channel.displayName) refer to a message the archive does not hold")
            },
            quarantine_open: quarantine.filter { $0.status == .open }.reduce(into: [:]) { $0[$1.format, default: 0] += 1 },
            wecom: wecom, rejected_deliveries: try RejectedDeliveries(archive: archive).summary(),
            media: MediaHealth.summarize(mediaJobs))
    }
}

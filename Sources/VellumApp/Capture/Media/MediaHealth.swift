import Foundation
public import VellumCore

/// Downloads waiting or failed for one capturing account, as capture health shows them.
public struct MediaHealth: Sendable, Codable, Hashable {
    public var channel: Channel
    public var account: String
    public var pending_media: Int
    public var failed_media: Int
    /// The most recent failure's reason (no token is ever in it).
    public var last_error: String?
    public var meaning: String

    /// One entry per channel and account that has anything queued.
    static func summarize(_ jobs: [MediaJob]) -> [MediaHealth] {
        let groups = Dictionary(grouping: jobs) { "\($0.channel.rawValue)\u{1F}\($0.account)" }
        return groups.values.map { group in
            let first = group[0]
            let pending = group.filter { $0.state == .pending }.count
            let failed = group.count - pending
            let lastError = group.filter { $0.last_error != nil }.max { $0.next_attempt_at < $1.next_attempt_at }?.last_error
            var meaning = "\(pending) file(s) of \(first.channel.displayName) account \(first.account) not downloaded yet"
            if failed > 0 { meaning += "; \(failed) failed for good (`vellum media list` says why, `vellum media retry --failed` tries again)" }
            return MediaHealth(
                channel: first.channel, account: first.account, pending_media: pending, failed_media: failed,
                last_error: lastError, meaning: meaning)
        }.sorted { ($0.channel.rawValue, $0.account) < ($1.channel.rawValue, $1.account) }
    }
}

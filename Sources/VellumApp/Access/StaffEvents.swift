public import Foundation
import VellumStore

/// Writes changes to staff access (accounts, roles, tokens, sign-ins) to the ledger, so the
/// question "who could see the archive, and since when" has a tamper-evident answer.
public struct StaffEvents: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    /// `action` says what happened (`account.create`, `session.start` …); `subject` names the
    /// account or token it happened to; `actor` who did it.
    public func record(_ action: String, subject: String, actor: String) throws {
        try archive.store.write { tx in
            _ = try LedgerAppender(archive: archive, tx: tx).append([
                LedgerEvent(type: .staff, at: archive.nowMilliseconds, kind: subject, actor: actor, action: action)
            ])
        }
        try archive.writeCheckpoint()
    }

    /// A refused webhook delivery: the channel, why, and the digest of the body (never the body).
    /// `count` says how many refusals the event accounts for (see ``RejectedDeliveries``).
    public func rejectedDelivery(channel: String, reason: String, bodySHA256: String?, count: Int = 1) throws {
        try RejectedDeliveries(archive: archive).record(channel: channel, reason: reason, bodySHA256: bodySHA256, count: count)
    }
}

public import Foundation
public import VellumCore

/// A surveillance alert or a sampled message waiting for review.
///
/// The explanation (rule, detector, span, masked value, why the channel matters) is sealed under
/// the flagged record's scope, so erasing the record's subject erases the alert's details too.
public struct StoredAlert: Sendable, Hashable {
    /// The review workflow: open → in review → escalated / closed.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case open
        case inReview = "in_review"
        case escalated
        case closed
    }

    public var id: Int64
    public var record: RecordID
    /// The policy rule's id (`sensitive-on-unencrypted`), or `sample` for random supervision.
    public var rule: String
    public var severity: String
    public var status: Status
    public var assignee: String?
    public var createdAt: Int64
    public var updatedAt: Int64
    public var scope: Data
    public var sealed: Data
    public var ledgerIndex: UInt64

    public init(
        id: Int64 = 0, record: RecordID, rule: String, severity: String, status: Status = .open,
        assignee: String? = nil, createdAt: Int64, updatedAt: Int64? = nil, scope: Data, sealed: Data,
        ledgerIndex: UInt64
    ) {
        self.id = id
        self.record = record
        self.rule = rule
        self.severity = severity
        self.status = status
        self.assignee = assignee
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.scope = scope
        self.sealed = sealed
        self.ledgerIndex = ledgerIndex
    }
}

/// One reviewer action on an alert; each is a ledger leaf too.
public struct StoredAlertAction: Sendable, Hashable {
    public var alertID: Int64
    public var at: Int64
    public var actor: String
    /// `assign`, `review`, `escalate`, `close`, `reopen`, `note`.
    public var action: String
    /// The reviewer's note and disposition, sealed under the alert's scope.
    public var sealedNote: Data?
    public var ledgerIndex: UInt64

    public init(alertID: Int64, at: Int64, actor: String, action: String, sealedNote: Data?, ledgerIndex: UInt64) {
        self.alertID = alertID
        self.at = at
        self.actor = actor
        self.action = action
        self.sealedNote = sealedNote
        self.ledgerIndex = ledgerIndex
    }
}

/// Which alerts to list, newest first.
public struct AlertQuery: Sendable, Hashable {
    public var statuses: Set<StoredAlert.Status>?
    public var rule: String?
    public var assignee: String?
    public var limit: Int
    public var offset: Int

    public init(
        statuses: Set<StoredAlert.Status>? = nil, rule: String? = nil, assignee: String? = nil, limit: Int = 100,
        offset: Int = 0
    ) {
        self.statuses = statuses
        self.rule = rule
        self.assignee = assignee
        self.limit = limit
        self.offset = offset
    }
}

/// Messages one employee sent and received on one channel on one (UTC) day.
public struct UsageCount: Sendable, Hashable {
    public var employeeKey: Data
    public var channel: Channel
    /// `YYYY-MM-DD`, UTC.
    public var day: String
    public var sent: Int
    public var received: Int
    public var firstAt: Int64
    public var lastAt: Int64

    public init(
        employeeKey: Data, channel: Channel, day: String, sent: Int, received: Int, firstAt: Int64, lastAt: Int64
    ) {
        self.employeeKey = employeeKey
        self.channel = channel
        self.day = day
        self.sent = sent
        self.received = received
        self.firstAt = firstAt
        self.lastAt = lastAt
    }
}

/// A capturing account (a WeCom corp, an exporting phone, a bot) and when it last brought anything.
public struct CaptureAccount: Sendable, Hashable {
    public var channel: Channel
    public var accountKey: Data
    /// The account's name, sealed (it can be a phone number).
    public var sealedName: Data
    public var firstAt: Int64
    public var lastAt: Int64
    public var messages: Int

    public init(channel: Channel, accountKey: Data, sealedName: Data, firstAt: Int64, lastAt: Int64, messages: Int) {
        self.channel = channel
        self.accountKey = accountKey
        self.sealedName = sealedName
        self.firstAt = firstAt
        self.lastAt = lastAt
        self.messages = messages
    }
}

/// What supervision reads: the review queue, usage counts and capture accounts.
public protocol SupervisionReader {
    func alerts(_ query: AlertQuery) throws -> [StoredAlert]
    func alert(id: Int64) throws -> StoredAlert?
    func alertActions(alertID: Int64) throws -> [StoredAlertAction]
    func alertCounts() throws -> [StoredAlert.Status: Int]
    /// Usage rows from `sinceDay` (inclusive, `YYYY-MM-DD`), ordered by day.
    func usage(sinceDay: String?) throws -> [UsageCount]
    func captureAccounts() throws -> [CaptureAccount]
    /// Revisions (statuses, reactions, edits, recalls) whose target the archive does not hold,
    /// counted by channel and kind: a status for a message never captured is a capture gap.
    func orphanRevisions() throws -> [OrphanRevisionCount]
}

/// How many revisions of one kind on one channel point at a message the archive does not hold.
public struct OrphanRevisionCount: Sendable, Hashable {
    public var channel: Channel
    public var kind: RecordKind
    public var count: Int

    public init(channel: Channel, kind: RecordKind, count: Int) {
        self.channel = channel
        self.kind = kind
        self.count = count
    }
}

/// What supervision writes, inside the archive's one transaction.
public protocol SupervisionWriter: SupervisionReader {
    /// Adds an alert; nil when the record already has an alert from this rule.
    func addAlert(_ alert: StoredAlert) throws -> Int64?
    func updateAlert(id: Int64, status: StoredAlert.Status, assignee: String?, at: Int64) throws
    func addAlertAction(_ action: StoredAlertAction) throws
    /// Adds counts to the rows they name (first and last seen widen).
    func addUsage(_ counts: [UsageCount]) throws
    /// Adds messages to an account (first and last seen widen; the name is kept from the first).
    func touchCaptureAccount(_ account: CaptureAccount) throws
    /// Notes that `sender` (a keyed employee) wrote to `recipients` (keyed outsiders) at `at`, and
    /// returns how many distinct recipients the sender had written to since `windowStart`, before
    /// and after this message (FINRA 2210's retail-communication count).
    func noteRecipients(sender: Data, recipients: [Data], at: Int64, windowStart: Int64) throws -> (before: Int, after: Int)
}

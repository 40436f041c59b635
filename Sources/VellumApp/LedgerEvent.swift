public import Foundation
import VellumCore

/// One event of the archive's history, as the ledger commits to it.
///
/// Events carry ids, commitments and digests, never content: the ledger can be shown to anyone.
public struct LedgerEvent: Sendable, Hashable, Codable {
    public enum EventType: String, Sendable, Hashable, Codable {
        case archiveCreated = "archive.created"
        case capture
        case quarantine
        case quarantineResolved = "quarantine.resolved"
        case access
        case directoryImport = "directory.import"
        /// A surveillance rule or the sampler put a record in the review queue.
        case alert
        /// A reviewer assigned, reviewed, escalated, closed or reopened an alert.
        case alertAction = "alert.action"
        /// A policy file was applied; the commitment is the digest of its canonical form.
        case policyChange = "policy.change"
        /// Capture configuration changed (a WeCom private key sealed in, …).
        case captureConfiguration = "capture.configuration"
        /// A legal hold was created or released (the action says which; the hold id is in records).
        case legalHold = "legal.hold"
        /// A record whose retention ended was deleted (its key destroyed); `kind` names the rule.
        case disposition = "record.disposed"
        /// A record was crypto-shredded for a privacy request; `kind` names the request.
        case erasure = "record.erased"
        /// Records kept after an erasure request were restricted (`records`), for the request in `kind`.
        case restriction = "record.restricted"
        /// A privacy request was registered or moved (the action says how; its id is in records).
        case privacyRequest = "privacy.request"
        /// Staff access changed: an account created, its role changed, disabled, a password reset,
        /// an API token issued or revoked, a sign-in or sign-out (the action says which; the
        /// account or token in `kind`).
        case staff
        /// A webhook delivery was refused (bad signature or secret, too large); nothing of it was
        /// kept. `kind` names the channel, `commitment` the SHA-256 of the body.
        case deliveryRejected = "delivery.rejected"
    }

    public var type: EventType
    /// Milliseconds since the epoch.
    public var at: Int64
    public var record: String?
    /// Hex of the record's commitment (capture) or of a digest of what the event is about.
    public var commitment: String?
    public var kind: String?
    public var actor: String?
    public var action: String?
    /// The alert an `alert` or `alert.action` event is about.
    public var alert: Int64?
    public var records: [String]?
    public var count: Int?
    public var quarantine: Int64?
    /// Sealed details (e.g. the text of a search) for auditors, base64.
    public var sealed: String?

    public init(
        type: EventType, at: Int64, record: String? = nil, commitment: String? = nil, kind: String? = nil,
        actor: String? = nil, action: String? = nil, alert: Int64? = nil, records: [String]? = nil,
        count: Int? = nil, quarantine: Int64? = nil, sealed: String? = nil
    ) {
        self.type = type
        self.at = at
        self.record = record
        self.commitment = commitment
        self.kind = kind
        self.actor = actor
        self.action = action
        self.alert = alert
        self.records = records
        self.count = count
        self.quarantine = quarantine
        self.sealed = sealed
    }

    /// The exact bytes the leaf hash covers: JSON with sorted keys.
    public func canonicalBytes() -> Data {
        var w = CanonicalJSON()
        w.object { w in
            w.field("action", action)
            w.field("actor", actor)
            w.field("alert", alert)
            w.field("at", at)
            w.field("commitment", commitment)
            w.field("count", count.map(Int64.init))
            w.field("kind", kind)
            w.field("quarantine", quarantine)
            w.field("record", record)
            if let records {
                w.key("records")
                w.array(records) { w, r in w.string(r) }
            }
            w.field("sealed", sealed)
            w.field("type", type.rawValue)
        }
        return w.data
    }

    public static func decode(_ bytes: Data) throws -> LedgerEvent {
        try JSONDecoder().decode(LedgerEvent.self, from: bytes)
    }

}

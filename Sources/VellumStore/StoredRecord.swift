public import Foundation
public import VellumCore

/// A record as a store keeps it: sealed content plus the keyed metadata searches filter on.
///
/// Nothing here is plaintext content: names, handles and text live in `body`, sealed under the
/// data key of `scope`; keys (`sourceKey`, `senderKey` …) are keyed hashes.
public struct StoredRecord: Sendable, Hashable {
    /// Always `RecordID(sourceKey: sourceKey)`: stores may find records by id through their
    /// source-key index (the embedded store does, and refuses a record whose id is not so derived).
    public var id: RecordID
    public var sourceKey: Data
    public var channel: Channel
    public var kind: RecordKind
    /// For an edit or recall: the source key of the message it changes (which may arrive later).
    public var targetKey: Data?
    public var conversationKey: Data
    public var senderKey: Data
    /// Keys of every participant, the sender included.
    public var participantKeys: [Data]
    /// When the source says it was sent, milliseconds since the epoch (UTC).
    public var sentAt: Int64
    /// When Vellum captured it.
    public var capturedAt: Int64
    /// The data-key scope its content is sealed under.
    public var scope: Data
    public var body: Data
    public var commitment: Data
    /// The ledger entry that recorded its capture.
    public var ledgerIndex: UInt64
    /// Sealed attachment blobs.
    public var blobRefs: [String]
    /// The record's own data key, wrapped under its scope's key: the body, attachments and alerts
    /// of this record are sealed under it, so deleting these bytes shreds the record alone.
    /// Nil for records sealed directly under the scope key (archives made before keys per record).
    public var recordKey: Data?
    /// Keyed tags the application derived from the content at capture (`has:attachment`,
    /// `kind:payment`, `detector:iban`), for filters the blind index cannot answer from words.
    public var tagKeys: [Data]

    public init(
        id: RecordID, sourceKey: Data, channel: Channel, kind: RecordKind, targetKey: Data?, conversationKey: Data,
        senderKey: Data, participantKeys: [Data], sentAt: Int64, capturedAt: Int64, scope: Data, body: Data,
        commitment: Data, ledgerIndex: UInt64, blobRefs: [String], recordKey: Data? = nil, tagKeys: [Data] = []
    ) {
        self.id = id
        self.sourceKey = sourceKey
        self.channel = channel
        self.kind = kind
        self.targetKey = targetKey
        self.conversationKey = conversationKey
        self.senderKey = senderKey
        self.participantKeys = participantKeys
        self.sentAt = sentAt
        self.capturedAt = capturedAt
        self.scope = scope
        self.body = body
        self.commitment = commitment
        self.ledgerIndex = ledgerIndex
        self.blobRefs = blobRefs
        self.recordKey = recordKey
        self.tagKeys = tagKeys
    }
}

/// One leaf of the ledger: the canonical bytes of an event and their RFC 9162 leaf hash.
public struct LedgerEntry: Sendable, Hashable {
    public var index: UInt64
    public var payload: Data
    public var leafHash: Data

    public init(index: UInt64, payload: Data, leafHash: Data) {
        self.index = index
        self.payload = payload
        self.leafHash = leafHash
    }
}

/// Input that could not be made into a record, kept sealed until someone deals with it.
public struct QuarantineItem: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable { case open, resolved }
    public var id: Int64
    public var receivedAt: Int64
    public var format: String
    /// A content-free reason naming the file, line and field.
    public var reason: String
    /// Keyed hash of the raw bytes and format, so the same bad line is held once.
    public var rawKey: Data
    /// The raw bytes and where they came from, sealed under the quarantine scope.
    public var sealed: Data
    public var status: Status
    public var ledgerIndex: UInt64
    public var resolvedRecord: RecordID?

    public init(
        id: Int64, receivedAt: Int64, format: String, reason: String, rawKey: Data, sealed: Data,
        status: Status, ledgerIndex: UInt64, resolvedRecord: RecordID? = nil
    ) {
        self.id = id
        self.receivedAt = receivedAt
        self.format = format
        self.reason = reason
        self.rawKey = rawKey
        self.sealed = sealed
        self.status = status
        self.ledgerIndex = ledgerIndex
        self.resolvedRecord = resolvedRecord
    }
}

/// An employee directory entry, sealed, with the keyed identifiers that find it.
public struct StoredEmployee: Sendable, Hashable {
    public var key: Data
    public var sealed: Data
    public var identifierKeys: [Data]

    public init(key: Data, sealed: Data, identifierKeys: [Data]) {
        self.key = key
        self.sealed = sealed
        self.identifierKeys = identifierKeys
    }
}

/// What is left of a record that was deleted by disposition or crypto-shredded by an erasure: the
/// keyed source key (so the same message is never captured again), the commitment the ledger holds,
/// and the ledger entries of its capture and of its removal. `verify` accounts for the absence with it.
public struct RecordRemoval: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable, Codable {
        /// Its retention period ended and no hold protected it.
        case retention
        /// A privacy request erased it.
        case erasure
    }

    public var id: RecordID
    public var sourceKey: Data
    public var commitment: Data
    public var captureIndex: UInt64
    /// The ledger entry that records the removal.
    public var ledgerIndex: UInt64
    public var reason: Reason
    /// Milliseconds since the epoch.
    public var at: Int64

    public init(
        id: RecordID, sourceKey: Data, commitment: Data, captureIndex: UInt64, ledgerIndex: UInt64, reason: Reason,
        at: Int64
    ) {
        self.id = id
        self.sourceKey = sourceKey
        self.commitment = commitment
        self.captureIndex = captureIndex
        self.ledgerIndex = ledgerIndex
        self.reason = reason
        self.at = at
    }
}

/// A record kept after an erasure request because something (a hold, retention, a legal claim)
/// still needs it: stored only, shown only to legal and compliance roles, erased when the obstacle ends.
public struct RecordRestriction: Sendable, Hashable {
    public var id: RecordID
    /// The privacy request that restricted it.
    public var request: String
    /// Milliseconds since the epoch.
    public var since: Int64

    public init(id: RecordID, request: String, since: Int64) {
        self.id = id
        self.request = request
        self.since = since
    }
}

public import Foundation
public import VellumCore

/// One archived record as the archive hands it to the exporter: decrypted, with its ledger
/// evidence.
///
/// Revisions (edits, recalls, reactions, statuses) are records too: they name their target by
/// its source native id. The exporter folds them into the target where the format allows
/// (RSMF) and shows them as their own lines elsewhere.
public struct ExportMessage: Sendable {
    /// The archive's record id; unique within an export.
    public var recordID: RecordID
    /// The source's own id of the message (WeCom msgid, WhatsApp wamid, Signal timestamp …).
    public var sourceID: String
    public var channel: Channel
    /// The capturing account (an employee's number, a WeCom corp); empty when there is none.
    public var account: String
    /// The conversation; every message of one ``ExportSession/add(conversation:messages:)``
    /// call must carry the same id.
    public var conversation: Conversation
    public var sentAt: Timestamp
    public var sender: ExportParty
    public var recipients: [ExportParty]
    /// The text, unmasked; the session masks it when the context asks for masking.
    public var text: String?
    /// ``MessageKind`` of the record (`text`, `image`, `system` …).
    public var kind: MessageKind
    public var attachments: [ExportAttachment]
    /// The source native id of the message this one replies to.
    public var replyTo: String?
    public var revision: ExportRevision?
    /// Structured content the kind carries (`latitude`, `amount_fen` …), exported as is.
    public var fields: [String: String]
    /// The record's commitment, lowercase hex, as the ledger holds it.
    public var commitment: String
    /// The exact bytes of the record's ledger leaf (canonical JSON of the capture event:
    /// `{"at":…,"commitment":"…","kind":"…","record":"…","type":"capture"}`).
    public var ledgerLeaf: Data
    /// The proof that ``ledgerLeaf`` is in the tree of ``ExportContext/treeHead``.
    public var inclusionProof: InclusionProof

    public init(
        recordID: RecordID, sourceID: String, channel: Channel, account: String = "",
        conversation: Conversation, sentAt: Timestamp, sender: ExportParty, recipients: [ExportParty] = [],
        text: String? = nil, kind: MessageKind = .text, attachments: [ExportAttachment] = [],
        replyTo: String? = nil, revision: ExportRevision? = nil, fields: [String: String] = [:],
        commitment: String, ledgerLeaf: Data, inclusionProof: InclusionProof
    ) {
        self.recordID = recordID
        self.sourceID = sourceID
        self.channel = channel
        self.account = account
        self.conversation = conversation
        self.sentAt = sentAt
        self.sender = sender
        self.recipients = recipients
        self.text = text
        self.kind = kind
        self.attachments = attachments
        self.replyTo = replyTo
        self.revision = revision
        self.fields = fields
        self.commitment = commitment
        self.ledgerLeaf = ledgerLeaf
        self.inclusionProof = inclusionProof
    }

    /// The record's ledger leaf index (from its proof).
    public var leafIndex: UInt64 { inclusionProof.leafIndex }

    /// The sender first, then the recipients, without repeats.
    var parties: [ExportParty] {
        var seen = Set<String>()
        return ([sender] + recipients).filter { seen.insert($0.id).inserted }
    }
}

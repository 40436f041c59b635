public import Foundation
public import VellumCore
public import VellumExport

/// Short constructors for test messages; ``SyntheticLedger/seal(_:otherLeaves:timestamp:)``
/// fills in the leaf and the proof afterwards.
public enum Draft {
    /// A message with a derived commitment and an empty proof.
    public static func message(
        _ record: String, _ source: String, in conversation: Conversation, channel: Channel = .whatsapp,
        at time: Timestamp, from sender: ExportParty, to recipients: [ExportParty], text: String? = nil,
        kind: MessageKind = .text, attachments: [ExportAttachment] = [], replyTo: String? = nil,
        revision: ExportRevision? = nil, fields: [String: String] = [:]
    ) -> ExportMessage {
        ExportMessage(
            recordID: RecordID(record), sourceID: source, channel: channel, account: "+8613800000001",
            conversation: conversation, sentAt: time, sender: sender, recipients: recipients, text: text, kind: kind,
            attachments: attachments, replyTo: replyTo, revision: revision, fields: fields,
            commitment: SyntheticLedger.commitment(record + "|" + (text ?? "")), ledgerLeaf: Data(),
            inclusionProof: InclusionProof(leafIndex: 0, treeSize: 0, auditPath: []))
    }

    /// A context for `head` with a custodian and the given masking.
    public static func context(
        _ head: ExportTreeHead,
        custodian: ExportContext.Custodian? = ExportContext.Custodian(employeeID: "E001", name: "Alice Zhang"),
        masking: ExportMasking = .off
    ) -> ExportContext {
        ExportContext(
            treeHead: head, query: "custodian:E001 after:2026-03-01", actor: "reviewer@example.com",
            createdAt: Timestamp(seconds: 1_773_000_000, offsetSeconds: 28_800), custodian: custodian, masking: masking)
    }

    /// A small PNG (1×1, valid) padded with a text chunk to `size` bytes at least.
    public static func png(size: Int = 67) -> Data {
        var d = Data(
            base64Encoded:
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==")!
        if size > d.count { d.append(Data(repeating: 0x20, count: size - d.count)) }
        return d
    }
}

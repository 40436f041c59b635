import Foundation
import VellumCore
public import VellumExport

/// A deterministic synthetic archive for benchmarks: `conversations` × `messagesPerConversation`
/// messages with replies, edits, reactions, statuses, recalls, system notices, CJK text and
/// attachments, generated lazily (only the ledger's leaf hashes are held).
public struct SyntheticCorpus {
    public let conversations: Int
    public let messagesPerConversation: Int
    /// Every `attachmentEvery`-th plain message carries an image of `attachmentBytes`.
    public let attachmentEvery: Int
    public let attachmentBytes: Int
    public let ledger = SyntheticLedger()
    public private(set) var treeHead: ExportTreeHead?
    static let start: Int64 = 1_772_323_200  // 2026-03-01T00:00:00Z

    public init(
        conversations: Int, messagesPerConversation: Int, attachmentEvery: Int = 20, attachmentBytes: Int = 8_192
    ) {
        self.conversations = conversations
        self.messagesPerConversation = messagesPerConversation
        self.attachmentEvery = attachmentEvery
        self.attachmentBytes = attachmentBytes
    }

    /// Appends every capture leaf and seals the ledger.
    public mutating func seal() -> ExportTreeHead {
        for c in 0..<conversations {
            for i in 0..<messagesPerConversation {
                let m = draft(c, i)
                ledger.append(
                    SyntheticLedger.captureLeaf(
                        record: m.recordID.rawValue, commitment: m.commitment, kind: m.kind.rawValue,
                        at: m.sentAt.epochMilliseconds))
            }
        }
        let head = ledger.seal(timestamp: (Self.start + 90 * 86_400) * 1000)
        treeHead = head
        return head
    }

    /// Conversation `c` as a lazy sequence of finished messages (call ``seal()`` first).
    public func conversation(_ c: Int) -> some Sequence<ExportMessage> {
        let base = UInt64(c * messagesPerConversation)
        return (0..<messagesPerConversation).lazy.map { i in
            var m = draft(c, i)
            m.ledgerLeaf = SyntheticLedger.captureLeaf(
                record: m.recordID.rawValue, commitment: m.commitment, kind: m.kind.rawValue,
                at: m.sentAt.epochMilliseconds)
            m.inclusionProof = ledger.proof(base + UInt64(i))
            return m
        }
    }

    static let english = [
        "Can you send the revised term sheet before the call?", "Client wants the fee schedule in CNY, not USD.",
        "Noted. I'll loop in compliance.", "Price is 4.25 firm until Friday <b>close</b> & \"final\".",
        "Let's take this offline, call me on my mobile 138 0013 8000.", "Sounds good 👍",
    ]
    static let chinese = ["请把合同发给我，今天下班前。", "客户同意了，价格不变。", "好的，我马上处理。", "明天上午十点开会讨论这个项目。"]

    func draft(_ c: Int, _ i: Int) -> ExportMessage {
        let group = c % 3 == 0
        let conversation = Conversation(
            id: "conv-\(c)", kind: group ? .group : .direct, title: group ? "Deal team \(c)" : nil)
        let custodian = ExportParty(id: "+8613800000001", name: "Alice Zhang", employeeID: "E001")
        var others = [ExportParty(id: "+4479460\(String(format: "%05d", c))", name: "Contact \(c)")]
        if group {
            for k in 1...3 {
                others.append(
                    ExportParty(id: "+8613900\(String(format: "%03d%02d", c % 1000, k))", name: "Member \(k)"))
            }
        }
        let everyone = [custodian] + others
        let sender = everyone[(i * 7 + c) % everyone.count]
        let recipients = everyone.filter { $0.id != sender.id }
        let time = Timestamp(seconds: Self.start + Int64(c * 3_600 + i * 97), offsetSeconds: 28_800)
        let r = i % 20
        var text: String? =
            (c + i) % 4 == 0
            ? Self.chinese[(c + i) % Self.chinese.count] : Self.english[(c * 3 + i) % Self.english.count]
        var kind = MessageKind.text
        var revision: ExportRevision?
        var replyTo: String?
        var attachments: [ExportAttachment] = []
        switch r {
        case 8: revision = .edit(of: "m\(c)-\(i - 1)"); text = "(edited) " + (text ?? "")
        case 12:
            revision = .reaction(to: "m\(c)-\(i - 2)", emoji: ["👍", "❤️", "😂"][i % 3]); text = nil; kind = .reaction
        case 15: revision = .status(of: "m\(c)-\(i - 1)", status: "read"); text = nil; kind = .status
        case 19 where i % 100 == 99: revision = .recall(of: "m\(c)-\(i - 2)"); text = nil; kind = .recall
        case 5: replyTo = "m\(c)-\(i - 3)"
        case 3 where i % 200 == 3: kind = .system; text = "\(sender.displayName) added Member 9"
        default:
            if i % attachmentEvery == 1 {
                kind = .image
                let bytes = Draft.png(size: attachmentBytes)
                attachments = [ExportAttachment(name: "photo_\(i).png", mediaType: "image/png", bytes: bytes)]
            }
        }
        let record = String(format: "r%04d%06d", c, i)
        return Draft.message(
            record, "m\(c)-\(i)", in: conversation, at: time, from: sender, to: recipients, text: text, kind: kind,
            attachments: attachments, replyTo: replyTo, revision: revision)
    }
}

public import Foundation

/// A message in Vellum's canonical model, whatever channel it came from.
///
/// Edits and recalls are messages too (``revision``): the archive keeps them as new versions
/// of the original and never overwrites it.
public struct Message: Sendable, Hashable, Codable {
    public var source: SourceRef
    public var conversation: Conversation
    public var sentAt: Timestamp
    public var sender: Party
    public var recipients: [Party]
    public var text: String?
    public var attachments: [Attachment]
    /// The native id of the message this one replies to.
    public var replyTo: String?
    /// Set when this message edits or recalls an earlier one.
    public var revision: Revision?
    /// What the message is (text, image, reaction …).
    public var kind: MessageKind
    /// The source's own name for the type (`redpacket`, `ChatRecordText`, `interactive.button_reply`).
    public var nativeType: String?
    /// Structured content the kind carries, flat and sorted by key (`latitude`, `amount_fen`,
    /// `vote.items` …). Each capture documents its keys; nothing the source said is dropped,
    /// because ``raw`` keeps the original too.
    public var fields: [String: String]
    /// Files the message names but does not carry (yet).
    public var media: [MediaReference]
    /// The text of the message quoted in a reply, when the channel inlines it.
    public var quotedText: String?
    /// Whether the message was forwarded from elsewhere.
    public var forwarded: Bool
    /// The name of the format the message was read from (`jsonl`, `wecom`, …).
    public var format: String
    /// The exact bytes the source gave, unknown fields included.
    public var raw: Data

    public init(
        source: SourceRef, conversation: Conversation, sentAt: Timestamp, sender: Party,
        recipients: [Party] = [], text: String? = nil, attachments: [Attachment] = [],
        replyTo: String? = nil, revision: Revision? = nil, kind: MessageKind? = nil, nativeType: String? = nil,
        fields: [String: String] = [:], media: [MediaReference] = [], quotedText: String? = nil,
        forwarded: Bool = false, format: String, raw: Data
    ) {
        self.source = source
        self.conversation = conversation
        self.sentAt = sentAt
        self.sender = sender
        self.recipients = recipients
        self.text = text
        self.attachments = attachments
        self.replyTo = replyTo
        self.revision = revision
        self.kind = kind ?? revision?.impliedKind ?? .text
        self.nativeType = nativeType
        self.fields = fields
        self.media = media
        self.quotedText = quotedText
        self.forwarded = forwarded
        self.format = format
        self.raw = raw
    }

    /// Everyone in the message: the sender first, then the recipients, without repeats.
    public var participants: [Party] {
        var seen = Set<String>()
        return ([sender] + recipients).filter { seen.insert($0.id).inserted }
    }
}

/// A conversation as the source names it.
public struct Conversation: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable { case direct, group }
    public var id: String
    public var kind: Kind
    public var title: String?

    public init(id: String, kind: Kind, title: String? = nil) {
        self.id = id
        self.kind = kind
        self.title = title
    }
}

/// Someone who sends or receives a message, as the channel identifies them.
public struct Party: Sendable, Hashable, Codable {
    /// The channel's identifier: a phone number, a WeCom userid, a Telegram id …
    public var id: String
    public var name: String?

    public init(id: String, name: String? = nil) {
        self.id = id
        self.name = name
    }
}

/// A file sent with a message.
public struct Attachment: Sendable, Hashable, Codable {
    public var name: String
    public var mediaType: String
    public var content: Data

    public init(name: String, mediaType: String, content: Data) {
        self.name = name
        self.mediaType = mediaType
        self.content = content
    }
}

/// How a message changes or annotates an earlier one. The earlier one is never overwritten: the
/// archive keeps both, linked.
public enum Revision: Sendable, Hashable, Codable {
    /// New text for the message with this native id.
    case edit(of: String)
    /// The message with this native id was recalled or deleted by its sender.
    case recall(of: String)
    /// A reaction to the message with this native id (the emoji in ``Message/text``; empty removes it).
    case reaction(to: String)
    /// A delivery status of the message with this native id (in ``Message/fields``).
    case status(of: String)
    /// Files of the message with this native id, downloaded after it was captured (in
    /// ``Message/attachments``): the original record keeps its media references untouched.
    case media(of: String)

    public var targetID: String {
        switch self {
        case .edit(let id), .recall(let id), .reaction(let id), .status(let id), .media(let id): id
        }
    }

    /// The record kind the archive files this revision under.
    public var recordKind: RecordKind {
        switch self {
        case .edit: .edit
        case .recall: .recall
        case .reaction: .reaction
        case .status: .status
        case .media: .media
        }
    }

    var impliedKind: MessageKind {
        switch self {
        case .edit: .text
        case .recall: .recall
        case .reaction: .reaction
        case .status: .status
        case .media: .file
        }
    }
}

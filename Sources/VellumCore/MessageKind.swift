/// What a captured item is, across channels: a text, a photo, a location, a reaction …
///
/// A string-backed value rather than a closed enum: channels keep adding types (WeCom's table
/// grows every year), and an archive must store a kind it does not know yet rather than refuse
/// it. The source's own type name is kept beside it in ``Message/nativeType``.
public struct MessageKind: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    /// Plain text (quoted replies included).
    public static let text = MessageKind("text")
    public static let image = MessageKind("image")
    public static let video = MessageKind("video")
    /// A voice note or audio file.
    public static let audio = MessageKind("audio")
    public static let file = MessageKind("file")
    /// A sticker or emoticon image.
    public static let sticker = MessageKind("sticker")
    public static let location = MessageKind("location")
    /// A shared contact or business card.
    public static let contact = MessageKind("contact")
    /// A link preview, mini-program, article or shared document.
    public static let link = MessageKind("link")
    /// Several parts in one message (text with images …).
    public static let mixed = MessageKind("mixed")
    /// A forwarded bundle of earlier messages (WeCom chatrecord).
    public static let bundle = MessageKind("bundle")
    public static let poll = MessageKind("poll")
    /// Money: red packets, payments, orders.
    public static let payment = MessageKind("payment")
    /// Calls, meetings and calendar invitations.
    public static let call = MessageKind("call")
    public static let meeting = MessageKind("meeting")
    /// An interactive reply (button, list) or form.
    public static let interactive = MessageKind("interactive")
    /// A notice from the platform: member joined, number changed, chat switched …
    public static let system = MessageKind("system")
    /// A reaction to another message (``Revision/reaction(to:)``); empty text removes it.
    public static let reaction = MessageKind("reaction")
    /// A delivery status of another message (``Revision/status(of:)``).
    public static let status = MessageKind("status")
    /// An edit of another message.
    public static let edit = MessageKind("edit")
    /// A recall or deletion of another message.
    public static let recall = MessageKind("recall")
    /// A person's consent or refusal to be archived (WeCom agree/disagree).
    public static let consent = MessageKind("consent")
    /// A type the capture does not understand: archived verbatim from ``Message/raw`` and counted.
    public static let unknown = MessageKind("unknown")
}

/// A file a message refers to but does not carry: a WeCom `sdkfileid`, a WhatsApp media id, a
/// Telegram `file_id`, an export's "<Media omitted>".
///
/// The capture fetches what it can before sealing; what it cannot fetch stays here, visible and
/// retryable, rather than silently lost.
public struct MediaReference: Sendable, Hashable, Codable {
    /// The source's handle for fetching the file; empty when there is none (omitted in an export).
    public var handle: String
    public var name: String?
    public var mediaType: String?
    public var size: Int64?
    /// Digests the source vouches for, by algorithm (`md5`, `sha256`), lowercase hex.
    public var digests: [String: String]
    /// Why the file is not attached (not fetched yet, omitted by the exporter, failed: reason).
    public var note: String?

    public init(
        handle: String, name: String? = nil, mediaType: String? = nil, size: Int64? = nil,
        digests: [String: String] = [:], note: String? = nil
    ) {
        self.handle = handle
        self.name = name
        self.mediaType = mediaType
        self.size = size
        self.digests = digests
        self.note = note
    }
}

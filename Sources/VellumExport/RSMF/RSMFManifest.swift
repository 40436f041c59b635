/// An RSMF 2.0 manifest as the reader decodes it (every property optional that the schema
/// leaves optional).
public struct RSMFManifest: Sendable, Decodable, Hashable {
    /// A `custom` name/value pair.
    public struct Custom: Sendable, Decodable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Someone who took part in an event.
    public struct Participant: Sendable, Decodable, Hashable {
        public var id: String
        public var display: String?
        public var email: String?
        public var avatar: String?
        public var accountID: String?
        public var custom: [Custom]?

        enum CodingKeys: String, CodingKey {
            case id, display, email, avatar, custom
            case accountID = "account_id"
        }
    }

    /// A conversation on a platform.
    public struct Conversation: Sendable, Decodable, Hashable {
        public var id: String
        public var display: String?
        public var platform: String
        public var type: String?
        public var participants: [String]
        public var custodian: String?
        public var icon: String?
        public var custom: [Custom]?
    }

    /// A reaction to an event, with the reacting participants.
    public struct Reaction: Sendable, Decodable, Hashable {
        public var value: String
        public var count: Int?
        public var participants: [String]?
    }

    /// A file in `rsmf.zip` attached to an event.
    public struct Attachment: Sendable, Decodable, Hashable {
        public var id: String
        public var display: String?
        public var size: Int64?
    }

    /// One edit of an event's body.
    public struct Edit: Sendable, Decodable, Hashable {
        public var participant: String
        public var timestamp: String?
        public var previous: String?
        public var new: String?
    }

    /// A read or delivered receipt of an event.
    public struct ReadReceipt: Sendable, Decodable, Hashable {
        public var participant: String
        public var timestamp: String?
        public var action: String?
    }

    /// A message, notice or other event of a conversation.
    public struct Event: Sendable, Decodable, Hashable {
        public var id: String?
        public var type: String
        public var parent: String?
        public var body: String?
        public var participant: String?
        public var conversation: String?
        public var timestamp: String?
        public var deleted: Bool?
        public var importance: String?
        public var reactions: [Reaction]?
        public var attachments: [Attachment]?
        public var edits: [Edit]?
        public var custom: [Custom]?
        public var direction: String?
        public var readReceipts: [ReadReceipt]?

        enum CodingKeys: String, CodingKey {
            case id, type, parent, body, participant, conversation, timestamp, deleted, importance, reactions
            case attachments, edits, custom, direction
            case readReceipts = "read_receipts"
        }

        /// The value of the custom property `name`, if any.
        public func custom(_ name: String) -> String? {
            custom?.first { $0.name == name }?.value
        }
    }

    public var version: String
    public var participants: [Participant]
    public var conversations: [Conversation]
    public var events: [Event]
    public var eventcollectionid: String?
}

import Foundation
import VellumCore

/// The canonical form of a captured message: what is sealed and what the commitment covers.
///
/// JSON with sorted keys; attachments appear by size, SHA-256 and sealed-blob reference, so the
/// commitment covers their content too. `employees` records how the pipeline resolved people.
struct ArchivedMessage: Codable, Hashable {
    struct Person: Codable, Hashable {
        var id: String
        var name: String?
        /// The employee id the directory gave this identifier at capture time, if any.
        var employee: String?
    }

    struct File: Codable, Hashable {
        var name: String
        var media_type: String
        var size: Int
        var sha256: String
        var blob: String
    }

    var v = 1
    var channel: Channel
    var account: String
    var id: String
    var conversation: Conversation
    var sent_at: String
    var from: Person
    var to: [Person]
    var text: String?
    var attachments: [File]
    var reply_to: String?
    var edit_of: String?
    var recall_of: String?
    var format: String
    var raw: Data
    var captured_at: Int64

    var kind: RecordKind {
        edit_of != nil ? .edit : recall_of != nil ? .recall : .message
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    func canonicalBytes() throws -> Data { try Self.encoder.encode(self) }

    static func decode(_ data: Data) throws -> ArchivedMessage {
        try JSONDecoder().decode(ArchivedMessage.self, from: data)
    }

    /// The text the blind index is built from: the message text and the attachment names.
    var indexedText: String {
        ([text ?? ""] + attachments.map(\.name)).joined(separator: "\n")
    }
}

/// A record opened: its commitment nonce and canonical bytes, and the decoded message.
struct OpenedRecord {
    var nonce: Data
    var canonical: Data
    var message: ArchivedMessage

    static let nonceLength = 32

    /// Sealed body layout: 32-byte nonce followed by the canonical bytes.
    static func plaintext(nonce: Data, canonical: Data) -> Data { nonce + canonical }

    init(nonce: Data, canonical: Data, message: ArchivedMessage) {
        self.nonce = nonce
        self.canonical = canonical
        self.message = message
    }

    init(plaintext: Data) throws {
        guard plaintext.count > Self.nonceLength else {
            throw VellumError(.integrity, "sealed record is too short")
        }
        nonce = plaintext.prefix(Self.nonceLength)
        canonical = plaintext.dropFirst(Self.nonceLength)
        message = try ArchivedMessage.decode(canonical)
    }
}

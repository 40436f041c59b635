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

    /// JSON with sorted keys, written by hand (the ingest path's hottest encoding).
    func canonicalBytes() -> Data {
        var w = CanonicalJSON()
        w.object { w in
            w.field("account", account)
            w.key("attachments")
            w.array(attachments) { w, f in
                w.object { w in
                    w.field("blob", f.blob)
                    w.field("media_type", f.media_type)
                    w.field("name", f.name)
                    w.field("sha256", f.sha256)
                    w.field("size", Int64(f.size))
                }
            }
            w.field("captured_at", captured_at)
            w.field("channel", channel.rawValue)
            w.key("conversation")
            w.object { w in
                w.field("id", conversation.id)
                w.field("kind", conversation.kind.rawValue)
                w.field("title", conversation.title)
            }
            w.field("edit_of", edit_of)
            w.field("format", format)
            w.key("from")
            Self.write(from, &w)
            w.field("id", id)
            w.key("raw")
            w.base64(raw)
            w.field("recall_of", recall_of)
            w.field("reply_to", reply_to)
            w.field("sent_at", sent_at)
            w.field("text", text)
            w.key("to")
            w.array(to) { w, p in Self.write(p, &w) }
            w.field("v", Int64(v))
        }
        return w.data
    }

    static func write(_ p: Person, _ w: inout CanonicalJSON) {
        w.object { w in
            w.field("employee", p.employee)
            w.field("id", p.id)
            w.field("name", p.name)
        }
    }

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

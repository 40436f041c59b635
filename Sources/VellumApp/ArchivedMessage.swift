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

    /// A file named but not carried (see ``MediaReference``).
    struct MediaRef: Codable, Hashable {
        var handle: String
        var name: String?
        var media_type: String?
        var size: Int64?
        var digests: [String: String]?
        var note: String?
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
    var reaction_to: String?
    var status_of: String?
    /// Set on a media arrival: the native id of the message whose files this record carries.
    var media_of: String?
    /// Absent in records written before kinds existed: those are text.
    var kind_name: String?
    var native_type: String?
    var fields: [String: String]?
    var media: [MediaRef]?
    var quote: String?
    var forwarded: Bool?
    var format: String
    var raw: Data
    var captured_at: Int64

    enum CodingKeys: String, CodingKey {
        case v, channel, account, id, conversation, sent_at, from, to, text, attachments, reply_to, edit_of,
            recall_of, reaction_to, status_of, media_of, native_type, fields, media, quote, forwarded, format, raw, captured_at
        case kind_name = "kind"
    }

    var kind: RecordKind {
        if edit_of != nil { return .edit }
        if recall_of != nil { return .recall }
        if reaction_to != nil { return .reaction }
        if status_of != nil { return .status }
        if media_of != nil { return .media }
        return .message
    }

    /// What the message is; text for records written before kinds existed.
    var messageKind: MessageKind { kind_name.map(MessageKind.init(rawValue:)) ?? .text }

    /// The native id of the message this record revises, reacts to or reports on.
    var targetID: String? { edit_of ?? recall_of ?? reaction_to ?? status_of ?? media_of }

    /// JSON with sorted keys, written by hand (the ingest path's hottest encoding).
    func canonicalBytes() -> Data {
        // The raw bytes go in as base64 (4/3 of their size), beside about as much again of fields.
        var w = CanonicalJSON(capacity: 512 + raw.count * 4 / 3 + 2 * (text?.utf8.count ?? 0))
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
            if let fields {
                w.key("fields")
                Self.write(fields, &w)
            }
            w.field("format", format)
            w.field("forwarded", forwarded)
            w.key("from")
            Self.write(from, &w)
            w.field("id", id)
            w.field("kind", kind_name)
            if let media {
                w.key("media")
                w.array(media) { w, m in
                    w.object { w in
                        if let digests = m.digests {
                            w.key("digests")
                            Self.write(digests, &w)
                        }
                        w.field("handle", m.handle)
                        w.field("media_type", m.media_type)
                        w.field("name", m.name)
                        w.field("note", m.note)
                        w.field("size", m.size)
                    }
                }
            }
            w.field("media_of", media_of)
            w.field("native_type", native_type)
            w.field("quote", quote)
            w.key("raw")
            w.base64(raw)
            w.field("reaction_to", reaction_to)
            w.field("recall_of", recall_of)
            w.field("reply_to", reply_to)
            w.field("sent_at", sent_at)
            w.field("status_of", status_of)
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

    static func write(_ map: [String: String], _ w: inout CanonicalJSON) {
        w.object { w in
            for key in map.keys.sorted() { w.field(key, map[key]) }
        }
    }

    static func decode(_ data: Data) throws -> ArchivedMessage {
        try JSONDecoder().decode(ArchivedMessage.self, from: data)
    }

    /// The text the blind index is built from: the message text, the quoted text and the file names.
    var indexedText: String {
        let body = [text ?? "", quote ?? ""]
        // Captures often name a file in the text as well; index (and show) each name once.
        let names = (attachments.map(\.name) + (media ?? []).compactMap(\.name)).filter { name in
            !body.contains { $0.contains(name) }
        }
        return (body + names).filter { !$0.isEmpty }.joined(separator: "\n")
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

import VellumCore

/// `messages.jsonl`: one JSON object per record and line, keys sorted, every value the
/// exporter knows about the record (paths relative to the export folder).
final class JSONLinesWriter: RecordWriter {
    let path = "messages.jsonl"
    private let out: OutputFile

    init(registry: OutputRegistry) throws {
        out = try registry.create(path)
    }

    func add(_ m: RenderedMessage, conversationKey: String, placement: RecordPlacement) throws {
        var w = CanonicalJSON()
        Self.write(m, conversationKey: conversationKey, placement: placement, to: &w)
        try out.write(w.bytes)
        try out.write([0x0A] as [UInt8])
    }

    func finish() throws { try out.close() }

    static func write(
        _ m: RenderedMessage, conversationKey: String, placement: RecordPlacement, to w: inout CanonicalJSON
    ) {
        let msg = m.message
        func party(_ w: inout CanonicalJSON, _ p: ExportParty) {
            w.object { w in
                w.field("employee_id", p.employeeID)
                w.field("id", p.id)
                w.field("name", p.name)
            }
        }
        w.object { w in
            w.field("account", msg.account)
            w.key("attachments")
            w.array(m.attachments) { w, a in
                w.object { w in
                    w.field("media_type", a.mediaType)
                    w.field("name", a.name)
                    w.field("path", a.storedPath)
                    w.field("sha256", a.sha256)
                    w.field("size", Int64(a.data.count))
                }
            }
            w.field("body", m.body)
            w.field("body_sha256", m.bodySHA256)
            w.field("channel", msg.channel.rawValue)
            w.field("commitment", msg.commitment)
            w.key("conversation")
            w.object { w in
                w.field("id", msg.conversation.id)
                w.field("key", conversationKey)
                w.field("kind", msg.conversation.kind.rawValue)
                w.field("title", msg.conversation.title)
            }
            w.key("fields")
            w.object { w in
                for (key, value) in msg.fields.sorted(by: { $0.key < $1.key }) { w.field(key, value) }
            }
            w.key("files")
            w.object { w in
                w.field("eml", placement.eml)
                w.field("html", placement.html)
                w.field("rsmf", placement.rsmf)
            }
            w.field("kind", msg.kind.rawValue)
            w.field("leaf_index", Int64(msg.leafIndex))
            w.field("masked", m.masked)
            w.key("recipients")
            w.array(msg.recipients) { w, p in party(&w, p) }
            w.field("record_id", m.recordID)
            w.field("reply_to", msg.replyTo)
            if let revision = msg.revision {
                w.key("revision")
                w.object { w in
                    if case .reaction(_, let emoji) = revision { w.field("emoji", emoji) }
                    if case .status(_, let status) = revision { w.field("status", status) }
                    w.field("target", revision.targetID)
                    w.field("type", revision.name)
                }
            }
            w.key("sender")
            party(&w, msg.sender)
            w.field("sent_at", msg.sentAt.rfc3339)
            w.field("source_id", msg.sourceID)
        }
    }
}

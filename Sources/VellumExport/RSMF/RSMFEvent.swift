import VellumCore

/// One RSMF 2.0 event as the writer builds it, revisions folded in.
struct RSMFEvent {
    struct Attachment {
        var id: String
        var display: String
        var size: Int64
    }

    struct Edit {
        var participant: String
        var timestamp: Timestamp
        var previous: String
        var new: String
    }

    struct ReadReceipt {
        var participant: String
        var timestamp: Timestamp
        var action: String
    }

    var id: String
    var type: String
    var conversation: String
    var participant: String
    var timestamp: Timestamp
    var body: String?
    var parent: String?
    var direction: String?
    var deleted = false
    var attachments: [Attachment] = []
    var edits: [Edit] = []
    /// Emoji in order of first use, and each reactor's current emoji (a reactor has one).
    var reactionOrder: [String] = []
    var reactionByParticipant: [String: String] = [:]
    var reactors: [String] = []
    var readReceipts: [ReadReceipt] = []
    var custom: [(name: String, value: String)] = []
    /// The body after the latest edit (the `previous` of the next one).
    var currentBody: String?

    mutating func addCustom(_ name: String, _ value: String?) {
        guard let value, !value.isEmpty, !name.isEmpty else { return }
        custom.append((name, value))
    }

    mutating func react(participant: String, emoji: String) {
        if !reactors.contains(participant) { reactors.append(participant) }
        if emoji.isEmpty {
            reactionByParticipant[participant] = nil
        } else {
            reactionByParticipant[participant] = emoji
            if !reactionOrder.contains(emoji) { reactionOrder.append(emoji) }
        }
    }

    /// `[(emoji, reactors)]` for the current reactions, emoji in first-use order.
    var reactions: [(value: String, participants: [String])] {
        reactionOrder.compactMap { emoji in
            let who = reactors.filter { reactionByParticipant[$0] == emoji }
            return who.isEmpty ? nil : (emoji, who)
        }
    }

    /// Writes the event object (keys sorted, as ``CanonicalJSON`` requires).
    func write(to w: inout CanonicalJSON) {
        w.object { w in
            if !attachments.isEmpty {
                w.key("attachments")
                w.array(attachments) { w, a in
                    w.object { w in
                        w.field("display", a.display)
                        w.field("id", a.id)
                        w.field("size", a.size)
                    }
                }
            }
            w.field("body", body)
            w.field("conversation", conversation)
            if !custom.isEmpty {
                w.key("custom")
                w.array(custom) { w, c in
                    w.object { w in
                        w.field("name", c.name)
                        w.field("value", c.value)
                    }
                }
            }
            if deleted { w.field("deleted", true) }
            w.field("direction", direction)
            if !edits.isEmpty {
                w.key("edits")
                w.array(edits) { w, e in
                    w.object { w in
                        w.field("new", e.new)
                        w.field("participant", e.participant)
                        w.field("previous", e.previous)
                        w.field("timestamp", e.timestamp.rfc3339)
                    }
                }
            }
            w.field("id", id)
            w.field("parent", parent)
            w.field("participant", participant)
            let current = reactions
            if !current.isEmpty {
                w.key("reactions")
                w.array(current) { w, r in
                    w.object { w in
                        w.field("count", Int64(r.participants.count))
                        w.key("participants")
                        w.array(r.participants) { w, p in w.string(p) }
                        w.field("value", r.value)
                    }
                }
            }
            if !readReceipts.isEmpty {
                w.key("read_receipts")
                w.array(readReceipts) { w, r in
                    w.object { w in
                        w.field("action", r.action)
                        w.field("participant", r.participant)
                        w.field("timestamp", r.timestamp.rfc3339)
                    }
                }
            }
            w.field("timestamp", timestamp.rfc3339)
            w.field("type", type)
        }
    }

    /// The event's lines in the EML's text part (the extracted text Relativity indexes).
    func transcript(names: [String: String]) -> String {
        let who = names[participant] ?? participant
        var out = "[\(LocalTime.display(timestamp))] \(who): \(body ?? "")\n"
        for a in attachments { out += "    [attachment: \(a.display)]\n" }
        for e in edits {
            out +=
                "    [edited \(LocalTime.display(e.timestamp)) by \(names[e.participant] ?? e.participant): \(e.new)]\n"
        }
        if deleted { out += "    [deleted]\n" }
        for r in reactions {
            out += "    [reaction \(r.value): \(r.participants.map { names[$0] ?? $0 }.joined(separator: ", "))]\n"
        }
        for r in readReceipts {
            out += "    [\(r.action) by \(names[r.participant] ?? r.participant) \(LocalTime.display(r.timestamp))]\n"
        }
        return out
    }
}

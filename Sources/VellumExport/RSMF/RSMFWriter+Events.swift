import Foundation
import VellumCore

extension RSMFWriter {
    /// Adds a message (or an unfoldable revision) as a new event.
    func append(_ m: RenderedMessage, to s: RSMFSlice) throws {
        let msg = m.message
        for party in msg.parties { s.register(party, custodianEmployeeID: custodian?.employeeID) }
        let sender = s.register(msg.sender, custodianEmployeeID: custodian?.employeeID)
        var event = RSMFEvent(
            id: m.recordID, type: Self.eventType(msg), conversation: conversation.id, participant: sender,
            timestamp: msg.sentAt, body: m.body)
        event.currentBody = m.body
        if let reply = msg.replyTo {
            if let index = s.eventIndexBySource[reply] {
                event.parent = s.events[index].id
            } else {
                event.addCustom("reply_to", reply)
            }
        }
        if let revision = msg.revision {
            event.addCustom("revision", revision.name)
            event.addCustom("revision_target", revision.targetID)
            if event.body == nil || event.body?.isEmpty == true { event.body = Self.describe(revision, m) }
            if case .status(_, let status) = revision { event.addCustom("status", status) }
            if case .reaction(_, let emoji) = revision {
                event.addCustom("reaction", emoji.isEmpty ? "(removed)" : emoji)
            }
        }
        for attachment in m.attachments {
            event.attachments.append(try s.addAttachment(attachment, modified: msg.sentAt.date))
        }
        lastAttachmentIDs = event.attachments.map(\.id)
        event.addCustom("record_id", m.recordID)
        event.addCustom("source_id", msg.sourceID)
        event.addCustom("kind", msg.kind.rawValue)
        event.addCustom("commitment", msg.commitment)
        event.addCustom("leaf_index", String(msg.leafIndex))
        event.addCustom("body_sha256", m.bodySHA256)
        if m.masked { event.addCustom("masked", "true") }
        for (key, value) in msg.fields.sorted(by: { $0.key < $1.key }) { event.addCustom("field." + key, value) }
        for a in m.attachments { event.addCustom("attachment_sha256", a.sha256) }
        let bodyBytes = m.body?.utf8.count ?? 0
        s.grow(manifest: 700 + bodyBytes * 2 + msg.fields.count * 80, text: 60 + bodyBytes)
        if msg.revision == nil { s.eventIndexBySource[msg.sourceID] = s.events.count }
        s.events.append(event)
    }

    /// Folds a revision into the event at `index`.
    func fold(_ m: RenderedMessage, into index: Int, slice s: RSMFSlice) {
        let msg = m.message
        let who = s.register(msg.sender, custodianEmployeeID: custodian?.employeeID)
        var text = 0
        switch msg.revision {
        case .edit:
            let new = m.body ?? ""
            s.events[index].edits.append(
                .init(participant: who, timestamp: msg.sentAt, previous: s.events[index].currentBody ?? "", new: new))
            s.events[index].currentBody = new
            text = new.utf8.count * 2
        case .recall:
            s.events[index].deleted = true
            s.events[index].addCustom("recalled_at", msg.sentAt.rfc3339)
            s.events[index].addCustom("recalled_by", who)
        case .reaction(_, let emoji):
            s.events[index].react(participant: who, emoji: emoji)
        case .status(_, let status):
            if let action = Self.receiptAction(status) {
                s.events[index].readReceipts.append(.init(participant: who, timestamp: msg.sentAt, action: action))
            } else {
                s.events[index].addCustom("status", "\(status) (\(who), \(msg.sentAt.rfc3339))")
            }
        case .media:
            // A media arrival carries files, so it stays an event of its own (see `add`); one
            // without files (never written) only names itself on its target.
            s.events[index].addCustom("media_record_id", m.recordID)
        case nil:
            break
        }
        s.events[index].addCustom("revision_record_id", m.recordID)
        s.grow(manifest: 250 + text, text: 60 + text / 2)
    }

    /// `read` or `delivered` for statuses RSMF can show as receipts.
    static func receiptAction(_ status: String) -> String? {
        switch status.lowercased() {
        case "read", "seen", "viewed", "played": "read"
        case "delivered": "delivered"
        default: nil
        }
    }

    /// The RSMF event type: system notices become `join`/`leave` when their text says so.
    static func eventType(_ m: ExportMessage) -> String {
        if m.revision != nil { return "unknown" }
        switch m.kind {
        case .system:
            let text = (m.text ?? "").lowercased()
            if ["joined", " added ", "was added", "加入", "邀请"].contains(where: text.contains) { return "join" }
            if [" left", "was removed", " removed ", "退出", "移出"].contains(where: text.contains) { return "leave" }
            return "unknown"
        case .unknown, .consent, .status, .edit, .recall, .reaction: return "unknown"
        default: return "message"
        }
    }

    /// A body for a standalone revision event.
    static func describe(_ revision: ExportRevision, _ m: RenderedMessage) -> String {
        switch revision {
        case .edit(let target): "Edited message \(target): \(m.body ?? "")"
        case .recall(let target): "Recalled message \(target)"
        case .reaction(let target, let emoji):
            emoji.isEmpty ? "Removed reaction to message \(target)" : "Reacted \(emoji) to message \(target)"
        case .status(let target, let status): "Message \(target): \(status)"
        case .media(let target): "Files of message \(target), downloaded later"
        }
    }
}

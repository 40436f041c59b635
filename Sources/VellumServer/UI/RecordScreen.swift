import Foundation
import Hummingbird
import VellumApp
import VellumCore

/// `/records/{id}`: the record in its conversation as chat bubbles (employees on the right),
/// every version of edited and recalled messages under the message, detected values masked
/// unless asked otherwise, its attachments as facts (never rendered), its inclusion proof.
/// `/records/{id}/retention`: why the archive keeps it, and until when.
struct RecordScreen: UIScreen {
    let server: VellumHTTPServer
    var menuPath: String { "/records" }
    /// Messages shown on each side of the record.
    static let around = 25

    func install(_ book: RouteBook, renderer: PageRenderer) {
        let archive = server.archive
        book.add(.get, "/records/{id}", .ui, .readRecords) { request, context, identity in
            let id = try context.parameters.require("id")
            let restricted = try RecordsAPI.wantsRestricted(request, identity)
            let mask = !request.queryBool("unmask")
            return try await Offload.run {
                // One access event for the whole view, naming every record shown, and whether
                // detected values were shown unmasked.
                let opened = try ConversationViewer(archive: archive).open(
                    id, actor: identity.actor, around: Self.around, includeRestricted: restricted, unmasked: !mask)
                let data = Self.data(opened.record, opened.neighbours, identity: identity, mask: mask, restricted: restricted)
                return renderer.render("record", data, title: "record.title", request: request, identity: identity)
            }
        }
        book.add(.get, "/records/{id}/retention", .ui, .viewPolicy) { request, context, identity in
            let id = try context.parameters.require("id")
            return try await Offload.run {
                let e = try ExplainService(archive: archive).explain(id, actor: identity.actor, today: Today.day)
                let data: [String: Any] = [
                    "record": e.record, "channel": e.channel.rawValue, "sent": e.sent_at,
                    "until": e.retain_until ?? "", "hasUntil": e.retain_until != nil, "winning": e.winning_rule ?? "",
                    "disposition": e.disposition, "restrictedBy": e.restricted_by ?? "", "restricted": e.restricted_by != nil,
                    "rules": e.matching_rules.map { ["rule": $0.rule, "until": $0.retain_until, "why": $0.why, "wins": $0.rule == e.winning_rule] },
                    "holds": e.holds.map { ["id": $0.id, "matter": $0.matter, "reason": $0.reason, "active": $0.active] },
                    "mayRead": identity.allows(.readRecords),
                ]
                return renderer.render("retention", data, title: "retention.title", request: request, identity: identity)
            }
        }
    }

    static func data(_ view: RecordView, _ hits: [SearchHit], identity: Identity, mask: Bool, restricted: Bool) -> [String: Any] {
        let original = view.versions.first
        let focusSource = original?.source_id ?? view.source_id
        func text(_ s: String?) -> [[String: Any]] { Masking.parts(s ?? "", mask: mask) }
        func version(_ kind: String, _ time: String, _ t: String?, _ href: String?) -> [String: Any] {
            var v: [String: Any] = ["kind": kind, "time": ScreenKit.shortTime(time), "parts": text(t), "recall": kind == "recall"]
            if let href { v["href"] = href }
            return v
        }
        // Edits and recalls go under the message they revise; everything else is a bubble.
        var revisions: [String: [SearchHit]] = [:]
        for h in hits where h.kind == "edit" || h.kind == "recall" { revisions[h.revises ?? "", default: []].append(h) }
        var bubbles: [[String: Any]] = hits.filter { $0.kind != "edit" && $0.kind != "recall" && $0.source_id != focusSource }.map { h in
            let revs = revisions[h.source_id] ?? []
            return [
                "href": "/records/\(h.id)", "sender": h.sender, "time": ScreenKit.shortTime(h.sent_at), "sort": h.sent_at,
                "employee": h.sender_employee != nil, "parts": text(h.text), "kind": h.kind, "other": h.kind != "message",
                "recalled": revs.contains { $0.kind == "recall" },
                "versions": revs.map { version($0.kind, $0.sent_at, $0.text, "/records/\($0.id)") },
            ]
        }
        // The record itself, from its own view (all its versions, wherever they fall in time).
        let focus: [String: Any] = [
            "focus": true, "sender": view.sender.name ?? view.sender.id, "time": ScreenKit.shortTime(original?.sent_at ?? view.sent_at),
            "sort": original?.sent_at ?? view.sent_at, "employee": view.sender.employee != nil,
            "parts": text(original?.text ?? view.text), "kind": view.message_kind, "other": view.message_kind != "text",
            "recalled": view.versions.contains { $0.kind == "recall" },
            "versions": view.versions.dropFirst().map { version($0.kind, $0.sent_at, $0.text, $0.id == view.id ? nil : "/records/\($0.id)") },
        ]
        let at = bubbles.firstIndex { (Timestamp(rfc3339: $0["sort"] as? String ?? "")?.date ?? .distantPast)
            > (Timestamp(rfc3339: focus["sort"] as? String ?? "")?.date ?? .distantPast) } ?? bubbles.count
        bubbles.insert(focus, at: at)
        let proof = view.inclusion_proof
        let query = restricted ? "include_restricted=1&" : ""
        return [
            "id": view.id, "channel": view.channel, "account": view.account,
            "conversation": view.conversation.title ?? view.conversation.id, "conversationID": view.conversation.id,
            "kind": view.kind, "sent": view.sent_at, "sender": view.sender.name ?? view.sender.id, "senderID": view.sender.id,
            "recipients": view.recipients.map { ["name": $0.name ?? $0.id, "id": $0.id] },
            "bubbles": bubbles, "attachments": view.attachments.map {
                ["name": $0.name, "type": $0.media_type, "size": $0.size, "sha256": $0.sha256]
            },
            "hasAttachments": !view.attachments.isEmpty,
            "media": view.media.map { ["name": $0.name ?? $0.handle, "note": $0.note ?? ""] }, "hasMedia": !view.media.isEmpty,
            "fields": view.fields.sorted { $0.key < $1.key }.map { ["key": $0.key, "value": mask ? Masking.masked($0.value) : $0.value] },
            "hasFields": !view.fields.isEmpty,
            "proof": [
                "leaf": String(proof.leaf_index), "size": String(proof.tree_size), "verified": proof.verified,
                "root": String(proof.root.prefix(16)), "commitment": String(view.commitment.prefix(16)),
            ] as [String: Any],
            "masked": mask, "toggle": mask ? "/records/\(view.id)?\(query)unmask=1" : "/records/\(view.id)\(restricted ? "?include_restricted=1" : "")",
            "mayRetention": identity.allows(.viewPolicy),
        ]
    }
}

import Foundation
import VellumCore

/// Writes one conversation as a self-contained HTML transcript, streaming message by message:
/// chat bubbles with names and local times (with offsets), replies, attachments linked to the
/// export's `files/` folder (images shown inline by relative link), and edits, recalls,
/// reactions and statuses as marked lines linking to the message they change.
///
/// No JavaScript, no external assets; a Content-Security-Policy forbids scripts, plugins and
/// forms even if a value slipped through. Every value is escaped.
final class HTMLTranscriptWriter: ConversationWriter {
    let path: String
    let custodian: ExportContext.Custodian?
    private let out: OutputFile
    private var day: Int64?
    private var records = 0

    init(
        conversationKey: String, first: ExportMessage, context: ExportContext, generator: String,
        registry: OutputRegistry
    ) throws {
        path = "html/\(conversationKey).html"
        custodian = context.custodian
        out = try registry.create(path)
        let c = first.conversation
        let title = c.title.flatMap { $0.isEmpty ? nil : $0 } ?? c.id
        var h = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
        h +=
            "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'\">\n"
        h += "<meta name=\"generator\" content=\"\(HTMLEscape.text(generator))\">\n"
        h += "<title>\(HTMLEscape.text(title)) — \(HTMLEscape.text(first.channel.displayName))</title>\n"
        h += "<style>\n\(HTMLStyle.css)\n</style></head><body>\n<header><h1>\(HTMLEscape.text(title))</h1>\n"
        h += "<p>\(HTMLEscape.text(first.channel.displayName)) · \(c.kind == .direct ? "direct chat" : "group")"
        h += " · conversation <code>\(HTMLEscape.text(c.id))</code>"
        if !first.account.isEmpty { h += " · account <code>\(HTMLEscape.text(first.account))</code>" }
        if context.masking.isEnabled { h += " · <strong>sensitive values masked</strong>" }
        h += "</p></header>\n<main>\n"
        try out.write(h)
    }

    func add(_ m: RenderedMessage) throws -> String {
        let msg = m.message
        records += 1
        var h = ""
        if day != m.day {
            day = m.day
            h += "<div class=\"day\"><span>\(LocalTime.dayString(m.day))</span></div>\n"
        }
        let who = HTMLEscape.text(msg.sender.displayName)
        let time = "<time datetime=\"\(msg.sentAt.rfc3339)\">\(LocalTime.display(msg.sentAt))</time>"
        if let revision = msg.revision {
            h += revisionLine(revision, m, who: who, time: time)
        } else {
            let isOut = custodian != nil && msg.sender.employeeID == custodian?.employeeID
            let cls = msg.kind == .system ? "msg system" : (isOut ? "msg out" : "msg in")
            h += "<article class=\"\(cls)\" id=\"\(HTMLEscape.anchor(sourceID: msg.sourceID))\">\n"
            h += "<div class=\"meta\"><span class=\"who\">\(who)</span> \(time)"
            if msg.kind != .text, msg.kind != .system { h += " · \(HTMLEscape.text(msg.kind.rawValue))" }
            h += "</div>\n"
            if let reply = msg.replyTo {
                h +=
                    "<div class=\"reply\">↪ reply to <a href=\"#\(HTMLEscape.anchor(sourceID: reply))\">message \(HTMLEscape.text(reply))</a></div>\n"
            }
            if let body = m.body, !body.isEmpty { h += "<div class=\"body\">\(HTMLEscape.multiline(body))</div>\n" }
            for (key, value) in msg.fields.sorted(by: { $0.key < $1.key }) {
                h += "<div class=\"att\">\(HTMLEscape.text(key)): \(HTMLEscape.text(value))</div>\n"
            }
            for a in m.attachments { h += attachmentHTML(a) }
            if m.masked { h += "<div class=\"masked\">masked</div>\n" }
            h +=
                "<div class=\"ids\">record \(HTMLEscape.text(m.recordID)) · source \(HTMLEscape.text(msg.sourceID))</div>\n"
            h += "</article>\n"
        }
        try out.write(h)
        return path
    }

    func finish() throws {
        try out.write("</main>\n<footer>\(records) records</footer>\n</body></html>\n")
        try out.close()
    }

    private func revisionLine(_ revision: ExportRevision, _ m: RenderedMessage, who: String, time: String) -> String {
        let target =
            "<a href=\"#\(HTMLEscape.anchor(sourceID: revision.targetID))\">message \(HTMLEscape.text(revision.targetID))</a>"
        var h = "<div class=\"rev \(revision.name)\" id=\"\(HTMLEscape.anchor(sourceID: m.message.sourceID))\">"
        switch revision {
        case .edit:
            h +=
                "✎ <span class=\"who\">\(who)</span> edited \(target) \(time):<div class=\"body\">\(HTMLEscape.multiline(m.body ?? ""))</div>"
        case .recall:
            h += "⊘ <span class=\"who\">\(who)</span> recalled \(target) \(time)"
        case .reaction(_, let emoji):
            h +=
                emoji.isEmpty
                ? "<span class=\"who\">\(who)</span> removed a reaction to \(target) \(time)"
                : "\(HTMLEscape.text(emoji)) <span class=\"who\">\(who)</span> reacted to \(target) \(time)"
        case .media:
            h += "📎 files of \(target), downloaded later \(time)"
        case .status(_, let status):
            h += "✓ \(target) \(HTMLEscape.text(status)) for <span class=\"who\">\(who)</span> \(time)"
        }
        for a in m.attachments { h += attachmentHTML(a) }
        if m.masked { h += "<div class=\"masked\">masked</div>" }
        return h + "<div class=\"ids\">record \(HTMLEscape.text(m.recordID))</div></div>\n"
    }

    private func attachmentHTML(_ a: RenderedAttachment) -> String {
        let name = HTMLEscape.text(a.name)
        guard let stored = a.storedPath else {
            return
                "<div class=\"att\">📎 \(name) (\(HTMLEscape.text(a.mediaType)), \(a.data.count) bytes, not exported)</div>\n"
        }
        let href = HTMLEscape.text(HTMLEscape.relativeURL("../" + stored))
        if a.isInlineImage {
            return
                "<figure><a href=\"\(href)\"><img src=\"\(href)\" alt=\"\(name)\" loading=\"lazy\"></a><figcaption>\(name)</figcaption></figure>\n"
        }
        return
            "<div class=\"att\">📎 <a href=\"\(href)\">\(name)</a> (\(HTMLEscape.text(a.mediaType)), \(a.data.count) bytes)</div>\n"
    }
}

import Foundation
import Testing
import VellumCapture
import VellumCore

@Suite("The Vellum JSON-lines parser")
struct VellumJSONLinesParserTests {
    let parser = VellumJSONLinesParser()

    func parse(_ line: String) -> ParsedLine { parser.parse(Data(line.utf8), file: "f.jsonl", line: 7) }

    @Test("a full line becomes a message; unknown fields stay in the raw bytes")
    func full() throws {
        let line = #"{"channel":"whatsapp","account":"+85291230001","conversation":{"id":"g1","kind":"group","title":"Desk"},"id":"x1","sent_at":"2026-03-02T09:15:04.5+08:00","from":{"id":"+44 7700 900123","name":"Tom"},"to":[{"id":"a"},{"id":"b","name":"B"}],"text":"hi","attachments":[{"name":"n.txt","media_type":"text/plain","content_base64":"aGk="}],"reply_to":"x0","edit_of":"x9","x_extra":{"k":1}}"#
        guard case .message(let m) = parse(line) else { Issue.record("expected a message"); return }
        #expect(m.source == SourceRef(channel: .whatsapp, account: "+85291230001", nativeID: "x1"))
        #expect(m.conversation == Conversation(id: "g1", kind: .group, title: "Desk"))
        #expect(m.sentAt.rfc3339 == "2026-03-02T09:15:04.5+08:00")
        #expect(m.recipients.map(\.id) == ["a", "b"] && m.recipients[1].name == "B")
        #expect(m.attachments == [Attachment(name: "n.txt", mediaType: "text/plain", content: Data("hi".utf8))])
        #expect(m.replyTo == "x0" && m.revision == .edit(of: "x9"))
        #expect(String(decoding: m.raw, as: UTF8.self).contains("x_extra"))
        #expect(m.format == "jsonl")
    }

    @Test("errors name the line and the field", arguments: [
        (#"not json"#, nil as String?, "not valid JSON"),
        (#"{"channel":"wecom","conversation":{"id":"c","kind":"direct"},"id":"1","from":{"id":"a"},"to":[]}"#, "sent_at", "missing"),
        (#"{"channel":"wecom","conversation":{"id":"c","kind":"direct"},"id":"1","sent_at":"2026-03-02T09:15:04","from":{"id":"a"},"to":[]}"#, "sent_at", "offset"),
        (#"{"channel":"fax","conversation":{"id":"c","kind":"direct"},"id":"1","sent_at":"2026-03-02T09:15:04Z","from":{"id":"a"},"to":[]}"#, "channel", "unknown channel"),
        (#"{"channel":"wecom","conversation":{"id":"c","kind":"room"},"id":"1","sent_at":"2026-03-02T09:15:04Z","from":{"id":"a"},"to":[]}"#, "conversation.kind", "direct"),
        (#"{"channel":"wecom","conversation":{"id":"c","kind":"direct"},"id":"1","sent_at":"2026-03-02T09:15:04Z","from":{"id":"a"},"to":[{"name":"x"}]}"#, "to[0].id", "missing"),
        (#"{"channel":"wecom","conversation":{"id":"c","kind":"direct"},"id":1,"sent_at":"2026-03-02T09:15:04Z","from":{"id":"a"},"to":[]}"#, "id", "a string"),
        (#"{"channel":"wecom","conversation":{"id":"c","kind":"direct"},"id":"1","sent_at":"2026-03-02T09:15:04Z","from":{"id":"a"},"to":[],"attachments":[{"name":"a","media_type":"b","content_base64":"%%%"}]}"#, "attachments[0].content_base64", "base64"),
        (#"{"channel":"wecom","conversation":{"id":"c","kind":"direct"},"id":"1","sent_at":"2026-03-02T09:15:04Z","from":{"id":"a"},"to":[],"edit_of":"2","recall_of":"3"}"#, "recall_of", "cannot both"),
        (#"{"channel":"wecom","conversation":{"id":"c","kind":"direct"},"id":"","sent_at":"2026-03-02T09:15:04Z","from":{"id":"a"},"to":[]}"#, "id", "empty"),
    ])
    func errors(_ line: String, field: String?, reasonPart: String) {
        guard case .issue(let issue) = parse(line) else { Issue.record("expected an issue"); return }
        #expect(issue.file == "f.jsonl" && issue.line == 7)
        #expect(issue.field == field)
        #expect(issue.reason.contains(reasonPart), "\(issue.reason)")
        #expect(issue.description.hasPrefix("f.jsonl:7: "))
    }
}

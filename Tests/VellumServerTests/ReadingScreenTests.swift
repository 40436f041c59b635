import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import VellumApp
import VellumStore
@testable import VellumServer

@Suite("Screens for reading and supervision: search, conversation, retention, review queue, usage")
struct ReadingScreenTests {
    @Test("search finds the Chinese message by 合同, shows its channel, conversation and sender, and links to it")
    func searchChinese() async throws {
        let f = try await ScreenFixture()
        try await f.h.test { client in
            let s = try await BrowserSession.signIn(client, "compliance")
            let form = try await s.get(client, "/search")
            #expect(form.status == .ok)
            #expect(form.text.contains("name=\"include_restricted\""), "compliance may include restricted records")
            let r = try await s.get(client, "/search?q=%E5%90%88%E5%90%8C")
            #expect(r.status == .ok)
            #expect(r.text.contains("<mark>合同</mark>"))
            #expect(r.text.contains("href=\"/records/\(f.records["w1"]!)\""))
            #expect(r.text.contains("chip wecom") && r.text.contains("李娜"))
            #expect(!r.text.contains("Please review"), "only the matching message")
            // A channel filter that excludes it, and a date range after it, find nothing.
            #expect(try await s.get(client, "/search?q=%E5%90%88%E5%90%8C&channel=wechat").text.contains("0 found"))
            #expect(try await s.get(client, "/search?q=%E5%90%88%E5%90%8C&since=2026-03-03").text.contains("0 found"))
            #expect(try await s.get(client, "/search?q=%E5%90%88%E5%90%8C&since=2026-03-01&until=2026-03-02").text.contains("1 found"))
            // The searches are in the ledger under the reader.
            let searches = try AuditTrailService(archive: f.h.archive).recent(types: [.access], actor: "user:compliance")
            #expect(searches.contains { $0.action == "search" && $0.detail == "合同" })
            // Bad input is shown on the page, not a crash.
            let bad = try await s.get(client, "/search?q=x&since=yesterday")
            #expect(bad.status == .badRequest && bad.text.contains("flash error"))
            // Privacy may search but not include restricted records.
            let p = try await BrowserSession.signIn(client, "privacy")
            #expect(!(try await p.get(client, "/search")).text.contains("include_restricted"))
            #expect(try await p.get(client, "/search?q=x&include_restricted=1").status == .forbidden)
        }
    }

    @Test("search pages through results, masking card numbers in snippets")
    func searchPaging() async throws {
        let f = try await ScreenFixture()
        try await f.h.test { client in
            let s = try await BrowserSession.signIn(client, "compliance")
            let all = try await s.get(client, "/search?channel=wecom")
            #expect(all.text.contains("7 found"))
            #expect(!all.text.contains(ScreenFixture.card))
            #expect(all.text.contains("class=\"masked\""))
            #expect(all.text.contains("1 / 1"))
        }
    }

    @Test("the conversation view shows bubbles, versions of edits and recalls, masked values, attachments and the proof")
    func conversation() async throws {
        let f = try await ScreenFixture()
        try await f.h.test { client in
            let s = try await BrowserSession.signIn(client, "compliance")
            let r = try await s.get(client, "/records/\(f.records["w2"]!)")
            #expect(r.status == .ok)
            let page = r.text
            #expect(page.contains(ScreenFixture.chinese), "neighbouring messages are shown")
            #expect(page.contains("bubble employee focus"), "the record, sent by the employee, on the right")
            #expect(page.contains("Please review the contract draft v2"), "the edit under the message")
            #expect(page.contains("Sent by mistake") && page.contains("recalled"))
            #expect(!page.contains(ScreenFixture.card), "the card number is masked by default")
            #expect(page.contains("class=\"masked\""))
            #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "HTML in a message is text")
            #expect(!page.contains("<script>alert"))
            #expect(page.contains("/records/\(f.records["w2"]!)/retention"))
            #expect(page.contains("The record is in the signed ledger"))
            let unmasked = try await s.get(client, "/records/\(f.records["w3"]!)?unmask=1")
            #expect(unmasked.text.contains(ScreenFixture.card))
            // Chinese page.
            let zh = try await client.execute(
                uri: "/records/\(f.records["w1"]!)", method: .get,
                headers: [.cookie: "\(SessionCookie.name)=\(s.cookie); vellum_lang=zh"])
            #expect(zh.text.contains("包含证明") && zh.text.contains("<html lang=\"zh\">"))
            // Each opening is one access event naming the record first and every neighbour shown;
            // showing detected values in the clear is its own action.
            let opened = try AuditTrailService(archive: f.h.archive).recent(types: [.access], actor: "user:compliance")
            #expect(opened.filter { ($0.action ?? "").hasPrefix("conversation") }.count == 3)
            #expect(!opened.contains { $0.action == "search" || $0.action == "show" }, "no separate events for the parts of a view")
            let first = try #require(opened.last { $0.action == "conversation" && $0.records.first == f.records["w2"]! })
            #expect(first.records.contains(f.records["w1"]!), "the neighbours shown are named")
            #expect(first.count == first.records.count)
            #expect(opened.contains { $0.action == "conversation.unmasked" && $0.records.first == f.records["w3"]! })
        }
    }

    @Test("attachments are listed with name, type, size and SHA-256, never embedded")
    func attachments() async throws {
        let f = try await ScreenFixture()
        let payload = Data("<html><script>alert(1)</script></html>".utf8).base64EncodedString()
        try f.h.importJSONL(
            #"{"channel":"wecom","account":"corp1","conversation":{"id":"c-li","kind":"direct"},"id":"a1","sent_at":"2026-03-02T09:30:00+08:00","from":{"id":"zhangwei"},"to":[],"text":"file","attachments":[{"name":"evil.html","media_type":"text/html","content_base64":"\#(payload)"}]}"#)
        let id = try SearchService(archive: f.h.archive).search(SearchRequest(query: "file"), actor: "t").hits.first!.id
        try await f.h.test { client in
            let s = try await BrowserSession.signIn(client, "legal")
            let page = try await s.get(client, "/records/\(id)").text
            #expect(page.contains("evil.html") && page.contains("text/html"))
            #expect(page.contains(String(Data("<html><script>alert(1)</script></html>".utf8).count)))
            #expect(!page.contains("alert(1)") && !page.contains("<iframe") && !page.contains("<object"))
        }
    }

    @Test("the retention page explains the rule; auditors may see it, without message content")
    func retention() async throws {
        let f = try await ScreenFixture()
        try await f.h.test { client in
            let s = try await BrowserSession.signIn(client, "auditor")
            let r = try await s.get(client, "/records/\(f.records["w1"]!)/retention")
            #expect(r.status == .ok)
            #expect(r.text.contains("firm-minimum"))
            for text in ScreenFixture.contents { #expect(!r.text.contains(text)) }
            #expect(!r.text.contains("合同"))
        }
    }

    @Test("the review queue lists alerts, filters the sampled ones, and closing one changes its status")
    func reviewQueue() async throws {
        let f = try await ScreenFixture()
        let alerts = try f.alerts()
        let card = try #require(alerts.first { $0.rule == "cards-anywhere" })
        #expect(alerts.contains { $0.rule == "sample" })
        try await f.h.test { client in
            let s = try await BrowserSession.signIn(client, "compliance")
            let list = try await s.get(client, "/alerts")
            #expect(list.status == .ok && list.text.contains("href=\"/alerts/\(card.id)\""))
            let sampled = try await s.get(client, "/alerts?status=all&rule=sample").text
            #expect(sampled.contains("sample") && !sampled.contains("cards-anywhere"))
            let detail = try await s.get(client, "/alerts/\(card.id)")
            #expect(detail.status == .ok)
            #expect(!detail.text.contains(ScreenFixture.card), "the message is masked in the alert too")
            #expect(detail.text.contains("name=\"csrf\" value=\"\(s.csrf)\""))
            // Claim, escalate without a note (an error on the page), close with a note.
            let claim = try await s.post(client, "/alerts/\(card.id)/actions", [("action", "claim")])
            #expect(claim.status == .seeOther)
            #expect(claim.headers[.location] == "/alerts/\(card.id)?flash=flash.alert.claim")
            #expect(try await s.get(client, claim.headers[.location]!).text.contains("You claimed the alert."))
            let noNote = try await s.post(client, "/alerts/\(card.id)/actions", [("action", "escalate"), ("note", " ")])
            #expect(noNote.status == .badRequest && noNote.text.contains("note: required"))
            let close = try await s.post(
                client, "/alerts/\(card.id)/actions", [("action", "close"), ("disposition", "false_positive"), ("note", "test card")])
            #expect(close.status == .seeOther)
            let after = try await s.get(client, "/alerts/\(card.id)").text
            #expect(after.contains("status closed") && after.contains("test card") && after.contains("false_positive"))
            #expect(try f.alerts().first { $0.id == card.id }?.status == "closed")
            // Without the CSRF token the form is refused.
            let forged = try await s.post(client, "/alerts/\(card.id)/actions", [("action", "reopen"), ("note", "x")], csrf: "nope")
            #expect(forged.status == .forbidden)
            // Reopen from the closed state.
            #expect(try await s.post(client, "/alerts/\(card.id)/actions", [("action", "reopen"), ("note", "again")]).status == .seeOther)
            #expect(try f.alerts().first { $0.id == card.id }?.status == "open")
        }
    }

    @Test("app usage counts per employee and channel, highlights unapproved channels, draws an SVG chart")
    func usage() async throws {
        let f = try await ScreenFixture()
        try await f.h.test { client in
            let s = try await BrowserSession.signIn(client, "compliance")
            let r = try await s.get(client, "/usage")
            #expect(r.status == .ok)
            let page = r.text
            #expect(page.contains("E1001") && page.contains("Zhang Wei"))
            #expect(page.contains("class=\"unapproved\"") && page.contains("not approved"))
            #expect(page.contains("<svg class=\"chart\"") && page.contains("c-wechat") && page.contains("c-wecom"))
            #expect(page.contains("<title>wecom 2026-03-02:"))
            #expect(!page.contains("<script>"), "no inline script; the CSP allows none")
            #expect(try await s.get(client, "/usage?since=2026-03-03").text.contains("<title>wechat 2026-03-03: 1</title>"))
            #expect(try await s.get(client, "/usage?since=soon").status == .badRequest)
        }
    }
}

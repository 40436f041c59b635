import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import VellumApp
import VellumCore
import VellumPolicy
import VellumStore
@testable import VellumServer

@Suite("Screens for governance and administration: holds, privacy, audit, accounts, tokens")
struct GovernanceScreenTests {
    @Test("Legal creates a hold and releases it; other roles see the list without the forms")
    func holds() async throws {
        let f = try await ScreenFixture()
        try await f.h.test { client in
            let legal = try await BrowserSession.signIn(client, "legal")
            #expect(try await legal.get(client, "/holds").text.contains("No legal hold."))
            let missing = try await legal.post(client, "/holds", [("matter", "SEC v. Test"), ("reason", "")])
            #expect(missing.status == .badRequest && missing.text.contains("reason: this field is required"))
            #expect(missing.text.contains("value=\"SEC v. Test\""), "the form keeps what was typed")
            let created = try await legal.post(client, "/holds", [
                ("matter", "SEC v. Test"), ("reason", "Subpoena 42"), ("kind", "regulatory_inquiry"),
                ("custodians", "E1001"), ("channels", "wecom"), ("channels", "wechat"), ("since", "2026-01-01"),
            ])
            #expect(created.status == .seeOther && created.headers[.location] == "/holds?flash=flash.hold.created")
            let page = try await legal.get(client, created.headers[.location]!).text
            #expect(page.contains("The hold was created.") && page.contains("SEC v. Test") && page.contains("custodians E1001"))
            #expect(page.contains("action=\"/holds/H1/release\""))
            let hold = try #require(try HoldService(archive: f.h.archive).list().first)
            #expect(hold.scope.channels == [.wecom, .wechat] && hold.isActive(on: Today.day))

            let auditor = try await BrowserSession.signIn(client, "auditor")
            let seen = try await auditor.get(client, "/holds")
            #expect(seen.status == .ok && seen.text.contains("SEC v. Test"))
            #expect(!seen.text.contains("/release") && !seen.text.contains("action=\"/holds\""))
            #expect(try await auditor.post(client, "/holds/H1/release", [("reason", "x")]).status == .forbidden)

            let noReason = try await legal.post(client, "/holds/H1/release", [("reason", "")])
            #expect(noReason.status == .badRequest)
            let released = try await legal.post(client, "/holds/H1/release", [("reason", "Matter settled")])
            #expect(released.status == .seeOther)
            #expect(try HoldService(archive: f.h.archive).list().first?.isReleased == true)
            #expect(try await legal.get(client, "/holds").text.contains("Released"))
        }
    }

    @Test("the privacy officer registers a request and acknowledges it; the clock and history show; Legal records a claim")
    func privacy() async throws {
        let f = try await ScreenFixture()
        try await f.h.test { client in
            let p = try await BrowserSession.signIn(client, "privacy")
            let empty = try await p.post(client, "/privacy", [("type", "erasure"), ("law", "pipl"), ("subjects", "")])
            #expect(empty.status == .badRequest && empty.text.contains("flash error"))
            let created = try await p.post(client, "/privacy", [
                ("type", "erasure"), ("law", "ccpa"), ("subjects", "+852 9123 4567\nli.na@example.com"),
            ])
            #expect(created.status == .seeOther)
            let location = try #require(created.headers[.location])
            #expect(location.hasPrefix("/privacy/PR-"))
            let id = String(location.dropFirst("/privacy/".count).prefix { $0 != "?" })
            let detail = try await p.get(client, location).text
            #expect(detail.contains("The request was registered.") && detail.contains("li.na@example.com"))
            #expect(detail.contains("Acknowledge receipt") && detail.contains("received"))
            let ack = try await p.post(client, "/privacy/\(id)/actions", [("action", "acknowledge")])
            #expect(ack.status == .seeOther)
            let after = try await p.get(client, "/privacy/\(id)").text
            #expect(after.contains("received → acknowledged") && after.contains("user:privacy"))
            #expect(try PrivacyRequestService(archive: f.h.archive).show(id).request.status == .acknowledged)
            let list = try await p.get(client, "/privacy").text
            #expect(list.contains("href=\"/privacy/\(id)\"") && list.contains("acknowledged"))
            let refuse = try await p.post(client, "/privacy/\(id)/actions", [("action", "refuse"), ("reason", "")])
            #expect(refuse.status == .badRequest && refuse.text.contains("reason: required"))

            // Legal sees the request and may record a claim, but not acknowledge or refuse.
            let legal = try await BrowserSession.signIn(client, "legal")
            let seen = try await legal.get(client, "/privacy/\(id)").text
            #expect(!seen.contains("Acknowledge receipt") && seen.contains("Record the legal claim"))
            #expect(try await legal.post(client, "/privacy/\(id)/actions", [("action", "refuse"), ("reason", "x")]).status == .forbidden)
            let claim = try await legal.post(client, "/privacy/\(id)/legal-claim", [("reference", "CLAIM-7")])
            #expect(claim.status == .seeOther)
            #expect(try await legal.get(client, "/privacy/\(id)").text.contains("CLAIM-7"))
        }
    }

    @Test("an overdue request is shown in red with its days")
    func overdue() async throws {
        let f = try await ScreenFixture()
        let received = Today.day.adding(days: -120)
        let r = try PrivacyRequestService(archive: f.h.archive).create(
            kind: .access, law: .gdpr, subjects: ["x@example.com"], received: received, actor: "test")
        try await f.h.test { client in
            let p = try await BrowserSession.signIn(client, "privacy")
            let list = try await p.get(client, "/privacy").text
            #expect(list.contains("<tr class=\"overdue\"><td><a href=\"/privacy/\(r.id)\">"))
            #expect(list.contains("overdue</span>"))
        }
    }

    @Test("every role with verifyLedger sees the tree head and can verify; only auditors and admins see the access log")
    func audit() async throws {
        let f = try await ScreenFixture()
        try await f.h.test { client in
            let c = try await BrowserSession.signIn(client, "compliance")
            _ = try await c.get(client, "/search?q=%E5%90%88%E5%90%8C")
            let page = try await c.get(client, "/audit")
            #expect(page.status == .ok && page.text.contains("Latest signed tree head") && !page.text.contains("Access log"))
            let verified = try await c.post(client, "/audit/verify", [])
            #expect(verified.status == .ok && verified.text.contains("Everything verifies."))

            let a = try await BrowserSession.signIn(client, "auditor")
            let log = try await a.get(client, "/audit?type=access&actor=user%3Acompliance").text
            #expect(log.contains("Access log") && log.contains("user:compliance") && log.contains("search"))
            #expect(!log.contains("user:auditor"), "the actor filter applies")
            #expect(try await a.get(client, "/audit?type=nope").status == .badRequest)
            #expect(try await a.post(client, "/audit/verify", []).text.contains("verify-ok"))
        }
    }

    @Test("administrators create, disable and enable accounts; no one else reaches the page")
    func accounts() async throws {
        let f = try await ScreenFixture()
        try await f.h.test { client in
            let admin = try await BrowserSession.signIn(client, "admin")
            let list = try await admin.get(client, "/accounts")
            #expect(list.status == .ok && list.text.contains("compliance"))
            let weak = try await admin.post(client, "/accounts", [("username", "newbie"), ("role", "legal"), ("password", "short")])
            #expect(weak.status == .badRequest && weak.text.contains("at least 12 characters"))
            let created = try await admin.post(
                client, "/accounts", [("username", "newbie"), ("role", "legal"), ("password", "a long enough passphrase")])
            #expect(created.status == .seeOther)
            #expect(try f.h.archive.accounts.account(username: "newbie")?.role == "legal")
            _ = try await BrowserSession.signIn(client, "newbie", password: "a long enough passphrase")
            #expect(try await admin.post(client, "/accounts/newbie/disable", []).status == .seeOther)
            #expect(try f.h.archive.accounts.account(username: "newbie")?.disabled == true)
            #expect(try await admin.post(client, "/accounts/admin/disable", []).status == .conflict, "not yourself")
            #expect(try await admin.post(client, "/accounts/newbie/enable", []).status == .seeOther)
            #expect(try f.h.archive.accounts.account(username: "newbie")?.disabled == false)
            let c = try await BrowserSession.signIn(client, "compliance")
            #expect(try await c.get(client, "/accounts").status == .forbidden)
        }
    }

    @Test("anyone creates an API token, sees its secret once, uses it, and revokes it; others' tokens are out of reach")
    func tokens() async throws {
        let f = try await ScreenFixture()
        try await f.h.test { client in
            let s = try await BrowserSession.signIn(client, "auditor")
            let created = try await s.post(client, "/tokens", [("name", "ledger script"), ("expires_in_days", "30")])
            #expect(created.status == .created)
            let secret = try #require(created.text.components(separatedBy: "class=\"token-secret\">").dropFirst().first?.prefix { $0 != "<" })
            #expect(secret.hasPrefix("vlt_"))
            #expect(try await client.execute(uri: "/api/v1/tree-head", method: .get, headers: [.authorization: "Bearer \(secret)"]).status == .ok)
            let list = try await s.get(client, "/tokens").text
            #expect(list.contains("ledger script") && !list.contains(String(secret)), "the secret is shown once")
            let token = try #require(try f.h.server.accounts.tokens().first { $0.name == "ledger script" })
            let other = try await BrowserSession.signIn(client, "legal")
            #expect(try await other.post(client, "/tokens/\(token.id)/revoke", []).status == .notFound)
            #expect(try await s.post(client, "/tokens/\(token.id)/revoke", []).status == .seeOther)
            #expect(try await client.execute(uri: "/api/v1/tree-head", method: .get, headers: [.authorization: "Bearer \(secret)"]).status == .unauthorized)
            #expect(try await s.post(client, "/tokens", [("name", "x"), ("expires_in_days", "999")]).status == .badRequest)
        }
    }

    @Test("administrators and auditors never see message content on any page they may open")
    func noContentForNonReaders() async throws {
        let f = try await ScreenFixture()
        let alert = try #require(try f.alerts().first)
        let hold = try HoldService(archive: f.h.archive).create(
            matter: "M", reason: "R", scope: .init(), actor: "test", on: Today.day)
        let request = try PrivacyRequestService(archive: f.h.archive).create(
            kind: .access, law: .gdpr, subjects: ["zhangwei"], received: Today.day, actor: "test")
        try await f.h.test { client in
            // Readers leave traces in the ledger that auditors then read.
            let c = try await BrowserSession.signIn(client, "compliance")
            _ = try await c.get(client, "/records/\(f.records["w3"]!)")
            _ = try await c.get(client, "/alerts/\(alert.id)")
            for role in [StaffRole.admin, .auditor] {
                let s = try await BrowserSession.signIn(client, role.rawValue)
                let pages = f.h.book.endpoints.filter { $0.audience == .ui && $0.method == .get && !$0.path.contains("/static/") }
                for e in pages where e.permission.map(role.allows) ?? true {
                    let uri = e.path.replacingOccurrences(of: "{id}", with: Self.id(for: e.path, f, alert.id, hold.id, request.id))
                    let r = try await s.get(client, uri)
                    for text in ScreenFixture.contents { #expect(!r.text.contains(text), "\(role) sees \(text) at \(uri)") }
                }
                #expect(try await s.get(client, "/records/\(f.records["w1"]!)").status == .forbidden)
            }
            let verify = try await BrowserSession.signIn(client, "auditor").post(client, "/audit/verify", [])
            for text in ScreenFixture.contents { #expect(!verify.text.contains(text)) }
        }
    }

    static func id(for path: String, _ f: ScreenFixture, _ alert: Int64, _ hold: String, _ request: String) -> String {
        if path.hasPrefix("/alerts") { return String(alert) }
        if path.hasPrefix("/privacy") { return request }
        if path.hasPrefix("/holds") { return hold }
        return f.records["w3"]!
    }

    @Test("every English word has a Chinese one, and every template key exists")
    func strings() {
        let missing = UIStrings.en.keys.filter { UIStrings.zh[$0] == nil }.sorted()
        #expect(missing.isEmpty, "missing in Chinese: \(missing)")
        #expect(Set(UIStrings.zh.keys).subtracting(UIStrings.en.keys).isEmpty)
        let words = PageRenderer.words(.en)
        for (name, text) in Templates.all {
            for part in text.components(separatedBy: "{{t.").dropFirst() {
                let key = String(part.prefix { $0 != "}" })
                #expect(words[key] != nil, "template \(name) uses t.\(key), which has no words")
            }
        }
    }

    @Test("every form posts its anti-forgery token, and no page has inline script or style")
    func formsCarryCSRF() {
        for (name, text) in Templates.all {
            let forms = text.components(separatedBy: "<form method=\"post\"").count - 1
            let tokens = text.components(separatedBy: "name=\"csrf\" value=\"{{csrf}}\"").count - 1
            if name != "login" && name != "setup" {  // no session yet: the origin check guards them
                #expect(forms == tokens, "\(name): \(forms) post forms, \(tokens) tokens")
            }
            #expect(!text.contains("<script>") && !text.contains("<style") && !text.contains(" style=") && !text.contains("onclick"), "\(name)")
            #expect(!text.contains("{{{") || name == "layout", "\(name) must not use unescaped values")
        }
    }
}

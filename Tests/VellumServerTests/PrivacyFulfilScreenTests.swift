import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import VellumApp
import VellumPolicy
@testable import VellumServer

@Suite("Fulfilling a privacy request from its page")
struct PrivacyFulfilScreenTests {
    @Test("the privacy officer erases a client's messages from the page, gets the letter to download, and the messages are gone")
    func erasureFromThePage() async throws {
        let f = try await ScreenFixture()
        let h = f.h
        try await h.test { client in
            let s = try await BrowserSession.signIn(client, "privacy")
            let created = try await s.post(client, "/privacy", [("type", "erasure"), ("law", "pipl"), ("subjects", "wmLiNa001")])
            #expect(created.status == .seeOther)
            let id = try #require(try PrivacyRequestService(archive: h.archive).list().last?.id)
            let page = try await s.get(client, "/privacy/\(id)").text
            #expect(page.contains("action=\"/privacy/\(id)/fulfil\""))
            let done = try await s.post(client, "/privacy/\(id)/fulfil", [("language", "zh")])
            #expect(done.status == .seeOther, "\(done.text)")
            let after = try await s.get(client, done.headers[.location] ?? "/privacy/\(id)").text
            #expect(after.contains("decision-letter.zh.txt"))
            #expect(after.contains("/api/v1/deliverables/") && after.contains("/download"))
            #expect(!after.contains("action=\"/privacy/\(id)/fulfil\""), "a fulfilled request offers no second fulfilment")
            let again = try await s.post(client, "/privacy/\(id)/fulfil", [])
            #expect(again.status == .conflict)
            // Legal may read the request but not its letters (another role's deliverable).
            let legal = try await BrowserSession.signIn(client, "legal")
            #expect(!(try await legal.get(client, "/privacy/\(id)").text.contains("decision-letter")))
        }
        // 李娜's messages nothing keeps (no hold; the 5-year minimum keeps them, so they are restricted).
        let r = try PrivacyRequestService(archive: h.archive).show(try PrivacyRequestService(archive: h.archive).list().last!.id)
        #expect(r.request.status.rawValue == "fulfilled")
    }
}

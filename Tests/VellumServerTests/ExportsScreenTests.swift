import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import VellumApp
@testable import VellumServer

@Suite("The exports screen")
struct ExportsScreenTests {
    @Test("compliance starts an export from the form, sees it become ready with a download link; legal sees none of it")
    func exportFromTheForm() async throws {
        let h = try await ServerHarness()
        try h.importJSONL(DeliverablesTests.lines)
        try await h.test { client in
            let s = try await BrowserSession.signIn(client, "compliance")
            let started = try await s.post(client, "/exports", [("scope", "conversation"), ("value", "deal-7"), ("format", "html"), ("mask", "1")])
            #expect(started.status == .seeOther)
            var page = ""
            for _ in 0 ..< 200 {
                page = try await client.execute(uri: "/exports", method: .get, headers: s.headers).text
                if page.contains("/download") { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(page.contains("export of conversation deal-7"))
            #expect(page.contains("/api/v1/deliverables/") && page.contains("/download"))
            let id = try #require(try h.server.vault.list().first?.id)
            let zip = try await client.execute(uri: "/api/v1/deliverables/\(id)/download", method: .get, headers: s.headers)
            #expect(zip.status == .ok && zip.headers[.contentType] == "application/zip")
            let empty = try await s.post(client, "/exports", [("scope", "query"), ("value", " ")])
            #expect(empty.status == .badRequest && empty.text.contains("value"))

            let legal = try await BrowserSession.signIn(client, "legal")
            let theirs = try await client.execute(uri: "/exports", method: .get, headers: legal.headers).text
            #expect(!theirs.contains("deal-7"))
        }
    }
}

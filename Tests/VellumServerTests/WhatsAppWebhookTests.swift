import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Testing
import VellumApp
import VellumCore
import VellumStore
@testable import VellumServer

@Suite("WhatsApp webhook: handshake, signatures, durable acknowledgement")
struct WhatsAppWebhookTests {
    static func counts(_ r: TestResponse) throws -> [String: Int] {
        try #require(try r.json() as? [String: Int])
    }

    @Test("a signed delivery is acknowledged 200 once stored, and is then searchable")
    func signedDelivery() async throws {
        let h = try await ServerHarness { try WebhookFixtures.configure(&$0) }
        let body = WebhookFixtures.whatsappBody(id: "wamid.quokka1", text: "the quokka shipment is late")
        try await h.test { client in
            let r = try await client.execute(
                uri: "/webhooks/whatsapp", method: .post, headers: WebhookFixtures.signed(body), body: ByteBuffer(data: body))
            #expect(r.status == .ok)
            #expect(try Self.counts(r) == ["imported": 1, "duplicates": 0, "quarantined": 0])
            // Acknowledged means committed: the record is there before any other request runs.
            #expect(try h.archive.store.read { try $0.recordCount() } == 1)
            let search = try await client.execute(uri: "/api/v1/search?q=quokka", method: .get, headers: h.bearer(.compliance))
            #expect(search.status == .ok)
            let hits = try #require(try search.json() as? [String: Any])
            #expect(hits["total"] as? Int == 1)
            let first = try #require((hits["hits"] as? [[String: Any]])?.first)
            #expect(first["source_id"] as? String == "wamid.quokka1")
            #expect(first["channel"] as? String == "whatsapp")
        }
    }

    @Test("a body signed with the second configured app secret is accepted too")
    func secondSecret() async throws {
        let h = try await ServerHarness { try WebhookFixtures.configure(&$0) }
        let body = WebhookFixtures.whatsappBody(id: "wamid.second", text: "from the other app")
        try await h.test { client in
            let r = try await client.execute(
                uri: "/webhooks/whatsapp", method: .post,
                headers: WebhookFixtures.signed(body, secret: WebhookFixtures.secondAppSecret), body: ByteBuffer(data: body))
            #expect(r.status == .ok)
        }
    }

    @Test("forged, altered and unsigned deliveries get 401, nothing of them is stored, and the refusal is recorded",
          arguments: ["forged", "altered", "unsigned"])
    func refused(kind: String) async throws {
        let h = try await ServerHarness { try WebhookFixtures.configure(&$0) }
        let body = WebhookFixtures.whatsappBody(id: "wamid.forged", text: "wombatsecretword transfer now")
        var headers = WebhookFixtures.signed(body, secret: kind == "forged" ? "not-our-secret" : WebhookFixtures.appSecret)
        var sent = body
        if kind == "altered" { sent = WebhookFixtures.whatsappBody(id: "wamid.forged", text: "wombatsecretword transfer later") }
        if kind == "unsigned" { headers[HTTPField.Name("X-Hub-Signature-256")!] = nil }
        try await h.test { [headers, sent] client in
            let r = try await client.execute(uri: "/webhooks/whatsapp", method: .post, headers: headers, body: ByteBuffer(data: sent))
            #expect(r.status == .unauthorized)
            #expect(!r.text.contains("wombat"))
        }
        #expect(try h.archive.store.read { try $0.recordCount() } == 0)
        #expect(try h.archive.store.read { try $0.quarantineItems() }.isEmpty)
        let database = try Data(contentsOf: h.dir.database)
            + ((try? Data(contentsOf: URL(fileURLWithPath: h.dir.database.path + "-wal"))) ?? Data())
        #expect(database.range(of: Data("wombatsecretword".utf8)) == nil)
        let events = try AuditTrailService(archive: h.archive).recent(types: [.deliveryRejected])
        #expect(events.count == 1)
        #expect(events.first?.subject == "whatsapp")
        #expect(events.first?.action == (kind == "unsigned" ? "missing_signature" : "bad_signature"))
        let health = try CaptureHealthService(archive: h.archive).report(now: h.archive.nowMilliseconds)
        #expect(health.rejected_deliveries.map(\.count) == [1])
    }

    @Test("refused deliveries are on the dashboard for those who watch capture health, not for the others")
    func refusalsOnDashboard() async throws {
        let h = try await ServerHarness { try WebhookFixtures.configure(&$0) }
        let body = WebhookFixtures.whatsappBody(id: "wamid.forged", text: "forged")
        try await h.test { client in
            for _ in 0 ..< 3 {
                let r = try await client.execute(
                    uri: "/webhooks/whatsapp", method: .post, headers: WebhookFixtures.signed(body, secret: "forger"),
                    body: ByteBuffer(data: body))
                #expect(r.status == .unauthorized)
            }
            await h.server.rejections.flush(all: true)
            let compliance = try await BrowserSession.signIn(client, "compliance")
            let page = try await client.execute(uri: "/", method: .get, headers: compliance.headers).text
            #expect(page.contains("Refused deliveries"))
            #expect(page.contains("3 × bad_signature"))
            let legal = try await BrowserSession.signIn(client, "legal")
            let theirs = try await client.execute(uri: "/", method: .get, headers: legal.headers).text
            #expect(!theirs.contains("Refused deliveries"))
        }
    }

    @Test("a flood of forged deliveries writes one ledger event a minute, and the next carries the count")
    func floodIsCounted() async throws {
        let h = try await ServerHarness { try WebhookFixtures.configure(&$0) }
        let body = WebhookFixtures.whatsappBody(id: "wamid.flood", text: "flood")
        try await h.test { client in
            for _ in 0 ..< 5 {
                let r = try await client.execute(
                    uri: "/webhooks/whatsapp", method: .post, headers: WebhookFixtures.signed(body, secret: "forger"),
                    body: ByteBuffer(data: body))
                #expect(r.status == .unauthorized)
            }
        }
        let audit = AuditTrailService(archive: h.archive)
        #expect(try audit.recent(types: [.deliveryRejected]).map(\.count) == [1])
        #expect(h.server.rejections.counts.values.reduce(0, +) == 5)
        await h.server.rejections.flush(all: true)
        #expect(try audit.recent(types: [.deliveryRejected]).map(\.count) == [4, 1])
        let summary = try RejectedDeliveries(archive: h.archive).summary()
        #expect(summary.count == 1)
        #expect(summary.first?.count == 5)
        #expect(summary.first?.reason == "bad_signature")
    }

    @Test("the GET handshake answers the challenge for the right token and 403 for a wrong one")
    func handshake() async throws {
        let h = try await ServerHarness { try WebhookFixtures.configure(&$0) }
        try await h.test { client in
            let ok = try await client.execute(
                uri: "/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=\(WebhookFixtures.verifyToken)",
                method: .get)
            #expect(ok.status == .ok)
            #expect(ok.text == "1158201444")
            let wrong = try await client.execute(
                uri: "/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess", method: .get)
            #expect(wrong.status == .forbidden)
            #expect(!wrong.text.contains("1158201444"))
        }
    }

    @Test("a body over the cap is refused with 413 and recorded, even when correctly signed")
    func tooLarge() async throws {
        let h = try await ServerHarness { try WebhookFixtures.configure(&$0) }
        let body = WebhookFixtures.whatsappBody(id: "wamid.big", text: String(repeating: "a", count: WebhookFixtures.maxBody))
        try await h.test { client in
            let r = try await client.execute(
                uri: "/webhooks/whatsapp", method: .post, headers: WebhookFixtures.signed(body), body: ByteBuffer(data: body))
            #expect(r.status == .contentTooLarge)
        }
        #expect(try h.archive.store.read { try $0.recordCount() } == 0)
        #expect(try RejectedDeliveries(archive: h.archive).summary().map(\.reason) == ["too_large"])
    }

    @Test("a signed body that is not valid JSON is quarantined, sealed, and acknowledged; sent again, it is not quarantined twice")
    func malformedIsQuarantined() async throws {
        let h = try await ServerHarness { try WebhookFixtures.configure(&$0) }
        let body = Data(#"{"object":"whatsapp_business_account","entry":[{"changes": [ oops"#.utf8)
        try await h.test { client in
            for _ in 0 ..< 2 {
                let r = try await client.execute(
                    uri: "/webhooks/whatsapp", method: .post, headers: WebhookFixtures.signed(body), body: ByteBuffer(data: body))
                #expect(r.status == .ok)
                #expect(try Self.counts(r)["quarantined"] == 1)
            }
        }
        let items = try h.archive.store.read { try $0.quarantineItems() }
        #expect(items.count == 1)
        #expect(items.first?.format == "whatsapp-cloud")
        #expect(try h.archive.store.read { try $0.recordCount() } == 0)
    }

    @Test("a re-delivered message is a duplicate, still acknowledged 200; a body with several messages stores each")
    func redelivery() async throws {
        let h = try await ServerHarness { try WebhookFixtures.configure(&$0) }
        let body = WebhookFixtures.whatsappBody([("wamid.a", "first"), ("wamid.b", "second"), ("wamid.c", "third")])
        try await h.test { client in
            let first = try await client.execute(
                uri: "/webhooks/whatsapp", method: .post, headers: WebhookFixtures.signed(body), body: ByteBuffer(data: body))
            #expect(try Self.counts(first) == ["imported": 3, "duplicates": 0, "quarantined": 0])
            let again = try await client.execute(
                uri: "/webhooks/whatsapp", method: .post, headers: WebhookFixtures.signed(body), body: ByteBuffer(data: body))
            #expect(again.status == .ok)
            #expect(try Self.counts(again) == ["imported": 0, "duplicates": 3, "quarantined": 0])
        }
        #expect(try h.archive.store.read { try $0.recordCount() } == 3)
    }

    @Test("without WhatsApp settings the route refuses with 404")
    func notConfigured() async throws {
        let h = try await ServerHarness()
        let body = WebhookFixtures.whatsappBody(id: "wamid.x", text: "x")
        try await h.test { client in
            let r = try await client.execute(
                uri: "/webhooks/whatsapp", method: .post, headers: WebhookFixtures.signed(body), body: ByteBuffer(data: body))
            #expect(r.status == .notFound)
        }
        #expect(try h.archive.store.read { try $0.recordCount() } == 0)
    }
}

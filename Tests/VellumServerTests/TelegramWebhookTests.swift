import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Testing
import VellumApp
import VellumStore
@testable import VellumServer

@Suite("Telegram webhook: one URL and secret token per connection")
struct TelegramWebhookTests {
    static let update = WebhookFixtures.telegramUpdate(updateID: 1001, messageID: 7, text: "the platypus invoice")

    @Test("the right secret stores the update under the connection's account; sent again it is a duplicate")
    func accepted() async throws {
        let h = try await ServerHarness { try WebhookFixtures.configure(&$0) }
        try await h.test { client in
            for expected in [["imported": 1, "duplicates": 0, "quarantined": 0], ["imported": 0, "duplicates": 1, "quarantined": 0]] {
                let r = try await client.execute(
                    uri: "/webhooks/telegram/desk", method: .post,
                    headers: WebhookFixtures.telegramHeaders(secret: WebhookFixtures.deskSecret), body: ByteBuffer(data: Self.update))
                #expect(r.status == .ok)
                #expect(try r.json() as? [String: Int] == expected)
            }
            let search = try await client.execute(uri: "/api/v1/search?q=platypus", method: .get, headers: h.bearer(.compliance))
            let hit = try #require(((try search.json() as? [String: Any])?["hits"] as? [[String: Any]])?.first)
            #expect(hit["channel"] as? String == "telegram")
            #expect(hit["source_id"] as? String == "4242:7")
        }
        let accounts = try CaptureHealthService(archive: h.archive).report(now: h.archive.nowMilliseconds).accounts
        #expect(accounts.map(\.account) == ["desk_bot"])
    }

    @Test("a wrong or missing secret is refused with 401 and recorded; nothing is stored",
          arguments: [("wrong", "bad_secret"), (nil, "missing_secret")] as [(String?, String)])
    func refused(secret: String?, reason: String) async throws {
        let h = try await ServerHarness { try WebhookFixtures.configure(&$0) }
        try await h.test { client in
            let r = try await client.execute(
                uri: "/webhooks/telegram/desk", method: .post, headers: WebhookFixtures.telegramHeaders(secret: secret),
                body: ByteBuffer(data: Self.update))
            #expect(r.status == .unauthorized)
        }
        #expect(try h.archive.store.read { try $0.recordCount() } == 0)
        let summary = try RejectedDeliveries(archive: h.archive).summary()
        #expect(summary.map(\.reason) == [reason])
        #expect(summary.map(\.channel) == ["telegram"])
    }

    @Test("an unknown connection is 404, even with a valid secret of another connection")
    func unknownConnection() async throws {
        let h = try await ServerHarness { try WebhookFixtures.configure(&$0) }
        try await h.test { client in
            let r = try await client.execute(
                uri: "/webhooks/telegram/elsewhere", method: .post,
                headers: WebhookFixtures.telegramHeaders(secret: WebhookFixtures.deskSecret), body: ByteBuffer(data: Self.update))
            #expect(r.status == .notFound)
        }
        #expect(try h.archive.store.read { try $0.recordCount() } == 0)
        #expect(try RejectedDeliveries(archive: h.archive).summary().map(\.reason) == ["unknown_connection"])
    }
}

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

@Suite("Webhook media: queued with the delivery's commit, never downloaded on its path")
struct WebhookMediaQueueTests {
    static func imageBody(id: String, mediaID: String) throws -> Data {
        try JSONSerialization.data(withJSONObject: [
            "object": "whatsapp_business_account",
            "entry": [[
                "id": "1234567890987654321",
                "changes": [[
                    "field": "messages",
                    "value": [
                        "messaging_product": "whatsapp",
                        "metadata": ["display_phone_number": "85291230001", "phone_number_id": "1122334455667"],
                        "contacts": [["profile": ["name": "Tom Baker"], "wa_id": "447700900123"]],
                        "messages": [[
                            "from": "447700900123", "id": id, "timestamp": "1772532000", "type": "image",
                            "image": ["id": mediaID, "mime_type": "image/jpeg"],
                        ]],
                    ],
                ]],
            ]],
        ])
    }

    @Test("a delivery naming an image is acknowledged with its download queued, pending in capture health")
    func queuedOnAcknowledgement() async throws {
        let h = try await ServerHarness { try WebhookFixtures.configure(&$0) }
        let body = try Self.imageBody(id: "wamid.img1", mediaID: "9001")
        try await h.test { client in
            let r = try await client.execute(
                uri: "/webhooks/whatsapp", method: .post, headers: WebhookFixtures.signed(body), body: ByteBuffer(data: body))
            #expect(r.status == .ok)
            // The 200 means the message and its queued download were committed together.
            let jobs = try MediaRetryService(archive: h.archive).jobs()
            #expect(jobs.map(\.handle) == ["9001"])
            #expect(jobs.first?.message == "wamid.img1" && jobs.first?.state == .pending)
            let again = try await client.execute(
                uri: "/webhooks/whatsapp", method: .post, headers: WebhookFixtures.signed(body), body: ByteBuffer(data: body))
            #expect(again.status == .ok)
            #expect(try MediaRetryService(archive: h.archive).jobs().count == 1)  // a re-delivery queues nothing more
            let health = try CaptureHealthService(archive: h.archive).report(now: h.archive.nowMilliseconds)
            #expect(health.media.map(\.pending_media) == [1])
            // And on the dashboard, for those who watch capture health.
            let compliance = try await BrowserSession.signIn(client, "compliance")
            let page = try await client.execute(uri: "/", method: .get, headers: compliance.headers).text
            #expect(page.contains("Media downloads"))
            #expect(page.contains("1122334455667: 1 waiting, 0 failed"))
        }
    }
}

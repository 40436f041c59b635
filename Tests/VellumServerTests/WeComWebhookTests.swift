import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Testing
import VellumApp
import VellumCapture
import VellumStore
@testable import VellumServer

@Suite("WeCom callback: URL verification and msgaudit_notify")
struct WeComWebhookTests {
    // Tencent's published URL-verification vector.
    static let verifyQuery = "msg_signature=012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb&timestamp=1476416373&nonce=47744683"
    static let echostr = "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA=="

    @Test("URL verification answers the decrypted echostr, bare, whether echostr is percent-encoded or not")
    func verifyURL() async throws {
        let h = try await ServerHarness { try WebhookFixtures.configure(&$0) }
        let encoded = Self.echostr.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        try await h.test { client in
            for echostr in [Self.echostr, encoded] {
                let r = try await client.execute(uri: "/webhooks/wecom?\(Self.verifyQuery)&echostr=\(echostr)", method: .get)
                #expect(r.status == .ok)
                #expect(r.text == "1288432023552776189")
            }
            let forged = try await client.execute(
                uri: "/webhooks/wecom?msg_signature=\(String(repeating: "0", count: 40))&timestamp=1476416373&nonce=47744683&echostr=\(encoded)",
                method: .get)
            #expect(forged.status == .unauthorized)
            #expect(!forged.text.contains("1288432023552776189"))
        }
    }

    @Test("a msgaudit_notify callback is acknowledged with success and wakes the configured puller")
    func notifyWakesPuller() async throws {
        let h = try await ServerHarness { try WebhookFixtures.configure(&$0, puller: true) }
        let (query, body) = try WebhookFixtures.wecomCallback(WebhookFixtures.msgAuditNotify)
        try await h.test { client in
            let r = try await client.execute(
                uri: "/webhooks/wecom?\(query)", method: .post, headers: [.contentType: "text/xml"], body: body)
            #expect(r.status == .ok)
            #expect(r.text == "success")
        }
        #expect(h.server.wecomPulls.wakes == 1)
    }

    @Test("without a puller, the notification is only acknowledged; other events wake nothing")
    func notifyWithoutPuller() async throws {
        let h = try await ServerHarness { try WebhookFixtures.configure(&$0) }
        let other = "<xml><ToUserName><![CDATA[\(WebhookFixtures.corp)]]></ToUserName><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event></xml>"
        try await h.test { client in
            for plaintext in [WebhookFixtures.msgAuditNotify, other] {
                let (query, body) = try WebhookFixtures.wecomCallback(plaintext)
                let r = try await client.execute(uri: "/webhooks/wecom?\(query)", method: .post, body: body)
                #expect(r.text == "success")
            }
        }
        #expect(h.server.wecomPulls.wakes == 0)
    }

    @Test("a callback with a forged or missing msg_signature is refused with 401 and recorded")
    func forged() async throws {
        let h = try await ServerHarness { try WebhookFixtures.configure(&$0, puller: true) }
        let (_, body) = try WebhookFixtures.wecomCallback(WebhookFixtures.msgAuditNotify)
        try await h.test { client in
            let forged = try await client.execute(
                uri: "/webhooks/wecom?msg_signature=\(String(repeating: "a", count: 40))&timestamp=1629101687&nonce=5820471",
                method: .post, body: body)
            #expect(forged.status == .unauthorized)
            let unsigned = try await client.execute(uri: "/webhooks/wecom", method: .post, body: body)
            #expect(unsigned.status == .unauthorized)
        }
        #expect(h.server.wecomPulls.wakes == 0)
        #expect(try RejectedDeliveries(archive: h.archive).summary().map(\.reason) == ["bad_signature", "missing_signature"])
    }
}

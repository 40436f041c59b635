import Foundation
import HTTPTypes
import NIOCore
import VellumApp
import VellumCapture
import VellumCore
@testable import VellumServer

/// Secrets, bodies and signatures for the webhook tests.
enum WebhookFixtures {
    static let appSecret = "test-app-secret-1"
    static let secondAppSecret = "second-app-secret"
    static let verifyToken = "verify-me-please"
    static let deskSecret = "desk_secret-token"
    static let maxBody = 64 * 1024
    // Tencent's published WXBizMsgCrypt vector (shared/reference/samples/wecom).
    static let wecomToken = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo"
    static let wecomKey = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt"
    static let corp = "ww1436e0e65a779aee"

    /// Every channel configured; WeCom without a puller unless `puller` is set.
    static func configure(_ s: inout ServerSettings, puller: Bool = false) throws {
        s.maxWebhookBody = maxBody
        s.webhooks.whatsapp = .init(appSecrets: [Data(secondAppSecret.utf8), Data(appSecret.utf8)], verifyToken: verifyToken)
        s.webhooks.telegram = ["desk": .init(secret: try TelegramWebhookSecret(deskSecret), account: "desk_bot")]
        s.webhooks.wecom = .init(
            crypt: try wecomCrypt(),
            puller: puller ? WeComCaptureConfiguration(corp_id: corp, sdk_library: "/nonexistent/libWeWorkFinanceSdk_C.so", secret_env: "UNSET") : nil)
    }

    static func wecomCrypt() throws -> WXBizMsgCrypt {
        try WXBizMsgCrypt(token: wecomToken, encodingAESKey: wecomKey, receiveID: corp)
    }

    /// A Cloud API body carrying one text message per (id, text), from one customer.
    static func whatsappBody(_ messages: [(id: String, text: String)], from: String = "16505551234") -> Data {
        let items = messages.map { m in
            #"{"from":"\#(from)","id":"\#(m.id)","timestamp":"1749416383","type":"text","text":{"body":"\#(m.text)"}}"#
        }
        return Data((#"{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"\#(from)"}],"messages":["#
            + items.joined(separator: ",") + "]}}]}]}").utf8)
    }

    static func whatsappBody(id: String, text: String) -> Data { whatsappBody([(id, text)]) }

    static func signed(_ body: Data, secret: String = appSecret) -> HTTPFields {
        [.contentType: "application/json", HTTPField.Name("X-Hub-Signature-256")!: WhatsAppSignature.header(body: body, appSecret: Data(secret.utf8))]
    }

    static func telegramUpdate(updateID: Int, messageID: Int, text: String) -> Data {
        Data(#"{"update_id":\#(updateID),"message":{"message_id":\#(messageID),"date":1749416383,"chat":{"id":4242,"type":"private","first_name":"Ana"},"from":{"id":4242,"is_bot":false,"first_name":"Ana"},"text":"\#(text)"}}"#.utf8)
    }

    static func telegramHeaders(secret: String?) -> HTTPFields {
        var h: HTTPFields = [.contentType: "application/json"]
        if let secret { h[HTTPField.Name("X-Telegram-Bot-Api-Secret-Token")!] = secret }
        return h
    }

    /// An encrypted WeCom callback of `plaintext`, and the query that signs it.
    static func wecomCallback(_ plaintext: String, timestamp: String = "1629101687", nonce: String = "5820471") throws
        -> (query: String, body: ByteBuffer)
    {
        let crypt = try wecomCrypt()
        let encrypted = try crypt.encrypt(plaintext, random16: Array("0123456789abcdef".utf8))
        let signature = crypt.signature(timestamp: timestamp, nonce: nonce, encrypted: encrypted)
        let body = "<xml><ToUserName><![CDATA[\(corp)]]></ToUserName><Encrypt><![CDATA[\(encrypted)]]></Encrypt><AgentID><![CDATA[2000004]]></AgentID></xml>"
        return ("msg_signature=\(signature)&timestamp=\(timestamp)&nonce=\(nonce)", ByteBuffer(string: body))
    }

    static let msgAuditNotify = """
        <xml><ToUserName><![CDATA[\(corp)]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>\
        <CreateTime>1629101687</CreateTime><MsgType><![CDATA[event]]></MsgType><AgentID>2000004</AgentID>\
        <Event><![CDATA[msgaudit_notify]]></Event></xml>
        """
}

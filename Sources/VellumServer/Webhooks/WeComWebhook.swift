import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import VellumCapture

/// `/webhooks/wecom`: WeCom's callback URL for the session-archive app.
///
/// GET is the URL verification (`msg_signature`, `timestamp`, `nonce`, `echostr`): the decrypted
/// echostr is the bare answer. POST is an encrypted callback (XML, or the JSON variant): its
/// `msg_signature` is checked before it is decrypted; a `msgaudit_notify` ("new messages are
/// waiting") wakes the puller when one is configured. Messages themselves come through the puller,
/// never in callbacks, so nothing of a callback is archived. The answer is `success`.
struct WeComWebhook {
    static let channel = "wecom"
    let settings: WebhookSettings.WeCom?
    let intake: WebhookIntake
    let pulls: WakeTrigger

    func register(_ book: RouteBook) {
        book.open(.get, "/webhooks/wecom", .webhook) { request, context in
            try verifyURL(request, context)
        }
        book.open(.post, "/webhooks/wecom", .webhook) { request, context in
            try await callback(request, context)
        }
    }

    func verifyURL(_ request: Request, _ context: VellumContext) throws -> Response {
        guard let settings else { throw HTTPFailure(.notFound, "notConfigured", "WeCom callbacks are not configured") }
        let q = Self.rawQuery(request)
        guard let signature = q["msg_signature"], let timestamp = q["timestamp"], let nonce = q["nonce"],
            let echostr = q["echostr"]
        else {
            throw HTTPFailure(.unauthorized, "unauthenticated", "msg_signature, timestamp, nonce and echostr are required")
        }
        do {
            let plain = try settings.crypt.verifyURL(
                msgSignature: Self.decoded(signature), timestamp: Self.decoded(timestamp), nonce: Self.decoded(nonce),
                echostr: echostr)
            return Self.text(plain)
        } catch {
            context.logger.warning("refused a WeCom URL verification: \(error)")
            let status: HTTPResponse.Status = error as? WXBizMsgCryptError == .signatureMismatch ? .unauthorized : .badRequest
            throw HTTPFailure(status, "verification", "\(error)")
        }
    }

    func callback(_ request: Request, _ context: VellumContext) async throws -> Response {
        let body = try await intake.body(request, channel: Self.channel, context: context)
        guard let settings else {
            throw await intake.refuse(
                channel: Self.channel, reason: "not_configured", body: body, status: .notFound, code: "notConfigured",
                message: "WeCom callbacks are not configured", context: context)
        }
        let q = Self.rawQuery(request)
        guard let signature = q["msg_signature"].map(Self.decoded), let timestamp = q["timestamp"].map(Self.decoded),
            let nonce = q["nonce"].map(Self.decoded)
        else {
            throw await intake.refuse(
                channel: Self.channel, reason: "missing_signature", body: body,
                message: "msg_signature, timestamp and nonce are required", context: context)
        }
        let plaintext: String
        do {
            plaintext = body.first == UInt8(ascii: "{")
                ? try settings.crypt.decrypt(jsonBody: body, msgSignature: signature, timestamp: timestamp, nonce: nonce)
                : try settings.crypt.decrypt(
                    xmlBody: String(decoding: body, as: UTF8.self), msgSignature: signature, timestamp: timestamp, nonce: nonce)
        } catch let error as WXBizMsgCryptError {
            throw await refusal(error, body: body, context: context)
        }
        if Self.isMsgAuditNotify(plaintext), settings.puller != nil {
            pulls.wake()
        }
        return Self.text("success")
    }

    /// A signature mismatch is a forgery (401); a body without its ciphertext is malformed (400);
    /// a signed body that does not decrypt means this server's key or corp id is wrong (400, logged).
    func refusal(_ error: WXBizMsgCryptError, body: Data, context: VellumContext) async -> HTTPFailure {
        switch error {
        case .signatureMismatch:
            return await intake.refuse(
                channel: Self.channel, reason: "bad_signature", body: body, message: "\(error); nothing was kept",
                context: context)
        case .missingField, .malformedBody:
            return await intake.refuse(
                channel: Self.channel, reason: "malformed_body", body: body, status: .badRequest, code: "invalidInput",
                message: "\(error)", context: context)
        default:
            context.logger.error("a signed WeCom callback does not decrypt (check encoding_aes_key and corp_id): \(error)")
            return await intake.refuse(
                channel: Self.channel, reason: "undecryptable", body: body, status: .badRequest, code: "undecryptable",
                message: "\(error)", context: context)
        }
    }

    static func isMsgAuditNotify(_ plaintext: String) -> Bool {
        if plaintext.hasPrefix("{") {
            let object = (try? JSONSerialization.jsonObject(with: Data(plaintext.utf8))) as? [String: Any]
            let event = (object?["Event"] ?? object?["event"]) as? String
            return event?.lowercased() == "msgaudit_notify"
        }
        return (try? WeComCallbackEvent(xml: plaintext))?.isMsgAuditNotify == true
    }

    /// Query values as sent (not percent-decoded): `verifyURL` decodes `echostr` itself.
    static func rawQuery(_ request: Request) -> [String: String] {
        var out: [String: String] = [:]
        for pair in request.uri.query?.split(separator: "&") ?? [] {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            out[String(parts[0])] = String(parts[1])
        }
        return out
    }

    static func decoded(_ value: String) -> String { value.removingPercentEncoding ?? value }

    static func text(_ s: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: s)))
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import VellumApp
import VellumCapture
import VellumCore

/// `/webhooks/whatsapp`: the Cloud API's GET handshake and its signed POSTs.
///
/// A POST is verified with `X-Hub-Signature-256` over the exact bytes received, under any
/// configured app secret, before anything of it is read. A verified body is parsed by the same
/// code as `vellum import --format whatsapp-cloud`; what cannot be parsed is quarantined, sealed.
struct WhatsAppWebhook {
    static let channel = "whatsapp"
    let settings: WebhookSettings.WhatsApp?
    let intake: WebhookIntake

    func register(_ book: RouteBook) {
        book.open(.get, "/webhooks/whatsapp", .webhook) { request, context in
            try handshake(request, context)
        }
        book.open(.post, "/webhooks/whatsapp", .webhook) { request, context in
            try await deliver(request, context)
        }
    }

    /// Answers the challenge when the verify token matches; 403 otherwise (as Meta expects).
    func handshake(_ request: Request, _ context: VellumContext) throws -> Response {
        guard let settings else { throw HTTPFailure(.notFound, "notConfigured", "WhatsApp webhooks are not configured") }
        let items = URLComponents(string: request.uri.description)?.queryItems ?? []
        switch WhatsAppWebhookVerification.respond(queryItems: items, expectedToken: settings.verifyToken) {
        case .accept(let challenge):
            return Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: challenge)))
        case .reject(let reason):
            context.logger.warning("refused a WhatsApp webhook handshake: \(reason)")
            throw HTTPFailure(.forbidden, "handshake", reason)
        }
    }

    func deliver(_ request: Request, _ context: VellumContext) async throws -> Response {
        let body = try await intake.body(request, channel: Self.channel, context: context)
        guard let settings else {
            throw await intake.refuse(
                channel: Self.channel, reason: "not_configured", body: body, status: .notFound, code: "notConfigured",
                message: "WhatsApp webhooks are not configured", context: context)
        }
        let header = request.headers[HTTPField.Name(WhatsAppSignature.headerName)!]
        do {
            try WhatsAppSignature.verify(body: body, header: header, appSecrets: settings.appSecrets)
        } catch {
            throw await intake.refuse(
                channel: Self.channel, reason: header == nil ? "missing_signature" : "bad_signature", body: body,
                message: "\(WhatsAppSignature.headerName) is missing or does not match the body; nothing was kept",
                context: context)
        }
        let items = ImportFormat.whatsappCloud.items(body, file: "webhook:whatsapp", line: 1)
        return try await intake.commit(items, context: context)
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import VellumApp
import VellumCapture

/// `/webhooks/telegram/{connection}`: one URL per configured bot, each with its own secret token.
///
/// Telegram sends one `Update` per POST with the secret in `X-Telegram-Bot-Api-Secret-Token`.
/// The update is parsed by the same code as `vellum import --format telegram-bot`, under the
/// connection's account.
struct TelegramWebhook {
    static let channel = "telegram"
    static let header = HTTPField.Name(TelegramWebhookSecret.headerName)!
    let connections: [String: WebhookSettings.TelegramConnection]
    let intake: WebhookIntake

    func register(_ book: RouteBook) {
        book.open(.post, "/webhooks/telegram/{connection}", .webhook) { request, context in
            try await deliver(request, context)
        }
    }

    func deliver(_ request: Request, _ context: VellumContext) async throws -> Response {
        let body = try await intake.body(request, channel: Self.channel, context: context)
        guard let name = context.parameters.get("connection"), let connection = connections[name] else {
            // The name is the caller's; it is not recorded.
            throw await intake.refuse(
                channel: Self.channel, reason: "unknown_connection", body: body, status: .notFound, code: "notFound",
                message: "no Telegram connection of that name is configured", context: context)
        }
        let header = request.headers[Self.header]
        do {
            try connection.secret.verify(header: header)
        } catch {
            throw await intake.refuse(
                channel: Self.channel, reason: header == nil ? "missing_secret" : "bad_secret", body: body,
                message: "\(TelegramWebhookSecret.headerName) is missing or wrong; nothing was kept", context: context)
        }
        let items = ImportFormat.telegramBot.items(
            body, file: "webhook:telegram/\(name)", line: 1, options: ImportOptions(account: connection.account))
        return try await intake.commit(items, context: context)
    }
}

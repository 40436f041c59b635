import Hummingbird

/// Installs every channel's webhook route; each is listed in the route book with audience
/// `.webhook` (checked by the channel's own signature or secret, not by a staff sign-in).
struct WebhookRoutes {
    let settings: WebhookSettings
    let intake: WebhookIntake
    let pulls: WakeTrigger

    func register(_ book: RouteBook) {
        WhatsAppWebhook(settings: settings.whatsapp, intake: intake).register(book)
        TelegramWebhook(connections: settings.telegram, intake: intake).register(book)
        WeComWebhook(settings: settings.wecom, intake: intake, pulls: pulls).register(book)
    }
}

public import Foundation
public import VellumApp
public import VellumCapture

/// What the webhook routes check deliveries against, and how they commit them. Read from the
/// `webhooks:` section of `vellum serve --config FILE` (see ``ServerConfigFile``). A channel left
/// out is not configured: its route refuses every delivery.
public struct WebhookSettings: Sendable {
    /// WhatsApp Business Cloud API: the app secrets that sign POSTs, the GET handshake's token.
    public struct WhatsApp: Sendable {
        /// HMAC keys of `X-Hub-Signature-256`; several apps on one business account sign with their own.
        public var appSecrets: [Data]
        /// The `hub.verify_token` Meta sends when the URL is registered.
        public var verifyToken: String

        public init(appSecrets: [Data], verifyToken: String) {
            self.appSecrets = appSecrets
            self.verifyToken = verifyToken
        }
    }

    /// One Telegram bot (or business connection), posting to `/webhooks/telegram/{name}`.
    public struct TelegramConnection: Sendable {
        public var secret: TelegramWebhookSecret
        /// The capturing account recorded with its messages (the bot's name).
        public var account: String

        public init(secret: TelegramWebhookSecret, account: String) {
            self.secret = secret
            self.account = account
        }
    }

    /// WeCom callbacks: the app's token and EncodingAESKey, and the session-archive puller that a
    /// `msgaudit_notify` callback wakes.
    public struct WeCom: Sendable {
        public var crypt: WXBizMsgCrypt
        /// A `vellum wecom pull` configuration; when nil, notifications are only acknowledged.
        public var puller: WeComCaptureConfiguration?

        public init(crypt: WXBizMsgCrypt, puller: WeComCaptureConfiguration? = nil) {
            self.crypt = crypt
            self.puller = puller
        }
    }

    public var whatsapp: WhatsApp?
    /// By the connection name in the URL.
    public var telegram: [String: TelegramConnection] = [:]
    public var wecom: WeCom?
    /// Group commit: deliveries arriving together are committed in one transaction of at most
    /// this many items (a delivery is never split).
    public var groupCommitMaxItems = 1000
    /// How long a delivery arriving at an idle queue waits for others to share its commit.
    public var groupCommitWindow: Duration = .milliseconds(2)
    /// At most one `delivery.rejected` ledger event per channel and reason in this interval; the
    /// refusals in between are counted and carried by the next event.
    public var rejectionLedgerInterval: Duration = .seconds(60)

    public init() {}
}

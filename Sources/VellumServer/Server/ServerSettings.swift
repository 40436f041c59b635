public import Foundation

/// How `vellum serve` listens and guards its sessions.
public struct ServerSettings: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Mark cookies Secure (browsers then send them over HTTPS only, and over http://localhost).
    /// Turn off only behind a proxy that cannot terminate TLS on loopback.
    public var secureCookies = true
    /// bcrypt's work factor for staff passwords.
    public var bcryptCost: UInt8 = 12
    /// Largest webhook body accepted; bigger deliveries are refused (413) and recorded.
    public var maxWebhookBody = 1024 * 1024
    /// Hours between retention sweeps (disposition and deferred erasures); 0 turns them off.
    public var retentionSweepHours = 24
    /// Channel secrets and group commit for `/webhooks/…` (from `--config`).
    public var webhooks = WebhookSettings()
    /// Media downloads (WhatsApp Cloud API, Telegram Bot API); nil: media stays queued.
    public var media: MediaSettings?
    /// signal-cli daemons to read (none by default).
    public var signal = SignalSettings()

    public init() {}
}

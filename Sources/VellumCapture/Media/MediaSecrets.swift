public import Foundation

/// The credentials media downloads need: a Cloud API access token for WhatsApp, a bot token per
/// Telegram account. Held in memory only (read from the environment or a file at start-up),
/// never stored in the archive, never logged; ``redact(_:)`` scrubs them from any text.
public struct MediaSecrets: Sendable {
    /// WhatsApp Cloud API: the Graph API base (`https://graph.facebook.com`), version (`v21.0`)
    /// and the system-user access token.
    public struct WhatsApp: Sendable {
        public var graphBase: String
        public var apiVersion: String
        public var accessToken: String

        public init(graphBase: String = "https://graph.facebook.com", apiVersion: String = "v21.0", accessToken: String) {
            self.graphBase = graphBase
            self.apiVersion = apiVersion
            self.accessToken = accessToken
        }
    }

    /// Telegram Bot API: the base (`https://api.telegram.org`) and the bot token of each capturing account.
    public struct Telegram: Sendable {
        public var apiBase: String
        public var botTokens: [String: String]

        public init(apiBase: String = "https://api.telegram.org", botTokens: [String: String]) {
            self.apiBase = apiBase
            self.botTokens = botTokens
        }
    }

    public var whatsapp: WhatsApp?
    public var telegram: Telegram?

    public init(whatsapp: WhatsApp? = nil, telegram: Telegram? = nil) {
        self.whatsapp = whatsapp
        self.telegram = telegram
    }

    public static let redactedMark = "<redacted>"

    /// `text` with every token (and its percent-encoded form) replaced by `<redacted>`.
    public func redact(_ text: String) -> String {
        var out = text
        let tokens = ([whatsapp?.accessToken] + (telegram?.botTokens.values.map { Optional($0) } ?? []))
            .compactMap { $0 }.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
        for token in tokens {
            out = out.replacingOccurrences(of: token, with: Self.redactedMark)
            if let encoded = token.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed), encoded != token {
                out = out.replacingOccurrences(of: encoded, with: Self.redactedMark)
            }
        }
        return out
    }
}

/// A messaging channel Vellum captures, with what the archive needs to know about its security.
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
    case wecom, wechat, whatsapp, telegram, signal, sms, email, other

    /// Whether the channel encrypts messages end to end between the people in a conversation.
    ///
    /// WeChat/WeCom, Telegram cloud chats, SMS and ordinary email are readable by the operator
    /// or the network on the way; surveillance rules treat sensitive data on them as exposed.
    public var isEndToEndEncrypted: Bool {
        switch self {
        case .whatsapp, .signal: true
        case .wecom, .wechat, .telegram, .sms, .email, .other: false
        }
    }

    /// A human name for reports.
    public var displayName: String {
        switch self {
        case .wecom: "WeCom"
        case .wechat: "WeChat"
        case .whatsapp: "WhatsApp"
        case .telegram: "Telegram"
        case .signal: "Signal"
        case .sms: "SMS"
        case .email: "Email"
        case .other: "Other"
        }
    }
}

/// Lets `[Channel: …]` encode as a JSON object keyed by channel name.
extension Channel: CodingKeyRepresentable {}

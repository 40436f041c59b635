import Foundation

/// Normalizes the identifiers channels give people, so one person is found under one key.
///
/// Phone numbers become `tel:+<digits>` on every channel that uses them (so a WhatsApp number and
/// an SMS number match), emails `mailto:<lowercased>`, everything else `<channel>:<id>`.
public enum Identifier {
    public static func normalize(_ raw: String, channel: Channel) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.contains("@"), !trimmed.hasPrefix("@") {
            return "mailto:" + trimmed.lowercased()
        }
        if let phone = phoneNumber(trimmed), usesPhoneNumbers(channel) || trimmed.hasPrefix("+") {
            return "tel:" + phone
        }
        switch channel {
        case .signal, .telegram, .email:
            return channel.rawValue + ":" + trimmed.lowercased()
        default:
            return channel.rawValue + ":" + trimmed
        }
    }

    /// Digits of a phone number with a leading `+` when it is international, or nil.
    public static func phoneNumber(_ text: String) -> String? {
        var digits = ""
        var plus = false
        for (i, ch) in text.unicodeScalars.enumerated() {
            switch ch {
            case "+" where i == 0: plus = true
            case "0" ... "9": digits.unicodeScalars.append(ch)
            case " ", "-", ".", "(", ")", "\u{00A0}": continue
            default: return nil
            }
        }
        if !plus, digits.hasPrefix("00"), digits.count > 8 {
            digits.removeFirst(2)
            plus = true
        }
        guard (6 ... 15).contains(digits.count) else { return nil }
        return (plus ? "+" : "") + digits
    }

    static func usesPhoneNumbers(_ channel: Channel) -> Bool {
        switch channel {
        case .whatsapp, .signal, .sms, .other: true
        case .wecom, .wechat, .telegram, .email: false
        }
    }
}

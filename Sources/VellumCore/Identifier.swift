import Foundation

/// Normalizes the identifiers channels give people, so one person is found under one key.
///
/// Phone numbers become `tel:+<digits>` on every channel that uses them (so a WhatsApp number and
/// an SMS number match), emails `mailto:<lowercased>`, everything else `<channel>:<id>`.
public enum Identifier {
    public static func normalize(_ raw: String, channel: Channel) -> String {
        let trimmed = trimmed(raw)
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

    /// `raw` without leading and trailing white space; the common case, nothing to trim, costs
    /// two scalar checks instead of Foundation's character-set scan.
    static func trimmed(_ raw: String) -> String {
        let scalars = raw.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return raw }
        if first.properties.isWhitespace || last.properties.isWhitespace {
            return raw.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return raw
    }

    static func usesPhoneNumbers(_ channel: Channel) -> Bool {
        switch channel {
        case .whatsapp, .signal, .sms, .other: true
        case .wecom, .wechat, .telegram, .email: false
        }
    }
}

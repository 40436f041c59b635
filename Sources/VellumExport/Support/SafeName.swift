import Foundation
import VellumCore

/// File names that are safe on every file system and in every archive tool: ASCII letters,
/// digits, `.`, `_` and `-`, no leading dot, bounded length.
enum SafeName {
    /// `text` with every other character replaced by `_`, runs collapsed, at most `maxLength`.
    static func component(_ text: String, maxLength: Int = 60) -> String {
        var out = ""
        var lastUnderscore = false
        for scalar in text.unicodeScalars {
            let ok =
                (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "." || scalar == "-" || scalar == "_"
            if ok {
                out.unicodeScalars.append(scalar)
                lastUnderscore = scalar == "_"
            } else if !lastUnderscore {
                out.append("_")
                lastUnderscore = true
            }
            if out.count >= maxLength { break }
        }
        while out.hasPrefix(".") { out.removeFirst() }
        return out.isEmpty ? "x" : out
    }

    /// A safe file name for an attachment, keeping a short alphanumeric extension so viewers know
    /// the type (RSMF renders `.png/.jpg/.jpeg/.gif` inline).
    static func fileName(_ name: String, maxLength: Int = 60) -> String {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count >= 2, let ext = parts.last, (1...10).contains(ext.count),
            ext.unicodeScalars.allSatisfy({ $0.isASCII && CharacterSet.alphanumerics.contains($0) })
        {
            let base = component(parts.dropLast().joined(separator: "."), maxLength: maxLength)
            return base + "." + ext.lowercased()
        }
        return component(name, maxLength: maxLength)
    }

    /// A stable folder and file stem for a conversation: channel, readable id, and a digest of the
    /// full key so ids that sanitise alike stay apart.
    static func conversationKey(channel: Channel, account: String, conversationID: String) -> String {
        let digest = ExportCrypto.sha256(Data("\(channel.rawValue)\u{0}\(account)\u{0}\(conversationID)".utf8))
        return "\(channel.rawValue)_\(component(conversationID, maxLength: 40))_\(digest.prefix(4).hexString)"
    }
}

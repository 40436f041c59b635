import Foundation
import VellumCore

/// Escaping for text and attribute values in the HTML transcripts.
public enum HTMLEscape {
    /// Text or an attribute value with `& < > " '` as entities and characters HTML forbids
    /// (C0 controls but tab/LF/CR, noncharacters) as U+FFFD.
    public static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0x7F || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Escaped text with line breaks as `<br>`.
    static func multiline(_ s: String) -> String {
        text(s).replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "<br>")
    }

    /// A relative URL for a `/`-separated path, each component percent-encoded.
    static func relativeURL(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return path.split(separator: "/", omittingEmptySubsequences: false).map {
            String($0) == ".." ? ".." : ($0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "x")
        }.joined(separator: "/")
    }

    /// A fragment id for a source native id: `n-` and the hex of its UTF-8, valid in any id.
    static func anchor(sourceID: String) -> String {
        "n-" + Data(sourceID.utf8).hexString
    }
}

import Foundation

/// 7-bit MIME encodings for the EML writers: base64 and quoted-printable bodies, RFC 2047
/// encoded words, RFC 2231 file names, folded headers. Every line ends in CRLF and stays under
/// 998 bytes (78 where the grammar allows a fold).
enum MIME {
    static let crlf: [UInt8] = [13, 10]

    /// A boundary that cannot occur in base64 or quoted-printable content (`=_` is neither).
    static func boundary(seed: String) -> String {
        "=_vellum_" + ExportCrypto.sha256(Data(seed.utf8)).prefix(10).map { String(format: "%02x", $0) }.joined()
    }

    /// Base64 in 76-character CRLF lines, a CRLF after the last line.
    static func base64Lines(_ data: Data) -> Data {
        guard !data.isEmpty else { return Data() }
        let encoded = data.base64EncodedData()
        var out = Data(capacity: encoded.count + encoded.count / 76 * 2 + 2)
        var start = encoded.startIndex
        while start < encoded.endIndex {
            let end = encoded.index(start, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            out.append(encoded[start..<end])
            out.append(contentsOf: crlf)
            start = end
        }
        return out
    }

    /// Streams a file as base64 lines into `out`.
    static func writeBase64(of url: URL, to out: OutputFile) throws {
        guard let input = InputStream(url: url) else { throw ExportError(.io, "\(url.path): cannot open") }
        input.open()
        defer { input.close() }
        let chunk = 57 * 4096
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            var filled = 0
            while filled < chunk {
                let n = buffer.withUnsafeMutableBufferPointer {
                    input.read($0.baseAddress! + filled, maxLength: chunk - filled)
                }
                if n < 0 { throw ExportError(.io, "\(url.path): read failed") }
                if n == 0 { break }
                filled += n
            }
            if filled == 0 { break }
            try out.write(base64Lines(Data(buffer[0..<filled])))
            if filled < chunk { break }
        }
    }

    /// Which body encoding a UTF-8 text part gets: quoted-printable while it stays readable,
    /// base64 when most of it would be escapes (CJK text).
    static func encodeText(_ text: String) -> (encoding: String, body: [UInt8]) {
        let bytes = Array(normalizedLines(text).utf8)
        var escaped = 0
        for b in bytes where b >= 0x7F || (b < 0x20 && b != 13 && b != 10 && b != 9) || b == 0x3D { escaped += 1 }
        let qpSize = bytes.count + 2 * escaped
        if qpSize <= bytes.count * 4 / 3 + bytes.count / 10 {
            return ("quoted-printable", quotedPrintable(bytes))
        }
        return ("base64", Array(base64Lines(Data(bytes))))
    }

    /// `text` with every line break as CRLF.
    static func normalizedLines(_ text: String) -> String {
        guard text.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for ch in text {
            if ch == "\r\n" || ch == "\n" || ch == "\r" { out += "\r\n" } else { out.append(ch) }
        }
        return out
    }

    /// RFC 2045 §6.7 quoted-printable of bytes whose line breaks are CRLF.
    static func quotedPrintable(_ bytes: [UInt8]) -> [UInt8] {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8 + 8)
        var lineLength = 0
        var i = 0
        func emit(_ token: [UInt8]) {
            if lineLength + token.count > 75 {
                out.append(contentsOf: [0x3D, 13, 10])
                lineLength = 0
            }
            out.append(contentsOf: token)
            lineLength += token.count
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 13, i + 1 < bytes.count, bytes[i + 1] == 10 {
                out.append(contentsOf: crlf)
                lineLength = 0
                i += 2
                continue
            }
            let atLineEnd = i + 1 == bytes.count || (bytes[i + 1] == 13 && i + 2 < bytes.count && bytes[i + 2] == 10)
            if (b >= 33 && b <= 126 && b != 0x3D) || ((b == 32 || b == 9) && !atLineEnd) {
                emit([b])
            } else {
                emit([0x3D, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            }
            i += 1
        }
        return out
    }

    /// Whether `text` can stand in a header as is.
    static func isPlainHeaderText(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } && !text.contains("=?")
    }

    /// RFC 2047 `=?UTF-8?B?…?=` words, each at most 75 characters, never splitting a character.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        let maxBytes = 45  // base64 of 45 bytes is 60 characters; with `=?UTF-8?B?` and `?=` 72
        for ch in text.unicodeScalars {
            let bytes = Array(String(ch).utf8)
            if current.count + bytes.count > maxBytes {
                words.append("=?UTF-8?B?" + Data(current).base64EncodedString() + "?=")
                current = []
            }
            current.append(contentsOf: bytes)
        }
        if !current.isEmpty || words.isEmpty {
            words.append("=?UTF-8?B?" + Data(current).base64EncodedString() + "?=")
        }
        return words
    }

    /// An unstructured header (`Subject`, `X-…`), encoded and folded.
    static func header(_ name: String, _ value: String) -> String {
        let clean = value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        let plain = clean.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let words = isPlainHeaderText(clean) && plain.allSatisfy({ $0.utf8.count < 900 }) ? plain : encodedWords(clean)
        return fold(name + ":", words, separator: " ") + "\r\n"
    }

    /// Joins `words` after `start`, folding before a word that would pass 78 characters.
    static func fold(_ start: String, _ words: [String], separator: String) -> String {
        var out = start
        var lineLength = start.utf8.count
        for (i, word) in words.enumerated() {
            let piece = (i == 0 ? " " : separator) + word
            if lineLength + piece.utf8.count > 78, lineLength > 1 {
                out += "\r\n " + word
                lineLength = 1 + word.utf8.count
            } else {
                out += piece
                lineLength += piece.utf8.count
            }
        }
        return out
    }

    /// `"Name" <address>` (or an encoded-word phrase) for address headers.
    static func mailbox(name: String, address: String) -> [String] {
        let phrase: [String]
        if isPlainHeaderText(name) {
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            phrase = ["\"" + escaped + "\""]
        } else {
            phrase = encodedWords(name)
        }
        return phrase + ["<" + address + ">"]
    }

    /// An address header listing `mailboxes`, comma separated, folded.
    static func addressHeader(_ name: String, _ mailboxes: [(name: String, address: String)]) -> String {
        var words: [String] = []
        for (i, box) in mailboxes.enumerated() {
            var parts = mailbox(name: box.name, address: box.address)
            if i < mailboxes.count - 1 { parts[parts.count - 1] += "," }
            words.append(contentsOf: parts)
        }
        return fold(name + ":", words, separator: " ") + "\r\n"
    }

    /// An RFC 5322 dot-atom local part for a channel identifier.
    static func localPart(_ id: String) -> String {
        var out = ""
        for scalar in id.unicodeScalars {
            let ok =
                (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "-" || scalar == "_" || scalar == "+"
            out.unicodeScalars.append(ok ? scalar : "_")
            if out.utf8.count >= 60 { break }
        }
        return out.isEmpty ? "unknown" : out
    }

    /// `name="…"` or RFC 2231 `name*0*=utf-8''…` continuation parameters, each on its own folded
    /// line, for `Content-Type` (`name`) and `Content-Disposition` (`filename`).
    static func fileNameParameter(_ parameter: String, _ fileName: String) -> String {
        if isPlainHeaderText(fileName), fileName.utf8.count <= 60, !fileName.contains("\""), !fileName.contains("\\") {
            return ";\r\n \(parameter)=\"\(fileName)\""
        }
        var encoded: [String] = []
        var current = ""
        for byte in fileName.utf8 {
            let unreserved =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F
            let token = unreserved ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
            if current.utf8.count + token.utf8.count > 50 {
                encoded.append(current)
                current = ""
            }
            current += token
        }
        if !current.isEmpty || encoded.isEmpty { encoded.append(current) }
        var out = ""
        for (i, piece) in encoded.enumerated() {
            out += ";\r\n \(parameter)*\(i)*=" + (i == 0 ? "utf-8''" : "") + piece
        }
        return out
    }
}

import Foundation

/// A parsed MIME entity: unfolded headers and the raw body.
struct MIMEEntity {
    /// Header fields in order, names as written, values unfolded (not decoded).
    var headers: [(name: String, value: String)]
    var body: Data

    /// The first value of `name`, case-insensitively.
    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The media type of `Content-Type`, lowercased (`text/plain` when absent).
    var mediaType: String {
        guard let value = header("Content-Type") else { return "text/plain" }
        return value.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }

    /// A parameter of a structured header (`boundary`, `filename`, RFC 2231 continuations joined).
    func parameter(_ parameter: String, of headerName: String) -> String? {
        guard let value = header(headerName) else { return nil }
        var plain: String?
        var pieces: [(Int, String, Bool)] = []
        for raw in value.split(separator: ";").dropFirst() {
            let pair = raw.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            var key = pair[0].lowercased()
            var v = pair[1]
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 {
                v = String(v.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
                    .replacingOccurrences(of: "\\\\", with: "\\")
            }
            if key == parameter.lowercased() {
                plain = v
                continue
            }
            let extended = key.hasSuffix("*")
            if extended { key.removeLast() }
            let prefix = parameter.lowercased() + "*"
            if key.hasPrefix(prefix), let index = Int(key.dropFirst(prefix.count)) {
                pieces.append((index, v, extended))
            } else if key == parameter.lowercased(), extended {
                pieces.append((0, v, true))
            }
        }
        guard !pieces.isEmpty else { return plain.map(MIMEDecoding.decodeWords) }
        var bytes: [UInt8] = []
        for (i, piece) in pieces.sorted(by: { $0.0 < $1.0 }).enumerated() {
            var text = piece.1
            if i == 0, piece.2, let quote = text.range(of: "''") { text = String(text[quote.upperBound...]) }
            bytes.append(contentsOf: piece.2 ? MIMEDecoding.percentDecoded(text) : Array(text.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses headers and body of an RFC 5322 / MIME entity (CRLF or LF line ends).
    static func parse(_ data: Data) -> MIMEEntity {
        let bytes = [UInt8](data)
        var headerEnd = bytes.count
        var bodyStart = bytes.count
        if bytes.starts(with: [13, 10]) {
            (headerEnd, bodyStart) = (0, 2)
        } else if bytes.first == 10 {
            (headerEnd, bodyStart) = (0, 1)
        } else {
            var i = 0
            while i < bytes.count {
                if bytes[i] == 10 {
                    if i + 1 < bytes.count, bytes[i + 1] == 10 {
                        (headerEnd, bodyStart) = (i, i + 2)
                        break
                    }
                    if i + 2 < bytes.count, bytes[i + 1] == 13, bytes[i + 2] == 10 {
                        (headerEnd, bodyStart) = (i, i + 3)
                        break
                    }
                }
                i += 1
            }
        }
        let headerText = String(decoding: bytes[0..<headerEnd], as: UTF8.self)
        var headers: [(String, String)] = []
        for line in headerText.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                let continuation = line.trimmingCharacters(in: .whitespaces)
                headers[headers.count - 1].1 += headers[headers.count - 1].1.isEmpty ? continuation : " " + continuation
            } else if let colon = line.firstIndex(of: ":") {
                headers.append(
                    (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
        }
        return MIMEEntity(headers: headers, body: Data(bytes[min(bodyStart, bytes.count)...]))
    }

    /// The parts of a `multipart/*` body, split on `boundary`.
    func parts() -> [MIMEEntity] {
        guard let boundary = parameter("boundary", of: "Content-Type") else { return [] }
        let delimiter = Array(("--" + boundary).utf8)
        let bytes = [UInt8](body)
        var starts: [(Int, Int)] = []  // (line start, line end after CRLF)
        var lineStart = 0
        var closed = false
        while lineStart < bytes.count, !closed {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 10 { lineEnd += 1 }
            let next = min(lineEnd + 1, bytes.count)
            if bytes[lineStart...].starts(with: delimiter) {
                let rest = bytes[(lineStart + delimiter.count)..<lineEnd]
                closed = rest.starts(with: [45, 45])
                starts.append((lineStart, next))
            }
            lineStart = next
        }
        var parts: [MIMEEntity] = []
        for k in 0..<max(0, starts.count - 1) {
            var end = starts[k + 1].0
            if end > 0, bytes[end - 1] == 10 { end -= 1 }
            if end > 0, bytes[end - 1] == 13 { end -= 1 }
            let begin = starts[k].1
            parts.append(MIMEEntity.parse(Data(bytes[begin..<max(begin, end)])))
        }
        return parts
    }

    /// The body with its `Content-Transfer-Encoding` undone.
    func decodedBody() throws -> Data {
        switch (header("Content-Transfer-Encoding") ?? "7bit").lowercased() {
        case "base64":
            let text = body.filter { $0 != 13 && $0 != 10 && $0 != 32 && $0 != 9 }
            guard let data = Data(base64Encoded: text) else {
                throw ExportError(.malformedRSMF, "a base64 MIME part does not decode")
            }
            return data
        case "quoted-printable": return Data(MIMEDecoding.quotedPrintable([UInt8](body)))
        default: return body
        }
    }
}

/// The inverse encodings, for the RSMF reader and tests.
enum MIMEDecoding {
    static func percentDecoded(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        let b = Array(text.utf8)
        var i = 0
        while i < b.count {
            if b[i] == 0x25, i + 2 < b.count,
                let v = UInt8(String(decoding: b[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
            {
                out.append(v)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return out
    }

    static func quotedPrintable(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x3D {
                if i + 2 < bytes.count, bytes[i + 1] == 13, bytes[i + 2] == 10 { i += 3; continue }
                if i + 1 < bytes.count, bytes[i + 1] == 10 { i += 2; continue }
                if i + 2 < bytes.count,
                    let v = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
                {
                    out.append(v)
                    i += 3
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    /// Decodes RFC 2047 encoded words (B and Q, UTF-8 and ASCII) in a header value.
    static func decodeWords(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        var out = ""
        var lastWasWord = false
        var first = true
        for token in value.split(separator: " ", omittingEmptySubsequences: false) {
            let t = String(token)
            let pieces = t.split(separator: "?", omittingEmptySubsequences: false)
            if t.hasPrefix("=?"), t.hasSuffix("?="), pieces.count == 5 {
                let payload = String(pieces[3])
                var bytes: [UInt8] = []
                if pieces[2].lowercased() == "b" {
                    bytes = Data(base64Encoded: payload).map { [UInt8]($0) } ?? Array(t.utf8)
                } else {
                    bytes = quotedPrintable(Array(payload.replacingOccurrences(of: "_", with: " ").utf8))
                }
                if !first, !lastWasWord { out += " " }
                out += String(decoding: bytes, as: UTF8.self)
                lastWasWord = true
            } else {
                if !first { out += " " }
                out += t
                lastWasWord = false
            }
            first = false
        }
        return out
    }
}

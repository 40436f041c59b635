/// A body that is not the flat `<xml>…</xml>` document WeCom sends.
public struct WeComXMLError: Error, Sendable, Hashable, CustomStringConvertible {
    public var detail: String

    public init(_ detail: String) { self.detail = detail }

    public var description: String { "malformed WeCom XML: \(detail)" }
}

/// Reads WeCom's flat callback XML (`<xml><Name><![CDATA[value]]></Name><N2>plain</N2>…</xml>`) by hand.
///
/// Returns the root's child elements by name. CDATA content is taken verbatim; other text has the five
/// predefined entities and numeric character references decoded. A child that itself has children is
/// returned as its raw inner XML. A repeated child name is an error (a second `<Encrypt>` must not be
/// able to shadow the first).
enum WeComFlatXML {
    static func parse(_ xml: String) throws -> [String: String] {
        var reader = Reader(bytes: Array(xml.utf8))
        return try reader.parseDocument()
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func parseDocument() throws -> [String: String] {
            skipMisc()
            guard starts(with: "<") else { throw WeComXMLError("no root element") }
            index += 1
            let rootName = readName()
            guard !rootName.isEmpty else { throw WeComXMLError("no root element name") }
            let selfClosing = try skipToTagEnd()
            var fields: [String: String] = [:]
            if selfClosing { return fields }
            while true {
                skipMisc()
                guard index < bytes.count else { throw WeComXMLError("root element '\(rootName)' is not closed") }
                if starts(with: "</") {
                    index += 2
                    let closing = readName()
                    guard closing == rootName else { throw WeComXMLError("'</\(closing)>' closes root '\(rootName)'") }
                    return fields
                }
                guard starts(with: "<") else { throw WeComXMLError("text directly inside the root element") }
                index += 1
                let name = readName()
                guard !name.isEmpty else { throw WeComXMLError("element without a name") }
                let value: String
                if try skipToTagEnd() {
                    value = ""
                } else {
                    let start = index
                    let end = try findClosingTag(name)
                    value = decodeContent(bytes[start..<end])
                }
                guard fields[name] == nil else { throw WeComXMLError("element '\(name)' appears twice") }
                fields[name] = value
            }
        }

        private func starts(with text: String) -> Bool {
            let pattern = Array(text.utf8)
            guard index + pattern.count <= bytes.count else { return false }
            return bytes[index..<(index + pattern.count)].elementsEqual(pattern)
        }

        private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0a || byte == 0x0d || byte == 0x09 }

        /// Skips whitespace, the XML declaration, comments and a UTF-8 BOM.
        private mutating func skipMisc() {
            while index < bytes.count {
                if isSpace(bytes[index]) {
                    index += 1
                } else if starts(with: "\u{FEFF}") {
                    index += 3
                } else if starts(with: "<?") {
                    skip(past: "?>")
                } else if starts(with: "<!--") {
                    skip(past: "-->")
                } else {
                    return
                }
            }
        }

        private mutating func skip(past terminator: String) {
            while index < bytes.count, !starts(with: terminator) { index += 1 }
            index = min(bytes.count, index + terminator.utf8.count)
        }

        private mutating func readName() -> String {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") { break }
                index += 1
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// Skips attributes to the end of a start tag. Returns true for `/>`.
        private mutating func skipToTagEnd() throws -> Bool {
            var quote: UInt8?
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    return index >= 2 && bytes[index - 2] == UInt8(ascii: "/")
                }
            }
            throw WeComXMLError("unterminated tag")
        }

        /// Moves past `</name>` and returns where the content ended.
        private mutating func findClosingTag(_ name: String) throws -> Int {
            let closing = "</" + name
            while index < bytes.count {
                if starts(with: "<![CDATA[") {
                    skip(past: "]]>")
                    continue
                }
                if starts(with: closing) {
                    let contentEnd = index
                    var probe = index + closing.utf8.count
                    while probe < bytes.count, isSpace(bytes[probe]) { probe += 1 }
                    if probe < bytes.count, bytes[probe] == UInt8(ascii: ">") {
                        index = probe + 1
                        return contentEnd
                    }
                }
                index += 1
            }
            throw WeComXMLError("element '\(name)' is not closed")
        }

        private func decodeContent(_ content: ArraySlice<UInt8>) -> String {
            let text = Array(content)
            let cdataOpen = Array("<![CDATA[".utf8)
            let cdataClose = Array("]]>".utf8)
            let hasCDATA = text.firstRange(of: cdataOpen) != nil
            var output: [UInt8] = []
            var plain: [UInt8] = []
            func flushPlain() {
                let isBlank = plain.allSatisfy { isSpace($0) }
                if !(hasCDATA && isBlank) { output += Self.decodeEntities(plain) }
                plain.removeAll()
            }
            var i = 0
            while i < text.count {
                if text[i...].starts(with: cdataOpen) {
                    flushPlain()
                    let bodyStart = i + cdataOpen.count
                    if let close = text[bodyStart...].firstRange(of: cdataClose) {
                        output += text[bodyStart..<close.lowerBound]
                        i = close.upperBound
                    } else {
                        output += text[bodyStart...]
                        i = text.count
                    }
                } else {
                    plain.append(text[i])
                    i += 1
                }
            }
            flushPlain()
            return String(decoding: output, as: UTF8.self)
        }

        private static func decodeEntities(_ text: [UInt8]) -> [UInt8] {
            guard text.contains(UInt8(ascii: "&")) else { return text }
            var output: [UInt8] = []
            var i = 0
            while i < text.count {
                guard text[i] == UInt8(ascii: "&"),
                    let semicolon = text[i...].prefix(12).firstIndex(of: UInt8(ascii: ";"))
                else {
                    output.append(text[i])
                    i += 1
                    continue
                }
                let entity = String(decoding: text[(i + 1)..<semicolon], as: UTF8.self)
                var replacement: String?
                switch entity {
                case "lt": replacement = "<"
                case "gt": replacement = ">"
                case "amp": replacement = "&"
                case "quot": replacement = "\""
                case "apos": replacement = "'"
                default:
                    var scalarValue: UInt32?
                    if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                        scalarValue = UInt32(entity.dropFirst(2), radix: 16)
                    } else if entity.hasPrefix("#") {
                        scalarValue = UInt32(entity.dropFirst(), radix: 10)
                    }
                    if let value = scalarValue, let scalar = Unicode.Scalar(value) {
                        replacement = String(Character(scalar))
                    }
                }
                if let replacement {
                    output += Array(replacement.utf8)
                    i = semicolon + 1
                } else {
                    output.append(text[i])
                    i += 1
                }
            }
            return output
        }
    }
}

/// A small JSON reader that remembers where every value sits in the source bytes.
///
/// The Cloud API batches many messages in one POST body, and the archive keeps each message's
/// *own* bytes as Meta sent them (the signature covers the exact bytes, and Meta escapes
/// non-ASCII as `\uXXXX`): re-serializing would change them. `Foundation.JSONSerialization` gives
/// no positions, so this reader returns, for every value, its byte range in the body. Numbers keep
/// their literal text (`37.4611978`, `131051`), so `fields` hold them exactly as written.
struct WhatsAppJSON: Sendable {
    enum Value: Sendable {
        /// Members in source order; a repeated key keeps every occurrence (the last one wins on lookup).
        case object([Member])
        case array([WhatsAppJSON])
        case string(String)
        /// The number's literal text, unchanged.
        case number(String)
        case bool(Bool)
        case null
    }

    struct Member: Sendable {
        var key: String
        var value: WhatsAppJSON
    }

    var value: Value
    /// Byte offsets of the value in the parsed bytes (an object from `{` to `}` inclusive).
    var range: Range<Int>

    subscript(key: String) -> WhatsAppJSON? {
        guard case .object(let members) = value else { return nil }
        return members.last(where: { $0.key == key })?.value
    }

    var members: [Member]? {
        if case .object(let m) = value { return m }
        return nil
    }

    var array: [WhatsAppJSON]? {
        if case .array(let a) = value { return a }
        return nil
    }

    var string: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    var bool: Bool? {
        if case .bool(let b) = value { return b }
        return nil
    }

    var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// A string as is, a number's literal, `true`/`false`; nil for null, arrays and objects.
    var scalarText: String? {
        switch value {
        case .string(let s): s
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        case .null, .array, .object: nil
        }
    }

    /// A non-empty scalar text, trimmed of nothing (ids are compared as given).
    var nonEmptyText: String? {
        guard let t = scalarText, !t.isEmpty else { return nil }
        return t
    }

    /// Writes this value into `fields` as flat dotted keys: objects by member name, arrays by
    /// index (`errors.0.code`), scalars as their text. Nulls and empty containers add nothing.
    func flatten(into fields: inout [String: String], prefix: String, skipping skip: Set<String> = []) {
        switch value {
        case .object(let members):
            for m in members {
                let key = prefix.isEmpty ? m.key : prefix + "." + m.key
                if skip.contains(key) { continue }
                m.value.flatten(into: &fields, prefix: key, skipping: skip)
            }
        case .array(let items):
            for (i, item) in items.enumerated() {
                let key = prefix.isEmpty ? String(i) : prefix + "." + String(i)
                if skip.contains(key) { continue }
                item.flatten(into: &fields, prefix: key, skipping: skip)
            }
        case .null:
            break
        default:
            if let t = scalarText, !prefix.isEmpty { fields[prefix] = t }
        }
    }
}

/// Why the bytes are not JSON, with the byte offset (never the content).
struct WhatsAppJSONError: Error, Sendable, Equatable {
    var offset: Int
    var reason: String
}

extension WhatsAppJSON {
    /// Parses one JSON text. Nesting deeper than `maxDepth` is refused rather than risking the stack.
    static func parse(_ bytes: [UInt8], maxDepth: Int = 128) throws(WhatsAppJSONError) -> WhatsAppJSON {
        var reader = Reader(bytes: bytes, maxDepth: maxDepth)
        reader.skipSpace()
        let value = try reader.readValue(depth: 0)
        reader.skipSpace()
        guard reader.i == bytes.count else { throw WhatsAppJSONError(offset: reader.i, reason: "unexpected bytes after the JSON value") }
        return value
    }

    private struct Reader {
        let bytes: [UInt8]
        let maxDepth: Int
        var i = 0

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }

        func fail(_ reason: String) -> WhatsAppJSONError { WhatsAppJSONError(offset: i, reason: reason) }

        mutating func readValue(depth: Int) throws(WhatsAppJSONError) -> WhatsAppJSON {
            guard depth <= maxDepth else { throw fail("nested too deeply") }
            guard i < bytes.count else { throw fail("unexpected end of the body") }
            let start = i
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                var members: [Member] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    return WhatsAppJSON(value: .object(members), range: start ..< i)
                }
                while true {
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a member name") }
                    let key = try readString()
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected `:`") }
                    i += 1
                    skipSpace()
                    let v = try readValue(depth: depth + 1)
                    members.append(Member(key: key, value: v))
                    skipSpace()
                    guard i < bytes.count else { throw fail("unexpected end of the body") }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "}") { i += 1; break }
                    throw fail("expected `,` or `}`")
                }
                return WhatsAppJSON(value: .object(members), range: start ..< i)
            case UInt8(ascii: "["):
                i += 1
                var items: [WhatsAppJSON] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    return WhatsAppJSON(value: .array(items), range: start ..< i)
                }
                while true {
                    skipSpace()
                    items.append(try readValue(depth: depth + 1))
                    skipSpace()
                    guard i < bytes.count else { throw fail("unexpected end of the body") }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "]") { i += 1; break }
                    throw fail("expected `,` or `]`")
                }
                return WhatsAppJSON(value: .array(items), range: start ..< i)
            case UInt8(ascii: "\""):
                let s = try readString()
                return WhatsAppJSON(value: .string(s), range: start ..< i)
            case UInt8(ascii: "t"):
                try expectWord("true")
                return WhatsAppJSON(value: .bool(true), range: start ..< i)
            case UInt8(ascii: "f"):
                try expectWord("false")
                return WhatsAppJSON(value: .bool(false), range: start ..< i)
            case UInt8(ascii: "n"):
                try expectWord("null")
                return WhatsAppJSON(value: .null, range: start ..< i)
            case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"):
                let literal = try readNumber()
                return WhatsAppJSON(value: .number(literal), range: start ..< i)
            default:
                throw fail("unexpected character")
            }
        }

        mutating func expectWord(_ word: StaticString) throws(WhatsAppJSONError) {
            let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            guard i + w.count <= bytes.count, Array(bytes[i ..< i + w.count]) == Array(w) else { throw fail("unexpected literal") }
            i += w.count
        }

        mutating func readNumber() throws(WhatsAppJSONError) -> String {
            let start = i
            func digits() -> Int {
                let s = i
                while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
                return i - s
            }
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw fail("malformed number") }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                guard digits() > 0 else { throw fail("malformed number") }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard digits() > 0 else { throw fail("malformed number") }
            }
            return String(decoding: bytes[start ..< i], as: UTF8.self)
        }

        /// Reads a string starting at the opening quote; leaves `i` after the closing quote.
        mutating func readString() throws(WhatsAppJSONError) -> String {
            i += 1
            var out: [UInt8] = []
            var runStart = i
            while true {
                guard i < bytes.count else { throw fail("unterminated string") }
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    out.append(contentsOf: bytes[runStart ..< i])
                    i += 1
                    break
                }
                if b < 0x20 { throw fail("control character in a string") }
                if b != UInt8(ascii: "\\") {
                    i += 1
                    continue
                }
                out.append(contentsOf: bytes[runStart ..< i])
                i += 1
                guard i < bytes.count else { throw fail("unterminated escape") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    let unit = try readHex4()
                    var scalar: Unicode.Scalar?
                    if (0xD800 ..< 0xDC00).contains(unit) {
                        // A high surrogate must be followed by `\u` and a low surrogate.
                        if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                            let save = i
                            i += 2
                            let low = try readHex4()
                            if (0xDC00 ..< 0xE000).contains(low) {
                                scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                            } else {
                                i = save
                            }
                        }
                    } else if !(0xDC00 ..< 0xE000).contains(unit) {
                        scalar = Unicode.Scalar(unit)
                    }
                    out.append(contentsOf: Array(String(Character(scalar ?? "\u{FFFD}")).utf8))
                default:
                    throw fail("unknown escape")
                }
                runStart = i
            }
            return String(decoding: out, as: UTF8.self)
        }

        mutating func readHex4() throws(WhatsAppJSONError) -> UInt32 {
            guard i + 4 <= bytes.count else { throw fail("short \\u escape") }
            var v: UInt32 = 0
            for _ in 0 ..< 4 {
                let c = bytes[i]
                let d: UInt32
                switch c {
                case 0x30 ... 0x39: d = UInt32(c - 0x30)
                case 0x61 ... 0x66: d = UInt32(c - 0x61 + 10)
                case 0x41 ... 0x46: d = UInt32(c - 0x41 + 10)
                default: throw fail("bad \\u escape")
                }
                v = v << 4 | d
                i += 1
            }
            return v
        }
    }
}

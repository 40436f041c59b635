public import Foundation

/// Byte-level helpers for the JSON that WeCom's `DecryptData` returns.
public enum WeComMessageJSON {
    /// Escapes every raw control byte (`0x00`–`0x1F`) that sits **inside a JSON string** as `\u00XX`,
    /// so `JSONDecoder` accepts it; the decoded string then contains the control character itself.
    ///
    /// Decrypted WeCom messages can carry such bytes (formats.md §A.3). They are evidence, so they are
    /// escaped, never dropped. Bytes outside strings are left alone (tab, CR and LF are legal there;
    /// anything else stays invalid and the decoder reports it). A backslash directly followed by a raw
    /// control byte is not a valid escape: the backslash is kept as a literal backslash (`\\`) and the
    /// control byte is escaped after it, so both survive. Other escapes are not touched.
    ///
    /// Returns `bytes` itself, uncopied, when nothing needs escaping.
    public static func escapingControlCharacters(_ bytes: Data) -> Data {
        bytes.withUnsafeBytes { (input: UnsafeRawBufferPointer) -> Data in
            var output: [UInt8] = []
            var copied = 0
            var touched = false
            var inString = false
            var escaped = false
            let hex: [UInt8] = Array("0123456789abcdef".utf8)

            func escape(at index: Int, literalBackslash: Bool) {
                if !touched {
                    touched = true
                    output.reserveCapacity(input.count + 32)
                }
                output.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[copied ..< index]))
                if literalBackslash { output.append(0x5C) }
                let byte = input[index]
                output.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                copied = index + 1
            }

            var index = 0
            let count = input.count
            while index < count {
                let byte = input[index]
                if !inString {
                    if byte == 0x22 { inString = true }
                } else if escaped {
                    escaped = false
                    if byte < 0x20 { escape(at: index, literalBackslash: true) }
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                } else if byte < 0x20 {
                    escape(at: index, literalBackslash: false)
                }
                index += 1
            }
            guard touched else { return bytes }
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[copied ..< count]))
            return Data(output)
        }
    }

    /// The byte ranges of the elements of the array under the top-level key `key` of a JSON object,
    /// in the bytes as given (raw control bytes inside strings allowed). Nil when the bytes are not
    /// an object with such an array, or when the key is only found in an escaped spelling.
    ///
    /// The scanner walks structure only; validity is checked by the decoder, which runs first.
    static func elementRanges(ofTopLevelArray key: String, in bytes: Data) -> [Range<Int>]? {
        let b = [UInt8](bytes)
        let wanted = [UInt8](key.utf8)
        var i = 0
        func skipSpace() { while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 } }
        // Skips a string starting at the opening quote; returns the range of its content.
        func skipString() -> Range<Int>? {
            guard i < b.count, b[i] == 0x22 else { return nil }
            let start = i + 1
            i += 1
            while i < b.count {
                if b[i] == 0x5C { i += 2; continue }
                if b[i] == 0x22 { i += 1; return start ..< i - 1 }
                i += 1
            }
            return nil
        }
        func skipValue() -> Bool {
            skipSpace()
            guard i < b.count else { return false }
            switch b[i] {
            case 0x22:
                return skipString() != nil
            case 0x7B, 0x5B:
                var depth = 0
                while i < b.count {
                    switch b[i] {
                    case 0x22: guard skipString() != nil else { return false }; continue
                    case 0x7B, 0x5B: depth += 1
                    case 0x7D, 0x5D:
                        depth -= 1
                        if depth == 0 { i += 1; return true }
                    default: break
                    }
                    i += 1
                }
                return false
            default:
                while i < b.count, ![0x2C, 0x7D, 0x5D, 0x20, 0x09, 0x0A, 0x0D].contains(b[i]) { i += 1 }
                return true
            }
        }
        skipSpace()
        guard i < b.count, b[i] == 0x7B else { return nil }
        i += 1
        while true {
            skipSpace()
            guard i < b.count, b[i] != 0x7D, let name = skipString() else { return nil }
            skipSpace()
            guard i < b.count, b[i] == 0x3A else { return nil }
            i += 1
            skipSpace()
            if b[name].elementsEqual(wanted) {
                guard i < b.count, b[i] == 0x5B else { return nil }
                i += 1
                var ranges: [Range<Int>] = []
                while true {
                    skipSpace()
                    guard i < b.count else { return nil }
                    if b[i] == 0x5D { return ranges }
                    let start = i
                    guard skipValue() else { return nil }
                    ranges.append(start ..< i)
                    skipSpace()
                    guard i < b.count else { return nil }
                    if b[i] == 0x2C { i += 1 }
                }
            }
            guard skipValue() else { return nil }
            skipSpace()
            guard i < b.count, b[i] == 0x2C else { return nil }
            i += 1
        }
    }

    /// Sanitizes and decodes bytes into a value tree, or nil when they are not JSON.
    static func decode(_ bytes: Data) -> WeComPayloadValue? {
        WeComPayloadValue.parse(escapingControlCharacters(bytes))
    }
}

/// A decoded JSON value, kept loosely so the mapping can name the exact field that is wrong.
/// Numbers keep their literal text (`116.586285899`, an uint64 `meetingid`), so nothing is rounded.
enum WeComPayloadValue: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([WeComPayloadValue])
    case object([String: WeComPayloadValue])

    /// What the value is, for reasons ("a string", "an array" …).
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Parses strict JSON (RFC 8259): like `JSONDecoder` it rejects raw control bytes inside strings,
    /// so input goes through ``WeComMessageJSON/escapingControlCharacters(_:)`` first. It differs in
    /// being lenient where refusing would lose a whole message: invalid UTF-8 and lone surrogate
    /// escapes become U+FFFD (the raw bytes keep the original); a repeated key keeps its last value.
    /// Nesting deeper than 512 is refused. Returns nil for anything that is not one JSON value.
    static func parse(_ data: Data) -> WeComPayloadValue? {
        var parser = WeComPayloadParser(bytes: [UInt8](data))
        guard let value = parser.value() else { return nil }
        parser.skipSpace()
        return parser.index == parser.bytes.count ? value : nil
    }
}

/// The byte-level parser behind ``WeComPayloadValue/parse(_:)``. It fails by returning nil, never
/// by throwing, so a bad line costs no error values.
struct WeComPayloadParser {
    let bytes: [UInt8]
    var index = 0
    var depth = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func skipSpace() {
        while index < bytes.count {
            let c = bytes[index]
            guard c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D else { return }
            index += 1
        }
    }

    mutating func value() -> WeComPayloadValue? {
        skipSpace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case 0x7B: return object()
        case 0x5B: return array()
        case 0x22: return string().map { .string($0) }
        case 0x74: return literal([0x74, 0x72, 0x75, 0x65], .bool(true))
        case 0x66: return literal([0x66, 0x61, 0x6C, 0x73, 0x65], .bool(false))
        case 0x6E: return literal([0x6E, 0x75, 0x6C, 0x6C], .null)
        default: return number()
        }
    }

    private mutating func literal(_ word: [UInt8], _ value: WeComPayloadValue) -> WeComPayloadValue? {
        guard index + word.count <= bytes.count, bytes[index ..< index + word.count].elementsEqual(word) else { return nil }
        index += word.count
        return value
    }

    private mutating func object() -> WeComPayloadValue? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= 512 else { return nil }
        index += 1
        var members: [String: WeComPayloadValue] = [:]
        skipSpace()
        if index < bytes.count, bytes[index] == 0x7D {
            index += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x22, let key = string() else { return nil }
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x3A else { return nil }
            index += 1
            guard let member = value() else { return nil }
            members[key] = member
            skipSpace()
            guard index < bytes.count else { return nil }
            if bytes[index] == 0x2C {
                index += 1
            } else if bytes[index] == 0x7D {
                index += 1
                return .object(members)
            } else {
                return nil
            }
        }
    }

    private mutating func array() -> WeComPayloadValue? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= 512 else { return nil }
        index += 1
        var elements: [WeComPayloadValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == 0x5D {
            index += 1
            return .array(elements)
        }
        while true {
            guard let element = value() else { return nil }
            elements.append(element)
            skipSpace()
            guard index < bytes.count else { return nil }
            if bytes[index] == 0x2C {
                index += 1
            } else if bytes[index] == 0x5D {
                index += 1
                return .array(elements)
            } else {
                return nil
            }
        }
    }

    /// A string starting at its opening quote.
    private mutating func string() -> String? {
        index += 1
        let start = index
        while index < bytes.count {
            let c = bytes[index]
            if c == 0x22 {
                defer { index += 1 }
                return String(decoding: bytes[start ..< index], as: UTF8.self)
            }
            if c == 0x5C { break }
            if c < 0x20 { return nil }
            index += 1
        }
        guard index < bytes.count else { return nil }
        var buffer = Array(bytes[start ..< index])
        while index < bytes.count {
            let c = bytes[index]
            index += 1
            if c == 0x22 { return String(decoding: buffer, as: UTF8.self) }
            if c < 0x20 { return nil }
            guard c == 0x5C else {
                buffer.append(c)
                continue
            }
            guard index < bytes.count else { return nil }
            let e = bytes[index]
            index += 1
            switch e {
            case 0x22, 0x5C, 0x2F: buffer.append(e)
            case 0x62: buffer.append(0x08)
            case 0x66: buffer.append(0x0C)
            case 0x6E: buffer.append(0x0A)
            case 0x72: buffer.append(0x0D)
            case 0x74: buffer.append(0x09)
            case 0x75:
                guard var scalar = hex4() else { return nil }
                if (0xD800 ..< 0xDC00).contains(scalar) {
                    let save = index
                    if index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 {
                        index += 2
                        if let low = hex4(), (0xDC00 ..< 0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            index = save
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00 ..< 0xE000).contains(scalar) {
                    scalar = 0xFFFD
                }
                buffer.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8))
            default: return nil
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for _ in 0 ..< 4 {
            let c = bytes[index]
            let digit: UInt32
            switch c {
            case 0x30 ... 0x39: digit = UInt32(c - 0x30)
            case 0x41 ... 0x46: digit = UInt32(c - 0x41 + 10)
            case 0x61 ... 0x66: digit = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | digit
            index += 1
        }
        return v
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, kept as its text.
    private mutating func number() -> WeComPayloadValue? {
        let start = index
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        if index < bytes.count, bytes[index] == 0x2D { index += 1 }
        guard isDigit(index) else { return nil }
        if bytes[index] == 0x30 {
            index += 1
        } else {
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            guard isDigit(index) else { return nil }
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
            index += 1
            if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            guard isDigit(index) else { return nil }
            while isDigit(index) { index += 1 }
        }
        return .number(String(decoding: bytes[start ..< index], as: UTF8.self))
    }
}

/// Why a field cannot be read: its dotted path (`text.content`, `chatrecord.item[1].content`) and a
/// reason that never quotes the value.
struct WeComPayloadError: Error, Sendable {
    var field: String?
    var reason: String

    static func missing(_ field: String) -> WeComPayloadError {
        WeComPayloadError(field: field, reason: "required field is missing")
    }
}

/// A JSON object with the path it was found at, read field by field. Absent and `null` fields read
/// as nil; a field of the wrong type throws ``WeComPayloadError`` naming it.
struct WeComPayloadObject: Sendable {
    var values: [String: WeComPayloadValue]
    /// The dotted path of this object ("" for the message itself).
    var path: String

    init(_ values: [String: WeComPayloadValue], path: String) {
        self.values = values
        self.path = path
    }

    func fieldPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    func has(_ key: String) -> Bool {
        if case .some(.null) = values[key] { return false }
        return values[key] != nil
    }

    private func wrongType(_ key: String, _ expected: String) -> WeComPayloadError {
        WeComPayloadError(
            field: fieldPath(key),
            reason: "has the wrong type; expected \(expected), found \(values[key]?.typeName ?? "nothing")")
    }

    func string(_ key: String) throws -> String? {
        switch values[key] {
        case nil, .null: return nil
        case .string(let s): return s
        default: throw wrongType(key, "a string")
        }
    }

    func requiredString(_ key: String) throws -> String {
        guard let s = try string(key) else { throw WeComPayloadError.missing(fieldPath(key)) }
        return s
    }

    /// An integer given as a JSON number or as a string of decimal digits (the ports disagree on
    /// which; both are lossless).
    func integer(_ key: String) throws -> Int64? {
        switch values[key] {
        case nil, .null: return nil
        case .number(let t):
            if let i = Int64(t) { return i }
            if let d = Double(t), d.rounded() == d, abs(d) < 9.2e18 { return Int64(d) }
            throw wrongType(key, "an integer")
        case .string(let s) where Int64(s.trimmingCharacters(in: .whitespaces)) != nil:
            return Int64(s.trimmingCharacters(in: .whitespaces))
        default: throw wrongType(key, "an integer")
        }
    }

    /// An identifier given as a string or as an integer (`voteid`, `meetingid`), as text.
    func identifier(_ key: String) throws -> String? {
        switch values[key] {
        case nil, .null: return nil
        case .string(let s): return s
        case .number(let t):
            if Int64(t) != nil || UInt64(t) != nil { return t }
            if let d = Double(t), d.rounded() == d, abs(d) < 9.2e18 { return String(Int64(d)) }
            throw wrongType(key, "a string or an integer")
        default: throw wrongType(key, "a string or an integer")
        }
    }

    /// A number as its literal text (`116.586285899`), given as a JSON number or a numeric string.
    func decimal(_ key: String) throws -> String? {
        switch values[key] {
        case nil, .null: return nil
        case .number(let t): return t
        case .string(let s) where Double(s.trimmingCharacters(in: .whitespaces)) != nil:
            return s.trimmingCharacters(in: .whitespaces)
        default: throw wrongType(key, "a number")
        }
    }

    func bool(_ key: String) throws -> Bool? {
        switch values[key] {
        case nil, .null: return nil
        case .bool(let b): return b
        case .number(let t) where t == "0" || t == "1": return t == "1"
        default: throw wrongType(key, "a boolean")
        }
    }

    func object(_ key: String) throws -> WeComPayloadObject? {
        switch values[key] {
        case nil, .null: return nil
        case .object(let o): return WeComPayloadObject(o, path: fieldPath(key))
        default: throw wrongType(key, "an object")
        }
    }

    func array(_ key: String) throws -> [WeComPayloadValue]? {
        switch values[key] {
        case nil, .null: return nil
        case .array(let a): return a
        default: throw wrongType(key, "an array")
        }
    }

    /// An array of objects, each with its path (`chatrecord.item[0]`); absent reads as empty.
    func objects(_ key: String) throws -> [WeComPayloadObject] {
        try (array(key) ?? []).enumerated().map { i, value in
            guard case .object(let o) = value else {
                throw WeComPayloadError(
                    field: fieldPath(key) + "[\(i)]", reason: "has the wrong type; expected an object, found \(value.typeName)")
            }
            return WeComPayloadObject(o, path: fieldPath(key) + "[\(i)]")
        }
    }

    /// An array of strings (numbers are taken as their literal text); absent reads as empty.
    func strings(_ key: String) throws -> [String] {
        try (array(key) ?? []).enumerated().map { i, value in
            switch value {
            case .string(let s): return s
            case .number(let t): return t
            default:
                throw WeComPayloadError(
                    field: fieldPath(key) + "[\(i)]", reason: "has the wrong type; expected a string, found \(value.typeName)")
            }
        }
    }
}

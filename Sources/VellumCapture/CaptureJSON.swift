import Foundation

/// A value decoded by `JSONSerialization`, with the JSON path it was found at, so that a wrong
/// type can be reported as `message.chat.id: has the wrong type; expected an integer`.
///
/// Absent and `null` read as nil; a present value of the wrong type throws. Reasons never quote
/// the value itself.
struct CaptureJSON {
    /// The decoded value, classified once: casting `Any` to a Foundation class (`NSNull`,
    /// `NSNumber`) bridges Swift arrays and dictionaries first, which costs more than the
    /// decoding itself, so each value is tested against the Swift types first and only once.
    enum Node {
        case absent, null, string(String), number(NSNumber), array([Any]), object([String: Any])
    }

    let node: Node
    let path: String

    init(_ value: Any?, path: String = "") {
        self.path = path
        switch value {
        case nil: node = .absent
        case let o as [String: Any]: node = .object(o)
        case let a as [Any]: node = .array(a)
        case let s as String: node = .string(s)
        case let n as NSNumber: node = .number(n)
        default: node = .null
        }
    }

    /// The value as decoded (nil when absent).
    var value: Any? {
        switch node {
        case .absent: nil
        case .null: NSNull()
        case .string(let s): s
        case .number(let n): n
        case .array(let a): a
        case .object(let o): o
        }
    }

    /// The same value with `prefix` before its path (errors of a part read on its own).
    static func prefixed(_ path: String, with prefix: String) -> String {
        if prefix.isEmpty { return path }
        if path.isEmpty { return prefix }
        return path.hasPrefix("[") ? prefix + path : prefix + "." + path
    }

    /// Parses a whole JSON document; nil when the bytes are not JSON.
    static func parse(_ bytes: Data) -> CaptureJSON? {
        guard let v = try? JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed]) else { return nil }
        return CaptureJSON(v)
    }

    subscript(_ key: String) -> CaptureJSON {
        let child = path.isEmpty ? key : path + "." + key
        guard case .object(let o) = node else { return CaptureJSON(nil, path: child) }
        return CaptureJSON(o[key], path: child)
    }

    subscript(_ index: Int) -> CaptureJSON {
        let child = path + "[\(index)]"
        guard case .array(let a) = node, index >= 0, index < a.count else { return CaptureJSON(nil, path: child) }
        return CaptureJSON(a[index], path: child)
    }

    /// Present and not `null`.
    var exists: Bool {
        switch node {
        case .absent, .null: false
        default: true
        }
    }

    var isNull: Bool { if case .null = node { true } else { false } }
    var isObject: Bool { if case .object = node { true } else { false } }
    var isString: Bool { if case .string = node { true } else { false } }
    var keys: [String] { if case .object(let o) = node { Array(o.keys) } else { [] } }
    /// The non-empty strings under these keys, in order.
    func strings(_ keys: String...) throws -> [String] {
        try keys.compactMap { try self[$0].string() }.filter { !$0.isEmpty }
    }

    /// The value if it is a string, without complaint otherwise.
    var stringValue: String? { if case .string(let s) = node { s } else { nil } }

    func fail(_ expected: String) -> CaptureJSONError {
        CaptureJSONError(path: path, reason: "has the wrong type; expected \(expected)")
    }

    func missing() -> CaptureJSONError {
        CaptureJSONError(path: path, reason: exists ? "is empty" : (isNull ? "is null" : "required field is missing"))
    }

    func string() throws -> String? {
        switch node {
        case .absent, .null: return nil
        case .string(let s): return s
        default: throw fail("a string")
        }
    }

    func int64() throws -> Int64? {
        switch node {
        case .absent, .null: return nil
        case .number(let n) where !Self.isBool(n):
            if let i = Self.integer(n) { return i }
            throw fail("an integer")
        default: throw fail("an integer")
        }
    }

    func double() throws -> Double? {
        switch node {
        case .absent, .null: return nil
        case .number(let n) where !Self.isBool(n): return n.doubleValue
        default: throw fail("a number")
        }
    }

    func bool() throws -> Bool? {
        switch node {
        case .absent, .null: return nil
        case .number(let n) where Self.isBool(n): return n.boolValue
        default: throw fail("true or false")
        }
    }

    func array() throws -> [CaptureJSON]? {
        switch node {
        case .absent, .null: return nil
        case .array(let a): return a.indices.map { CaptureJSON(a[$0], path: path + "[\($0)]") }
        default: throw fail("an array")
        }
    }

    /// Checks that a present value is an object; nil when absent.
    func object() throws -> CaptureJSON? {
        guard exists else { return nil }
        guard isObject else { throw fail("an object") }
        return self
    }

    func requiredString() throws -> String {
        guard let s = try string() else { throw missing() }
        return s
    }

    func requiredInt64() throws -> Int64 {
        guard let i = try int64() else { throw missing() }
        return i
    }

    func requiredObject() throws -> CaptureJSON {
        guard let o = try object() else { throw missing() }
        return o
    }

    /// An integer given as a JSON number or as a string of digits (the export's `*_unixtime`).
    func looseInt64() throws -> Int64? {
        if case .string(let s) = node {
            guard let i = Int64(s) ?? Int64(s.trimmingCharacters(in: .whitespaces)) else { throw fail("a decimal integer") }
            return i
        }
        return try int64()
    }

    /// A scalar as field text: strings as they are, integers in decimal, booleans as
    /// `true`/`false`; nil for absent, null, objects and arrays.
    var scalarText: String? {
        switch node {
        case .string(let s): return s
        case .number(let n):
            if Self.isBool(n) { return n.boolValue ? "true" : "false" }
            if let i = Self.integer(n) { return String(i) }
            return String(n.doubleValue)
        default: return nil
        }
    }

    /// Writes every scalar under this value into `fields` with dotted keys below `prefix`
    /// (`poll.options.0.text`), skipping `exclude`d keys at the first level and stopping after
    /// `limit` entries so a pathological payload cannot flood the record (the raw bytes keep all).
    func flatten(into fields: inout [String: String], prefix: String, exclude: Set<String> = [], limit: Int = 200) {
        var budget = limit
        func walk(_ v: CaptureJSON, _ key: String, _ depth: Int) {
            guard budget > 0 else { return }
            switch v.node {
            case .object(let o):
                for k in o.keys.sorted() where depth > 0 || !exclude.contains(k) {
                    walk(CaptureJSON(o[k]), key.isEmpty ? k : key + "." + k, depth + 1)
                }
            case .array(let a):
                for (i, e) in a.enumerated() { walk(CaptureJSON(e), key + ".\(i)", depth + 1) }
            default:
                if let text = v.scalarText, !key.isEmpty {
                    fields[key] = text
                    budget -= 1
                }
            }
        }
        walk(self, prefix, 0)
    }

    /// The number as an integer, or nil when it has a fraction or is out of range.
    static func integer(_ n: NSNumber) -> Int64? {
        let t = n.objCType.pointee
        if t != CChar(UInt8(ascii: "d")), t != CChar(UInt8(ascii: "f")), t != CChar(UInt8(ascii: "Q")) { return n.int64Value }
        let d = n.doubleValue
        guard d.rounded() == d, abs(d) < 9.0e15 else { return nil }
        return Int64(d)
    }

    static func isBool(_ n: NSNumber) -> Bool {
        let t = n.objCType.pointee
        return t == CChar(UInt8(ascii: "c")) || t == CChar(UInt8(ascii: "B"))
    }
}

/// A field of the wrong type or missing: where (JSON path) and what was expected, never the value.
struct CaptureJSONError: Error {
    var path: String
    var reason: String
}

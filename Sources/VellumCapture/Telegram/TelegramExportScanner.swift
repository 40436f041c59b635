import Foundation

/// Finds the byte ranges of JSON values in a Telegram Desktop `result.json` without decoding the
/// whole document, so that each message keeps its exact source bytes as `raw` and is decoded on
/// its own. One forward pass per nesting level; memory is the file plus one message at a time.
///
/// The scanner checks structure only (brackets, strings, commas); the values it hands out are
/// decoded by `JSONSerialization`, which checks the rest.
struct TelegramExportScanner {
    let bytes: [UInt8]
    private var lineCursor = (position: 0, line: 1)

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    struct Failure: Error {
        var position: Int
        var reason: String

        /// The file ends inside a value (a truncated or partly written export).
        var isTruncation: Bool { reason.hasPrefix("unterminated") || reason.hasPrefix("unexpected end") }
    }

    /// The 1-based line of a byte position. Positions are asked for in increasing order, so the
    /// total cost is one pass over the file.
    mutating func line(at position: Int) -> Int {
        var (p, l) = lineCursor
        if position < p { (p, l) = (0, 1) }
        let end = min(position, bytes.count)
        while p < end {
            if bytes[p] == 0x0A { l += 1 }
            p += 1
        }
        lineCursor = (p, l)
        return l
    }

    func skipWhitespace(_ i: Int) -> Int {
        var i = i
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        return i
    }

    /// The end (exclusive) of the value starting at `start`.
    func endOfValue(_ start: Int) throws -> Int {
        guard start < bytes.count else { throw Failure(position: start, reason: "unexpected end of file") }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            return try endOfString(start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var i = start
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "\""):
                    i = try endOfString(i)
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return i + 1 }
                default:
                    break
                }
                i += 1
            }
            throw Failure(position: start, reason: "unterminated object or array")
        default:
            var i = start
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return i
                default: i += 1
                }
            }
            return i
        }
    }

    func endOfString(_ start: Int) throws -> Int {
        var i = start + 1
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"): i += 2
            case UInt8(ascii: "\""): return i + 1
            default: i += 1
            }
        }
        throw Failure(position: start, reason: "unterminated string")
    }

    /// The members of the object starting at `start`: key and value range, in file order.
    func members(_ start: Int) throws -> [(key: String, value: Range<Int>)] {
        let (out, truncation) = try membersAllowingTruncation(start)
        if let truncation { throw truncation }
        return out
    }

    /// Like ``members(_:)``, but when the file ends inside a member's value, that member is
    /// returned with its value running to the end of the file, with the failure beside it, so the
    /// complete messages before the cut can still be read.
    func membersAllowingTruncation(_ start: Int) throws -> ([(key: String, value: Range<Int>)], Failure?) {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{") else {
            throw Failure(position: start, reason: "expected an object")
        }
        var out: [(key: String, value: Range<Int>)] = []
        var i = skipWhitespace(start + 1)
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { return ([], nil) }
        while true {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw Failure(position: i, reason: "expected a key") }
            let keyEnd = try endOfString(i)
            let key = try decodeKey(i ..< keyEnd)
            i = skipWhitespace(keyEnd)
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw Failure(position: i, reason: "expected `:`") }
            let valueStart = skipWhitespace(i + 1)
            let valueEnd: Int
            do {
                valueEnd = try endOfValue(valueStart)
            } catch let f as Failure where f.isTruncation {
                out.append((key, valueStart ..< bytes.count))
                return (out, f)
            }
            out.append((key, valueStart ..< valueEnd))
            i = skipWhitespace(valueEnd)
            guard i < bytes.count else { return (out, Failure(position: i, reason: "unexpected end of file")) }
            if bytes[i] == UInt8(ascii: "}") { return (out, nil) }
            guard bytes[i] == UInt8(ascii: ",") else { throw Failure(position: i, reason: "expected `,` or `}`") }
            i = skipWhitespace(i + 1)
        }
    }

    /// Calls `body` with the range of each element of the array starting at `start`. When the file
    /// ends inside an element, `partialLast` decides whether `body` still sees it (running to the
    /// end of the file) before the failure is thrown.
    func forEachElement(_ start: Int, partialLast: Bool = false, _ body: (Int, Range<Int>) throws -> Void) throws {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "[") else {
            throw Failure(position: start, reason: "expected an array")
        }
        var i = skipWhitespace(start + 1)
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { return }
        var index = 0
        while true {
            let end: Int
            do {
                end = try endOfValue(i)
            } catch let f as Failure where f.isTruncation && partialLast {
                try body(index, i ..< bytes.count)
                throw f
            }
            try body(index, i ..< end)
            index += 1
            i = skipWhitespace(end)
            guard i < bytes.count else { throw Failure(position: i, reason: "unexpected end of file") }
            if bytes[i] == UInt8(ascii: "]") { return }
            guard bytes[i] == UInt8(ascii: ",") else { throw Failure(position: i, reason: "expected `,` or `]`") }
            i = skipWhitespace(i + 1)
        }
    }

    func decodeKey(_ r: Range<Int>) throws -> String {
        let inner = bytes[(r.lowerBound + 1) ..< (r.upperBound - 1)]
        if !inner.contains(UInt8(ascii: "\\")) { return String(decoding: inner, as: UTF8.self) }
        guard let s = decode(r) as? String else { throw Failure(position: r.lowerBound, reason: "invalid key") }
        return s
    }

    /// Decodes the value in `r` (after repairing tdesktop's `\xHH` escapes); nil if invalid.
    func decode(_ r: Range<Int>) -> Any? {
        let slice = bytes[r]
        let data = Self.repairingHexEscapes(slice) ?? Data(slice)
        return try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    /// tdesktop writes control characters as `\xHH`, which JSON does not allow; rewrites each to
    /// `\u00HH`. Escapes are read pairwise, so an escaped backslash before an `x` is left alone.
    /// Returns nil when there is nothing to repair.
    static func repairingHexEscapes(_ s: ArraySlice<UInt8>) -> Data? {
        var i = s.startIndex
        var out: [UInt8]?
        var copiedUpTo = s.startIndex
        while i < s.endIndex {
            if s[i] == UInt8(ascii: "\\"), i + 1 < s.endIndex {
                if s[i + 1] == UInt8(ascii: "x") {
                    if out == nil { out = []; out!.reserveCapacity(s.count + 16) }
                    out!.append(contentsOf: s[copiedUpTo ..< i])
                    out!.append(contentsOf: Array("\\u00".utf8))
                    copiedUpTo = i + 2
                }
                i += 2
            } else {
                i += 1
            }
        }
        guard var out else { return nil }
        out.append(contentsOf: s[copiedUpTo ..< s.endIndex])
        return Data(out)
    }
}

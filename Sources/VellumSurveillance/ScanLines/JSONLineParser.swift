/// A small, strict JSON parser for one `vellum scan` input line: an object
/// from which only `id` and `text` are taken (other members are validated and
/// skipped). Hand-written because Foundation's JSON decoding would dominate
/// the cost of scanning a 120-byte message.
///
/// A line whose first non-blank byte is `{` but which is not valid JSON is
/// treated as plain text, like any other non-JSON line.
enum JSONLineParser {
    /// A decoded JSON string: either a byte range of the line (no escapes)
    /// or the unescaped bytes.
    enum StringValue {
        case raw(Range<Int>)
        case decoded([UInt8])
    }

    /// What the line turned out to be.
    enum Outcome {
        case plainText
        case object(id: StringValue?, idIssue: Bool, text: StringValue?, textIssue: Bool)
    }

    private struct Invalid: Error {}

    static func parse(_ p: UnsafeBufferPointer<UInt8>) -> Outcome {
        var i = skipSpace(p, 0)
        guard i < p.count, p[i] == 0x7B else { return .plainText }
        do {
            var id: StringValue?
            var text: StringValue?
            var idIssue = false
            var textIssue = false
            i = skipSpace(p, i + 1)
            if i < p.count, p[i] == 0x7D {
                i += 1
            } else {
                while true {
                    guard i < p.count, p[i] == 0x22 else { throw Invalid() }
                    let key = try string(p, &i)
                    i = skipSpace(p, i)
                    guard i < p.count, p[i] == 0x3A else { throw Invalid() }
                    i = skipSpace(p, i + 1)
                    guard i < p.count else { throw Invalid() }
                    let isString = p[i] == 0x22
                    let valueStart = i
                    let value: StringValue? = isString ? try string(p, &i) : nil
                    if !isString { try skipValue(p, &i, depth: 0) }
                    if equals(key, "id", p) {
                        if let value {
                            id = value
                            idIssue = false
                        } else if isNumber(p, valueStart) {
                            id = .raw(valueStart..<i)
                            idIssue = false
                        } else {
                            id = nil
                            idIssue = true
                        }
                    } else if equals(key, "text", p) {
                        text = value
                        textIssue = value == nil
                    }
                    i = skipSpace(p, i)
                    guard i < p.count else { throw Invalid() }
                    if p[i] == 0x2C {
                        i = skipSpace(p, i + 1)
                        continue
                    }
                    guard p[i] == 0x7D else { throw Invalid() }
                    i += 1
                    break
                }
            }
            guard skipSpace(p, i) == p.count else { throw Invalid() }
            return .object(id: id, idIssue: idIssue, text: text, textIssue: textIssue)
        } catch {
            return .plainText
        }
    }

    static func bytes(_ value: StringValue, in p: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        switch value {
        case .raw(let range): Array(p[range])
        case .decoded(let bytes): bytes
        }
    }

    // MARK: - Grammar

    @inline(__always) private static func skipSpace(_ p: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var i = from
        while i < p.count, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0A || p[i] == 0x0D { i += 1 }
        return i
    }

    private static func equals(_ value: StringValue, _ literal: StaticString, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        switch value {
        case .raw(let range):
            guard range.count == expected.count else { return false }
            for k in 0..<expected.count where p[range.lowerBound + k] != expected[k] { return false }
            return true
        case .decoded(let bytes):
            return bytes.elementsEqual(expected)
        }
    }

    /// Parses a string at `i` (on the opening quote); leaves `i` after it.
    private static func string(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws -> StringValue {
        let start = i + 1
        var j = JSONSpecialBytes.first(in: p, from: start, to: p.count)
        guard j < p.count else { throw Invalid() }
        if p[j] == 0x22 {
            i = j + 1
            return .raw(start..<j)
        }
        guard p[j] == 0x5C else { throw Invalid() }
        // Escapes present: decode into a buffer.
        var out = Array(p[start..<j])
        while j < p.count {
            let b = p[j]
            if b == 0x22 {
                i = j + 1
                return .decoded(out)
            }
            guard b >= 0x20 else { throw Invalid() }
            if b != 0x5C {
                out.append(b)
                j += 1
                continue
            }
            guard j + 1 < p.count else { throw Invalid() }
            let e = p[j + 1]
            j += 2
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try hex4(p, &j)
                if (0xD800...0xDBFF).contains(scalar) {
                    if j + 1 < p.count, p[j] == 0x5C, p[j + 1] == 0x75 {
                        var k = j + 2
                        let low = try hex4(p, &k)
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            j = k
                        } else {
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    scalar = 0xFFFD
                }
                out.append(contentsOf: String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
            default:
                throw Invalid()
            }
        }
        throw Invalid()
    }

    private static func hex4(_ p: UnsafeBufferPointer<UInt8>, _ j: inout Int) throws -> UInt32 {
        guard j + 4 <= p.count else { throw Invalid() }
        var v: UInt32 = 0
        for k in 0..<4 {
            let b = p[j + k]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw Invalid()
            }
            v = v << 4 | d
        }
        j += 4
        return v
    }

    private static func isNumber(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        p[i] == 0x2D || ASCII.isDigit(p[i])
    }

    /// Skips any JSON value at `i`, validating it.
    private static func skipValue(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, depth: Int) throws {
        guard depth < 64, i < p.count else { throw Invalid() }
        switch p[i] {
        case 0x22:
            _ = try string(p, &i)
        case 0x7B, 0x5B:
            let close: UInt8 = p[i] == 0x7B ? 0x7D : 0x5D
            let isObject = close == 0x7D
            i = skipSpace(p, i + 1)
            if i < p.count, p[i] == close {
                i += 1
                return
            }
            while true {
                if isObject {
                    guard i < p.count, p[i] == 0x22 else { throw Invalid() }
                    _ = try string(p, &i)
                    i = skipSpace(p, i)
                    guard i < p.count, p[i] == 0x3A else { throw Invalid() }
                    i = skipSpace(p, i + 1)
                }
                try skipValue(p, &i, depth: depth + 1)
                i = skipSpace(p, i)
                guard i < p.count else { throw Invalid() }
                if p[i] == 0x2C {
                    i = skipSpace(p, i + 1)
                    continue
                }
                guard p[i] == close else { throw Invalid() }
                i += 1
                return
            }
        case 0x74: try literal(p, &i, "true")
        case 0x66: try literal(p, &i, "false")
        case 0x6E: try literal(p, &i, "null")
        default: try number(p, &i)
        }
    }

    private static func literal(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ word: StaticString) throws {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard i + w.count <= p.count, zip(p[i..<(i + w.count)], w).allSatisfy({ $0 == $1 }) else { throw Invalid() }
        i += w.count
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private static func number(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws {
        var j = i
        if j < p.count, p[j] == 0x2D { j += 1 }
        guard j < p.count, ASCII.isDigit(p[j]) else { throw Invalid() }
        if p[j] == 0x30 {
            j += 1
        } else {
            while j < p.count, ASCII.isDigit(p[j]) { j += 1 }
        }
        if j < p.count, p[j] == 0x2E {
            j += 1
            guard j < p.count, ASCII.isDigit(p[j]) else { throw Invalid() }
            while j < p.count, ASCII.isDigit(p[j]) { j += 1 }
        }
        if j < p.count, p[j] == 0x65 || p[j] == 0x45 {
            j += 1
            if j < p.count, p[j] == 0x2B || p[j] == 0x2D { j += 1 }
            guard j < p.count, ASCII.isDigit(p[j]) else { throw Invalid() }
            while j < p.count, ASCII.isDigit(p[j]) { j += 1 }
        }
        i = j
    }
}

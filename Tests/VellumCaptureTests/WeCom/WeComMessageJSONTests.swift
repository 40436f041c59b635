import Foundation
import Testing
import VellumCapture
import VellumCore

@Suite("WeCom JSON: escaping raw control characters inside strings")
struct WeComMessageJSONTests {
    func sanitize(_ bytes: [UInt8]) -> String {
        String(decoding: WeComMessageJSON.escapingControlCharacters(Data(bytes)), as: UTF8.self)
    }

    func decodeString(_ bytes: [UInt8]) throws -> String {
        try JSONDecoder().decode([String: String].self, from: WeComMessageJSON.escapingControlCharacters(Data(bytes)))["a"] ?? ""
    }

    @Test("tab, newline and 0x01 inside a string are escaped as \\u00XX and decode back to themselves")
    func insideStrings() throws {
        let input = Array(#"{"a":"x"#.utf8) + [0x09] + Array("y".utf8) + [0x0A] + Array("z".utf8) + [0x01] + Array(#""}"#.utf8)
        #expect(sanitize(input) == #"{"a":"x\u0009y\u000az\u0001"}"#)
        #expect(try decodeString(input) == "x\ty\nz\u{01}")
        #expect(throws: (any Error).self) { try JSONDecoder().decode([String: String].self, from: Data(input)) }
    }

    @Test("whitespace and control bytes outside strings are left alone")
    func outsideStrings() throws {
        let clean = Data("{\n\t\"a\" :\r\n \"b\"\n}\n".utf8)
        #expect(WeComMessageJSON.escapingControlCharacters(clean) == clean)
        let badOutside = Data([0x7B, 0x01, 0x7D])  // {<01>}: stays invalid, the decoder reports it
        #expect(WeComMessageJSON.escapingControlCharacters(badOutside) == badOutside)
    }

    @Test("escaped quotes and escaped backslashes do not confuse the string tracking")
    func escapes() throws {
        // "he said \"hi<01>\" ok<01>"  then  "back\\"  then  "<01>" in a second value
        let input = Array(#"{"a":"he said \"hi"#.utf8) + [0x01] + Array(#"\" ok"#.utf8) + [0x01]
            + Array(#"","b":"back\\","c":""#.utf8) + [0x01] + Array(#""}"#.utf8)
        let decoded = try JSONDecoder().decode([String: String].self, from: WeComMessageJSON.escapingControlCharacters(Data(input)))
        #expect(decoded == ["a": "he said \"hi\u{01}\" ok\u{01}", "b": "back\\", "c": "\u{01}"])
    }

    @Test("a backslash right before a raw control byte is kept as a literal backslash, the byte after it")
    func backslashBeforeControl() throws {
        let input = Array(#"{"a":"x\"#.utf8) + [0x0A] + Array(#"y"}"#.utf8)
        #expect(try decodeString(input) == "x\\\ny")
    }

    @Test("multi-byte UTF-8 is passed through untouched")
    func utf8() throws {
        let input = Array(#"{"a":"报价"#.utf8) + [0x1F] + Array(#"単価🙂"}"#.utf8)
        #expect(try decodeString(input) == "报价\u{1F}単価🙂")
    }

    @Test("clean input comes back as the same bytes")
    func cleanInput() {
        let clean = Data(#"{"msgid":"1","text":{"content":"a\nb \"q\""}}"#.utf8)
        #expect(WeComMessageJSON.escapingControlCharacters(clean) == clean)
    }

    @Test("property: random JSON with raw control characters in its strings decodes after sanitizing", arguments: 0 ..< 8)
    func property(seed: UInt64) throws {
        var rng = WeComMessageRNG(seed: seed &+ 0x5EED)
        for _ in 0 ..< 60 {
            let value = WeComRandomJSON.value(depth: 0, rng: &rng)
            var bytes: [UInt8] = []
            WeComRandomJSON.write(value, into: &bytes, rng: &rng)
            let sanitized = WeComMessageJSON.escapingControlCharacters(Data(bytes))
            let decoded = try JSONDecoder().decode(WeComRandomJSON.self, from: sanitized)
            #expect(decoded == value)
            #expect(!sanitized.contains(where: { $0 < 0x20 && $0 != 0x20 && ![0x09, 0x0A, 0x0D].contains($0) }))
        }
    }
}

/// A small deterministic generator, so a failing case can be replayed.
struct WeComMessageRNG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random JSON whose strings hold raw control characters, quotes, backslashes and CJK text.
indirect enum WeComRandomJSON: Decodable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([WeComRandomJSON])
    case object([String: WeComRandomJSON])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) { self = .string(s) }
        else if let o = try? c.decode([String: WeComRandomJSON].self) { self = .object(o) }
        else if let a = try? c.decode([WeComRandomJSON].self) { self = .array(a) }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else { self = .int(try c.decode(Int.self)) }
    }

    static let pieces: [String] = ["a", "Z", "9", " ", "\"", "\\", "/", "报", "価", "🙂", "é", "\u{7F}", "\u{2028}"]

    static func string<G: RandomNumberGenerator>(_ rng: inout G) -> String {
        var s = ""
        for _ in 0 ..< Int.random(in: 0 ... 12, using: &rng) {
            if Bool.random(using: &rng) {
                s.unicodeScalars.append(Unicode.Scalar(UInt8.random(in: 0 ... 0x1F, using: &rng)))
            } else {
                s += pieces.randomElement(using: &rng)!
            }
        }
        return s
    }

    static func value<G: RandomNumberGenerator>(depth: Int, rng: inout G) -> WeComRandomJSON {
        let choice = depth >= 3 ? Int.random(in: 0 ... 2, using: &rng) : Int.random(in: 0 ... 4, using: &rng)
        switch choice {
        case 0: return .string(string(&rng))
        case 1: return .int(Int.random(in: -100_000 ... 100_000, using: &rng))
        case 2: return .bool(Bool.random(using: &rng))
        case 3: return .array((0 ..< Int.random(in: 0 ... 4, using: &rng)).map { _ in value(depth: depth + 1, rng: &rng) })
        default:
            var o: [String: WeComRandomJSON] = [:]
            for _ in 0 ..< Int.random(in: 0 ... 4, using: &rng) { o[string(&rng)] = value(depth: depth + 1, rng: &rng) }
            return .object(o)
        }
    }

    /// Writes JSON escaping only `"` and `\` in strings: control characters stay raw, as WeCom's do.
    /// Random whitespace (space, tab, CR, LF) goes between tokens.
    static func write<G: RandomNumberGenerator>(_ v: WeComRandomJSON, into out: inout [UInt8], rng: inout G) {
        func space() { if Int.random(in: 0 ... 3, using: &rng) == 0 { out.append([0x20, 0x09, 0x0A, 0x0D].randomElement(using: &rng)!) } }
        func str(_ s: String) {
            out.append(0x22)
            for b in s.utf8 {
                if b == 0x22 || b == 0x5C { out.append(0x5C) }
                out.append(b)
            }
            out.append(0x22)
        }
        space()
        switch v {
        case .string(let s): str(s)
        case .int(let i): out += Array(String(i).utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .array(let a):
            out.append(0x5B)
            for (i, e) in a.enumerated() {
                if i > 0 { out.append(0x2C) }
                write(e, into: &out, rng: &rng)
            }
            out.append(0x5D)
        case .object(let o):
            out.append(0x7B)
            for (i, (k, e)) in o.enumerated() {
                if i > 0 { out.append(0x2C) }
                space(); str(k); space(); out.append(0x3A)
                write(e, into: &out, rng: &rng)
            }
            out.append(0x7D)
        }
        space()
    }
}

@Suite("WeCom time: seconds, milliseconds and finer units by magnitude")
struct WeComMessageTimeTests {
    @Test("each unit of the same instant gives the same UTC time", arguments: [
        (Int64(1_603_875_610), "2020-10-28T09:00:10Z"),
        (Int64(1_603_875_610_000), "2020-10-28T09:00:10Z"),
        (Int64(1_603_875_610_123), "2020-10-28T09:00:10.123Z"),
        (Int64(1_603_875_610_123_456), "2020-10-28T09:00:10.123456Z"),
        (Int64(1_603_875_610_123_456_789), "2020-10-28T09:00:10.123456789Z"),
        (Int64(1_554_119_421_840), "2019-04-01T11:50:21.84Z"),
        (Int64(0), "1970-01-01T00:00:00Z"),
        (Int64(99_999_999_999), "5138-11-16T09:46:39Z"),
        (Int64(100_000_000_000), "1973-03-03T09:46:40Z"),
        (Int64(-1_500), "1969-12-31T23:35:00Z"),
    ])
    func units(_ epoch: Int64, expected: String) {
        #expect(WeComMessageTime.rfc3339(epoch: epoch) == expected)
        #expect(WeComMessageTime.timestamp(epoch: epoch).offsetSeconds == 0)
    }
}

@Suite("WeCom JSON: the strict parser behind the message parser")
struct WeComPayloadParsingTests {
    let parser = WeComMessageParser()

    func line(content: [UInt8]) -> Data {
        Data(Array(#"{"msgid":"p1","action":"send","from":"a","tolist":["b"],"roomid":"","msgtime":1718600000000,"msgtype":"text","text":{"content":""#.utf8)
            + content + Array(#""}}"#.utf8))
    }

    @Test("property: random text with raw control bytes, quotes, backslashes and \\u escapes round-trips", arguments: 0 ..< 6)
    func roundTrip(seed: UInt64) throws {
        var rng = WeComMessageRNG(seed: seed &+ 0xC0FFEE)
        for _ in 0 ..< 80 {
            var expected = ""
            var encoded: [UInt8] = []
            for _ in 0 ..< Int.random(in: 0 ... 24, using: &rng) {
                switch Int.random(in: 0 ... 9, using: &rng) {
                case 0:  // a raw control byte, as WeCom sends them
                    let b = UInt8.random(in: 0 ... 0x1F, using: &rng)
                    expected.unicodeScalars.append(Unicode.Scalar(b)); encoded.append(b)
                case 1: expected += "\""; encoded += Array(#"\""#.utf8)
                case 2: expected += "\\"; encoded += Array(#"\\"#.utf8)
                case 3: expected += "\n"; encoded += Array(#"\n"#.utf8)
                case 4: expected += "é"; encoded += Array(#"\u00e9"#.utf8)
                case 5: expected += "🙂"; encoded += Array(#"\ud83d\ude42"#.utf8)
                case 6: expected += "/"; encoded += Array(#"\/"#.utf8)
                case 7: expected += "报价"; encoded += Array("报价".utf8)
                case 8: expected += "\u{01}"; encoded += Array(#"\u0001"#.utf8)
                default: expected += "ok "; encoded += Array("ok ".utf8)
                }
            }
            let bytes = line(content: encoded)
            let message = try #require(parser.parse(bytes, file: "p", line: 1, account: "").first?.weComMessage)
            #expect(message.text == expected)
            #expect(message.raw == bytes)
        }
    }

    @Test("numbers keep their literal text; exponents and negative zero are read", arguments: [
        (#"116.586285899"#, "116.586285899"), (#"1.5e2"#, "1.5e2"), (#"-0"#, "-0"), (#"31"#, "31"), (#"1E-7"#, "1E-7"),
    ])
    func numbers(_ literal: String, expected: String) throws {
        let text = #"{"msgid":"n1","from":"a","tolist":["b"],"msgtime":1,"msgtype":"location","location":{"latitude":\#(literal),"zoom":1.0e1}}"#
        let message = try #require(parser.one(text)?.weComMessage)
        #expect(message.fields["latitude"] == expected)
        #expect(message.fields["zoom"] == "10", "an integral number in exponent form is an integer")
    }

    @Test("invalid JSON is refused as a whole line", arguments: [
        #"{"msgid":"x"} trailing"#, #"{"msgid":01}"#, #"{"msgid":"x",}"#, #"{"msgid":"x\q"}"#, #"{"msgid":"unterminated}"#,
        #"{"msgid":"x" "a":1}"#, #"{"msgid":tru}"#, #"{"msgid":"\u12G4"}"#, #"{"msgid":1.}"#, #"{"msgid":-}"#, "",
    ])
    func invalid(_ text: String) throws {
        let issue = try #require(parser.one(text)?.weComIssue)
        #expect(issue.field == nil && issue.reason == "not valid JSON")
    }

    @Test("a lone surrogate escape becomes U+FFFD rather than losing the message")
    func loneSurrogate() throws {
        let message = try #require(parser.one(#"{"msgid":"s","from":"a","tolist":[],"msgtime":1,"msgtype":"text","text":{"content":"a\ud83db\udc00"}}"#)?.weComMessage)
        #expect(message.text == "a\u{FFFD}b\u{FFFD}")
    }

    @Test("hostile nesting is refused, not a crash")
    func deepNesting() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let issue = try #require(parser.one(#"{"msgid":"d","x":\#(deep)}"#)?.weComIssue)
        #expect(issue.reason == "not valid JSON")
    }
}

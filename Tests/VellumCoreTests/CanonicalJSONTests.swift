import Foundation
import Testing
import VellumCore

@Suite("Canonical JSON strings")
struct CanonicalJSONTests {
    static func canonical(_ s: String) -> [UInt8] {
        var w = CanonicalJSON(capacity: 4)  // small, so the buffer has to grow
        w.string(s)
        return w.bytes
    }

    static func encoded(_ s: String) throws -> [UInt8] {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try e.encode(s))
    }

    @Test("every ASCII character alone, first, last and between others, as JSONEncoder writes it")
    func everyASCIICharacter() throws {
        for b in 0 ..< 0x80 {
            let c = String(UnicodeScalar(UInt8(b)))
            for s in [c, c + "ab", "ab" + c, "a" + c + "b", c + c + "合同" + c] {
                #expect(try Self.canonical(s) == Self.encoded(s), "character \(b) in \(s.debugDescription)")
            }
        }
    }

    @Test("runs of plain text between escapes, empty strings and non-ASCII text")
    func runs() throws {
        for s in ["", "\"", "\\\\", "\n\n\n", "a\"b\\c\nd\u{1}e", "合同 签字\t😀", String(repeating: "x", count: 5_000) + "\"", "/\u{7F}\u{2028}"] {
            #expect(try Self.canonical(s) == Self.encoded(s), "\(s.prefix(40).debugDescription)")
        }
    }

    @Test("bytes go in as standard base64 between quotes")
    func base64() {
        var w = CanonicalJSON(capacity: 1)
        w.object { w in
            w.key("a")
            w.base64(Data([0xFB, 0xFF, 0x00, 0x10]))
            w.field("b", "x")
        }
        #expect(String(decoding: w.bytes, as: UTF8.self) == #"{"a":"+/8AEA==","b":"x"}"#)
    }
}

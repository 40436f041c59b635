import Foundation
import Testing
@testable import VellumApp

@Suite("LineReader")
struct LineReaderTests {
    func lines(_ bytes: Data, batch: Int = 3) throws -> [(Int, String)] {
        let scratch = try ScratchFolder("vellum-lines")
        let url = scratch.path("f")
        try bytes.write(to: url)
        var reader = try LineReader(url: url)
        var out: [(Int, String)] = []
        while true {
            let next = try reader.next(batch)
            if next.isEmpty { break }
            out += next.map { ($0.0, String(decoding: $0.1, as: UTF8.self)) }
        }
        return out
    }

    @Test("LF, CRLF, blank lines, a last line without newline, numbered from 1")
    func basics() throws {
        let got = try lines(Data("a\r\nbb\n\nccc\r\nd".utf8))
        #expect(got.map(\.0) == [1, 2, 3, 4, 5])
        #expect(got.map(\.1) == ["a", "bb", "", "ccc", "d"])
        #expect(try lines(Data()).isEmpty)
        #expect(try lines(Data("x\n".utf8)).map(\.1) == ["x"])
    }

    @Test("lines longer than a read chunk and many lines across chunk borders come back whole")
    func chunks() throws {
        let long = String(repeating: "長", count: 700_000)  // 2.1 MB, over two chunks
        var text = long + "\n"
        for i in 0 ..< 50_000 { text += "line \(i)\n" }
        let got = try lines(Data(text.utf8), batch: 1000)
        #expect(got.count == 50_001)
        #expect(got[0].1 == long)
        #expect(got.last.map { $0 == (50_001, "line 49999") } == true)
        #expect(got.enumerated().allSatisfy { $0.offset + 1 == $0.element.0 })
    }

    @Test("a byte bound ends a batch after the line that reaches it, and never returns an empty batch early")
    func byteBound() throws {
        let scratch = try ScratchFolder("vellum-lines")
        let url = scratch.path("f")
        let long = String(repeating: "x", count: 100)
        try Data((Array(repeating: "0123456789", count: 7) + [long, "tail"]).joined(separator: "\n").utf8).write(to: url)
        var reader = try LineReader(url: url)
        var sizes: [[Int]] = []
        while true {
            let next = try reader.next(100, maxBytes: 25)
            if next.isEmpty { break }
            sizes.append(next.map(\.1.count))
        }
        // 10 + 10 + 10 reaches 25 with the third line; the 100-byte line is a batch on its own.
        #expect(sizes == [[10, 10, 10], [10, 10, 10], [10, 100], [4]])
    }
}

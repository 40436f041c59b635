import Foundation
import Testing
import VellumCapture
import VellumCore

/// The project's own WeCom fixtures (written from formats.md §A by tools/make_wecom_fixtures.py).
enum WeComMessageFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent("WeCom")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    /// The lines of a JSON-lines file, split on LF only, as the bytes given.
    static func lines(_ data: Data) -> [Data] {
        data.split(separator: 0x0A, omittingEmptySubsequences: true).map { Data($0) }
    }

    static let parser = WeComMessageParser()

    /// Every line of messages.jsonl, parsed, by 1-based line number.
    static func parsedLines() throws -> [(line: Int, bytes: Data, results: [ParsedLine])] {
        try lines(data("messages.jsonl")).enumerated().map { i, bytes in
            (i + 1, bytes, parser.parse(bytes, file: "messages.jsonl", line: i + 1, account: "ww4f1c2d3e5a6b7c8d"))
        }
    }

    /// The message of messages.jsonl whose msgid starts with `7001…<number>` (or equals `id`).
    static func message(_ id: String) throws -> Message {
        for (_, _, results) in try parsedLines() {
            for case .message(let m) in results where m.source.nativeID == id || m.source.nativeID.hasPrefix(fullPrefix(id)) {
                return m
            }
        }
        throw FixtureMissing(id: id)
    }

    /// `"14"` → `"70010000000000000014_"`-style prefixes as the fixtures number their msgids.
    static func fullPrefix(_ number: String) -> String {
        guard number.count <= 3, let n = Int(number) else { return number }
        let digits = String(n)
        return "7001" + String(repeating: "0", count: 15 - digits.count) + digits
    }

    struct FixtureMissing: Error { var id: String }
}

extension ParsedLine {
    var weComMessage: Message? {
        if case .message(let m) = self { return m }
        return nil
    }

    var weComIssue: ImportIssue? {
        if case .issue(let i) = self { return i }
        return nil
    }
}

extension WeComMessageParser {
    /// Parses a one-message line and returns its single result.
    func one(_ text: String, line: Int = 9) -> ParsedLine? {
        let results = parse(Data(text.utf8), file: "t.jsonl", line: line, account: "corp")
        #expect(results.count == 1)
        return results.first
    }
}

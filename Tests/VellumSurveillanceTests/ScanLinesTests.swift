import Foundation
import Testing
import VellumSurveillance

@Suite("scan lines: JSON in, JSON out")
struct ScanLinesTests {
    let lines = ScanLines()

    @Test("a JSON line with a numeric id produces the compact output in key order")
    func jsonNumericID() throws {
        let out = try lines.process(line: #"{"id": 42, "text": "card 4111 1111 1111 1111"}"#, lineNumber: 1)
        #expect(out == #"{"id":"42","findings":[{"detector":"credit_card","start":5,"end":24,"confidence":0.95,"masked":"4111 11** **** 1111"}]}"#)
    }

    @Test("a JSON line with a string id and extra members")
    func jsonStringID() throws {
        let out = try lines.process(line: #"{"channel": {"name": "desk", "tags": [1, true, null]}, "id": "m-7", "text": "加我微信"}"#, lineNumber: 3)
        #expect(out == #"{"id":"m-7","findings":[{"detector":"lexicon:off_channel","start":0,"end":4,"confidence":0.9,"masked":"加我微信"}]}"#)
    }

    @Test("a plain text line takes its line number as id")
    func plainText() throws {
        #expect(try lines.process(line: "nothing to see here", lineNumber: 17) == #"{"id":"17","findings":[]}"#)
        #expect(try lines.process(line: "{not json at all", lineNumber: 2) == #"{"id":"2","findings":[]}"#)
    }

    @Test("escapes in text are decoded before scanning and offsets count scalars of the decoded text")
    func escapes() throws {
        let line = #"{"id": "e", "text": "\"quoted\"\n\u4f60\ud83d\ude00 a@b.co"}"#
        let out = try lines.process(line: line, lineNumber: 1)
        // "quoted" with quotes is 8 scalars, then \n, 你, 😀, space: the email starts at 12.
        #expect(out == #"{"id":"e","findings":[{"detector":"email","start":12,"end":18,"confidence":0.8,"masked":"a***@b.co"}]}"#)
    }

    @Test("ids are escaped on output")
    func idEscaping() throws {
        let out = try lines.process(line: #"{"id": "a\"b\\c", "text": "x"}"#, lineNumber: 1)
        #expect(out == #"{"id":"a\"b\\c","findings":[]}"#)
        let control = try lines.process(line: #"{"id": "t\u0001\t", "text": "x"}"#, lineNumber: 1)
        #expect(control == #"{"id":"t\u0001\t","findings":[]}"#)
    }

    @Test("a JSON object without text is an error naming line and field")
    func missingText() {
        #expect(throws: ScanLineError.missingField(line: 12, field: "text")) {
            try lines.process(line: #"{"id": 5, "body": "hello"}"#, lineNumber: 12)
        }
        let message = ScanLineError.missingField(line: 12, field: "text").description
        #expect(message.contains("line 12") && message.contains("\"text\""))
    }

    @Test("wrongly typed fields are errors too")
    func wrongTypes() {
        #expect(throws: ScanLineError.invalidField(line: 4, field: "text", expected: "a string")) {
            try lines.process(line: #"{"id": 5, "text": 12}"#, lineNumber: 4)
        }
        #expect(throws: ScanLineError.invalidField(line: 5, field: "id", expected: "a string or a number")) {
            try lines.process(line: #"{"id": true, "text": "x"}"#, lineNumber: 5)
        }
    }

    @Test("a missing id falls back to the line number")
    func missingID() throws {
        #expect(try lines.process(line: #"{"text": "hi"}"#, lineNumber: 9) == #"{"id":"9","findings":[]}"#)
    }

    @Test("the streaming reader splits lines across chunk boundaries", arguments: [1, 7, 64, 1 << 20])
    func chunkedReader(chunkSize: Int) throws {
        let input = "first line\r\n{\"id\": 1, \"text\": \"卡号 4111111111111111\"}\n\nlast without newline"
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try pipe.fileHandleForWriting.close()
        var seen: [String] = []
        try LineReader(handle: pipe.fileHandleForReading, chunkSize: chunkSize).forEachLine { line, number in
            seen.append("\(number):" + String(decoding: line, as: UTF8.self))
        }
        #expect(seen == ["1:first line", "2:{\"id\": 1, \"text\": \"卡号 4111111111111111\"}", "3:", "4:last without newline"])
    }

    @Test("run streams a whole input, stopping or skipping on errors")
    func run() throws {
        let input = "hello\n{\"id\": \"x\", \"text\": \"SSN 536-22-1234\"}\n{\"id\": 3}\nbye 13812345678\n"
        func runOnce(skip: Bool) throws(ScanLineError) -> (ScanLinesSummary, String) {
            let inPipe = Pipe(), outPipe = Pipe()
            try? inPipe.fileHandleForWriting.write(contentsOf: Data(input.utf8))
            try? inPipe.fileHandleForWriting.close()
            let summary = try lines.run(input: inPipe.fileHandleForReading, output: outPipe.fileHandleForWriting, onError: { _ in skip })
            try? outPipe.fileHandleForWriting.close()
            let data = (try? outPipe.fileHandleForReading.readToEnd()) ?? Data()
            return (summary, String(decoding: data, as: UTF8.self))
        }
        let (summary, output) = try runOnce(skip: true)
        #expect(summary.lines == 4)
        #expect(summary.errors == 1)
        #expect(summary.findings == 2)
        #expect(output.split(separator: "\n").count == 3)
        #expect(output.hasPrefix(#"{"id":"1","findings":[]}"#))
        #expect(throws: ScanLineError.missingField(line: 3, field: "text")) { try runOnce(skip: false) }
    }
}

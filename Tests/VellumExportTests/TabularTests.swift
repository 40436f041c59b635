import Foundation
import Testing
import VellumExport

@Suite("CSV, Concordance DAT and JSON lines")
struct TabularTests {
    /// A strict RFC 4180 reader for the test.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var i = text.unicodeScalars.startIndex
        let s = text.unicodeScalars
        while i < s.endIndex {
            let c = s[i]
            if quoted {
                if c == "\"" {
                    let next = s.index(after: i)
                    if next < s.endIndex, s[next] == "\"" {
                        field.unicodeScalars.append("\"")
                        i = next
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\r" {
                let next = s.index(after: i)
                precondition(next < s.endIndex && s[next] == "\n", "bare CR outside quotes")
                row.append(field)
                rows.append(row)
                row = []
                field = ""
                i = next
            } else {
                precondition(c != "\n", "bare LF outside quotes")
                field.unicodeScalars.append(c)
            }
            i = s.index(after: i)
        }
        return rows
    }

    @Test("messages.csv is RFC 4180 with a header and one row per record, values verbatim")
    func csv() throws {
        let (folder, summary, _) = try TestCorpus.export(formats: [.csv, .rsmf])
        let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent("messages.csv")), as: UTF8.self)
        #expect(!text.hasPrefix("\u{FEFF}"))
        let rows = Self.parseCSV(text)
        #expect(rows.count == summary.records + 1)
        let header = rows[0]
        #expect(header.first == "RECORD_ID" && header.contains("NATIVE_PATH"))
        #expect(rows.allSatisfy { $0.count == header.count })
        let body = header.firstIndex(of: "BODY")!
        let bob = try #require(rows.first { $0[0] == "rec-d2" })
        #expect(bob[body] == "Got it.\nTwo lines, with \"quotes\", commas; and ®þ specials.")
        let native = try #require(rows.first { $0[0] == "rec-d12" })[header.firstIndex(of: "NATIVE_PATH")!]
        #expect(
            native.hasPrefix("rsmf/")
                && FileManager.default.fileExists(atPath: folder.appendingPathComponent(native).path))
        #expect(
            try #require(rows.first { $0[0] == "rec-d12" })[header.firstIndex(of: "RSMF_ATTACHMENT_IDS")!]
                == "A00001_chart.png")
        let attachment = try #require(rows.first { $0[0] == "rec-d12" })[header.firstIndex(of: "ATTACHMENT_PATHS")!]
        #expect(try Data(contentsOf: folder.appendingPathComponent(attachment)) == TestCorpus.png)
    }

    @Test("loadfile.dat uses DC4, þ, ® for line breaks, UTF-8 with BOM, CRLF and relative paths")
    func dat() throws {
        let (folder, summary, _) = try TestCorpus.export(formats: [.dat, .eml])
        let data = try Data(contentsOf: folder.appendingPathComponent("loadfile.dat"))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count == summary.records + 1)
        #expect(!lines.contains { $0.contains("\n") || $0.contains("\r") })
        let rows = lines.map { line in
            line.components(separatedBy: "\u{14}").map { field -> String in
                #expect(field.hasPrefix("þ") && field.hasSuffix("þ") && field.count >= 2)
                return String(field.dropFirst().dropLast())
            }
        }
        let header = rows[0]
        #expect(header.prefix(2) == ["RECORD_ID", "SOURCE_ID"])
        #expect(rows.allSatisfy { $0.count == header.count })
        let bob = try #require(rows.first { $0[0] == "rec-d2" })
        #expect(
            bob[header.firstIndex(of: "BODY")!]
                == "Got it.®Two lines, with \"quotes\", commas; and (R)\u{FFFD} specials.")
        let native = bob[header.firstIndex(of: "NATIVE_PATH")!]
        #expect(native.hasPrefix("eml\\") && !native.hasPrefix("\\"))
        #expect(
            FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(native.replacingOccurrences(of: "\\", with: "/")).path))
    }

    @Test("messages.jsonl has one JSON object per record with paths and revisions")
    func jsonLines() throws {
        let (folder, summary, _) = try TestCorpus.export(formats: [.jsonl])
        let text = String(
            decoding: try Data(contentsOf: folder.appendingPathComponent("messages.jsonl")), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == summary.records)
        struct Line: Decodable {
            struct Revision: Decodable { var type: String; var target: String; var emoji: String? }
            struct Attachment: Decodable { var path: String?; var sha256: String; var size: Int }
            var record_id: String
            var body: String?
            var sent_at: String
            var revision: Revision?
            var attachments: [Attachment]
            var fields: [String: String]
        }
        let decoded = try lines.map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
        #expect(decoded.map(\.record_id).prefix(3) == ["rec-d1", "rec-d2", "rec-d3"])
        #expect(decoded.first { $0.record_id == "rec-d9" }?.revision?.emoji == "😂")
        #expect(
            decoded.first { $0.record_id == "rec-d16" }?.fields == ["latitude": "31.2304", "longitude": "121.4737"])
        let withFile = try #require(decoded.first { $0.record_id == "rec-d13" }?.attachments.first)
        #expect(try Data(contentsOf: folder.appendingPathComponent(try #require(withFile.path))) == TestCorpus.pdf)
        #expect(decoded.first?.sent_at == "2026-03-02T08:00:00+08:00")
    }
}

import Foundation
import Testing

@testable import VellumExport

@Suite("EML per conversation-day")
struct EMLTests {
    @Test("one .eml per conversation and day, 7-bit, CRLF, short lines")
    func filesAndShape() throws {
        let (folder, _, _) = try TestCorpus.export(formats: [.eml])
        let files = TempDir.files(folder, extension: "eml")
        // The direct chat is on 2 March; the group spans 2, 3 and 4 March.
        #expect(files.count == 4)
        #expect(files.filter { $0.hasSuffix("_2026-03-03.eml") }.count == 1)
        for path in files {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(path)))
            #expect(bytes.allSatisfy { $0 < 0x80 && $0 != 0 }, "\(path) is not 7-bit")
            EMLShape.expectCRLFAndLineLengths(bytes, path)
        }
    }

    @Test("headers decode to the conversation, transcript and attachments decode to the originals")
    func contentRoundTrip() throws {
        let (folder, _, _) = try TestCorpus.export(formats: [.eml])
        let path = try #require(TempDir.files(folder, extension: "eml").first { $0.contains("whatsapp") })
        let eml = MIMEEntity.parse(try Data(contentsOf: folder.appendingPathComponent(path)))
        #expect(eml.header("Date") == "Mon, 02 Mar 2026 08:00:00 +0800")
        #expect(eml.header("From")?.contains("Alice Zhang") == true)
        #expect(MIMEDecoding.decodeWords(eml.header("To") ?? "").contains("Bob \\\"Bobby\\\" O'Neil"))
        #expect(MIMEDecoding.decodeWords(eml.header("Subject") ?? "") == "wa-alice-bob — WhatsApp — 2026-03-02")
        #expect(eml.header("X-Vellum-Records") == "16")
        let parts = eml.parts()
        #expect(parts.count == 3)
        let text = String(decoding: try parts[0].decodedBody(), as: UTF8.self)
        #expect(text.contains("[2026-03-02 08:00:00 +08:00] Alice Zhang: Hi Bob"))
        #expect(text.contains("Bob \"Bobby\" O'Neil edited message wamid.4") == false)
        #expect(text.contains("Alice Zhang edited message wamid.4: Price is 4.35"))
        #expect(text.contains("recalled message wamid.14"))
        #expect(text.contains(TestCorpus.xss))
        #expect(try parts[1].decodedBody() == TestCorpus.png)
        #expect(parts[1].parameter("filename", of: "Content-Disposition") == "chart.png")
        #expect(try parts[2].decodedBody() == TestCorpus.pdf)
        #expect(parts[2].parameter("filename", of: "Content-Disposition") == "报价单 v2 (final).pdf")
        #expect(parts[2].header("X-Vellum-Record") == "rec-d13")
    }

    @Test("a CJK group day's subject is RFC 2047 encoded and decodes back")
    func encodedSubject() throws {
        let (folder, _, _) = try TestCorpus.export(formats: [.eml])
        let path = try #require(
            TempDir.files(folder, extension: "eml").first { $0.hasSuffix("_2026-03-02.eml") && $0.contains("wecom") })
        let raw = String(decoding: try Data(contentsOf: folder.appendingPathComponent(path)), as: UTF8.self)
        let eml = MIMEEntity.parse(Data(raw.utf8))
        #expect(eml.header("Subject")?.hasPrefix("=?UTF-8?B?") == true)
        #expect(MIMEDecoding.decodeWords(eml.header("Subject") ?? "") == "Deal team 交易组 — WeCom — 2026-03-02")
        let text = String(decoding: try eml.parts()[0].decodedBody(), as: UTF8.self)
        #expect(text.contains("早上好，合同今天签。"))
    }
}

@Suite("MIME encodings")
struct MIMEEncodingTests {
    @Test(
        "quoted-printable round-trips and keeps lines within 76",
        arguments: [
            "plain ascii", "trailing space \nand tab\t\nend",
            "=equals= and ünïcödé and 中文 " + String(repeating: "x", count: 200),
            "line1\r\nline2\rline3\n", "",
        ])
    func quotedPrintable(_ text: String) {
        let encoded = MIME.quotedPrintable(Array(MIME.normalizedLines(text).utf8))
        #expect(encoded.allSatisfy { $0 < 0x80 })
        for line in String(decoding: encoded, as: UTF8.self).components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76)
        }
        #expect(String(decoding: MIMEDecoding.quotedPrintable(encoded), as: UTF8.self) == MIME.normalizedLines(text))
    }

    @Test(
        "encoded words stay within 75 characters and decode back",
        arguments: [
            "Deal team 交易组", String(repeating: "中文", count: 60), "emoji 👍🏽 family 👨‍👩‍👧", "ascii only",
        ])
    func encodedWords(_ text: String) {
        let words = MIME.encodedWords(text)
        #expect(words.allSatisfy { $0.utf8.count <= 75 })
        #expect(MIMEDecoding.decodeWords(words.joined(separator: " ")) == text)
        let header = MIME.header("Subject", text)
        for line in header.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78) }
    }

    @Test("base64 lines are 76 characters with CRLF")
    func base64() {
        let data = Data((0..<1000).map { UInt8($0 % 256) })
        let text = String(decoding: MIME.base64Lines(data), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.dropLast().allSatisfy { $0.count == 76 })
        #expect(Data(base64Encoded: lines.joined()) == data)
    }

    @Test("RFC 2231 file names survive long non-ASCII names")
    func fileNames() {
        let name = "合同 最终版 " + String(repeating: "长", count: 40) + ".pdf"
        let header = "Content-Disposition: attachment" + MIME.fileNameParameter("filename", name) + "\r\n\r\n"
        let entity = MIMEEntity.parse(Data(header.utf8))
        #expect(entity.parameter("filename", of: "Content-Disposition") == name)
        for line in header.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78) }
    }
}

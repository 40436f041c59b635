import Foundation
import Testing

@testable import VellumExport

@Suite("HTML transcripts")
struct HTMLTests {
    static func transcript(_ folder: URL, _ match: String) throws -> String {
        let path = try #require(TempDir.files(folder, extension: "html").first { $0.contains(match) })
        return String(decoding: try Data(contentsOf: folder.appendingPathComponent(path)), as: UTF8.self)
    }

    @Test("one self-contained transcript per conversation, no script, no external asset")
    func selfContained() throws {
        let (folder, _, _) = try TestCorpus.export(formats: [.html])
        let files = TempDir.files(folder, extension: "html")
        #expect(files.count == 2)
        for path in files {
            let html = String(decoding: try Data(contentsOf: folder.appendingPathComponent(path)), as: UTF8.self)
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.lowercased().contains("<link"))
            #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("//cdn"))
            #expect(html.contains("script-src 'none'"))
            #expect(html.hasSuffix("</html>\n"))
        }
    }

    @Test("hostile text is escaped, never markup")
    func escapesXSS() throws {
        let (folder, _, _) = try TestCorpus.export(formats: [.html])
        let html = try Self.transcript(folder, "whatsapp")
        #expect(!html.contains(TestCorpus.xss))
        #expect(!html.contains("<img src=x"))
        #expect(
            html.contains(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot;"
            ))
        #expect(html.contains("Bob &quot;Bobby&quot; O&#39;Neil"))
        #expect(HTMLEscape.text("a\u{0}b\u{7}c") == "a\u{FFFD}b\u{FFFD}c")
    }

    @Test("names, local times with offsets, replies, edits, recalls, reactions and statuses are visible")
    func content() throws {
        let (folder, _, _) = try TestCorpus.export(formats: [.html])
        let html = try Self.transcript(folder, "whatsapp")
        #expect(
            html.contains(
                "<span class=\"who\">Alice Zhang</span> <time datetime=\"2026-03-02T08:00:00+08:00\">2026-03-02 08:00:00 +08:00</time>"
            ))
        #expect(html.contains("↪ reply to <a href=\"#\(HTMLEscape.anchor(sourceID: "wamid.1"))\">"))
        #expect(html.contains("id=\"\(HTMLEscape.anchor(sourceID: "wamid.1"))\""))
        #expect(html.contains("edited <a href=\"#\(HTMLEscape.anchor(sourceID: "wamid.4"))\">message wamid.4</a>"))
        #expect(html.contains("Price is 4.45 final"))
        #expect(html.contains("recalled <a href=\"#\(HTMLEscape.anchor(sourceID: "wamid.14"))\">"))
        #expect(html.contains("👍 <span class=\"who\">Bob"))
        #expect(html.contains("delivered for <span class=\"who\">Bob"))
        #expect(html.contains("class=\"msg out\"") && html.contains("class=\"msg in\""))
        #expect(html.contains("Got it.<br>Two lines"))
        #expect(html.contains("latitude: 31.2304"))
    }

    @Test("images are inline by relative link, other files linked, and the files exist beside the transcript")
    func attachments() throws {
        let (folder, _, _) = try TestCorpus.export(formats: [.html])
        let html = try Self.transcript(folder, "whatsapp")
        let srcs = html.components(separatedBy: "<img src=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(srcs.count == 1)
        let hrefs = html.components(separatedBy: "<a href=\"../").dropFirst().map {
            "../" + String($0.prefix { $0 != "\"" })
        }
        #expect(hrefs.count == 2)
        let transcriptFolder = folder.appendingPathComponent("html")
        for link in Set(srcs + hrefs) {
            let path = try #require(link.removingPercentEncoding)
            let url = transcriptFolder.appendingPathComponent(path).standardizedFileURL
            #expect(FileManager.default.fileExists(atPath: url.path), "\(link)")
        }
        let image = transcriptFolder.appendingPathComponent(try #require(srcs.first?.removingPercentEncoding))
        #expect(try Data(contentsOf: image) == TestCorpus.png)
    }

    @Test("the CJK group transcript shows day separators and system notices")
    func groupTranscript() throws {
        let (folder, _, _) = try TestCorpus.export(formats: [.html])
        let html = try Self.transcript(folder, "wecom")
        #expect(html.contains("<title>Deal team 交易组 — WeCom</title>"))
        #expect(html.components(separatedBy: "<div class=\"day\">").count == 4)
        #expect(html.contains("class=\"msg system\""))
        #expect(html.contains("早上好，合同今天签。"))
    }
}

import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Testing
import VellumApp

/// The demo files are built once; every test reads them.
private let demoFiles = DemoDataset.make()

private func demoLines() -> [String] {
    demoFiles.messagesJSONL.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
}

private func demoObjects() -> [[String: Any]] {
    demoLines().compactMap(DemoLineChecks.object)
}

@Suite("DemoDataset")
struct DemoDatasetTests {
    @Test("every line is a JSON object with the required fields of the right types")
    func linesAreWellFormed() {
        #expect(demoFiles.messagesJSONL.hasSuffix("\n"))
        let lines = demoLines()
        #expect(lines.count == demoFiles.messageCount)
        for line in lines {
            guard let object = DemoLineChecks.object(line) else {
                Issue.record("not a JSON object: \(line)")
                continue
            }
            #expect(DemoLineChecks.problems(object).isEmpty, "\(DemoLineChecks.problems(object)) in \(line)")
        }
    }

    @Test("there are between 300 and 500 messages, most of them on WeCom")
    func volumeAndChannels() {
        let objects = demoObjects()
        #expect((300...500).contains(objects.count))
        var perChannel: [String: Int] = [:]
        for object in objects { perChannel[object["channel"] as? String ?? "", default: 0] += 1 }
        for channel in ["wecom", "whatsapp", "telegram", "signal", "sms", "email"] {
            #expect(perChannel[channel, default: 0] > 0, "no \(channel) lines")
        }
        let wecom = perChannel["wecom", default: 0]
        #expect(perChannel.allSatisfy { $0.key == "wecom" || $0.value < wecom })
    }

    @Test("sent_at is RFC 3339 with an explicit offset, in February and March 2026, in file order")
    func timestamps() throws {
        let start = try #require(DemoLineChecks.instant("2026-02-01T00:00:00Z"))
        let end = try #require(DemoLineChecks.instant("2026-03-31T00:00:00Z"))
        var previous = start
        var offsets: Set<String> = []
        for object in demoObjects() {
            let text = object["sent_at"] as? String ?? ""
            let instant = try #require(DemoLineChecks.instant(text), "bad sent_at \(text)")
            #expect(instant >= previous && instant < end)
            previous = instant
            offsets.insert(String(text.suffix(text.hasSuffix("Z") ? 1 : 6)))
        }
        // Hong Kong/Shanghai, London (GMT) and New York before and after the 8 March DST change.
        #expect(offsets.isSuperset(of: ["+08:00", "Z", "-05:00", "-04:00"]))
    }

    @Test("message ids are unique per channel and account")
    func uniqueIDs() {
        #expect(DemoLineChecks.duplicateIDs(demoObjects()).isEmpty)
    }

    @Test("every reply_to, edit_of and recall_of names an earlier message of the same channel and account")
    func referencesResolve() {
        let objects = demoObjects()
        #expect(DemoLineChecks.danglingReferences(objects).isEmpty)
        let count = { (key: String) in objects.filter { $0[key] != nil }.count }
        #expect(count("reply_to") >= 10)
        #expect(count("edit_of") >= 4)
        #expect(count("recall_of") >= 3)
        #expect(objects.filter { $0["edit_of"] != nil }.allSatisfy { $0["text"] is String })
        #expect(objects.filter { $0["recall_of"] != nil }.allSatisfy { $0["text"] == nil })
    }

    @Test("the same seed gives identical files and another seed different ones")
    func determinism() {
        #expect(DemoDataset.make(seed: 2026) == demoFiles)
        #expect(DemoDataset.make(seed: 2026) == DemoDataset.make(seed: 2026))
        let other = DemoDataset.make(seed: 7)
        #expect(other.messagesJSONL != demoFiles.messagesJSONL)
        #expect(other.directoryYAML == demoFiles.directoryYAML)
    }

    @Test("attachments are small PDFs stand-ins and valid PNGs")
    func attachments() throws {
        let attachments = demoObjects().flatMap { $0["attachments"] as? [[String: Any]] ?? [] }
        #expect(attachments.count >= 5)
        for attachment in attachments {
            let data = try #require(Data(base64Encoded: attachment["content_base64"] as? String ?? ""))
            #expect(data.count < 1_000)
            switch attachment["media_type"] as? String {
            case "application/pdf": #expect(data.starts(with: Array("%PDF-".utf8)))
            case "image/png": #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            default: Issue.record("unexpected media type \(attachment)")
            }
        }
    }

    @Test("some lines carry unknown extra fields of several JSON types")
    func extraFields() {
        let known: Set<String> = [
            "channel", "account", "conversation", "id", "sent_at", "from", "to", "text", "attachments", "reply_to",
            "edit_of", "recall_of",
        ]
        let extras = demoObjects().flatMap { $0.filter { !known.contains($0.key) } }
        #expect(extras.contains { $0.key == "x_device" && $0.value is String })
        #expect(extras.contains { $0.key == "x_wecom_seq" && $0.value is NSNumber })
        #expect(Set(extras.map(\.key)).allSatisfy { $0.hasPrefix("x_") })
    }

    @Test("the messages mix English, Chinese and mixed-language text")
    func languages() {
        let texts = demoObjects().compactMap { $0["text"] as? String }
        let chinese = texts.filter { $0.range(of: #"\p{Han}"#, options: .regularExpression) != nil }
        let latin = texts.filter { $0.range(of: "[A-Za-z]{3}", options: .regularExpression) != nil }
        #expect(chinese.count > texts.count / 3)
        #expect(latin.count > texts.count / 4)
        #expect(chinese.filter { latin.contains($0) }.count >= 20)
    }

    @Test("there are direct chats with clients and titled group chats")
    func conversations() {
        let conversations = demoObjects().compactMap { $0["conversation"] as? [String: Any] }
        let groups = conversations.filter { $0["kind"] as? String == "group" }
        #expect(groups.count > 50)
        #expect(groups.allSatisfy { ($0["title"] as? String)?.isEmpty == false })
        #expect(conversations.filter { $0["kind"] as? String == "direct" }.count > 150)
        let titles = Set(groups.compactMap { $0["title"] as? String })
        #expect(titles.contains("债券配售 2026Q1") && titles.contains("HB London desk"))
    }

    @Test("off-channel requests appear, in English and Chinese")
    func offChannelCues() {
        let text = demoObjects().compactMap { $0["text"] as? String }.joined(separator: "\n")
        for cue in ["text me on Signal", "加我微信", "用私人微信聊"] {
            #expect(text.contains(cue), "missing cue \(cue)")
        }
    }
}

@Suite("vellum demo through the binary")
struct DemoCommandTests {
    @Test("builds an archive under the demo policy: alerts in the queue, retention decided, everything verifies")
    func demo() throws {
        let scratch = try ScratchFolder("vellum-demo-cli")
        let data = scratch.path("demo").path
        let built = try CLI.run(["demo", "--data", data, "--no-serve"])
        #expect(built.status == 0, "\(built.err)")
        #expect(built.out.contains("a policy applied") && built.out.contains("alerts in the review queue"))
        let alerts = try JSONSerialization.jsonObject(with: Data(try CLI.run(["alerts", "list", "--data", data, "--json"]).out.utf8))
        #expect(((alerts as? [[String: Any]]) ?? []).count > 5)
        let dry = try CLI.json(try CLI.run(["retention", "run", "--data", data, "--dry-run", "--json"]).out)
        #expect(dry["examined"] as? Int ?? 0 > 300 && dry["kept"] != nil)
        #expect(try CLI.json(try CLI.run(["verify", "--data", data, "--json"]).out)["ok"] as? Bool == true)
        #expect(try CLI.run(["demo", "--data", data, "--no-serve"]).out.contains("already"))
        let bytes = try FileManager.default.subpathsOfDirectory(atPath: data).compactMap {
            FileManager.default.contents(atPath: data + "/" + $0)
        }
        #expect(!bytes.contains { $0.range(of: Data("合同".utf8)) != nil })
    }

    @Test("without --no-serve it serves the archive: prints the address, a one-time administrator link and a sign-in per role; stops cleanly on SIGTERM")
    func demoServes() async throws {
        let scratch = try ScratchFolder("vellum-demo-serve")
        let data = scratch.path("demo").path
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["demo", "--data", data, "--port", "0", "--retention-sweep-hours", "0"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        defer { if p.isRunning { p.terminate() } }
        var text = ""
        let deadline = Date().addingTimeInterval(120)
        while !text.contains("Vellum is serving"), Date() < deadline, p.isRunning {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        #expect(text.contains("/setup?token=vsu_"), "a one-time administrator link")
        for role in ["compliance", "privacy", "legal", "auditor"] { #expect(text.contains("  \(role) "), "a sign-in for \(role)") }
        let url = try #require(text.components(separatedBy: "Vellum is serving ").last?.components(separatedBy: " ").first)
        let (body, _) = try await URLSession.shared.data(from: URL(string: url + "healthz")!)
        let health = String(decoding: body, as: UTF8.self)
        #expect(health.contains("\"status\":\"ok\""))
        p.terminate()  // SIGTERM: a graceful stop
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(try CLI.json(try CLI.run(["verify", "--data", data, "--json"]).out)["ok"] as? Bool == true)
    }
}

import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import VellumStore
import Testing
@testable import VellumApp

/// Runs the real `vellum` binary built beside the tests.
struct CLI {
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["VELLUM_BINARY"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("vellum")
    }

    @discardableResult
    static func run(_ args: [String], env: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.merging(env) { _, b in b }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}

@Suite("The vellum command line", .serialized)
struct CLITests {
    @Test("init, import, search, show, verify and quarantine through the binary")
    func tour() throws {
        let scratch = try ScratchFolder("vellum-cli")
        let data = scratch.path("data").path
        let file = scratch.path("chat.jsonl")
        try Data((Fixture.chat + Fixture.broken).utf8).write(to: file)

        #expect(try CLI.run(["init", "--data", data]).status == 0)
        let again = try CLI.run(["init", "--data", data])
        #expect(again.status != 0 && again.err.contains("refusing"))

        let imported = try CLI.json(try CLI.run(["import", "--data", data, "--format", "jsonl", "--json", file.path]).out)
        #expect(imported["imported"] as? Int == 7 && imported["duplicates"] as? Int == 0 && imported["quarantined"] as? Int == 4)
        // Again in batches of two: the same count, committed batch by batch.
        let twice = try CLI.run(["import", "--data", data, "--json", "--batch", "2", file.path])
        #expect(try CLI.json(twice.out)["duplicates"] as? Int == 7)
        #expect(twice.err.components(separatedBy: "lines committed").count - 1 >= 5, "\(twice.err)")
        let zero = try CLI.run(["import", "--data", data, "--batch", "0", file.path])
        #expect(zero.status != 0 && zero.err.contains("--batch"))
        #expect(twice.err.contains("chat.jsonl:2: field `sent_at`") == false)
        #expect(twice.err.contains("chat.jsonl:9: not valid JSON"))

        let env = ["VELLUM_DATA": data]
        let found = try CLI.json(try CLI.run(["search", "--json", "--actor", "ci", "合同"], env: env).out)
        #expect(found["total"] as? Int == 1)
        let hit = try #require((found["hits"] as? [[String: Any]])?.first)
        for key in ["id", "source_id", "channel", "conversation", "sender", "sent_at", "text", "snippet"] {
            #expect(hit[key] is String, "hit has \(key)")
        }
        #expect(hit["source_id"] as? String == "w1")
        let listed = try CLI.json(try CLI.run(["search", "--json", "--channel", "whatsapp", "--since", "2026-03-03", "--until", "2026-03-03"], env: env).out)
        #expect(listed["total"] as? Int == 3)

        let shown = try CLI.json(try CLI.run(["show", "--json", hit["id"] as! String], env: env).out)
        #expect((shown["inclusion_proof"] as? [String: Any])?["verified"] as? Bool == true)

        let quarantine = try CLI.run(["quarantine", "list", "--json"], env: env)
        #expect(quarantine.status == 0 && quarantine.out.contains("chat.jsonl"))

        let ok = try CLI.run(["verify", "--json"], env: env)
        let okReport = try CLI.json(ok.out)
        #expect(ok.status == 0 && okReport["ok"] as? Bool == true)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: data).appendingPathComponent("tree-head.json"))
        let bad = try CLI.run(["verify", "--json"], env: env)
        let badReport = try CLI.json(bad.out)
        #expect(bad.status == 1 && badReport["ok"] as? Bool == false)

        let otherKey = scratch.path("other.key")
        try MasterKeyFile.write(to: otherKey)
        let wrong = try CLI.run(["search", "x", "--master-key-file", otherKey.path], env: env)
        #expect(wrong.status == 3 && wrong.err.contains("master key does not open this archive"))
    }

    @Test("an import killed mid-file loses nothing acknowledged; verify passes; a re-run completes it")
    func killMidImport() throws {
        let scratch = try ScratchFolder("vellum-kill")
        let data = scratch.path("data").path
        let file = scratch.path("big.jsonl")
        var corpus = SyntheticCorpus(seed: 9)
        let total = 40_000
        try Data((corpus.lines(total).joined(separator: "\n") + "\n").utf8).write(to: file)
        #expect(try CLI.run(["init", "--data", data]).status == 0)

        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["import", "--data", data, "--batch", "1000", file.path]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = Pipe()
        try p.run()
        // Wait for at least two acknowledged batches, then kill without warning.
        var acknowledged = 0
        var buffer = ""
        while acknowledged < 2000, p.isRunning {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer += String(decoding: chunk, as: UTF8.self)
            let counts = buffer.split(separator: "\n").compactMap { line in
                line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            }
            acknowledged = counts.max() ?? 0
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(acknowledged >= 2000, "the import acknowledged batches before the kill")

        let archive = try Archive.open(DataDirectory(data))
        let held = try archive.store.read { try $0.recordCount() }
        #expect(held >= acknowledged, "every acknowledged message is there")
        #expect(try Verifier(archive: archive).verify().problems == [])

        let second = try CLI.run(["import", "--data", data, "--json", file.path])
        #expect(second.status == 0, "re-run failed: \(second.err.suffix(2000))")
        let rerun = try CLI.json(second.out)
        #expect(rerun["duplicates"] as? Int == held)
        #expect((rerun["imported"] as? Int ?? 0) + held == total)
        #expect(try archive.store.read { try $0.recordCount() } == total)
        #expect(try Verifier(archive: archive).verify().ok)
    }
}


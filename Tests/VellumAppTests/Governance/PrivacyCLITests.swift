import Foundation
import Testing
@testable import VellumApp

@Suite("vellum privacy fulfil through the binary", .serialized)
struct PrivacyCLITests {
    @Test("access package, then erasure with its letter; verify accounts for the erased records")
    func fulfil() throws {
        let scratch = try ScratchFolder("vellum-privacy-cli")
        let data = scratch.path("data").path
        let env = ["VELLUM_DATA": data]
        try Data((Fixture.chat + ErasureTests.tom).utf8).write(to: scratch.path("chat.jsonl"))
        try Data(Fixture.directory.utf8).write(to: scratch.path("directory.yaml"))
        try Data(ErasureTests.policy.utf8).write(to: scratch.path("policy.yaml"))
        #expect(try CLI.run(["init", "--data", data]).status == 0)
        #expect(try CLI.run(["directory", "import", scratch.path("directory.yaml").path], env: env).status == 0)
        #expect(try CLI.run(["policy", "apply", scratch.path("policy.yaml").path], env: env).status == 0)
        #expect(try CLI.run(["import", scratch.path("chat.jsonl").path], env: env).status == 0)

        let access = try CLI.json(try CLI.run(
            ["privacy", "create", "--type", "access", "--law", "gdpr", "--subject", "+44 7700 900123", "--subject",
             "wmTomBaker01", "--json"], env: env).out)
        let accessID = try #require(access["id"] as? String)
        let noFolder = try CLI.run(["privacy", "fulfil", accessID], env: env)
        #expect(noFolder.status != 0 && noFolder.err.contains("--out"))
        let package = scratch.path("tom-access")
        let done = try CLI.json(try CLI.run(["privacy", "fulfil", accessID, "--out", package.path, "--json"], env: env).out)
        #expect(done["access_items"] as? Int == 5 && done["access_files"] as? Int == 1)
        #expect(FileManager.default.fileExists(atPath: package.appendingPathComponent("access.html").path))
        let shown = try CLI.json(try CLI.run(["privacy", "show", accessID, "--json"], env: env).out)
        #expect(shown["status"] as? String == "fulfilled")

        let erasure = try CLI.json(try CLI.run(
            ["privacy", "create", "--type", "erasure", "--law", "ccpa", "--subject", "+447700900123", "--subject",
             "wmTomBaker01", "--json"], env: env).out)
        let erasureID = try #require(erasure["id"] as? String)
        let letters = scratch.path("letters")
        let erased = try CLI.run(["privacy", "fulfil", erasureID, "--out", letters.path, "--lang", "zh"], env: env)
        #expect(erased.status == 0, "\(erased.err)")
        #expect(erased.out.contains("Erased 4; kept 1"))
        let letter = try String(contentsOf: letters.appendingPathComponent("decision-letter.zh.txt"), encoding: .utf8)
        #expect(letter.contains(erasureID) && letter.contains("2033-03-06"))
        #expect(try CLI.run(["privacy", "show", erasureID], env: env).out.contains("1 restricted by this request"))
        let again = try CLI.run(["privacy", "fulfil", erasureID], env: env)
        #expect(again.status != 0 && again.err.contains("fulfilled"))

        let verified = try CLI.json(try CLI.run(["verify", "--json"], env: env).out)
        #expect(verified["ok"] as? Bool == true && verified["removed"] as? Int == 4)
        #expect(try CLI.json(try CLI.run(["search", "--json", "bond trade"], env: env).out)["total"] as? Int == 0)
        #expect(try CLI.json(try CLI.run(["search", "--json", "--include-restricted", "bond trade"], env: env).out)["total"] as? Int == 1)
        let dry = try CLI.json(try CLI.run(["retention", "run", "--dry-run", "--as-of", "2033-03-06", "--json"], env: env).out)
        #expect(dry["erased"] as? Int == 1)
    }
}

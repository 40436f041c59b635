import Foundation
import Testing
@testable import VellumApp
import VellumCore
import VellumCrypto

@Suite("vellum media and capture-health through the binary", .serialized)
struct MediaCLITests {
    typealias F = MediaFixture

    /// Runs the binary off the cooperative pool, so the fake server in this process keeps answering.
    static func run(_ args: [String], env: [String: String]) async throws -> (status: Int32, out: String, err: String) {
        try await withCheckedThrowingContinuation { c in
            DispatchQueue.global().async { c.resume(with: Result { try CLI.run(args, env: env) }) }
        }
    }

    @Test("`vellum media retry` downloads one file and fails another for good; capture-health and `media list` show it")
    func retryPassThroughTheBinary() async throws {
        let t = try TestArchive()
        let server = FakeMediaServer(bearer: F.whatsappToken)
        let content = F.content("cli-ok")
        let ok = try F.captureWhatsApp(F.whatsappImage(wamid: "wamid.CLI1", mediaID: "8001"), into: t)
        _ = try F.captureWhatsApp(F.whatsappImage(wamid: "wamid.CLI2", mediaID: "8404"), into: t)
        let data = t.dir.root.path
        let env = ["VELLUM_TEST_WA_TOKEN": F.whatsappToken]
        let (retry, health, list) = try await server.run {
            server.whatsAppMedia(id: "8001", content: content, sha256: Digest.sha256(content).hexString)
            let config = try t.write("media.yaml", """
                whatsapp:
                  graph_base: \(server.base)
                  access_token_env: VELLUM_TEST_WA_TOKEN
                retry: {attempts_per_pass: 1}
                """)
            let retry = try await Self.run(["media", "retry", "--data", data, "--config", config.path, "--json"], env: env)
            let health = try await Self.run(["capture-health", "--data", data], env: [:])
            let list = try await Self.run(["media", "list", "--data", data], env: [:])
            return (retry, health, list)
        }
        #expect(retry.status == 0, "\(retry.err)")
        let report = try CLI.json(retry.out)
        #expect(report["downloaded"] as? Int == 1)
        #expect(report["failed"] as? Int == 1)
        #expect(health.out.contains("Media WhatsApp \(F.phoneNumberID): 0 pending, 1 failed"), "\(health.out)")
        #expect(health.out.contains("HTTP 404"))
        #expect(list.out.contains("[failed]") && list.out.contains("8404"))
        for output in [retry.out, retry.err, health.out, list.out] { #expect(!output.contains(F.whatsappToken)) }
        #expect(try F.arrival(of: ok, handle: "8001", in: t)?.2 == content)
        #expect(try t.allBytes().range(of: content.prefix(64)) == nil)
    }
}

import Foundation
import Testing
@testable import VellumApp

@Suite("vellum retention run through the binary", .serialized)
struct RetentionCLITests {
    static let oldChat = """
        {"channel":"sms","conversation":{"id":"sms-1","kind":"direct"},"id":"s1","sent_at":"2015-05-01T09:00:00Z","from":{"id":"+85291230099"},"to":[{"id":"+85291230001"}],"text":"old quote 2015"}
        {"channel":"sms","conversation":{"id":"sms-1","kind":"direct"},"id":"s2","sent_at":"2015-05-01T09:01:00Z","from":{"id":"+85291230001"},"to":[{"id":"+85291230099"}],"text":"thanks, noted"}
        {"channel":"sms","conversation":{"id":"sms-1","kind":"direct"},"id":"s3","sent_at":"2026-05-01T09:00:00Z","from":{"id":"+85291230099"},"to":[{"id":"+85291230001"}],"text":"new quote 2026"}

        """
    static let policy = """
        organisation:
          name: Harbour Bridge Ltd
          country: HK
        retention:
          rules:
            - id: sms-3y
              period: 3y
              channels: [sms]
              basis: Firm minimum for SMS
        """

    @Test("dry run, --as-of only with --dry-run, a run with its certificate, and verify afterwards")
    func run() throws {
        let scratch = try ScratchFolder("vellum-retention-cli")
        let data = scratch.path("data").path
        try Data(Self.oldChat.utf8).write(to: scratch.path("old.jsonl"))
        try Data(Self.policy.utf8).write(to: scratch.path("policy.yaml"))
        let env = ["VELLUM_DATA": data]
        #expect(try CLI.run(["init", "--data", data]).status == 0)
        #expect(try CLI.run(["policy", "apply", scratch.path("policy.yaml").path], env: env).status == 0)
        #expect(try CLI.run(["import", scratch.path("old.jsonl").path], env: env).status == 0)

        let dry = try CLI.json(try CLI.run(["retention", "run", "--dry-run", "--json"], env: env).out)
        #expect(dry["disposed"] as? Int == 2 && dry["dry_run"] as? Bool == true)
        let later = try CLI.json(try CLI.run(["retention", "run", "--dry-run", "--as-of", "2029-05-02", "--json"], env: env).out)
        #expect(later["disposed"] as? Int == 3)
        let refused = try CLI.run(["retention", "run", "--as-of", "2029-05-02"], env: env)
        #expect(refused.status != 0 && refused.err.contains("--dry-run"))

        let certificate = scratch.path("certificate.json")
        let ran = try CLI.run(["retention", "run", "--json", "--certificate", certificate.path, "--actor", "cco"], env: env)
        #expect(ran.status == 0, "\(ran.err)")
        let report = try CLI.json(ran.out)
        #expect(report["disposed"] as? Int == 2 && report["actor"] as? String == "cco")
        let onDisk = try CLI.json(String(decoding: try Data(contentsOf: certificate), as: UTF8.self))
        let records = try #require(onDisk["records"] as? [[String: Any]])
        #expect(records.count == 2 && records.allSatisfy { $0["basis"] as? String == "sms-3y" && $0["commitment"] is String })

        let verified = try CLI.json(try CLI.run(["verify", "--json"], env: env).out)
        #expect(verified["ok"] as? Bool == true && verified["removed"] as? Int == 2 && verified["records"] as? Int == 1)
        let human = try CLI.run(["verify"], env: env)
        #expect(human.out.contains("2 records removed by disposition or erasure"))
        let search = try CLI.json(try CLI.run(["search", "--json", "quote"], env: env).out)
        #expect(search["total"] as? Int == 1)
    }
}

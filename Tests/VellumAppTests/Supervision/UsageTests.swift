import Foundation
import Testing
@testable import VellumApp
import VellumCore
import VellumSurveillance

@Suite("Usage per employee, channel and day")
struct UsageTests {
    @Test("the usage day is the UTC calendar day, zero-padded, on both sides of the epoch and on leap days")
    func day() {
        #expect(UsageTally.day(0) == "1970-01-01")
        #expect(UsageTally.day(-1) == "1969-12-31")
        #expect(UsageTally.day(951_782_400_000) == "2000-02-29")
        #expect(UsageTally.day(951_868_799_999) == "2000-02-29")
        #expect(UsageTally.day(1_796_083_199_999) == "2026-11-30")
        #expect(UsageTally.day(253_402_300_799_000) == "9999-12-31")
    }

    @Test("counts what each employee sent and received, once, and skips revisions")
    func counts() throws {
        let t = try TestArchive()
        try DirectoryService(archive: t.archive).importFile(try t.write("d.yaml", Fixture.directory), actor: "t")
        try t.importJSONL(Fixture.chat)
        try t.importJSONL(Fixture.chat, name: "again.jsonl")  // duplicates add nothing
        let report = try UsageService(archive: t.archive).report(
            since: nil, approved: [.wecom, .telegram], now: Timestamp(rfc3339: "2026-03-20T00:00:00Z")!.epochMilliseconds,
            actor: "t")
        let zhang = try #require(report.employees.first { $0.employee == "E1001" })
        #expect(zhang.name == "Zhang Wei")
        let wecom = try #require(zhang.channels.first { $0.channel == .wecom })
        #expect(wecom.sent == 1 && wecom.received == 1)
        #expect(wecom.days.map(\.day) == ["2026-03-02"])
        #expect(wecom.first_seen == "2026-03-02T01:15:04Z" && wecom.last_seen == "2026-03-02T01:16:30Z")
        // wa3 edits wa2: an edit is not a new message.
        let whatsapp = try #require(zhang.channels.first { $0.channel == .whatsapp })
        #expect(whatsapp.sent == 1 && whatsapp.received == 1 && !whatsapp.approved)
        #expect(zhang.unapproved_channels == [.whatsapp])
        // Accounts: corp1 and the WhatsApp number; Telegram has none. All silent by the 20th.
        #expect(Set(report.accounts.map(\.account)) == ["corp1", "+85291230001", ""])
        let corp = try #require(report.accounts.first { $0.account == "corp1" })
        #expect(corp.messages == 2 && corp.silent)
        let fresh = try UsageService(archive: t.archive).report(
            since: "2026-03-03", now: Timestamp(rfc3339: "2026-03-04T00:00:00Z")!.epochMilliseconds, actor: "t")
        #expect(fresh.employees.first?.channels.map(\.channel) == [.whatsapp])
        #expect(fresh.accounts.first { $0.account == "+85291230001" }?.silent == false)
    }

    @Test("imports split over several batches and files add up to the same report as one import")
    func batchesAddUp() throws {
        let lines = Fixture.chat.split(separator: "\n").map(String.init)
        func report(_ files: [[String]], batchSize: Int = 1) throws -> UsageReport {
            let t = try TestArchive()
            try DirectoryService(archive: t.archive).importFile(try t.write("d.yaml", Fixture.directory), actor: "t")
            for (i, file) in files.enumerated() {
                // One message a batch: every account and usage row is touched again and again.
                let ingestor = try Ingestor(archive: t.archive)
                _ = try FileImporter(ingestor: ingestor, format: .jsonl, batchSize: batchSize)
                    .importFile(try t.write("part\(i).jsonl", file.joined(separator: "\n")))
            }
            return try UsageService(archive: t.archive).report(
                since: nil, approved: [.wecom], now: Timestamp(rfc3339: "2026-03-20T00:00:00Z")!.epochMilliseconds, actor: "t")
        }
        let whole = try report([lines], batchSize: 1000)
        #expect(whole.accounts.map(\.messages).reduce(0, +) > 2)
        #expect(try report([Array(lines.reversed())]) == whole)
        #expect(try report(lines.map { [$0] }) == whole)
    }

    @Test("the usage tables hold no plaintext names, ids or accounts")
    func sealed() throws {
        let t = try TestArchive()
        try DirectoryService(archive: t.archive).importFile(try t.write("d.yaml", Fixture.directory), actor: "t")
        try t.importJSONL(Fixture.chat)
        let bytes = try t.allBytes()
        for secret in ["E1001", "corp1", "85291230001", "Zhang Wei"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is in the archive's files")
        }
    }
}

import Foundation
import Testing
@testable import VellumApp
import VellumCore
import VellumCrypto
import VellumPolicy
import VellumSQLite
import VellumStore

@Suite("Privacy requests fulfilled: erasure by crypto-shredding, restriction, access packages")
struct ErasureTests {
    static let policy = """
        organisation:
          name: Harbour Bridge Ltd
          country: HK
        purposes:
          - id: recordkeeping
            description: Keeping business communications as securities law requires
            lawful_basis: legal_obligation
            data_categories: [business communications]
            recipients: [Securities and Futures Commission]
        retention:
          rules:
            - id: hk-licensed
              period: 7y
              jurisdictions: [HK]
              channels: [wecom]
              basis: SFC record keeping
        """

    /// Tom Baker on WeCom (kept seven years), and on SMS with someone else's number in the text.
    static let tom = """
        {"channel":"wecom","account":"corp1","conversation":{"id":"c-tom","kind":"direct"},"id":"w9","sent_at":"2026-03-05T09:00:00+08:00","from":{"id":"wmTomBaker01","name":"Tom Baker"},"to":[{"id":"zhangwei","name":"Zhang Wei"}],"text":"Please confirm the bond trade"}
        {"channel":"sms","conversation":{"id":"sms-tom","kind":"direct"},"id":"s1","sent_at":"2026-03-06T10:00:00Z","from":{"id":"+447700900123","name":"Tom"},"to":[{"id":"+85291230001"}],"text":"Call my colleague on +852 6123 4567 or me on +44 7700 900123"}

        """
    static let subjects = ["+44 7700 900123", "wmTomBaker01"]
    static let today = CalendarDay("2026-11-29")!

    static func setUp() throws -> TestArchive {
        let t = try TestArchive()
        try DirectoryService(archive: t.archive).importFile(try t.write("d.yaml", Fixture.directory), actor: "t")
        try PolicyService(archive: t.archive).apply(try t.write("policy.yaml", policy), actor: "cco")
        try t.importJSONL(Fixture.chat + tom)
        return t
    }

    static func id(_ t: TestArchive, _ channel: Channel, _ account: String, _ native: String) -> RecordID {
        t.archive.recordID(SourceRef(channel: channel, account: account, nativeID: native))
    }

    @Test("erasure: what nothing keeps is crypto-shredded (unrecoverable with the database, the blobs and the master key), the rest is restricted until its retention ends, with a letter; other people's records are intact and verify passes")
    func erasure() throws {
        let t = try Self.setUp()
        let service = PrivacyRequestService(archive: t.archive)
        let request = try service.create(
            kind: .erasure, law: .gdpr, subjects: Self.subjects, received: CalendarDay("2026-11-20")!, actor: "dpo")
        let erasable = ["wa1", "wa2", "wa3"].map { Self.id(t, .whatsapp, "+85291230001", $0) } + [Self.id(t, .sms, "", "s1")]
        let kept = Self.id(t, .wecom, "corp1", "w9")
        let before = try t.archive.store.read { tx in try erasable.compactMap { try tx.record(id: $0) } }
        #expect(before.count == 4)
        let memo = try #require(before.first { !$0.blobRefs.isEmpty })
        let memoToken = t.archive.keys.blindIndex.token(for: "allocation")
        #expect(try t.search("allocation").total == 3)
        #expect(try t.sqlite.indexVocabulary().contains(memoToken))
        // The conversation with Tom holds only erasable messages: its facet goes with them.
        let tomChat = "c" + t.archive.conversationKey(.sms, conversationID: "sms-tom").hexString
        #expect(try t.sqlite.facetVocabulary().contains(tomChat))
        let others = try t.archive.store.read { tx in try tx.records(after: -1, limit: 100).map(\.record) }
            .filter { r in !erasable.contains(r.id) && r.id != kept }

        let result = try service.fulfil(
            request.id, into: t.folder.appendingPathComponent("letter"), language: .en, on: Self.today, actor: "dpo")
        let outcome = try #require(result.erasure)
        #expect(Set(outcome.erased) == Set(erasable.map(\.rawValue)))
        #expect(outcome.kept.map(\.id) == [kept.rawValue] && outcome.files_reclaimed)
        #expect(outcome.kept[0].decision.contains("hk-licensed") && outcome.kept[0].decision.contains("2033-03-06"))
        #expect(outcome.letter.contains("2033-03-06") && outcome.letter.contains("messages: 4") && outcome.letter.contains("attachments: 1"))
        #expect(!outcome.letter.contains("+44") && !outcome.letter.contains("Tom"))
        #expect(FileManager.default.fileExists(atPath: t.folder.appendingPathComponent("letter/decision-letter.en.txt").path))
        #expect(try service.show(request.id).request.status == .fulfilled)

        // Crypto-shredded: with every file of the archive and the master key, nothing is left to open.
        let bytes = try t.allBytes()
        for r in before {
            #expect(bytes.range(of: r.body) == nil)
            #expect(bytes.range(of: try #require(r.recordKey)) == nil)
        }
        #expect(try t.archive.blobs.get(memo.blobRefs[0]) == nil)
        #expect(!(try t.archive.blobs.allRefs()).contains(memo.blobRefs[0]))
        #expect(!(try t.sqlite.indexVocabulary()).contains(memoToken))
        #expect(!(try t.sqlite.facetVocabulary()).contains(tomChat))
        // Nor is it left in an old segment of the facet index, or in a freed page.
        #expect(bytes.range(of: Data(tomChat.suffix(24).utf8)) == nil)
        // Everything still in the archive opens, and none of it is Tom's erased content.
        let remaining = try t.archive.store.read { tx in try tx.records(after: -1, limit: 100).map(\.record) }
        for r in remaining {
            let m = try t.archive.open(r).message
            #expect(!(m.text ?? "").contains("allocation memo") && !(m.text ?? "").contains("colleague"))
        }
        for ref in try t.archive.blobs.allRefs() {
            for r in remaining {
                if let key = try t.archive.recordDataKey(r),
                   let plain = try? key.open(try #require(try t.archive.blobs.get(ref)), context: Archive.blobContext(scope: r.scope)) {
                    #expect(plain != Data("Confidential memo for Tom Baker".utf8))
                }
            }
        }
        #expect(try t.search("allocation").total == 0)

        // Other people's records are untouched; verify accounts for the four erasures.
        let after = try t.archive.store.read { tx in try others.compactMap { try tx.record(id: $0.id) } }
        #expect(after == others)
        for r in others { _ = try t.archive.open(r) }
        let report = try t.verify()
        #expect(report.ok, "\(report.problems)")
        #expect(report.removed == 4)

        let why = try ExplainService(archive: t.archive).explain(kept.rawValue, actor: "dpo", today: Self.today)
        #expect(why.restricted_by == request.id && why.disposition.contains(request.id) && why.retain_until == "2033-03-05")
        // The kept record is restricted: hidden from search and show unless legal asks.
        #expect(try t.search("bond trade").total == 0)
        #expect(try t.search("bond trade") { $0.includeRestricted = true }.total == 1)
        #expect(throws: VellumError.self) { _ = try RecordViewer(archive: t.archive).show(kept.rawValue, actor: "supervisor") }
        #expect(try RecordViewer(archive: t.archive).show(kept.rawValue, actor: "legal", includeRestricted: true).text
            == "Please confirm the bond trade")

        let events = try t.archive.store.read { try $0.ledgerEntries(from: 0, limit: 10_000) }.map { try LedgerEvent.decode($0.payload) }
        #expect(events.filter { $0.type == .erasure }.count == 4)
        #expect(events.filter { $0.type == .erasure }.allSatisfy { $0.kind == request.id })
        #expect(events.first { $0.type == .restriction }?.records == [kept.rawValue])

        // Importing the same messages again does not bring them back.
        #expect(try t.importJSONL(Fixture.chat + Self.tom, name: "again.jsonl").imported == 0)

        // Once retention ends, the next retention run erases the restricted record too.
        let run = try RetentionService(archive: t.archive).run(on: CalendarDay("2033-03-06")!, dryRun: false, actor: "cco")
        #expect(run.erased == 1 && run.records.first { $0.reason == "erasure" }?.id == kept.rawValue)
        #expect(run.records.first { $0.reason == "erasure" }?.basis == request.id)
        #expect(try t.archive.store.read { try $0.restrictions() }.isEmpty)
        #expect(try t.verify().ok)
    }

    @Test("a hold keeps the subject's records restricted whatever the retention says; released, they are erased")
    func holdBeatsErasure() throws {
        let t = try Self.setUp()
        let hold = try HoldService(archive: t.archive).create(
            matter: "Baker dispute", reason: "threatened claim", scope: HoldScope(externalParties: ["+44 7700 900123"]),
            actor: "legal", on: Self.today)
        let service = PrivacyRequestService(archive: t.archive)
        let request = try service.create(kind: .erasure, law: .ccpa, subjects: ["+447700900123"], received: Self.today, actor: "dpo")
        let outcome = try #require(try service.fulfil(request.id, into: nil, language: .zh, on: Self.today, actor: "dpo").erasure)
        #expect(outcome.erased.isEmpty && outcome.kept.count == 4)
        #expect(outcome.kept.allSatisfy { $0.decision.contains("legal hold") })
        #expect(outcome.letter.contains("删除") && !outcome.letter.contains("Baker dispute"))
        _ = try HoldService(archive: t.archive).release(hold.id, reason: "settled", actor: "legal", on: CalendarDay("2026-12-01")!)
        let run = try RetentionService(archive: t.archive).run(on: CalendarDay("2026-12-02")!, dryRun: false, actor: "cco")
        #expect(run.erased == 4)
        #expect(try t.verify().ok)
    }

    @Test("a legal claim keeps what would be erased, restricted, until it is closed; the letter never names the claim")
    func legalClaim() throws {
        let t = try Self.setUp()
        let service = PrivacyRequestService(archive: t.archive)
        let request = try service.create(kind: .erasure, law: .gdpr, subjects: Self.subjects, received: Self.today, actor: "dpo")
        try service.setLegalClaim(request.id, reference: "HCA 1234/2026", reviewBy: CalendarDay("2027-06-30")!, actor: "legal")
        let outcome = try #require(try service.fulfil(request.id, into: nil, language: .en, on: Self.today, actor: "dpo").erasure)
        #expect(outcome.erased.isEmpty && outcome.kept.count == 5)
        #expect(outcome.kept.filter { $0.decision.contains("legal claim") }.count == 5)
        #expect(!outcome.letter.contains("HCA 1234"))
        #expect(try RetentionService(archive: t.archive).run(on: CalendarDay("2027-07-01")!, dryRun: true, actor: "cco").erased == 0)
        try service.closeLegalClaim(request.id, on: CalendarDay("2027-07-01")!, actor: "legal")
        #expect(throws: VellumError.self) { try service.closeLegalClaim(request.id, on: CalendarDay("2027-07-02")!, actor: "legal") }
        // The four records nothing else keeps go; the WeCom one waits for its retention to end.
        let run = try RetentionService(archive: t.archive).run(on: CalendarDay("2027-07-02")!, dryRun: false, actor: "cco")
        #expect(run.erased == 4 && run.kept.restricted == 1)
        #expect(try t.verify().ok)
        let access = try service.create(kind: .access, law: .gdpr, subjects: ["x@example.com"], received: Self.today, actor: "dpo")
        #expect(throws: VellumError.self) { try service.setLegalClaim(access.id, reference: "R", reviewBy: nil, actor: "legal") }
    }

    @Test("restriction requests restrict without erasing; retention later disposes as usual")
    func restriction() throws {
        let t = try Self.setUp()
        let service = PrivacyRequestService(archive: t.archive)
        let request = try service.create(kind: .restriction, law: .pipl, subjects: ["wmTomBaker01"], received: Self.today, actor: "dpo")
        let result = try service.fulfil(request.id, into: nil, language: .en, on: Self.today, actor: "dpo")
        #expect(result.restricted == 1 && result.erasure == nil)
        #expect(try t.search("bond trade").total == 0)
        // Not an erasure: a retention run before the end of retention leaves it alone.
        let run = try RetentionService(archive: t.archive).run(on: CalendarDay("2030-01-01")!, dryRun: true, actor: "cco")
        #expect(run.erased == 0)
        #expect(throws: VellumError.self) { _ = try service.fulfil(request.id, into: nil, language: .en, on: Self.today, actor: "dpo") }
        let correction = try service.create(kind: .correction, law: .gdpr, subjects: ["wmTomBaker01"], received: Self.today, actor: "dpo")
        do {
            _ = try service.fulfil(correction.id, into: nil, language: .en, on: Self.today, actor: "dpo")
            Issue.record("a correction cannot alter archived records")
        } catch let e as VellumError {
            #expect(e.code == .refused && e.reason.contains("unaltered"))
        }
        #expect(try service.show(correction.id).request.status == .received)
    }

    @Test("access: a JSON and an HTML of everything held about the subject, files included, other people redacted")
    func access() throws {
        let t = try Self.setUp()
        let service = PrivacyRequestService(archive: t.archive)
        let request = try service.create(kind: .access, law: .gdpr, subjects: Self.subjects, received: Self.today, actor: "dpo")
        #expect(throws: VellumError.self) { _ = try service.fulfil(request.id, into: nil, language: .en, on: Self.today, actor: "dpo") }
        let folder = t.folder.appendingPathComponent("access-\(request.id)")
        let result = try service.fulfil(request.id, into: folder, language: .en, on: Self.today, actor: "dpo")
        #expect(result.access_items == 5 && result.access_files == 1)
        let package = try JSONDecoder().decode(AccessPackage.self, from: Data(contentsOf: folder.appendingPathComponent("access.json")))
        #expect(package.items.count == 5 && package.purposes.map(\.lawful_basis) == ["legal_obligation"])
        let sms = try #require(package.items.first { $0.channel == "sms" })
        #expect(sms.text == "Call my colleague on [redacted] or me on +44 7700 900123")
        #expect(sms.from.role == "you" && sms.to.map(\.role) == ["employee"] && sms.to[0].name == "Zhang Wei")
        let file = try #require(package.items.flatMap(\.files).first)
        let content = try Data(contentsOf: folder.appendingPathComponent(file.path))
        #expect(content == Data("Confidential memo for Tom Baker".utf8) && Digest.sha256(content).hexString == file.sha256)
        #expect(package.items.allSatisfy { $0.retained_until == nil || $0.channel == "wecom" })
        let html = try String(contentsOf: folder.appendingPathComponent("access.html"), encoding: .utf8)
        #expect(html.contains("Please confirm the bond trade") && !html.contains("<script") && html.contains("Content-Security-Policy"))
        #expect(!html.contains("6123 4567") && !html.contains("李娜"))
        #expect(try service.show(request.id).request.status == .fulfilled)
        // The package was a read of the subject's records: the access log has it.
        let reads = try t.archive.store.read { try $0.ledgerEntries(from: 0, limit: 10_000) }.map { try LedgerEvent.decode($0.payload) }
            .filter { $0.type == .access && $0.action == "privacy.lookup" }
        #expect(reads.count == 1 && reads[0].count == 5)
    }
}

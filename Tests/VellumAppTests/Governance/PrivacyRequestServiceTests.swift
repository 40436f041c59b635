import Foundation
import Testing
@testable import VellumApp
import VellumCore
import VellumCrypto
import VellumPolicy
import VellumStore

@Suite("The privacy-request register and the subject look-up")
struct PrivacyRequestServiceTests {
    /// An in-memory archive whose clock reads noon UTC of `today`.
    static func archive(today: String) throws -> Archive {
        let day = CalendarDay(today)!
        let date = Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + 43_200)
        let a = Archive(store: InMemoryArchiveStore(), blobs: InMemoryBlobStore(), master: .generate(), now: { date })
        try a.initialize()
        return a
    }

    static func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

    static func events(_ archive: Archive) throws -> [LedgerEvent] {
        try archive.store.read { try $0.ledgerEntries(from: 0, limit: 10_000) }.map { try LedgerEvent.decode($0.payload) }
    }

    @Test("GDPR: one month from receipt, Jan 31 → Feb 28, and Feb 29 in a leap year; ids count per year of receipt")
    func gdprMonths() throws {
        let service = PrivacyRequestService(archive: try Self.archive(today: "2028-03-01"))
        let a = try service.create(kind: .access, law: .gdpr, subjects: ["a@example.com"], received: Self.day("2026-01-31"), actor: "dpo")
        #expect(a.id == "PR-2026-0001")
        #expect(a.deadline.due == Self.day("2026-02-28") && a.deadline.acknowledgeBy == nil && !a.deadline.extended)
        let b = try service.create(kind: .erasure, law: .gdpr, subjects: ["b@example.com"], received: Self.day("2028-01-31"), actor: "dpo")
        #expect(b.id == "PR-2028-0001" && b.deadline.due == Self.day("2028-02-29"))
        let c = try service.create(kind: .restriction, law: .pipl, subjects: ["c"], received: Self.day("2026-05-01"), actor: "dpo")
        #expect(c.id == "PR-2026-0002")
        #expect(try service.list().map(\.id) == ["PR-2026-0001", "PR-2028-0001", "PR-2026-0002"])
        #expect(try service.show("PR-2028-0001").request.kind == .erasure)
        #expect(throws: VellumError.self) { try service.show("PR-2026-0009") }
        #expect(throws: VellumError.self) {
            try service.create(kind: .access, law: .gdpr, subjects: [" "], received: Self.day("2026-01-31"), actor: "dpo")
        }
        #expect(throws: VellumError.self) {
            try service.create(kind: .access, law: .gdpr, subjects: ["x"], received: Self.day("2028-03-05"), actor: "dpo")
        }
    }

    @Test("CCPA received on a Friday: acknowledge within 10 business days, answer within 45 calendar days, extend by 45")
    func ccpaClock() throws {
        let service = PrivacyRequestService(archive: try Self.archive(today: "2026-11-29"))
        #expect(Self.day("2026-01-30").weekday == 5)
        let r = try service.create(kind: .access, law: .ccpa, subjects: ["+1 415 555 0100"], received: Self.day("2026-01-30"), actor: "dpo")
        #expect(r.deadline.acknowledgeBy == Self.day("2026-02-13"))
        #expect(r.deadline.due == Self.day("2026-03-16") && r.deadline.originalDue == Self.day("2026-03-16"))
        let json = PrivacyRequestJSON(r)
        #expect(json.acknowledge_by == "2026-02-13" && json.due == "2026-03-16" && json.law == "ccpa" && json.type == "access")
        try service.acknowledge(r.id, on: Self.day("2026-02-10"), actor: "dpo")
        let extended = try service.extend(r.id, reason: "volume of records", on: Self.day("2026-03-10"), actor: "dpo")
        #expect(extended.deadline.due == Self.day("2026-04-30") && extended.deadline.extended)
        #expect(extended.deadline.originalDue == Self.day("2026-03-16"))
        #expect(extended.request.status == .extended && extended.movedBy == ["dpo", "dpo"])
    }

    @Test("an extension moves the due date once and only before the original due date; refusals need a reason; final is final")
    func extensionsAndRefusals() throws {
        let archive = try Self.archive(today: "2026-11-29")
        let service = PrivacyRequestService(archive: archive)
        let received = Self.day("2026-01-31")
        let a = try service.create(kind: .access, law: .gdpr, subjects: ["a@example.com"], received: received, actor: "dpo")
        let b = try service.create(kind: .erasure, law: .gdpr, subjects: ["b@example.com"], received: received, actor: "dpo")
        try service.acknowledge(a.id, on: Self.day("2026-02-02"), actor: "dpo")
        try service.acknowledge(b.id, on: Self.day("2026-02-02"), actor: "dpo")
        let extended = try service.extend(a.id, reason: "complex request", on: Self.day("2026-02-20"), actor: "dpo")
        #expect(extended.deadline.due == Self.day("2026-04-28") && extended.deadline.originalDue == Self.day("2026-02-28"))
        #expect(PrivacyRequestJSON(extended).extended)
        #expect(throws: VellumError.self) { try service.extend(a.id, reason: "again", on: Self.day("2026-02-21"), actor: "dpo") }
        #expect(throws: VellumError.self) { try service.extend(b.id, reason: "late", on: Self.day("2026-03-01"), actor: "dpo") }
        #expect(throws: VellumError.self) { try service.extend(b.id, reason: " ", on: Self.day("2026-02-10"), actor: "dpo") }
        #expect(throws: VellumError.self) { try service.refuse(b.id, reason: "  ", on: Self.day("2026-02-10"), actor: "dpo") }
        #expect(try service.show(b.id).request.status == .acknowledged)
        let refused = try service.refuse(b.id, reason: "manifestly unfounded", on: Self.day("2026-02-10"), actor: "legal")
        #expect(refused.request.status == .refused && refused.request.history.last?.note == "manifestly unfounded")
        #expect(throws: VellumError.self) { try service.move(b.id, to: .inProgress, note: nil, on: Self.day("2026-02-11"), actor: "dpo") }
        #expect(throws: VellumError.self) { try service.acknowledge(a.id, on: Self.day("2026-01-01"), actor: "dpo") }
        let done = try service.move(a.id, to: .fulfilled, note: nil, on: Self.day("2026-03-01"), actor: "dpo")
        #expect(done.request.status == .fulfilled && done.request.wasExtended)
        let actions = try Self.events(archive).filter { $0.type == .privacyRequest }
        #expect(actions.map(\.action) == ["created", "created", "acknowledged", "acknowledged", "extended", "refused", "fulfilled"])
        #expect(actions.map { $0.records ?? [] } == [[a.id], [b.id], [a.id], [b.id], [a.id], [b.id], [a.id]])
    }

    @Test("subjects and reasons stay in the sealed register: never in the ledger, never in the clear on disk")
    func subjectsStaySealed() throws {
        let t = try TestArchive()
        let service = PrivacyRequestService(archive: t.archive)
        let subjects = ["Chan.TaiMan@Example.com", "+852 9123 4567", "wmChanTM01"]
        let r = try service.create(kind: .erasure, law: .gdpr, subjects: subjects, received: Self.day("2026-11-20"), actor: "dpo")
        try service.refuse(r.id, reason: "Chan Tai Man is under investigation", on: Self.day("2026-11-21"), actor: "dpo")
        _ = try service.lookup(r.id, actor: "dpo")
        let needles = subjects + ["chan.taiman@example.com", "+85291234567", "91234567", "Chan Tai Man", "investigation"]
        let entries = try t.archive.store.read { try $0.ledgerEntries(from: 0, limit: 10_000) }
        for entry in entries {
            for needle in needles { #expect(entry.payload.range(of: Data(needle.utf8)) == nil, "ledger leaf \(entry.index) holds \(needle)") }
        }
        let sealed = try #require(try t.archive.store.read { try $0.meta(PrivacyRequestService.metaKey) })
        for needle in needles { #expect(sealed.range(of: Data(needle.utf8)) == nil) }
        let disk = try t.allBytes()
        for needle in needles { #expect(disk.range(of: Data(needle.utf8)) == nil, "\(needle) on disk") }
        let last = try #require(try Self.events(t.archive).last { $0.type == .privacyRequest })
        #expect(last.commitment == Digest.sha256(sealed).hexString && last.action == "refused")
        #expect(try t.verify().ok)
    }

    static let people = """
        {"channel":"whatsapp","account":"+85291230001","conversation":{"id":"wa-chan","kind":"direct"},"id":"p1","sent_at":"2026-03-05T10:00:00Z","from":{"id":"+852 9123 4567","name":"Chan Tai Man"},"to":[{"id":"+85291230001"}],"text":"Please call me"}
        {"channel":"whatsapp","account":"+85291230001","conversation":{"id":"wa-chan","kind":"direct"},"id":"p2","sent_at":"2026-03-05T10:01:00Z","from":{"id":"+85291230001","name":"Zhang Wei"},"to":[{"id":"+852 9123 4567"}],"text":"Calling now"}
        {"channel":"sms","account":"+85291230001","conversation":{"id":"sms-chan","kind":"direct"},"id":"p3","sent_at":"2026-03-06T10:00:00Z","from":{"id":"0085291234567"},"to":[{"id":"+85291230001"}],"text":"Running late"}
        {"channel":"email","account":"zhang.wei@harbourbridge.example","conversation":{"id":"mail-1","kind":"direct"},"id":"p4","sent_at":"2026-03-07T10:00:00Z","from":{"id":"Chan.TaiMan@Example.COM"},"to":[{"id":"zhang.wei@harbourbridge.example"}],"text":"Statement query"}
        {"channel":"wecom","account":"corp1","conversation":{"id":"c-chan","kind":"direct"},"id":"p5","sent_at":"2026-03-08T10:00:00Z","from":{"id":"wmChanTM01","name":"陈大文"},"to":[{"id":"zhangwei"}],"text":"你好"}
        {"channel":"telegram","account":"bot","conversation":{"id":"tg-chan","kind":"direct"},"id":"p6","sent_at":"2026-03-09T10:00:00Z","from":{"id":"777123456"},"to":[{"id":"100200999"}],"text":"hello"}
        {"channel":"whatsapp","account":"+85291230001","conversation":{"id":"wa-other","kind":"direct"},"id":"o1","sent_at":"2026-03-05T11:00:00Z","from":{"id":"+852 9876 5432"},"to":[{"id":"+85291230001"}],"text":"Other person"}
        {"channel":"email","account":"zhang.wei@harbourbridge.example","conversation":{"id":"mail-2","kind":"direct"},"id":"o2","sent_at":"2026-03-07T11:00:00Z","from":{"id":"someone.else@example.com"},"to":[{"id":"zhang.wei@harbourbridge.example"}],"text":"Other person"}
        {"channel":"wecom","account":"corp1","conversation":{"id":"c-other","kind":"direct"},"id":"o3","sent_at":"2026-03-08T11:00:00Z","from":{"id":"wmOther02"},"to":[{"id":"zhangwei"}],"text":"Other person"}

        """

    @Test("the subject look-up finds one person across WhatsApp, SMS, email, WeCom and Telegram, by keys only, and no one else")
    func subjectFinder() throws {
        let t = try TestArchive()
        try DirectoryService(archive: t.archive).importFile(try t.write("d.yaml", Fixture.directory), actor: "t")
        try t.importJSONL(Fixture.chat + Self.people)
        func id(_ c: Channel, _ account: String, _ native: String) -> RecordID {
            t.archive.recordID(SourceRef(channel: c, account: account, nativeID: native))
        }
        let chan: Set<RecordID> = [
            id(.whatsapp, "+85291230001", "p1"), id(.whatsapp, "+85291230001", "p2"), id(.sms, "+85291230001", "p3"),
            id(.email, "zhang.wei@harbourbridge.example", "p4"), id(.wecom, "corp1", "p5"), id(.telegram, "bot", "p6"),
        ]
        let finder = SubjectFinder(archive: t.archive)
        let found = try finder.find(["0085291234567", "chan.taiman@example.com", "wmChanTM01", "777123456"])
        #expect(Set(found.ids) == chan && found.ids.count == chan.count)
        let byPhone: Set<RecordID> = [
            id(.whatsapp, "+85291230001", "p1"), id(.whatsapp, "+85291230001", "p2"), id(.sms, "+85291230001", "p3"),
        ]
        #expect(Set(try finder.find(["+852 9123 4567"]).ids) == byPhone)
        #expect(try finder.find(["nobody@example.com"]).records.isEmpty)
        let keys = Set(try finder.identifierKeys(for: ["+852 9123 4567", "CHAN.TAIMAN@example.com", "wmChanTM01", "777123456"]))
        for record in found.records {
            #expect(finder.matches(try t.archive.open(record).message, keys: keys))
        }
        let everyone = try t.archive.store.read { try $0.search(IndexQuery(limit: 1000)) }.hits
        #expect(everyone.count > found.records.count)
        for record in everyone where !chan.contains(record.id) {
            #expect(!finder.matches(try t.archive.open(record).message, keys: keys))
        }

        let service = PrivacyRequestService(archive: t.archive)
        let r = try service.create(
            kind: .access, law: .gdpr, subjects: ["+852 9123 4567", "Chan.TaiMan@example.com", "wmChanTM01"],
            received: Self.day("2026-11-20"), actor: "dpo")
        #expect(try service.lookup(r.id, actor: "dpo").records.count == 5)
        let logged = try #require(try Self.events(t.archive).last)
        #expect(logged.type == .access && logged.action == "privacy.lookup" && logged.count == 5)
    }

    @Test("the finder pages through every match, past one index page")
    func finderPages() throws {
        let t = try TestArchive()
        let lines = (0 ..< SubjectFinder.pageSize + 7).map { i in
            #"{"channel":"whatsapp","account":"+85291230001","conversation":{"id":"wa-many","kind":"direct"},"id":"m\#(i)","sent_at":"2026-03-05T10:00:00Z","from":{"id":"+852 9123 4567"},"to":[{"id":"+85291230001"}],"text":"n \#(i)"}"#
        }
        try t.importJSONL(lines.joined(separator: "\n") + "\n")
        let found = try SubjectFinder(archive: t.archive).find(["+85291234567"])
        #expect(found.records.count == SubjectFinder.pageSize + 7 && Set(found.ids).count == found.records.count)
    }
}

@Suite("vellum privacy", .serialized)
struct PrivacyCommandTests {
    @Test("create and show --json: the keys, YYYY-MM-DD dates, null acknowledge_by under GDPR, the look-up count")
    func createAndShow() throws {
        let scratch = try ScratchFolder("vellum-privacy-cli")
        let data = scratch.path("data").path
        let env = ["VELLUM_DATA": data]
        #expect(try CLI.run(["init", "--data", data]).status == 0)
        let chat = scratch.path("chat.jsonl")
        try Data(PrivacyRequestServiceTests.people.utf8).write(to: chat)
        #expect(try CLI.run(["import", "--format", "jsonl", chat.path], env: env).status == 0)

        let created = try CLI.run(
            ["privacy", "create", "--type", "erasure", "--law", "gdpr", "--subject", "+852 9123 4567",
             "--subject", "wmChanTM01", "--received", "2026-01-31", "--actor", "dpo", "--json"], env: env)
        #expect(created.status == 0, "\(created.err)")
        #expect(try CLI.json(created.out)["id"] as? String == "PR-2026-0001")

        let shown = try CLI.run(["privacy", "show", "PR-2026-0001", "--json"], env: env)
        let json = try CLI.json(shown.out)
        #expect(Set(json.keys) == [
            "id", "type", "law", "status", "received", "acknowledge_by", "due", "original_due", "extended", "subjects",
            "history", "citation", "records",
        ])
        #expect(json["type"] as? String == "erasure" && json["law"] as? String == "gdpr" && json["status"] as? String == "received")
        #expect(json["acknowledge_by"] is NSNull)
        #expect(json["received"] as? String == "2026-01-31" && json["due"] as? String == "2026-02-28")
        for key in ["received", "due", "original_due"] {
            #expect((json[key] as? String)?.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil, "\(key) is a day")
        }
        #expect(json["subjects"] as? [String] == ["+852 9123 4567", "wmChanTM01"] && json["records"] as? Int == 4)

        let ccpa = try CLI.json(try CLI.run(
            ["privacy", "create", "--type", "access", "--law", "ccpa", "--subject", "a@example.com", "--received", "2026-01-30", "--json"],
            env: env).out)
        #expect(ccpa["acknowledge_by"] as? String == "2026-02-13" && ccpa["id"] as? String == "PR-2026-0002")

        #expect(try CLI.run(["privacy", "acknowledge", "PR-2026-0001", "--on", "2026-02-01"], env: env).status == 0)
        let noReason = try CLI.run(["privacy", "refuse", "PR-2026-0001", "--reason", " "], env: env)
        #expect(noReason.status != 0 && noReason.err.contains("reason"))
        #expect(try CLI.run(["privacy", "extend", "PR-2026-0001", "--reason", "complex", "--on", "2026-02-20"], env: env).status == 0)
        let list = try CLI.run(["privacy", "list"], env: env)
        #expect(list.out.contains("PR-2026-0001  erasure  gdpr  extended") && list.out.contains("due 2026-04-28 (extended)"))
        let listed = try JSONSerialization.jsonObject(with: Data(try CLI.run(["privacy", "list", "--json"], env: env).out.utf8))
        #expect((listed as? [[String: Any]])?.count == 2)
        #expect(try CLI.run(["verify"], env: env).status == 0)
    }
}

import Foundation
import Testing
@testable import VellumApp
import VellumCore
import VellumPolicy
import VellumStore

@Suite("Legal holds and why a record is kept")
struct HoldExplainTests {
    static let policy = """
        organisation:
          name: Harbour Bridge Ltd
          country: HK
        retention:
          rules:
            - id: hk-licensed
              preset: sfc
              jurisdictions: [HK]
            - id: all-comms
              period: 3y
              basis: Firm minimum for business chat
        """

    static func setUp() throws -> TestArchive {
        let t = try TestArchive()
        try DirectoryService(archive: t.archive).importFile(try t.write("d.yaml", Fixture.directory), actor: "t")
        try PolicyService(archive: t.archive).apply(try t.write("policy.yaml", policy), actor: "cco")
        try t.importJSONL(Fixture.chat)
        return t
    }

    static func id(_ t: TestArchive, _ channel: Channel, _ account: String, _ native: String) -> String {
        t.archive.recordID(SourceRef(channel: channel, account: account, nativeID: native)).rawValue
    }

    @Test("the longest matching rule wins and is named; a message with no employee in a HK role falls to the firm minimum")
    func retention() throws {
        let t = try Self.setUp()
        let today = CalendarDay("2026-11-29")!
        let zhang = try ExplainService(archive: t.archive).explain(Self.id(t, .wecom, "corp1", "w2"), actor: "legal", today: today)
        #expect(zhang.winning_rule == "hk-licensed" && zhang.retain_until == "2033-03-02")
        #expect(Set(zhang.matching_rules.map(\.rule)) == ["hk-licensed", "all-comms"])
        let telegram = try ExplainService(archive: t.archive).explain(Self.id(t, .telegram, "", "t1"), actor: "legal", today: today)
        #expect(telegram.winning_rule == "all-comms" && telegram.retain_until == "2029-03-04")
        #expect(telegram.disposition.lowercased().contains("2029-03-04") || telegram.disposition.lowercased().contains("retain"))
    }

    @Test("a hold by custodian, by external party and by query covers the right records; released, it no longer binds; all ledgered")
    func holds() throws {
        let t = try Self.setUp()
        let holds = HoldService(archive: t.archive)
        let day = CalendarDay("2026-11-29")!
        let h1 = try holds.create(
            matter: "SEC inquiry HO-1", reason: "document request", kind: .regulatoryInquiry,
            scope: HoldScope(custodians: ["E1001"], channels: [.wecom]), actor: "legal", on: day)
        let h2 = try holds.create(
            matter: "Baker dispute", reason: "threatened claim",
            scope: HoldScope(externalParties: ["+44 7700 900123"]), actor: "legal", on: day)
        let h3 = try holds.create(
            matter: "Portfolio review", reason: "internal", scope: HoldScope(query: "\"portfolio review\""), actor: "legal", on: day)
        let explain = ExplainService(archive: t.archive)
        #expect(try explain.explain(Self.id(t, .wecom, "corp1", "w1"), actor: "l", today: day).holds.map(\.id) == [h1.id])
        #expect(try explain.explain(Self.id(t, .whatsapp, "+85291230001", "wa1"), actor: "l", today: day).holds.map(\.id) == [h2.id])
        let t1 = try explain.explain(Self.id(t, .telegram, "", "t1"), actor: "l", today: day)
        #expect(t1.holds.map(\.id) == [h3.id])
        #expect(t1.disposition.contains(h3.id) || t1.disposition.lowercased().contains("hold"))
        _ = try holds.release(h3.id, reason: "review closed", actor: "legal", on: CalendarDay("2026-11-30")!)
        let later = try explain.explain(Self.id(t, .telegram, "", "t1"), actor: "l", today: CalendarDay("2026-12-01")!)
        #expect(later.holds.first?.active == false && !later.disposition.lowercased().contains("hold"))
        #expect(throws: VellumError.self) { _ = try holds.release(h3.id, reason: "again", actor: "legal", on: day) }
        let events = try t.archive.store.read { try $0.ledgerEntries(from: 0, limit: 1000) }
            .map { try LedgerEvent.decode($0.payload) }.filter { $0.type == .legalHold }
        #expect(events.map(\.action) == ["create", "create", "create", "release"])
        #expect(try t.allBytes().range(of: Data("SEC inquiry".utf8)) == nil)
        #expect(try t.verify().ok)
    }
}

import Testing
import VellumCore
import VellumPolicy

func hold(
    _ id: String, created: String = "2025-01-01", scope: HoldScope, kind: HoldKind = .litigation
) -> LegalHold {
    LegalHold(id: id, matter: "Matter \(id)", reason: "anticipated litigation", kind: kind, created: day(created), scope: scope)
}

let item = HoldSubject(
    custodians: ["e-1", "e-2"], externalParties: ["tel:+85255550100"], conversation: "c-9", channel: .whatsapp,
    sent: day("2025-06-15"), matchedQueryHolds: ["h-query"])

struct HoldCase: Sendable, CustomTestStringConvertible {
    var name: String
    var scope: HoldScope
    var holdID: String = "h"
    var covers: Bool
    var testDescription: String { name }
}

let holdCases: [HoldCase] = [
    HoldCase(name: "empty scope covers everything", scope: HoldScope(), covers: true),
    HoldCase(name: "custodian in the item", scope: HoldScope(custodians: ["e-2"]), covers: true),
    HoldCase(name: "custodian not in the item", scope: HoldScope(custodians: ["e-3"]), covers: false),
    HoldCase(name: "external party in the item", scope: HoldScope(externalParties: ["tel:+85255550100"]), covers: true),
    HoldCase(name: "conversation", scope: HoldScope(conversations: ["c-9"]), covers: true),
    HoldCase(name: "other conversation", scope: HoldScope(conversations: ["c-1"]), covers: false),
    HoldCase(name: "selectors are alternatives: custodian misses, conversation hits",
             scope: HoldScope(custodians: ["e-3"], conversations: ["c-9"]), covers: true),
    HoldCase(name: "channel filter hits", scope: HoldScope(custodians: ["e-1"], channels: [.whatsapp, .signal]), covers: true),
    HoldCase(name: "channel filter misses", scope: HoldScope(custodians: ["e-1"], channels: [.wecom]), covers: false),
    HoldCase(name: "date range includes the sent day", scope: HoldScope(dates: DateRange(from: day("2025-06-15"), through: day("2025-06-15"))), covers: true),
    HoldCase(name: "date range ends the day before", scope: HoldScope(dates: DateRange(through: day("2025-06-14"))), covers: false),
    HoldCase(name: "date range starts the day after", scope: HoldScope(dates: DateRange(from: day("2025-06-16"))), covers: false),
    HoldCase(name: "query the item matched", scope: HoldScope(query: "project falcon"), holdID: "h-query", covers: true),
    HoldCase(name: "query the item did not match", scope: HoldScope(query: "project falcon"), holdID: "h-other", covers: false),
    HoldCase(name: "every filter must hold", scope: HoldScope(custodians: ["e-1"], channels: [.whatsapp], dates: DateRange(from: day("2026-01-01"))), covers: false),
]

@Suite("Legal holds")
struct LegalHoldTests {
    @Test("scope matching", arguments: holdCases)
    func scope(_ c: HoldCase) {
        #expect(hold(c.holdID, scope: c.scope).covers(item) == c.covers)
    }

    @Test("only active holds are returned: released and lapsed ones are not")
    func activeOnly() throws {
        let open = hold("open", scope: HoldScope(custodians: ["e-1"]))
        let released = try hold("released", scope: HoldScope(custodians: ["e-1"]))
            .released(on: day("2025-09-01"), by: "legal@example", reason: "case settled")
        let future = hold("future", created: "2026-01-01", scope: HoldScope(custodians: ["e-1"]))
        let other = hold("other", scope: HoldScope(custodians: ["e-9"]))
        let holds = LegalHolds([open, released, future, other])
        #expect(holds.holds(covering: item, on: day("2025-08-31")).map(\.id) == ["open", "released"])
        #expect(holds.holds(covering: item, on: day("2025-09-01")).map(\.id) == ["open"])
        #expect(holds.holds(covering: item, on: day("2026-01-01")).map(\.id) == ["open", "future"])
        #expect(holds.allHolds(covering: item).map(\.id) == ["open", "released", "future"])
    }

    @Test("a law-enforcement direction lapses after 90 days unless renewed")
    func lawEnforcement() {
        let h = LegalHold.lawEnforcementPreservation(
            id: "le", matter: "LE request 7", reason: "CCPA 1798.145(a)(1)", created: day("2026-01-01"), scope: HoldScope())
        #expect(h.kind == .lawEnforcementPreservation)
        #expect(h.expires == day("2026-04-01"))
        #expect(h.isActive(on: day("2026-04-01")))
        #expect(!h.isActive(on: day("2026-04-02")))
        #expect(h.renewed(through: day("2026-06-30")).isActive(on: day("2026-06-30")))
    }

    @Test("a hold is released once, not before it was created")
    func release() throws {
        let h = hold("h", created: "2025-05-01", scope: HoldScope())
        let r = try h.released(on: day("2025-06-01"), by: "legal", reason: "done")
        #expect(r.isReleased && !h.isReleased)
        #expect(r.release == HoldRelease(day: day("2025-06-01"), by: "legal", reason: "done"))
        #expect(throws: PolicyError.self) { try r.released(on: day("2025-07-01"), by: "legal", reason: "again") }
        #expect(throws: PolicyError.self) { try h.released(on: day("2025-04-30"), by: "legal", reason: "early") }
        do { _ = try r.released(on: day("2025-07-01"), by: "legal", reason: "again") } catch { #expect(error.code == .invalidRelease) }
    }
}

@Suite("Disposition decisions")
struct DispositionTests {
    let rule = RetentionRule(id: "bd", period: .years(3), basis: "SEC 17a-4")

    func retained(_ sent: String) -> RetentionDecision {
        let p = Policy(organisation: Organisation(name: "A", country: "US"), retentionRules: [rule])
        return p.retention(for: RetentionSubject(channel: .email, sent: day(sent)))
    }

    @Test("retention running: keep until its last day")
    func running() {
        let d = dispositionDecision(retention: retained("2024-02-29"), holds: [], now: day("2027-02-28"))
        guard case .keep(.retention(let until, let m)) = d else { Issue.record("\(d)"); return }
        #expect(until == day("2027-02-28") && m.rule.id == "bd")
        #expect(d.explanation == "Keep: retention under rule `bd` runs until 2027-02-28.")
    }

    @Test("retention over and no hold: dispose, saying which rule ended when")
    func dispose() {
        let d = dispositionDecision(retention: retained("2024-02-29"), holds: [], now: day("2027-03-01"))
        #expect(d.isDispose)
        #expect(d.explanation.contains("rule `bd` ended on 2027-02-28"))
    }

    @Test("an active hold beats expired retention")
    func holdBeatsExpiry() {
        let h = hold("h1", scope: HoldScope())
        let d = dispositionDecision(retention: retained("2020-01-01"), holds: [h], now: day("2026-01-01"))
        #expect(d == .keep(.hold([h], retainedUntil: nil)))
        #expect(d.explanation.contains("legal hold `h1` (Matter h1) until released"))
    }

    @Test("a hold over running retention also says when retention ends")
    func holdAndRetention() {
        let h = hold("h1", scope: HoldScope())
        let d = dispositionDecision(retention: retained("2025-01-01"), holds: [h], now: day("2026-01-01"))
        #expect(d == .keep(.hold([h], retainedUntil: day("2028-01-01"))))
    }

    @Test("a released hold no longer keeps the item")
    func releasedHold() throws {
        let h = try hold("h1", scope: HoldScope()).released(on: day("2025-12-01"), by: "legal", reason: "settled")
        #expect(dispositionDecision(retention: retained("2020-01-01"), holds: [h], now: day("2026-01-01")).isDispose)
        #expect(!dispositionDecision(retention: retained("2020-01-01"), holds: [h], now: day("2025-11-30")).isDispose)
    }

    @Test("undecided items are kept until someone decides, and a hold still wins")
    func undecided() {
        #expect(dispositionDecision(retention: .undecided, holds: [], now: day("2030-01-01")) == .keep(.undecided))
        let h = hold("h1", scope: HoldScope())
        #expect(dispositionDecision(retention: .undecided, holds: [h], now: day("2030-01-01")) == .keep(.hold([h], retainedUntil: nil)))
    }
}

import Testing
import VellumCore
import VellumPolicy

let mifidRule = RetentionRule(
    id: "eu-orders", period: .years(5), basis: RetentionPreset.builtIn["mifid-ii"]!.basis, preset: "mifid-ii")

func retention(sent: String, rule: RetentionRule = mifidRule) -> RetentionDecision {
    Policy(organisation: Organisation(name: "A", country: "DE"), retentionRules: [rule])
        .retention(for: RetentionSubject(channel: .whatsapp, sent: day(sent)))
}

struct ErasureCase: Sendable, CustomTestStringConvertible {
    var name: String
    var retention: RetentionDecision
    var holds: [LegalHold] = []
    var claim: LegalClaim? = nil
    var outcome: ErasureDecision.Outcome
    var timing: ErasureDecision.Timing
    var reason: String
    var testDescription: String { name }
}

let today = day("2026-03-01")
let activeHold = hold("h1", scope: HoldScope())
let releasedHold = try! hold("h0", scope: HoldScope()).released(on: day("2026-02-01"), by: "legal", reason: "settled")
let claim = LegalClaim(reference: "claim-42", reviewBy: day("2026-09-01"))

let erasureCases: [ErasureCase] = [
    ErasureCase(name: "nothing keeps it: erase now", retention: .undecided, outcome: .erase, timing: .now, reason: "none"),
    ErasureCase(name: "retention over: erase now", retention: retention(sent: "2020-01-15"), outcome: .erase, timing: .now, reason: "none"),
    ErasureCase(name: "retention running: keep restricted, erase the day after it ends",
                retention: retention(sent: "2025-03-01"), outcome: .keepRestricted, timing: .on(day("2030-03-02")), reason: "retention"),
    ErasureCase(name: "active hold, no retention: keep until released",
                retention: .undecided, holds: [activeHold], outcome: .keepRestricted, timing: .whenHoldsReleased(notBefore: nil), reason: "hold"),
    ErasureCase(name: "active hold and running retention: released, and not before retention ends",
                retention: retention(sent: "2025-03-01"), holds: [activeHold], outcome: .keepRestricted,
                timing: .whenHoldsReleased(notBefore: day("2030-03-02")), reason: "hold"),
    ErasureCase(name: "active hold beats expired retention", retention: retention(sent: "2020-01-15"), holds: [activeHold],
                outcome: .keepRestricted, timing: .whenHoldsReleased(notBefore: nil), reason: "hold"),
    ErasureCase(name: "released hold, nothing else: erase now", retention: .undecided, holds: [releasedHold],
                outcome: .erase, timing: .now, reason: "none"),
    ErasureCase(name: "released hold, running retention: retention decides", retention: retention(sent: "2025-03-01"),
                holds: [releasedHold], outcome: .keepRestricted, timing: .on(day("2030-03-02")), reason: "retention"),
    ErasureCase(name: "legal claim only: keep until the claim no longer needs it", retention: .undecided, claim: claim,
                outcome: .keepRestricted, timing: .afterLegalClaim(reviewBy: day("2026-09-01"), notBefore: nil), reason: "claim"),
    ErasureCase(name: "legal claim and running retention: retention is the reason, the claim the timing",
                retention: retention(sent: "2025-03-01"), claim: claim, outcome: .keepRestricted,
                timing: .afterLegalClaim(reviewBy: day("2026-09-01"), notBefore: day("2030-03-02")), reason: "retention"),
    ErasureCase(name: "legal claim and expired retention: the claim keeps it", retention: retention(sent: "2020-01-15"), claim: claim,
                outcome: .keepRestricted, timing: .afterLegalClaim(reviewBy: day("2026-09-01"), notBefore: nil), reason: "claim"),
    ErasureCase(name: "hold beats a legal claim", retention: .undecided, holds: [activeHold], claim: claim,
                outcome: .keepRestricted, timing: .whenHoldsReleased(notBefore: nil), reason: "hold"),
    ErasureCase(name: "retention ending today still keeps it", retention: retention(sent: "2021-03-01"),
                outcome: .keepRestricted, timing: .on(day("2026-03-02")), reason: "retention"),
]

@Suite("Erasure decisions")
struct ErasureDecisionTests {
    @Test("hold, then retention, then legal claim, else erase", arguments: erasureCases)
    func decide(_ c: ErasureCase) {
        let d = ErasureDecision.decide(
            ErasureItem(id: "m-1", category: "messages", retention: c.retention, holds: c.holds, legalClaim: c.claim), on: today)
        #expect(d.outcome == c.outcome)
        #expect(d.timing == c.timing)
        let reason: String =
            switch d.reason {
            case .legalHold: "hold"
            case .retention: "retention"
            case .legalClaim: "claim"
            case .nothingKeepsIt: "none"
            }
        #expect(reason == c.reason)
        #expect(d.itemID == "m-1" && d.category == "messages")
    }

    @Test("each decision explains itself for the DSAR log")
    func explanation() {
        let keep = ErasureDecision.decide(
            ErasureItem(id: "m-1", category: "messages", retention: retention(sent: "2025-03-01")), on: today)
        #expect(keep.explanation.hasPrefix("m-1 (messages): keep, restricted — retention rule `eu-orders` until 2030-03-01"))
        #expect(keep.explanation.hasSuffix("erase on 2030-03-02."))
        let held = ErasureDecision.decide(
            ErasureItem(id: "m-2", category: "messages", retention: .undecided, holds: [activeHold]), on: today)
        #expect(held.explanation.contains("legal hold `h1`; erase when the hold is released"))
        let erased = ErasureDecision.decide(ErasureItem(id: "m-3", category: "messages", retention: .undecided), on: today)
        #expect(erased.explanation == "m-3 (messages): erase — no retention rule covers it; erase now.")
    }
}

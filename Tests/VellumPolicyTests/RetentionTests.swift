import Testing
import VellumCore
import VellumPolicy

let regimesYAML = org + """
    retention:
      rules:
        - {id: us-bd, preset: sec-17a-4, jurisdictions: [US]}
        - {id: us-traders, preset: finra-4511, roles: [trader], jurisdictions: [US]}
        - {id: eu, preset: mifid-ii, jurisdictions: [EU]}
        - {id: ca, preset: ciro, jurisdictions: [CA]}
        - {id: hk, preset: sfc, jurisdictions: [HK]}
        - {id: wealth-wecom, period: 36m, from: captured, departments: [wealth], channels: [wecom], basis: WM-7}
        - {id: sms-short, period: 90d, channels: [sms], basis: chatter}
    """

struct RetentionCase: Sendable, CustomTestStringConvertible {
    var name: String
    var employees: [Employee]
    var channel: Channel
    var sent: String
    var captured: String? = nil
    var jurisdictions: [String] = []
    /// nil = undecided
    var until: String?
    var winner: String?
    var matches: [String]
    var testDescription: String { name }
}

let retentionCases: [RetentionCase] = [
    RetentionCase(name: "US sales on WeCom: SEC 17a-4 3y from a leap day", employees: [employee("a", roles: ["sales"], jurisdiction: "US")],
                  channel: .wecom, sent: "2024-02-29", until: "2027-02-28", winner: "us-bd", matches: ["us-bd"]),
    RetentionCase(name: "US trader: FINRA 4511 6y beats 17a-4 3y", employees: [employee("a", roles: ["trader"], jurisdiction: "US")],
                  channel: .whatsapp, sent: "2024-02-29", until: "2030-02-28", winner: "us-traders", matches: ["us-bd", "us-traders"]),
    RetentionCase(name: "EU trader: MiFID II 5y", employees: [employee("a", roles: ["trader"], jurisdiction: "EU")],
                  channel: .email, sent: "2024-02-29", until: "2029-02-28", winner: "eu", matches: ["eu"]),
    RetentionCase(name: "Canadian dealer: CIRO 7y", employees: [employee("a", jurisdiction: "CA")],
                  channel: .telegram, sent: "2024-02-29", until: "2031-02-28", winner: "ca", matches: ["ca"]),
    RetentionCase(name: "HK: SFC 7y", employees: [employee("a", jurisdiction: "HK")],
                  channel: .signal, sent: "2023-03-15", until: "2030-03-15", winner: "hk", matches: ["hk"]),
    RetentionCase(name: "HK wealth on WeCom: SFC 7y from sent beats 36m from captured",
                  employees: [employee("a", department: "wealth", jurisdiction: "HK")], channel: .wecom,
                  sent: "2024-01-10", captured: "2024-01-12", until: "2031-01-10", winner: "hk", matches: ["hk", "wealth-wecom"]),
    RetentionCase(name: "wealth on WeCom with no jurisdiction: 36m from capture", employees: [employee("a", department: "wealth")],
                  channel: .wecom, sent: "2024-02-27", captured: "2024-02-29", until: "2027-02-28", winner: "wealth-wecom", matches: ["wealth-wecom"]),
    RetentionCase(name: "wealth on WhatsApp: no rule, undecided", employees: [employee("a", department: "wealth")],
                  channel: .whatsapp, sent: "2024-02-29", until: nil, winner: nil, matches: []),
    RetentionCase(name: "SMS with no employee: 90 days", employees: [], channel: .sms, sent: "2024-02-29",
                  until: "2024-05-29", winner: "sms-short", matches: ["sms-short"]),
    RetentionCase(name: "item jurisdiction matches a jurisdiction-only rule", employees: [], channel: .email, sent: "2024-02-29",
                  jurisdictions: ["US"], until: "2027-02-28", winner: "us-bd", matches: ["us-bd"]),
    RetentionCase(name: "US trader and HK sales in one chat: the longest (SFC 7y) wins",
                  employees: [employee("a", roles: ["trader"], jurisdiction: "US"), employee("b", roles: ["sales"], jurisdiction: "HK")],
                  channel: .whatsapp, sent: "2024-02-29", until: "2031-02-28", winner: "hk", matches: ["us-bd", "us-traders", "hk"]),
    RetentionCase(name: "filters must hold for one employee: an HK trader and US sales do not make a US trader",
                  employees: [employee("a", roles: ["trader"], jurisdiction: "HK"), employee("b", roles: ["sales"], jurisdiction: "US")],
                  channel: .whatsapp, sent: "2025-06-30", until: "2032-06-30", winner: "hk", matches: ["us-bd", "hk"]),
    RetentionCase(name: "roles and jurisdictions compare without case", employees: [employee("a", roles: ["Trader"], jurisdiction: "us")],
                  channel: .wecom, sent: "2025-01-31", until: "2031-01-31", winner: "us-traders", matches: ["us-bd", "us-traders"]),
    RetentionCase(name: "an unknown employee: undecided", employees: [employee("a", roles: ["trader"])],
                  channel: .whatsapp, sent: "2025-01-31", until: nil, winner: nil, matches: []),
]

@Suite("Retention decisions")
struct RetentionTests {
    @Test("regimes × roles × channels × dates", arguments: retentionCases)
    func regimes(_ c: RetentionCase) throws {
        let p = try policy(regimesYAML)
        let subject = RetentionSubject(
            channel: c.channel, sent: day(c.sent), captured: c.captured.map(day), employees: c.employees,
            jurisdictions: c.jurisdictions)
        let d = p.retention(for: subject)
        #expect(d.retainUntil == c.until.map(day))
        #expect(d.winner?.rule.id == c.winner)
        #expect(d.matches.map(\.rule.id) == c.matches)
        if c.until == nil { #expect(d == .undecided) }
    }

    @Test("every match keeps its own dates and why it matched")
    func provenance() throws {
        let p = try policy(regimesYAML)
        let d = p.retention(for: RetentionSubject(
            channel: .wecom, sent: day("2024-01-10"), captured: day("2024-01-12"),
            employees: [employee("e-17", department: "wealth", jurisdiction: "HK")]))
        let byID = Dictionary(uniqueKeysWithValues: d.matches.map { ($0.rule.id, $0) })
        #expect(byID["hk"]?.start == day("2024-01-10"))
        #expect(byID["wealth-wecom"]?.start == day("2024-01-12"))
        #expect(byID["wealth-wecom"]?.until == day("2027-01-12"))
        #expect(byID["hk"]?.why == "matched employee e-17 (jurisdiction HK) on wecom")
        #expect(d.explanation.contains("Keep until 2031-01-10 under rule `hk`"))
        #expect(d.explanation.contains("Also covered by `wealth-wecom` (until 2027-01-12)"))
    }

    @Test("MiFID II runs 5 years, or 7 when the regulator asked (extended: true)", arguments: [
        (false, "2029-02-28"), (true, "2031-02-28"),
    ])
    func mifidExtension(_ extended: Bool, _ until: String) throws {
        let p = try policy(org + "retention:\n  presets:\n    mifid-ii: {extended: \(extended)}\n  rules:\n    - {id: eu, preset: mifid-ii}\n")
        let d = p.retention(for: RetentionSubject(channel: .email, sent: day("2024-02-29")))
        #expect(d.retainUntil == day(until))
    }

    @Test("FCA SYSC 10A has the same 5/7-year parameter")
    func fcaExtension() throws {
        let p = try policy(org + "retention:\n  presets:\n    fca-sysc-10a: {extended: true}\n  rules:\n    - {id: uk, preset: fca-sysc-10a}\n")
        #expect(p.retention(for: RetentionSubject(channel: .email, sent: day("2026-03-01"))).retainUntil == day("2033-03-01"))
    }

    @Test("built-in presets carry the periods of regulation.md §4", arguments: [
        ("sec-17a-4", "3y"), ("sec-17a-4-a", "6y"), ("finra-4511", "6y"), ("finra-4513", "4y"), ("cftc-1-31", "5y"),
        ("mifid-ii", "5y"), ("fca-sysc-10a", "5y"), ("ciro", "7y"), ("sfc", "7y"), ("sfc-client-orders", "6m"),
    ])
    func presets(_ id: String, _ period: String) throws {
        let preset = try #require(RetentionPreset.builtIn[id])
        #expect(preset.effectivePeriod == (try RetentionPeriod(parsing: period)))
        #expect(preset.citation.hasPrefix("regulation.md §4, row"))
        #expect(preset.basis.zh != nil)
    }

    @Test("equally long rules: the first in the file wins")
    func tie() throws {
        let p = try policy(org + "retention:\n  rules:\n    - {id: first, period: 36m, basis: a}\n    - {id: second, period: 3y, basis: b}\n")
        let d = p.retention(for: RetentionSubject(channel: .email, sent: day("2024-02-29")))
        #expect(d.winner?.rule.id == "first")
        #expect(d.matches.count == 2)
    }

    @Test("an explicit period longer than its preset is kept")
    func longerThanPreset() throws {
        let p = try policy(org + "retention:\n  rules:\n    - {id: bd, preset: sec-17a-4, period: 5y}\n")
        #expect(p.retentionRules[0].period == .years(5))
        #expect(p.retentionRules[0].basis == RetentionPreset.builtIn["sec-17a-4"]!.basis)
    }

    @Test("undecided: kept until someone decides, not protected from erasure")
    func undecided() throws {
        let d = try policy(minimalHeader).retention(for: RetentionSubject(channel: .wecom, sent: day("2026-01-01")))
        #expect(d == .undecided)
        #expect(d.retainUntil == nil && !d.hasExpired(on: day("2099-01-01")))
        #expect(d.explanation.contains("not protected from erasure"))
    }

    @Test("retention has expired only after its last day")
    func expiry() throws {
        let d = try policy(regimesYAML).retention(for: RetentionSubject(channel: .sms, sent: day("2024-02-29")))
        #expect(!d.hasExpired(on: day("2024-05-29")))
        #expect(d.hasExpired(on: day("2024-05-30")))
    }

    @Test("a subject built from timestamps uses their UTC days")
    func timestamps() throws {
        let s = RetentionSubject(
            channel: .wecom, sentAt: Timestamp(rfc3339: "2024-02-29T23:30:00-01:00")!,
            capturedAt: Timestamp(rfc3339: "2024-03-01T08:00:00+08:00")!)
        #expect(s.sent == day("2024-03-01"))
        #expect(s.captured == day("2024-03-01"))
    }
}

import Testing
import VellumPolicy

/// A broken policy file and the one problem it must produce.
struct BrokenFile: Sendable, CustomTestStringConvertible {
    var name: String
    var yaml: String
    var line: Int
    var column: Int
    var path: String
    var message: String
    var testDescription: String { name }
}

let org = "organisation: {name: A, country: GB}\n"

let brokenFiles: [BrokenFile] = [
    BrokenFile(name: "unknown top-level key", yaml: org + "retension: {}\n", line: 2, column: 1, path: "retension", message: "unknown key `retension`"),
    BrokenFile(name: "missing organisation", yaml: "purposes: []\n", line: 1, column: 1, path: "organisation", message: "required key `organisation` is missing"),
    BrokenFile(name: "missing country", yaml: "organisation:\n  name: A\n", line: 2, column: 3, path: "organisation.country", message: "required key `country`"),
    BrokenFile(name: "name is a list", yaml: "organisation:\n  name: [a, b]\n  country: GB\n", line: 2, column: 9, path: "organisation.name", message: "expected a string, found a list"),
    BrokenFile(name: "bad country", yaml: "organisation:\n  name: A\n  country: Britain\n", line: 3, column: 12, path: "organisation.country", message: "not an ISO 3166-1 alpha-2"),
    BrokenFile(name: "email without @", yaml: "organisation:\n  name: A\n  country: GB\n  dpo: {name: B, email: dpo.example}\n", line: 4, column: 25, path: "organisation.dpo.email", message: "is not an email address"),
    BrokenFile(name: "unsupported version", yaml: "version: 2\n" + org, line: 1, column: 10, path: "version", message: "unsupported version 2"),
    BrokenFile(name: "empty file", yaml: "", line: 1, column: 1, path: "", message: "empty"),
    BrokenFile(name: "not YAML", yaml: "organisation: {name: A, country: GB\n", line: 2, column: 1, path: "", message: "not valid YAML"),
    BrokenFile(name: "duplicate key", yaml: "organisation: {name: A, country: GB}\norganisation: {name: B, country: GB}\n", line: 1, column: 1, path: "", message: "duplicate key `organisation`"),
    BrokenFile(name: "bad lawful basis", yaml: org + "purposes:\n  - id: p1\n    description: x\n    lawful_basis: legal\n    data_categories: [chat]\n", line: 5, column: 19, path: "purposes[0].lawful_basis", message: "unknown value `legal`"),
    BrokenFile(name: "duplicate purpose id", yaml: org + "purposes:\n  - {id: p1, description: x, lawful_basis: consent, data_categories: [a]}\n  - {id: p1, description: y, lawful_basis: consent, data_categories: [a]}\n", line: 4, column: 10, path: "purposes[1].id", message: "duplicate purpose id `p1`"),
    BrokenFile(name: "unknown Vellum role", yaml: org + "purposes:\n  - {id: p1, description: x, lawful_basis: consent, data_categories: [a], access_roles: [hr]}\n", line: 3, column: 90, path: "purposes[0].access_roles", message: "unknown Vellum role `hr`"),
    BrokenFile(name: "unknown description language", yaml: org + "purposes:\n  - id: p1\n    description: {en: x, fr: y}\n    lawful_basis: consent\n    data_categories: [a]\n", line: 4, column: 26, path: "purposes[0].description.fr", message: "unknown key `fr`"),
    BrokenFile(name: "unknown channel", yaml: org + "channels:\n  wechatt:\n    approved: true\n", line: 3, column: 3, path: "channels.wechatt", message: "unknown channel `wechatt`"),
    BrokenFile(name: "approved is not a bool", yaml: org + "channels:\n  wecom:\n    approved: yes\n", line: 4, column: 15, path: "channels.wecom.approved", message: "expected true or false"),
    BrokenFile(name: "channel without approved", yaml: org + "channels:\n  wecom:\n    notes: hi\n", line: 4, column: 5, path: "channels.wecom.approved", message: "required key `approved`"),
    BrokenFile(name: "bad period", yaml: org + "retention:\n  rules:\n    - id: r1\n      period: 7 years\n      basis: x\n", line: 5, column: 15, path: "retention.rules[0].period", message: "is not a period"),
    BrokenFile(name: "zero period", yaml: org + "retention:\n  rules:\n    - {id: r1, period: 0y, basis: x}\n", line: 4, column: 24, path: "retention.rules[0].period", message: "is not a period"),
    BrokenFile(name: "unknown channel in a retention rule", yaml: org + "retention:\n  rules:\n    - id: r1\n      period: 1y\n      basis: x\n      channels: [wecom, icq]\n", line: 7, column: 25, path: "retention.rules[0].channels[1]", message: "unknown value `icq`"),
    BrokenFile(name: "duplicate retention rule id", yaml: org + "retention:\n  rules:\n    - {id: r1, period: 1y, basis: x}\n    - {id: r1, period: 2y, basis: y}\n", line: 5, column: 12, path: "retention.rules[1].id", message: "duplicate retention rule id `r1`"),
    BrokenFile(name: "rule id with capitals", yaml: org + "retention:\n  rules:\n    - {id: Rule1, period: 1y, basis: x}\n", line: 4, column: 12, path: "retention.rules[0].id", message: "is not a valid id"),
    BrokenFile(name: "rule without period or preset", yaml: org + "retention:\n  rules:\n    - {id: r1, basis: x}\n", line: 4, column: 7, path: "retention.rules[0].period", message: "needs a `period` or a `preset`"),
    BrokenFile(name: "rule without basis or preset", yaml: org + "retention:\n  rules:\n    - {id: r1, period: 1y}\n", line: 4, column: 7, path: "retention.rules[0].basis", message: "needs a `basis`"),
    BrokenFile(name: "misspelt rule key", yaml: org + "retention:\n  rules:\n    - {id: r1, perod: 1y, preset: sfc}\n", line: 4, column: 16, path: "retention.rules[0].perod", message: "unknown key `perod`"),
    BrokenFile(name: "unknown preset", yaml: org + "retention:\n  rules:\n    - {id: r1, preset: sec-17a4}\n", line: 4, column: 24, path: "retention.rules[0].preset", message: "unknown preset `sec-17a4`"),
    BrokenFile(name: "period shorter than its preset", yaml: org + "retention:\n  rules:\n    - {id: r1, preset: finra-4511, period: 3y}\n", line: 4, column: 44, path: "retention.rules[0].period", message: "3y is shorter than the 6y that preset `finra-4511` requires"),
    BrokenFile(name: "extension of a preset that has none", yaml: org + "retention:\n  presets:\n    sfc: {extended: true}\n", line: 4, column: 21, path: "retention.presets.sfc.extended", message: "has no regulator-requested longer period"),
    BrokenFile(name: "own preset without basis", yaml: org + "retention:\n  presets:\n    short: {period: 30d}\n", line: 4, column: 12, path: "retention.presets.short.basis", message: "required key `basis`"),
    BrokenFile(name: "empty roles filter", yaml: org + "retention:\n  rules:\n    - {id: r1, preset: sfc, roles: []}\n", line: 4, column: 36, path: "retention.rules[0].roles", message: "an empty list matches nothing"),
    BrokenFile(name: "unknown purpose in a rule", yaml: org + "retention:\n  rules:\n    - {id: r1, preset: sfc, purpose: hr}\n", line: 4, column: 38, path: "retention.rules[0].purpose", message: "unknown purpose `hr`"),
    BrokenFile(name: "bad from", yaml: org + "retention:\n  rules:\n    - {id: r1, preset: sfc, from: received}\n", line: 4, column: 35, path: "retention.rules[0].from", message: "unknown value `received`"),
    BrokenFile(name: "unknown privacy law", yaml: org + "privacy:\n  deadlines:\n    lgpd: {respond: 15d}\n", line: 4, column: 5, path: "privacy.deadlines.lgpd", message: "unknown law `lgpd`"),
    BrokenFile(name: "bad deadline", yaml: org + "privacy:\n  deadlines:\n    gdpr: {respond: 1 month}\n", line: 4, column: 21, path: "privacy.deadlines.gdpr.respond", message: "is not a deadline"),
    BrokenFile(name: "respond cannot be none", yaml: org + "privacy:\n  deadlines:\n    gdpr: {respond: none}\n", line: 4, column: 21, path: "privacy.deadlines.gdpr.respond", message: "is not a deadline"),
    BrokenFile(name: "impossible holiday", yaml: org + "privacy:\n  holidays: [2026-02-30]\n", line: 3, column: 14, path: "privacy.holidays[0]", message: "is not a date"),
    BrokenFile(name: "unknown detector", yaml: org + "surveillance:\n  detectors: [credit_card, passport]\n", line: 3, column: 28, path: "surveillance.detectors[1]", message: "unknown value `passport`"),
    BrokenFile(name: "unknown rule type", yaml: org + "surveillance:\n  rules:\n    - {id: s1, type: spam}\n", line: 4, column: 22, path: "surveillance.rules[0].type", message: "unknown value `spam`"),
    BrokenFile(name: "rule without type", yaml: org + "surveillance:\n  rules:\n    - {id: s1}\n", line: 4, column: 7, path: "surveillance.rules[0].type", message: "required key `type`"),
    BrokenFile(name: "duplicate surveillance rule id", yaml: org + "surveillance:\n  rules:\n    - {id: s1, type: unapproved_channel}\n    - {id: s1, type: retail_communication}\n", line: 5, column: 12, path: "surveillance.rules[1].id", message: "duplicate surveillance rule id `s1`"),
    BrokenFile(name: "unknown lexicon referenced", yaml: org + "surveillance:\n  rules:\n    - id: l1\n      type: lexicon\n      lexicons: [promises]\n", line: 6, column: 18, path: "surveillance.rules[0].lexicons", message: "unknown lexicon `promises`"),
    BrokenFile(name: "lexicon rule without lexicons", yaml: org + "surveillance:\n  rules:\n    - {id: l1, type: lexicon}\n", line: 4, column: 7, path: "surveillance.rules[0].lexicons", message: "must name its `lexicons`"),
    BrokenFile(name: "key of another rule type", yaml: org + "surveillance:\n  rules:\n    - {id: s1, type: sensitive_data, lexicons: [off_channel]}\n", line: 4, column: 38, path: "surveillance.rules[0].lexicons", message: "`lexicons` applies only to lexicon rules, not sensitive_data"),
    BrokenFile(name: "window on a sensitive data rule", yaml: org + "surveillance:\n  rules:\n    - {id: s1, type: sensitive_data, window_days: 3}\n", line: 4, column: 38, path: "surveillance.rules[0].window_days", message: "applies only to retail_communication rules"),
    BrokenFile(name: "detector not enabled", yaml: org + "surveillance:\n  detectors: [email]\n  rules:\n    - {id: s1, type: sensitive_data, detectors: [credit_card]}\n", line: 5, column: 50, path: "surveillance.rules[0].detectors", message: "detector `credit_card` is not enabled"),
    BrokenFile(name: "bad channel scope word", yaml: org + "surveillance:\n  rules:\n    - {id: s1, type: sensitive_data, channels: encrypted}\n", line: 4, column: 48, path: "surveillance.rules[0].channels", message: "expected `unencrypted`, `any` or a list"),
    BrokenFile(name: "unknown channel in a scope", yaml: org + "surveillance:\n  rules:\n    - {id: s1, type: channel_ban, channels: [line]}\n", line: 4, column: 46, path: "surveillance.rules[0].channels[0]", message: "unknown value `line`"),
    BrokenFile(name: "channel ban without channels", yaml: org + "surveillance:\n  rules:\n    - {id: s1, type: channel_ban, roles: [intern]}\n", line: 4, column: 7, path: "surveillance.rules[0].channels", message: "must name its `channels`"),
    BrokenFile(name: "confidence above 1", yaml: org + "surveillance:\n  rules:\n    - {id: s1, type: sensitive_data, min_confidence: 2}\n", line: 4, column: 54, path: "surveillance.rules[0].min_confidence", message: "out of range"),
    BrokenFile(name: "bad severity", yaml: org + "surveillance:\n  rules:\n    - {id: s1, type: unapproved_channel, severity: critical}\n", line: 4, column: 52, path: "surveillance.rules[0].severity", message: "unknown value `critical`"),
    BrokenFile(name: "recipients not a number", yaml: org + "surveillance:\n  rules:\n    - {id: s1, type: retail_communication, max_recipients: many}\n", line: 4, column: 60, path: "surveillance.rules[0].max_recipients", message: "expected a whole number"),
    BrokenFile(name: "sampling rate above 1", yaml: org + "surveillance:\n  sampling:\n    rate: 1.5\n", line: 4, column: 11, path: "surveillance.sampling.rate", message: "1.5 is out of range 0…1"),
    BrokenFile(name: "sampling rate below 0", yaml: org + "surveillance:\n  sampling: {rate: -0.1}\n", line: 3, column: 20, path: "surveillance.sampling.rate", message: "out of range"),
    BrokenFile(name: "lexicon shadows a built-in", yaml: org + "surveillance:\n  lexicons:\n    off_channel: [call me]\n", line: 4, column: 5, path: "surveillance.lexicons.off_channel", message: "built-in lexicon"),
    BrokenFile(name: "lexicon is not a list", yaml: org + "surveillance:\n  lexicons:\n    promises: guaranteed\n", line: 4, column: 15, path: "surveillance.lexicons.promises", message: "expected a list of strings"),
    BrokenFile(name: "unknown surveillance key", yaml: org + "surveillance:\n  alerts: []\n", line: 3, column: 3, path: "surveillance.alerts", message: "unknown key `alerts`"),
]

@Suite("Policy file problems")
struct PolicyFileProblemTests {
    @Test("each broken file reports its problem at the right line and column", arguments: brokenFiles)
    func brokenFile(_ c: BrokenFile) {
        let (policy, found) = PolicyFile.load(yaml: c.yaml, file: "test.yaml")
        #expect(policy == nil)
        #expect(found.count == 1, "\(found)")
        let p = found.first
        #expect(p?.line == c.line, "\(found)")
        #expect(p?.column == c.column, "\(found)")
        #expect(p?.path == c.path, "\(found)")
        #expect(p?.message.contains(c.message) == true, "\(found)")
        #expect(p?.file == "test.yaml")
    }

    @Test("every problem in a file is reported, sorted by position, not just the first")
    func everyProblem() {
        let yaml = """
            organisation:
              name: A
              country: Britain
            channels:
              icq: {approved: true}
              wecom: {approved: maybe}
            retention:
              rules:
                - {id: r1, period: 7 years, basis: x}
                - {id: r1, preset: nope}
            surveillance:
              rules:
                - {id: l1, type: lexicon, lexicons: [missing]}
              sampling: {rate: 3}
              colour: blue
            """
        let found = problems(yaml)
        let expected: [(Int, Int, String)] = [
            (3, 12, "not an ISO 3166-1"),
            (5, 3, "unknown channel `icq`"),
            (6, 21, "expected true or false"),
            (9, 24, "is not a period"),
            (10, 12, "duplicate retention rule id"),
            (10, 24, "unknown preset `nope`"),
            (13, 42, "unknown lexicon `missing`"),
            (14, 20, "out of range"),
            (15, 3, "unknown key `colour`"),
        ]
        #expect(found.count == expected.count, "\(found.map(\.description).joined(separator: "\n"))")
        for (p, e) in zip(found, expected) {
            #expect((p.line, p.column) == (e.0, e.1), "\(p)")
            #expect(p.message.contains(e.2), "\(p)")
        }
    }

    @Test("parse throws invalidPolicy carrying every problem")
    func parseThrows() {
        let yaml = org + "channels:\n  icq: {approved: true}\n  line: {approved: true}\n"
        #expect {
            _ = try PolicyFile.parse(yaml: yaml, file: "p.yaml")
        } throws: { error in
            guard let e = error as? PolicyError else { return false }
            return e.code == .invalidPolicy && e.problems.count == 2
                && e.description.contains("p.yaml:3:3: channels.icq: unknown channel `icq`")
        }
    }

    @Test("a problem reads file:line:column: path: message")
    func problemDescription() {
        let p = PolicyProblem(file: "f.yaml", line: 3, column: 7, path: "a.b", message: "bad")
        #expect(p.description == "f.yaml:3:7: a.b: bad")
    }
}

import Testing
import VellumCore
import VellumPolicy

@Suite("The documented example policy")
struct PolicyFileExampleTests {
    @Test("docs/vellum-policy.example.yaml parses with no problems")
    func exampleParses() throws {
        let (policy, problems) = PolicyFile.load(
            yaml: try docsFile("vellum-policy.example.yaml"), file: "vellum-policy.example.yaml")
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
        #expect(policy != nil)
    }

    @Test("docs/policy.md shows the example file in full")
    func docsCarryTheExample() throws {
        let doc = try docsFile("policy.md")
        let example = try docsFile("vellum-policy.example.yaml")
        #expect(doc.contains("```yaml\n" + example + "```"))
    }

    @Test("organisation, purposes and channels are read as written")
    func organisation() throws {
        let p = try examplePolicy()
        #expect(p.organisation.name == "Harbour Securities Ltd")
        #expect(p.organisation.country == "HK")
        #expect(p.organisation.dpo?.email == "dpo@harbour.example")
        #expect(p.organisation.requestContact.email == "requests@harbour.example")
        #expect(p.purposes.map(\.id) == ["regulatory-recordkeeping", "supervision"])
        #expect(p.purposes[0].lawfulBasis == .legalObligation)
        #expect(p.purposes[0].description.zh == "按证券及隐私监管要求保存业务通讯")
        #expect(p.purposes[0].transfers == [Transfer(to: "US", safeguard: "Standard contractual clauses (EU 2021/914) with the US affiliate")])
        #expect(p.purposes[1].subjects == [.employees])
        #expect(p.purposes[1].recipients.isEmpty)
        #expect(p.isApproved(.wecom) && p.isApproved(.whatsapp) && p.isApproved(.email))
        #expect(!p.isApproved(.signal) && !p.isApproved(.telegram) && !p.isApproved(.sms))
        #expect(p.isEndToEndEncrypted(.whatsapp))
        #expect(!p.isEndToEndEncrypted(.telegram))
    }

    @Test("retention rules take their period and basis from presets and parameters")
    func retention() throws {
        let p = try examplePolicy()
        #expect(p.retentionRules.map(\.id) == [
            "hk-licensed", "us-broker-dealer", "us-bd-comms", "eu-order-comms", "wealth-clients", "everything-else",
        ])
        let byID = Dictionary(uniqueKeysWithValues: p.retentionRules.map { ($0.id, $0) })
        #expect(byID["hk-licensed"]?.period == .years(7))
        #expect(byID["us-broker-dealer"]?.period == .years(6))
        #expect(byID["us-bd-comms"]?.period == .years(3))
        #expect(byID["eu-order-comms"]?.period == .years(7), "mifid-ii extended: true")
        #expect(byID["wealth-clients"]?.period == .months(36))
        #expect(byID["wealth-clients"]?.from == .captured)
        #expect(byID["wealth-clients"]?.basis.zh == "内部制度WM-7（客户通讯）")
        #expect(byID["everything-else"]?.period == .days(90))
        #expect(byID["hk-licensed"]?.basis == RetentionPreset.builtIn["sfc"]?.basis)
        #expect(p.retentionPresets["mifid-ii"]?.extended == true)
    }

    @Test("privacy deadlines and holidays are read")
    func privacy() throws {
        let p = try examplePolicy()
        #expect(p.privacy.rules[.pipl]?.respond == .businessDays(15))
        #expect(p.privacy.rules[.pipl]?.extendBy == nil)
        #expect(p.privacy.rules[.ccpa]?.acknowledge == .businessDays(10))
        #expect(p.privacy.holidays.contains(day("2026-02-17")))
        #expect(p.privacy.holidays.count == 5)
    }

    @Test("the surveillance section is exposed as plain values with defaults filled in")
    func surveillance() throws {
        let s = try examplePolicy().surveillance
        #expect(s.detectors == DetectorID.allCases)
        #expect(s.rules.map(\.id) == [
            "sensitive-on-unencrypted", "secrets-anywhere", "accountants-no-whatsapp", "unapproved-apps",
            "off-channel-talk", "retail-broadcast",
        ])
        let sensitive = s.rules[0]
        #expect(sensitive.type == .sensitiveData)
        #expect(sensitive.detectors == [.creditCard, .cnResidentID, .hkID])
        #expect(sensitive.channels == .unencrypted)
        #expect(sensitive.minConfidence == 0.6)
        #expect(sensitive.severity == .high)
        #expect(s.rules[1].minConfidence == 0.5, "default")
        #expect(s.rules[2].type == .channelBan)
        #expect(s.rules[2].channels == .only([.whatsapp, .telegram, .signal]))
        #expect(s.rules[2].roles == ["accountant"])
        #expect(s.rules[3].severity == .high)
        #expect(s.rules[4].lexicons == ["off_channel", "guarantees"])
        #expect(s.rules[4].departments == ["wealth", "equities"])
        #expect(s.rules[4].severity == .medium, "default")
        #expect(s.rules[5].maxRecipients == 25 && s.rules[5].windowDays == 30)
        #expect(s.lexicons["guarantees"] == ["guaranteed return", "risk-free", "保本", "稳赚不赔"])
        #expect(s.sampling == SamplingPolicy(rate: 0.02, roles: ["trader", "sales"]))
        #expect(s.detectors(for: s.rules[4]) == DetectorID.allCases)
    }

    @Test("the smallest policy is an organisation; everything else has defaults")
    func minimal() throws {
        let p = try policy(minimalHeader)
        #expect(p.purposes.isEmpty && p.retentionRules.isEmpty && p.channels.isEmpty)
        #expect(p.privacy == .defaults)
        #expect(p.surveillance == SurveillancePolicy())
        #expect(p.organisation.controller.name == "Test Ltd")
        #expect(p.retentionPresets == RetentionPreset.builtIn)
    }

    @Test("a surveillance rule's defaults: any channel, confidence 0.5, severity medium, 25 recipients in 30 days")
    func ruleDefaults() throws {
        let p = try policy(minimalHeader + """
            surveillance:
              rules:
                - {id: a, type: sensitive_data}
                - {id: b, type: retail_communication}
            """)
        let a = p.surveillance.rules[0], b = p.surveillance.rules[1]
        #expect(a.channels == .any && a.minConfidence == 0.5 && a.severity == .medium && a.detectors == nil)
        #expect(b.maxRecipients == 25 && b.windowDays == 30)
    }
}

@Suite("Channels and surveillance scopes")
struct ChannelScopeTests {
    @Test("channel scopes use the policy's encryption overrides", arguments: [
        (Channel.whatsapp, ChannelScope.unencrypted, false), (.wecom, .unencrypted, true), (.telegram, .unencrypted, true),
        (.signal, .unencrypted, false), (.sms, .any, true), (.sms, .only([.wecom, .sms]), true), (.email, .only([.wecom]), false),
    ])
    func scopes(_ channel: Channel, _ scope: ChannelScope, _ included: Bool) throws {
        let p = try policy(org + "channels:\n  signal: {approved: false}\n  telegram: {approved: false, end_to_end_encrypted: false}\n")
        #expect(p.includes(channel, in: scope) == included)
    }

    @Test("an override can also mark a channel encrypted")
    func encryptedOverride() throws {
        let p = try policy(org + "channels:\n  wecom: {approved: true, end_to_end_encrypted: true}\n")
        #expect(p.isEndToEndEncrypted(.wecom))
        #expect(!p.includes(.wecom, in: .unencrypted))
    }

    @Test("an empty detector list switches sensitive-data detection off")
    func noDetectors() throws {
        let p = try policy(org + "surveillance:\n  detectors: []\n")
        #expect(p.surveillance.detectors.isEmpty)
    }

    @Test("Chinese documents fall back to English where the policy gives no Chinese")
    func fallback() throws {
        let p = try examplePolicy()
        let rule = try #require(p.retentionRules.first { $0.id == "everything-else" })
        #expect(rule.basis.zh == nil)
        #expect(rule.basis.text(.zh) == rule.basis.en)
        #expect(RecordsOfProcessing.render(p, .zh).contains(rule.basis.en))
    }
}

@Suite("YAML features")
struct YAMLFeatureTests {
    @Test("anchors and aliases can share a list between rules")
    func aliases() throws {
        let p = try policy(org + """
            retention:
              rules:
                - {id: a, preset: sfc, roles: &front [trader, sales]}
                - {id: b, preset: finra-4511, roles: *front}
            """)
        #expect(p.retentionRules[1].roles == ["trader", "sales"])
    }

    @Test("quoted scalars keep their text: a country code NO is not a boolean")
    func norway() throws {
        #expect(try policy("organisation: {name: A, country: NO}\n").organisation.country == "NO")
        #expect(try policy("organisation: {name: A, country: \"no\"}\n").organisation.country == "NO")
    }
}

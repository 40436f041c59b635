import Testing
import VellumPolicy

@Suite("Records of processing and privacy notices")
struct DocumentsTests {
    @Test("the record of processing covers Art. 30(1)(a)–(g) and every purpose and retention period", arguments: Language.allCases)
    func ropa(_ language: Language) throws {
        let p = try examplePolicy()
        let text = RecordsOfProcessing.render(p, language)
        for purpose in p.purposes {
            #expect(text.contains(purpose.description.text(language)), "\(purpose.id)")
            #expect(text.contains(purpose.lawfulBasis.text(language)))
            for category in purpose.dataCategories { #expect(text.contains(category)) }
            for recipient in purpose.recipients { #expect(text.contains(recipient)) }
        }
        for rule in p.retentionRules {
            #expect(text.contains(rule.period.text(language)), "\(rule.id)")
            #expect(text.contains(rule.basis.text(language)), "\(rule.id)")
        }
        #expect(text.contains("dpo@harbour.example"))
        #expect(text.contains("Standard contractual clauses (EU 2021/914)"))
        #expect(text.contains("AES-256-GCM"))
        #expect(text.contains("WeCom"))
        switch language {
        case .en:
            #expect(text.hasPrefix("# Record of processing activities — Harbour Securities Ltd"))
            for point in ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)"] { #expect(text.contains(point), "\(point)") }
        case .zh:
            #expect(text.hasPrefix("# 处理活动记录——Harbour Securities Ltd"))
            #expect(text.contains("删除期限（f）"))
        }
    }

    @Test("a purpose with no retention rule says items are kept until someone decides")
    func ropaWithoutRules() throws {
        let p = try policy(org + "purposes:\n  - {id: p1, description: Chat archive, lawful_basis: legitimate_interests, data_categories: [messages]}\n")
        #expect(RecordsOfProcessing.render(p, .en).contains("no retention rule"))
        #expect(RecordsOfProcessing.render(p, .zh).contains("无保存规则"))
    }

    @Test("notices list the audience's purposes, periods, roles and how to ask",
          arguments: PrivacyNotice.Audience.allCases, Language.allCases)
    func notice(_ audience: PrivacyNotice.Audience, _ language: Language) throws {
        let p = try examplePolicy()
        let text = PrivacyNotice.render(p, audience: audience, language: language)
        let purposes = p.purposes.filter { $0.subjects.contains { $0.audience == audience } }
        for purpose in purposes { #expect(text.contains(purpose.description.text(language)), "\(purpose.id)") }
        for rule in p.retentionRules {
            #expect(text.contains(rule.period.text(language)), "\(rule.id)")
        }
        #expect(text.contains("requests@harbour.example"))
        #expect(text.contains("compliance"))
        #expect(text.contains("PCPD"))
        #expect(text.contains("WeCom") && text.contains("WhatsApp") && !text.contains("Signal"))
        let supervision = try #require(p.purpose("supervision")).description.text(language)
        #expect(text.contains(supervision) == (audience == .employees), "supervision is for employees only")
        if audience == .employees {
            #expect(text.contains(language == .en ? "2% of each employee's messages" : "2%的消息"))
        } else {
            #expect(text.contains(language == .en ? "a copy is available to you on request" : "要求获取副本"))
        }
        switch language {
        case .en: #expect(text.contains("we answer within 1 month") && text.contains("15 business days"))
        case .zh: #expect(text.contains("1个月内答复") && text.contains("15个工作日"))
        }
    }
}

import Testing
import VellumPolicy

let inquiry = hold("sec-inq", scope: HoldScope(), kind: .regulatoryInquiry)

func letterDecisions() -> [ErasureDecision] {
    let items = [
        ErasureItem(id: "m1", category: "messages", retention: .undecided),
        ErasureItem(id: "m2", category: "messages", retention: retention(sent: "2019-05-01")),
        ErasureItem(id: "m3", category: "messages", retention: .undecided),
        ErasureItem(id: "a1", category: "attachments", retention: .undecided),
        ErasureItem(id: "m4", category: "messages", retention: retention(sent: "2025-03-01")),
        ErasureItem(id: "m5", category: "messages", retention: retention(sent: "2024-02-29")),
        ErasureItem(id: "m6", category: "messages", retention: retention(sent: "2025-03-01")),
        ErasureItem(id: "m7", category: "messages", retention: .undecided, holds: [inquiry]),
        ErasureItem(id: "a2", category: "attachments", retention: .undecided, legalClaim: claim),
    ]
    return items.map { ErasureDecision.decide($0, on: today) }
}

func letter(_ law: PrivacyLaw, _ language: Language, decisions: [ErasureDecision] = letterDecisions()) throws -> String {
    let p = try examplePolicy()
    let r = PrivacyRequest(id: "DSAR-2026-007", law: law, kind: .erasure, received: day("2026-02-10"))
    return DecisionLetter.render(request: r, decisions: decisions, policy: p, language: language, date: today)
}

@Suite("Decision letters")
struct DecisionLetterTests {
    @Test("every kept item's reason and dates, and the erased counts, in both languages",
          arguments: [PrivacyLaw.gdpr, .ukGdpr, .ccpa, .pipl], [Language.en, .zh])
    func keptItems(_ law: PrivacyLaw, _ language: Language) throws {
        let text = try letter(law, language)
        // The MiFID II basis, in the letter's language.
        #expect(text.contains(mifidRule.basis.text(language)))
        // Each kept message's last retention day and erasure day.
        for (until, erase) in [("2030-03-01", "2030-03-02"), ("2029-02-28", "2029-03-01")] {
            #expect(text.contains(until), "\(until)")
            #expect(text.contains(erase), "\(erase)")
        }
        // The hold, by kind only: never the matter.
        #expect(text.contains(HoldKind.regulatoryInquiry.text(language)))
        #expect(!text.contains("Matter sec-inq") && !text.contains("sec-inq"))
        // The legal claim and its review date, without the internal reference.
        #expect(text.contains("2026-09-01"))
        #expect(!text.contains("claim-42"))
        // Erased counts per category.
        switch language {
        case .en:
            #expect(text.contains("- messages: 3"))
            #expect(text.contains("- attachments: 1"))
            #expect(text.contains("messages (3): we must keep them under"))
            #expect(text.contains("To be erased when the hold is released"))
            #expect(text.contains("Reference: DSAR-2026-007"))
            #expect(text.contains("Harbour Securities Ltd"))
            #expect(text.contains("requests@harbour.example"))
        case .zh:
            #expect(text.contains("- messages：3项"))
            #expect(text.contains("- attachments：1项"))
            #expect(text.contains("将在保全解除后删除"))
            #expect(text.contains("编号：DSAR-2026-007"))
            #expect(text.contains("以下数据已被限制处理"))
        }
    }

    @Test("GDPR letters name the retention periods and the complaint and court remedies")
    func gdpr() throws {
        let en = try letter(.gdpr, .en)
        #expect(en.contains("Retention periods (Article 15(1)(d))"))
        #expect(en.contains("lodge a complaint with the Office of the Privacy Commissioner for Personal Data (PCPD)"))
        #expect(en.contains("judicial remedy"))
        #expect(en.contains("(Article 17(3)(e))"))
        let zh = try letter(.gdpr, .zh)
        #expect(zh.contains("保存期限（第15(1)(d)条）"))
        #expect(zh.contains("司法救济"))
    }

    @Test("CCPA letters say whether the business complied, the exemption, and the 24-month record")
    func ccpa() throws {
        let en = try letter(.ccpa, .en)
        #expect(en.contains("We complied with your request in part."))
        #expect(en.contains("1798.105(d)(8)"))
        #expect(en.contains("We deleted the rest of your personal information that no exemption covers"))
        #expect(en.contains("at least 24 months (CCPA Regulations §7101)"))
        let allErased = [ErasureDecision.decide(ErasureItem(id: "m1", category: "messages", retention: .undecided), on: today)]
        let full = try letter(.ccpa, .en, decisions: allErased)
        #expect(full.contains("We complied with your request in full."))
        #expect(full.contains("- Nothing: we erased all the data we hold about you."))
        let noneErased = [ErasureDecision.decide(
            ErasureItem(id: "m1", category: "messages", retention: retention(sent: "2025-03-01")), on: today)]
        #expect(try letter(.ccpa, .en, decisions: noneErased).contains("We could not delete any of this information yet."))
        #expect(try letter(.ccpa, .en, decisions: noneErased).contains("What we erased\n- Nothing."))
        #expect(try letter(.ccpa, .zh).contains("至少24个月"))
    }

    @Test("PIPL letters state storage-only handling and the right to sue")
    func pipl() throws {
        let zh = try letter(.pipl, .zh)
        #expect(zh.contains("第四十七条第二款"))
        #expect(zh.contains("向人民法院提起诉讼"))
        let en = try letter(.pipl, .en)
        #expect(en.contains("except storage and necessary security measures (PIPL Article 47(2))"))
        #expect(en.contains("bring a lawsuit in a people's court (PIPL Article 50)"))
    }

    @Test("many different dates collapse to a range with an offer of the full schedule")
    func manyDates() throws {
        let decisions = (0 ..< 20).map { i in
            ErasureDecision.decide(
                ErasureItem(id: "m\(i)", category: "messages", retention: retention(sent: day("2025-01-01").adding(days: i).description)),
                on: today)
        }
        let text = try letter(.gdpr, .en, decisions: decisions)
        #expect(text.contains("messages (20)"))
        #expect(text.contains("To be erased between 2030-01-02 and 2030-01-21"))
        #expect(text.contains("available on request"))
    }
}

import Foundation
import Testing
@testable import VellumApp
import VellumCore
import VellumStore
import VellumSurveillance

/// The policy applied to an archive supervises what is imported after it, end to end.
@Suite("Surveillance rules from the policy, through import")
struct PolicySupervisionTests {
    static let policy = """
        organisation:
          name: Harbour Bridge Ltd
          country: HK
        channels:
          wecom: {approved: true}
          whatsapp: {approved: true}
          email: {approved: true}
        surveillance:
          rules:
            - id: sensitive-on-unencrypted
              type: sensitive_data
              detectors: [credit_card, cn_resident_id]
              channels: unencrypted
              severity: high
            - id: off-channel-talk
              type: lexicon
              lexicons: [off_channel, guarantees]
            - id: rm-no-telegram
              type: channel_ban
              channels: [telegram]
              roles: [relationship-manager]
            - id: unapproved-apps
              type: unapproved_channel
          lexicons:
            guarantees: [保本, guaranteed return]
          sampling:
            rate: 1.0
            roles: [relationship-manager]
        """

    static let chat = """
        {"channel":"wecom","account":"corp1","conversation":{"id":"c-li","kind":"direct"},"id":"p1","sent_at":"2026-03-02T09:15:04+08:00","from":{"id":"wmLiNa001","name":"李娜"},"to":[{"id":"zhangwei"}],"text":"我的卡号是 6222 0000 0000 0000 000？不对，是 4111 1111 1111 1111"}
        {"channel":"wecom","account":"corp1","conversation":{"id":"c-li","kind":"direct"},"id":"p2","sent_at":"2026-03-02T09:16:04+08:00","from":{"id":"zhangwei","name":"Zhang Wei"},"to":[{"id":"wmLiNa001"}],"text":"这个产品保本，加我微信细聊"}
        {"channel":"whatsapp","account":"+85291230001","conversation":{"id":"wa-tom","kind":"direct"},"id":"p3","sent_at":"2026-03-03T10:00:00Z","from":{"id":"+44 7700 900123"},"to":[{"id":"+85291230001"}],"text":"Card 4111 1111 1111 1111, exp 12/29"}
        {"channel":"telegram","account":"bot","conversation":{"id":"-100123","kind":"group"},"id":"p4","sent_at":"2026-03-04T08:00:00Z","from":{"id":"+85291230001"},"to":[],"text":"see you at lunch"}

        """

    static func setUp() throws -> TestArchive {
        let t = try TestArchive()
        try DirectoryService(archive: t.archive).importFile(try t.write("d.yaml", Fixture.directory), actor: "t")
        try PolicyService(archive: t.archive).apply(try t.write("policy.yaml", policy), actor: "cco")
        try t.importJSONL(chat)
        return t
    }

    static func alerts(_ t: TestArchive) throws -> [String: [AlertExplanation]] {
        let service = AlertService(archive: t.archive)
        var out: [String: [AlertExplanation]] = [:]
        for a in try service.list(AlertQuery(), actor: "t") {
            let detail = try service.show(a.id, actor: "t")
            out[detail.message!.source_id, default: []].append(try #require(detail.explanation))
        }
        return out
    }

    @Test("sensitive data on an unencrypted channel is flagged with masked spans and why the channel matters; on WhatsApp it is not")
    func sensitive() throws {
        let t = try Self.setUp()
        let byMessage = try Self.alerts(t)
        let card = try #require(byMessage["p1"]?.first { $0.rule == "sensitive-on-unencrypted" })
        #expect(card.severity == "high")
        // A UnionPay-shaped number after 卡号 counts too (UnionPay numbers need not pass Luhn).
        #expect(card.findings.map(\.masked) == ["6222 00** **** ***0 000", "4111 11** **** 1111"])
        let text = "我的卡号是 6222 0000 0000 0000 000？不对，是 4111 1111 1111 1111"
        let f = card.findings[1]
        #expect(String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(f.start).prefix(f.end - f.start))) == "4111 1111 1111 1111")
        #expect(card.channel_note?.contains("not end-to-end encrypted") == true)
        #expect(byMessage["p3"]?.contains { $0.rule == "sensitive-on-unencrypted" } != true)
        // No alert text, note or stored byte holds the full number.
        #expect(try t.allBytes().range(of: Data("4111 1111 1111 1111".utf8)) == nil)
    }

    @Test("an off-channel cue and a custom lexicon term are flagged, with the phrase and the app it points to")
    func lexicon() throws {
        let byMessage = try Self.alerts(try Self.setUp())
        let cue = try #require(byMessage["p2"]?.first { $0.rule == "off-channel-talk" })
        #expect(Set(cue.findings.map(\.masked)) == ["保本", "加我微信"])
        #expect(cue.reason.contains("wechat"))
    }

    @Test("a banned role on a banned channel, an unapproved channel, and sampling of a role's messages")
    func channelsAndSampling() throws {
        let byMessage = try Self.alerts(try Self.setUp())
        let telegram = try #require(byMessage["p4"])
        #expect(Set(telegram.map(\.rule)) == ["rm-no-telegram", "unapproved-apps", "sample"])
        #expect(telegram.first { $0.rule == "rm-no-telegram" }?.reason.contains("Zhang Wei (relationship-manager)") == true)
        // Rate 1.0 for relationship managers: each of Zhang Wei's own messages is sampled, nobody else's.
        #expect(byMessage.filter { $0.value.contains { $0.rule == "sample" } }.keys.sorted() == ["p2", "p4"])
    }

    @Test("applying a policy is a ledgered change; a file with problems is refused")
    func apply() throws {
        let t = try Self.setUp()
        let events = try t.archive.store.read { try $0.ledgerEntries(from: 0, limit: 1000) }
            .map { try LedgerEvent.decode($0.payload) }
        #expect(events.filter { $0.type == .policyChange }.count == 1)
        #expect(events.first { $0.type == .policyChange }?.actor == "cco")
        let bad = try t.write("bad.yaml", "organisation:\n  name: X\nsurveillance:\n  rules:\n    - id: Bad Id\n      type: nope\n")
        #expect(throws: VellumError.self) { try PolicyService(archive: t.archive).apply(bad, actor: "cco") }
        #expect(try PolicyService.check(bad).1.count >= 2)
        #expect(try t.verify().ok)
    }
}

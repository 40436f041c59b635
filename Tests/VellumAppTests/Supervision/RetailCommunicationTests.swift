import Foundation
import Testing
@testable import VellumApp
import VellumCore
import VellumStore
import VellumSurveillance

/// FINRA 2210: more than N outside recipients within the window is a retail communication.
@Suite("The retail-communication rule, through import")
struct RetailCommunicationTests {
    static let policy = """
        organisation:
          name: Harbour Bridge Ltd
          country: US
        channels:
          whatsapp: {approved: true}
          sms: {approved: true}
        surveillance:
          rules:
            - id: retail-2210
              type: retail_communication
              max_recipients: 3
              window_days: 30
              roles: [relationship-manager]
        """

    static func line(_ id: String, day: Int, to: String, channel: String = "whatsapp", from: String = "+85291230001") -> String {
        #"{"channel":"\#(channel)","account":"+85291230001","conversation":{"id":"c-\#(to)","kind":"direct"},"id":"\#(id)","sent_at":"2026-04-\#(String(format: "%02d", day))T09:00:00Z","from":{"id":"\#(from)"},"to":[{"id":"\#(to)"}],"text":"Our new fund is open, see the brochure"}"#
    }

    @Test("the message that takes an employee past the limit is flagged once, with why; outsiders, repeats and old contacts do not count")
    func retail() throws {
        let t = try TestArchive()
        try DirectoryService(archive: t.archive).importFile(try t.write("d.yaml", Fixture.directory), actor: "t")
        try PolicyService(archive: t.archive).apply(try t.write("policy.yaml", Self.policy), actor: "cco")
        let lines = [
            Self.line("r1", day: 1, to: "+1 415 555 0101"),
            Self.line("r2", day: 2, to: "+1 415 555 0102"),
            Self.line("r3", day: 3, to: "+14155550101", channel: "sms"),  // the same person again, on SMS
            Self.line("r4", day: 4, to: "+1 415 555 0103"),
            Self.line("x1", day: 5, to: "+85291230001", from: "+1 415 555 0199"),  // an outsider writing in
            Self.line("r5", day: 6, to: "+1 415 555 0104"),  // the fourth distinct outsider: past 3
            Self.line("r6", day: 7, to: "+1 415 555 0105"),  // still past, not a new crossing
        ]
        try t.importJSONL(lines.joined(separator: "\n") + "\n")
        let byMessage = try PolicySupervisionTests.alerts(t)
        #expect(byMessage.keys.sorted() == ["r5"])
        let alert = try #require(byMessage["r5"]?.first)
        #expect(alert.rule == "retail-2210" && alert.rule_type == "retail_communication")
        #expect(alert.reason.contains("Zhang Wei") && alert.reason.contains("4 different outside people")
            && alert.reason.contains("FINRA Rule 2210"))
        // Forty days on, the window holds one recipient again: no alert.
        try t.importJSONL(Self.line("r7", day: 30, to: "+1 415 555 0106").replacingOccurrences(of: "2026-04-30", with: "2026-06-15") + "\n",
                          name: "later.jsonl")
        #expect(try PolicySupervisionTests.alerts(t).keys.sorted() == ["r5"])
        #expect(try t.search("alert:open").hits.map(\.source_id) == ["r5"])
        #expect(try t.verify().ok)
    }
}

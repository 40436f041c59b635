import Foundation
import Testing
@testable import VellumApp
import VellumCore
import VellumPolicy

/// The query language through the archive: the same text means the same thing everywhere.
@Suite("Searching with the query language")
struct QueryLanguageSearchTests {
    static func archive() throws -> TestArchive {
        let t = try TestArchive()
        try DirectoryService(archive: t.archive).importFile(try t.write("d.yaml", Fixture.directory), actor: "t")
        try t.importJSONL(Fixture.chat)
        return t
    }

    @Test("field filters, OR within a field, negated channels, dates and sorting", arguments: [
        ("channel:whatsapp", ["wa1", "wa2", "wa3"]),
        ("channel:wecom OR channel:telegram", ["w1", "w2", "t1", "t2"]),
        ("-channel:whatsapp -channel:wecom", ["t1", "t2"]),
        ("from:E1001", ["w2", "wa2", "wa3"]),
        ("to:E1001", ["w1", "wa1"]),
        ("participant:E1001 participant:\"+44 7700 900123\"", ["wa1", "wa2", "wa3"]),
        ("conversation:c-li", ["w1", "w2"]),
        ("after:2026-03-02 before:2026-03-04", ["wa1", "wa2", "wa3"]),
        ("on:2026-03-04", ["t1", "t2"]),
        ("sent:2026-03-03..2026-03-04 channel:telegram", ["t1", "t2"]),
        ("allocation channel:whatsapp sort:oldest", ["wa1", "wa2", "wa3"]),
        ("channel:telegram sort:newest", ["t2", "t1"]),
        ("\"the allocation memo\" from:E1001", ["wa2"]),
        ("合同", ["w1"]),
        ("channel:wecom channel:telegram", []),
        // Words with OR, NOT and parentheses.
        ("memo OR 合同 sort:oldest", ["w1", "wa1", "wa2", "wa3"]),
        ("allocation -revised sort:oldest", ["wa1", "wa2"]),
        ("channel:whatsapp NOT allocation", []),
        ("-allocation -合同 channel:telegram", ["t1", "t2"]),
        ("(bond OR revised) allocation sort:oldest", ["wa1", "wa3"]),
        ("allocation (memo NOT revised) sort:oldest", ["wa1", "wa2"]),
        ("(portfolio OR 合同) OR (allocation -bond -revised) sort:oldest", ["w1", "wa2", "t1"]),
        // What the records hold, their revisions and their alerts.
        ("has:attachment", ["wa2"]),
        ("has:edit", ["wa2"]),
        ("has:recall", ["t1"]),
        ("kind:text channel:telegram", ["t1"]),
        ("(has:attachment OR kind:text) channel:whatsapp", ["wa1", "wa2", "wa3"]),
        ("alert:any", []),
    ])
    func filters(query: String, expected: [String]) throws {
        let t = try Self.archive()
        #expect(try t.search(query).hits.map(\.source_id) == expected)
    }

    @Test("detector:, alert: and hold: find what surveillance and legal holds marked")
    func marked() throws {
        let t = try TestArchive()
        try DirectoryService(archive: t.archive).importFile(try t.write("d.yaml", Fixture.directory), actor: "t")
        try PolicyService(archive: t.archive).apply(try t.write("p.yaml", """
            organisation:
              name: Harbour Bridge Ltd
              country: HK
            channels:
              wecom: {approved: true, end_to_end_encrypted: false}
            surveillance:
              rules:
                - id: pii-unencrypted
                  type: sensitive_data
                  channels: unencrypted
            """), actor: "cco")
        try t.importJSONL(Fixture.chat + """
            {"channel":"wecom","account":"corp1","conversation":{"id":"c-li","kind":"direct"},"id":"w3","sent_at":"2026-03-05T09:00:00+08:00","from":{"id":"wmLiNa001","name":"李娜"},"to":[{"id":"zhangwei"}],"text":"卡号 4111 1111 1111 1111"}

            """)
        #expect(try t.search("detector:credit_card").hits.map(\.source_id) == ["w3"])
        #expect(try t.search("alert:open").hits.map(\.source_id) == ["w3"])
        #expect(try t.search("alert:closed").hits.isEmpty)
        _ = try HoldService(archive: t.archive).create(
            matter: "Baker dispute", reason: "claim", scope: HoldScope(externalParties: ["+44 7700 900123"]),
            actor: "legal", on: CalendarDay("2026-11-29")!)
        _ = try HoldService(archive: t.archive).create(
            matter: "Li contract", reason: "claim", scope: HoldScope(conversations: ["c-li"], query: "合同"),
            actor: "legal", on: CalendarDay("2026-11-29")!)
        #expect(try t.search("hold:\"Baker dispute\"").hits.map(\.source_id) == ["wa1", "wa2", "wa3"])
        #expect(try t.search("hold:\"li contract\"").hits.map(\.source_id) == ["w1"])
        #expect(try t.search("hold:\"Baker dispute\" revised").hits.map(\.source_id) == ["wa3"])
    }

    @Test("syntax errors and constructs the index cannot answer yet name their column")
    func errors() throws {
        let t = try Self.archive()
        for (query, part) in [
            ("(allocation", "column 1"), ("frm:E1001", "did you mean `from`"), ("after:2026-02-30", "column"),
            ("allocat*", "column 1"), ("memo OR from:E1001", "column 6"), ("has:attachment OR has:edit", "has:edit"), ("detector:nope", "column 1"),
            ("memo OR -合同", "column 6"), ("hold:unknown", "column 1"), ("alert:open alert:closed", "two `alert:`"),
            ("-from:E1001", "column 2"),
        ] {
            do {
                _ = try t.search(query)
                Issue.record("\(query) should be refused")
            } catch let error as VellumError {
                #expect(error.reason.contains(part), "\(query): \(error.reason)")
            }
        }
    }
}

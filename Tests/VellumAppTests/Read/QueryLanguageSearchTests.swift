import Foundation
import Testing
@testable import VellumApp
import VellumCore

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
    ])
    func filters(query: String, expected: [String]) throws {
        let t = try Self.archive()
        #expect(try t.search(query).hits.map(\.source_id) == expected)
    }

    @Test("syntax errors and constructs the index cannot answer yet name their column")
    func errors() throws {
        let t = try Self.archive()
        for (query, part) in [
            ("(allocation", "column 1"), ("frm:E1001", "did you mean `from`"), ("after:2026-02-30", "column"),
            ("memo OR 合同", "column 6"), ("has:attachment", "column 1"), ("-allocation", "column"),
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

import Foundation
import Testing
@testable import VellumApp
import VellumCore
import VellumSurveillance
import VellumStore

/// A supervisor of the tests' own: flags every message whose text mentions a word, and says who
/// sent it, so the queue can be tested apart from the detectors and the policy.
struct WordSupervisor: MessageSupervisor {
    var word: String

    func alerts(for message: Message, parties: SupervisedParties, recordID: RecordID) -> [AlertExplanation] {
        guard let text = message.text, let range = text.range(of: word) else { return [] }
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
        return [AlertExplanation(
            rule: "test-lexicon", rule_type: "lexicon", severity: "medium",
            reason: "“\(word)” sent by \(parties.sender?.id ?? "an outsider")",
            findings: [.init(detector: "lexicon:test", start: start, end: start + word.unicodeScalars.count,
                             confidence: 1, masked: word)],
            channel: message.source.channel,
            channel_note: message.source.channel.isEndToEndEncrypted ? nil : "\(message.source.channel.displayName) is not end-to-end encrypted")]
    }
}

@Suite("The review queue")
struct AlertQueueTests {
    static func flagged(_ word: String = "allocation") throws -> TestArchive {
        let t = try TestArchive()
        try DirectoryService(archive: t.archive).importFile(try t.write("d.yaml", Fixture.directory), actor: "t")
        let ingestor = try Ingestor(archive: t.archive, supervision: .custom(WordSupervisor(word: word)))
        try FileImporter(ingestor: ingestor, format: .jsonl).importFile(try t.write("chat.jsonl", Fixture.chat))
        return t
    }

    @Test("import raises one explained alert per flagged message, ledgered, and a re-import raises none")
    func raised() throws {
        let t = try Self.flagged()
        let service = AlertService(archive: t.archive)
        let alerts = try service.list(AlertQuery(), actor: "rev")
        // wa1 ("bond allocation memo"), wa2 and its edit wa3 mention "allocation".
        #expect(alerts.count == 3)
        #expect(alerts.allSatisfy { $0.status == "open" && $0.rule == "test-lexicon" })
        let detail = try service.show(alerts.last!.id, actor: "rev")
        #expect(detail.explanation?.findings.first?.masked == "allocation")
        #expect(detail.message?.text == "Can you send the bond allocation memo?")
        #expect(detail.explanation?.reason == "“allocation” sent by an outsider")
        let events = try t.archive.store.read { try $0.ledgerEntries(from: 0, limit: 1000) }
            .map { try LedgerEvent.decode($0.payload) }
        #expect(events.filter { $0.type == .alert }.count == 3)
        try FileImporter(ingestor: try Ingestor(archive: t.archive, supervision: .custom(WordSupervisor(word: "allocation"))), format: .jsonl)
            .importFile(try t.write("again.jsonl", Fixture.chat))
        #expect(try t.archive.store.read { try $0.alertCounts() } == [.open: 3])
        #expect(try t.verify().ok)
    }

    @Test("assign, review, escalate, close and reopen: each a ledger leaf with the reviewer; notes sealed")
    func workflow() throws {
        let t = try Self.flagged()
        let service = AlertService(archive: t.archive)
        let id = try #require(try service.list(AlertQuery(), actor: "rev").first?.id)
        try service.assign(id, to: "reviewer-1", actor: "lead")
        try service.review(id, actor: "reviewer-1")
        try service.escalate(id, note: "client asked for off-book terms", actor: "reviewer-1")
        #expect(throws: VellumError.self) { try service.close(id, disposition: .truePositive, note: " ", actor: "lead") }
        try service.close(id, disposition: .truePositive, note: "memo shared outside the desk", actor: "lead")
        #expect(throws: VellumError.self) { try service.review(id, actor: "lead") }
        #expect(throws: VellumError.self) { try service.close(id, disposition: .falsePositive, note: "again", actor: "lead") }
        let detail = try service.show(id, actor: "auditor")
        #expect(detail.alert.status == "closed" && detail.alert.assignee == "reviewer-1")
        #expect(detail.actions.map(\.action) == ["assign", "review", "escalate", "close"])
        #expect(detail.actions.last?.disposition == "true_positive" && detail.actions.last?.note == "memo shared outside the desk")
        try service.reopen(id, note: "new facts", actor: "lead")
        #expect(try service.list(AlertQuery(statuses: [.open]), actor: "rev").contains { $0.id == id })
        let actions = try t.archive.store.read { try $0.ledgerEntries(from: 0, limit: 1000) }
            .map { try LedgerEvent.decode($0.payload) }.filter { $0.type == .alertAction }
        #expect(actions.map(\.action) == ["assign", "review", "escalate", "close", "reopen"])
        #expect(actions.allSatisfy { $0.alert == id && $0.actor != nil })
        let bytes = try t.allBytes()
        for secret in ["memo shared outside the desk", "off-book", "allocation"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is in the archive's files")
        }
        #expect(try t.verify().ok)
    }

    @Test("the queue filters by status, rule and assignee")
    func filters() throws {
        let t = try Self.flagged()
        let service = AlertService(archive: t.archive)
        let ids = try service.list(AlertQuery(), actor: "r").map(\.id)
        try service.assign(ids[0], to: "amy", actor: "lead")
        try service.close(ids[1], disposition: .falsePositive, note: "internal memo", actor: "lead")
        #expect(try service.list(AlertQuery(assignee: "amy"), actor: "r").map(\.id) == [ids[0]])
        #expect(try service.list(AlertQuery(statuses: [.closed]), actor: "r").map(\.id) == [ids[1]])
        #expect(try service.list(AlertQuery(rule: "nope"), actor: "r").isEmpty)
    }
}

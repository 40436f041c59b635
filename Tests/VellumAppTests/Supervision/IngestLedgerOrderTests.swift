import Foundation
import Testing
@testable import VellumApp
import VellumCore
import VellumSurveillance
import VellumStore

/// Flags every message whose text mentions a word under two rules, the first one twice (a record
/// keeps one alert per rule), so a batch interleaves records and several alerts in the ledger.
struct TwoRuleSupervisor: MessageSupervisor {
    var word: String

    func alerts(for message: Message, parties: SupervisedParties, recordID: RecordID) -> [AlertExplanation] {
        guard let text = message.text, text.contains(word) else { return [] }
        return ["rule-a", "rule-b", "rule-a"].map {
            AlertExplanation(
                rule: $0, rule_type: "lexicon", severity: "low", reason: "mentions \(word)", findings: [],
                channel: message.source.channel, channel_note: nil)
        }
    }
}

@Suite("Ingest commits a batch's records together and keeps the ledger order")
struct IngestLedgerOrderTests {
    @Test("each record, then its alerts (one per rule), then the next record; indexes point at their events")
    func recordsThenTheirAlerts() throws {
        let t = try TestArchive()
        let ingestor = try Ingestor(archive: t.archive, supervision: .custom(TwoRuleSupervisor(word: "allocation")))
        _ = try FileImporter(ingestor: ingestor, format: .jsonl).importFile(try t.write("chat.jsonl", Fixture.chat))
        let (events, records, alerts) = try t.archive.store.read { tx in
            (try tx.ledgerEntries(from: 0, limit: 1000).map { try LedgerEvent.decode($0.payload) },
             try tx.records(after: -1, limit: 100).map(\.record),
             try tx.alerts(AlertQuery()))
        }
        // wa1, wa2 and wa3 mention "allocation": two alerts each.
        #expect(records.count == 7)
        #expect(alerts.count == 6)
        let captures = events.filter { $0.type == .capture }
        #expect(captures.map(\.record) == records.map(\.id.rawValue), "captures in position order")
        for r in records {
            let event = events[Int(r.ledgerIndex)]
            #expect(event.type == .capture && event.record == r.id.rawValue)
            let own = alerts.filter { $0.record == r.id }.sorted { $0.ledgerIndex < $1.ledgerIndex }
            #expect(own.map(\.ledgerIndex) == own.indices.map { r.ledgerIndex + 1 + UInt64($0) }, "alerts follow their record")
            #expect(own.map(\.rule) == (own.isEmpty ? [] : ["rule-a", "rule-b"]))
        }
        for a in alerts {
            let event = events[Int(a.ledgerIndex)]
            #expect(event.type == .alert && event.alert == a.id && event.record == a.record.rawValue && event.kind == a.rule)
        }
        #expect(try t.verify().ok)
    }
}

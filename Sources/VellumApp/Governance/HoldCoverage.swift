import Foundation
import VellumCore
import VellumPolicy
import VellumStore

/// Which records a legal hold covers, and the hold subject of one record: who took part (employees
/// by directory id, outsiders by normalized identifier), where and when.
struct HoldCoverage {
    let archive: Archive

    func subject(of m: ArchivedMessage, holds: [LegalHold]) -> HoldSubject {
        let people = [m.from] + m.to
        let sent = Timestamp(rfc3339: m.sent_at) ?? Timestamp(seconds: 0)
        let text = m.indexedText
        return HoldSubject(
            custodians: Set(people.compactMap(\.employee)),
            externalParties: Set(people.filter { $0.employee == nil }.map { Identifier.normalize($0.id, channel: m.channel) }),
            conversation: m.conversation.id, channel: m.channel, sent: CalendarDay(utc: sent),
            matchedQueryHolds: Set(holds.filter { $0.scope.query.map { QueryText.matches($0, text: text) } ?? false }.map(\.id)))
    }

    /// Every record the hold covers, in ledger order (each record opened once).
    func records(covered hold: LegalHold) throws -> [StoredRecord] {
        var out: [StoredRecord] = []
        try forEachPage(covered: hold) { out += $0 }
        return out
    }

    /// The records the hold covers, a page at a time, in ledger order.
    func forEachPage(covered hold: LegalHold, _ body: ([StoredRecord]) throws -> Void) throws {
        var after: Int64 = -1
        while true {
            let page = try archive.store.read { tx in
                try tx.records(after: after, limit: 1000).map { ($0.position, $0.record, try archive.open($0.record, reader: tx).message) }
            }
            guard let last = page.last else { return }
            try body(page.filter { hold.covers(subject(of: $0.2, holds: [hold])) }.map(\.1))
            after = last.0
        }
    }
}

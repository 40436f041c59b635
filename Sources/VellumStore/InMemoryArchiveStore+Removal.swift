import Foundation
import VellumCore

extension MemoryTransaction {
    func remove(_ removal: RecordRemoval) throws {
        guard let i = s.byID[removal.id] else { throw VellumError(.notFound, "no record \(removal.id) to remove") }
        s.records.remove(at: i)
        s.byID = [:]
        s.bySource = [:]
        for (j, r) in s.records.enumerated() {
            s.byID[r.record.id] = j
            s.bySource[r.record.sourceKey] = j
        }
        s.tokens[removal.id] = nil
        for j in s.alerts.indices where s.alerts[j].record == removal.id { s.alerts[j].sealed = Data() }
        s.restrictions[removal.id] = nil
        s.removals[removal.sourceKey] = removal
    }

    func removals(after ledgerIndex: Int64, limit: Int) throws -> [RecordRemoval] {
        Array(s.removals.values.filter { Int64($0.ledgerIndex) > ledgerIndex }.sorted { $0.ledgerIndex < $1.ledgerIndex }
            .prefix(limit))
    }

    func removal(id: RecordID) throws -> RecordRemoval? { s.removals.values.first { $0.id == id } }

    func restrictions() throws -> [RecordRestriction] {
        s.restrictions.values.sorted { ($0.since, $0.id.rawValue) < ($1.since, $1.id.rawValue) }
    }

    func restriction(of id: RecordID) throws -> RecordRestriction? { s.restrictions[id] }

    func restrict(_ r: RecordRestriction) throws {
        if s.restrictions[r.id] == nil { s.restrictions[r.id] = r }
    }

    func unrestrict(_ id: RecordID) throws { s.restrictions[id] = nil }
}

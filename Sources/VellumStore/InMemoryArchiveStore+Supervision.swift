import Foundation
import VellumCore

extension MemoryTransaction {
    func alerts(_ q: AlertQuery) throws -> [StoredAlert] {
        let matching = s.alerts.filter { a in
            (q.statuses?.contains(a.status) ?? true) && (q.rule.map { $0 == a.rule } ?? true)
                && (q.assignee.map { $0 == a.assignee } ?? true)
        }
        return Array(matching.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }.dropFirst(q.offset).prefix(q.limit))
    }

    func alert(id: Int64) throws -> StoredAlert? { s.alerts.first { $0.id == id } }

    func alertActions(alertID: Int64) throws -> [StoredAlertAction] {
        s.alertActions.filter { $0.alertID == alertID }
    }

    func alertCounts() throws -> [StoredAlert.Status: Int] {
        s.alerts.reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
    }

    func addAlert(_ alert: StoredAlert) throws -> Int64? {
        guard !s.alerts.contains(where: { $0.record == alert.record && $0.rule == alert.rule }) else { return nil }
        var alert = alert
        alert.id = Int64(s.alerts.count + 1)
        s.alerts.append(alert)
        return alert.id
    }

    func updateAlert(id: Int64, status: StoredAlert.Status, assignee: String?, at: Int64) throws {
        guard let i = s.alerts.firstIndex(where: { $0.id == id }) else {
            throw VellumError(.notFound, "no alert \(id)")
        }
        s.alerts[i].status = status
        s.alerts[i].assignee = assignee
        s.alerts[i].updatedAt = at
    }

    func addAlertAction(_ action: StoredAlertAction) throws {
        guard s.alerts.contains(where: { $0.id == action.alertID }) else {
            throw VellumError(.notFound, "no alert \(action.alertID)")
        }
        s.alertActions.append(action)
    }

    func usage(sinceDay: String?) throws -> [UsageCount] {
        s.usage.values.filter { u in sinceDay.map { u.day >= $0 } ?? true }
            .sorted { ($0.day, $0.employeeKey.hexString, $0.channel.rawValue) < ($1.day, $1.employeeKey.hexString, $1.channel.rawValue) }
    }

    func addUsage(_ counts: [UsageCount]) throws {
        for c in counts {
            let key = c.employeeKey.hexString + "/" + c.channel.rawValue + "/" + c.day
            if var u = s.usage[key] {
                u.sent += c.sent
                u.received += c.received
                u.firstAt = min(u.firstAt, c.firstAt)
                u.lastAt = max(u.lastAt, c.lastAt)
                s.usage[key] = u
            } else {
                s.usage[key] = c
            }
        }
    }

    func captureAccounts() throws -> [CaptureAccount] {
        s.accounts.values.sorted { ($0.channel.rawValue, $0.accountKey.hexString) < ($1.channel.rawValue, $1.accountKey.hexString) }
    }

    func touchCaptureAccount(_ a: CaptureAccount) throws {
        let key = a.channel.rawValue + "/" + a.accountKey.hexString
        if var known = s.accounts[key] {
            known.firstAt = min(known.firstAt, a.firstAt)
            known.lastAt = max(known.lastAt, a.lastAt)
            known.messages += a.messages
            s.accounts[key] = known
        } else {
            s.accounts[key] = a
        }
    }

    func orphanRevisions() throws -> [OrphanRevisionCount] {
        var counts: [String: OrphanRevisionCount] = [:]
        for (_, r) in s.records {
            guard let target = r.targetKey, s.bySource[target] == nil, s.removals[target] == nil else { continue }
            counts[r.channel.rawValue + "/" + r.kind.rawValue, default: .init(channel: r.channel, kind: r.kind, count: 0)]
                .count += 1
        }
        return counts.values.sorted { ($0.channel.rawValue, $0.kind.rawValue) < ($1.channel.rawValue, $1.kind.rawValue) }
    }

    func noteRecipients(sender: Data, recipients: [Data], at: Int64, windowStart: Int64) throws -> (before: Int, after: Int) {
        var seen = s.recipients[sender] ?? [:]
        let before = seen.values.count { $0 >= windowStart }
        for r in recipients { seen[r] = max(seen[r] ?? at, at) }
        s.recipients[sender] = seen
        return (before, seen.values.count { $0 >= windowStart })
    }
}

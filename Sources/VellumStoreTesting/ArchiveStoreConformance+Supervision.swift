import Foundation
import VellumCore
import VellumStore

extension ArchiveStoreConformance {
    static func alert(_ record: Int, rule: String, at: Int64) -> StoredAlert {
        StoredAlert(
            record: id(record), rule: rule, severity: "high", createdAt: at, scope: key("scope"),
            sealed: Data("sealed-alert-\(record)-\(rule)".utf8), ledgerIndex: UInt64(record))
    }

    static func alerts(_ store: any ArchiveStore) throws {
        let ids = try store.write { tx in
            [
                try tx.addAlert(alert(1, rule: "pii", at: 10)),
                try tx.addAlert(alert(1, rule: "off-channel", at: 11)),
                try tx.addAlert(alert(2, rule: "pii", at: 12)),
                try tx.addAlert(alert(1, rule: "pii", at: 13)),
            ]
        }
        try check(ids[0] != nil && ids[1] != nil && ids[2] != nil, "new (record, rule) pairs are added")
        try check(ids[3] == nil, "a second alert for the same record and rule is not added")
        try check(Set(ids.compactMap { $0 }).count == 3, "alert ids are distinct")
        try store.write { tx in
            try tx.updateAlert(id: ids[2]!, status: .closed, assignee: "rev1", at: 20)
            try tx.addAlertAction(StoredAlertAction(
                alertID: ids[2]!, at: 20, actor: "rev1", action: "close", sealedNote: Data("n".utf8), ledgerIndex: 9))
            try tx.addAlertAction(StoredAlertAction(
                alertID: ids[2]!, at: 21, actor: "rev2", action: "reopen", sealedNote: nil, ledgerIndex: 10))
        }
        var threw = false
        do {
            try store.write { tx in try tx.updateAlert(id: 999, status: .closed, assignee: nil, at: 1) }
        } catch { threw = true }
        try check(threw, "updating an unknown alert throws")
        threw = false
        do {
            try store.write { tx in
                try tx.addAlertAction(StoredAlertAction(
                    alertID: 999, at: 1, actor: "x", action: "close", sealedNote: nil, ledgerIndex: 1))
            }
        } catch { threw = true }
        try check(threw, "an action on an unknown alert throws")
        try store.read { tx in
            let all = try tx.alerts(AlertQuery())
            try check(all.map(\.id) == [ids[2]!, ids[1]!, ids[0]!], "alerts list newest first")
            let open = try tx.alerts(AlertQuery(statuses: [.open]))
            try check(Set(open.map(\.id)) == [ids[0]!, ids[1]!], "alerts filter by status")
            try check(try tx.alerts(AlertQuery(rule: "pii")).count == 2, "alerts filter by rule")
            try check(try tx.alerts(AlertQuery(assignee: "rev1")).map(\.id) == [ids[2]!], "alerts filter by assignee")
            try check(try tx.alerts(AlertQuery(limit: 1, offset: 1)).map(\.id) == [ids[1]!], "alerts page")
            let closed = try tx.alert(id: ids[2]!)
            try check(closed?.status == .closed && closed?.assignee == "rev1" && closed?.updatedAt == 20,
                      "an update is kept")
            try check(closed?.sealed == Data("sealed-alert-2-pii".utf8), "the sealed explanation reads back")
            let actions = try tx.alertActions(alertID: ids[2]!)
            try check(actions.map(\.action) == ["close", "reopen"], "actions read back in order")
            try check(actions.first?.sealedNote == Data("n".utf8) && actions.last?.sealedNote == nil, "notes read back")
            try check(try tx.alertCounts() == [.open: 2, .closed: 1], "alerts count by status")
        }
    }

    static func usage(_ store: any ArchiveStore) throws {
        let alice = key("alice")
        try store.write { tx in
            try tx.addUsage([
                UsageCount(employeeKey: alice, channel: .wecom, day: "2026-03-01", sent: 2, received: 1, firstAt: 50, lastAt: 60),
                UsageCount(employeeKey: alice, channel: .whatsapp, day: "2026-03-01", sent: 1, received: 0, firstAt: 55, lastAt: 55),
            ])
            try tx.addUsage([
                UsageCount(employeeKey: alice, channel: .wecom, day: "2026-03-01", sent: 1, received: 4, firstAt: 40, lastAt: 58),
                UsageCount(employeeKey: alice, channel: .wecom, day: "2026-03-02", sent: 1, received: 0, firstAt: 90, lastAt: 90),
            ])
            try tx.touchCaptureAccount(CaptureAccount(
                channel: .wecom, accountKey: key("corp"), sealedName: Data("n1".utf8), firstAt: 50, lastAt: 60, messages: 3))
            try tx.touchCaptureAccount(CaptureAccount(
                channel: .wecom, accountKey: key("corp"), sealedName: Data("n2".utf8), firstAt: 10, lastAt: 30, messages: 2))
        }
        try store.read { tx in
            let rows = try tx.usage(sinceDay: nil)
            try check(rows.count == 3, "one row per employee, channel and day")
            let wecomDay1 = rows.first { $0.channel == .wecom && $0.day == "2026-03-01" }
            try check(wecomDay1?.sent == 3 && wecomDay1?.received == 5, "counts add up")
            try check(wecomDay1?.firstAt == 40 && wecomDay1?.lastAt == 60, "first and last seen widen")
            try check(try tx.usage(sinceDay: "2026-03-02").map(\.day) == ["2026-03-02"], "usage filters by day")
            let accounts = try tx.captureAccounts()
            try check(accounts.count == 1, "an account is one row")
            try check(accounts.first?.messages == 5 && accounts.first?.firstAt == 10 && accounts.first?.lastAt == 60,
                      "account counts add up and its first and last seen widen")
            try check(accounts.first?.sealedName == Data("n1".utf8), "the account keeps its first sealed name")
        }
    }

    static func orphans(_ store: any ArchiveStore) throws {
        try store.write { tx in
            try tx.insert(record(1), indexTokens: "a")
            try tx.insert(record(2, kind: .status, target: "src1"), indexTokens: "")
            try tx.insert(record(3, channel: .whatsapp, kind: .status, target: "src99"), indexTokens: "")
            try tx.insert(record(4, channel: .whatsapp, kind: .status, target: "src98"), indexTokens: "")
            try tx.insert(record(5, channel: .whatsapp, kind: .reaction, target: "src97"), indexTokens: "")
        }
        try store.read { tx in
            try check(
                try tx.orphanRevisions() == [
                    .init(channel: .whatsapp, kind: .reaction, count: 1), .init(channel: .whatsapp, kind: .status, count: 2),
                ], "revisions whose target is missing are counted by channel and kind; linked ones are not")
        }
        // The missing message arrives later: its statuses stop being gaps.
        try store.write { tx in
            var late = record(6, channel: .whatsapp)
            late.sourceKey = key("src99")
            late.id = RecordID(sourceKey: late.sourceKey)
            try tx.insert(late, indexTokens: "b")
        }
        try store.read { tx in
            try check(try tx.orphanRevisions().first { $0.kind == .status }?.count == 1, "a late original closes its gap")
        }
    }

    static func recipientWindow(_ store: any ArchiveStore) throws {
        let day: Int64 = 86_400_000
        let a = key("alice")
        let counts = try store.write { tx in
            [
                try tx.noteRecipients(sender: a, recipients: [key("c1"), key("c2")], at: 10 * day, windowStart: -20 * day),
                try tx.noteRecipients(sender: a, recipients: [key("c2"), key("c3")], at: 12 * day, windowStart: -18 * day),
                try tx.noteRecipients(sender: key("bob"), recipients: [key("c1")], at: 12 * day, windowStart: -18 * day),
                // 35 days later only c4 and what was written since day 17 count.
                try tx.noteRecipients(sender: a, recipients: [key("c4")], at: 47 * day, windowStart: 17 * day),
                try tx.noteRecipients(sender: a, recipients: [], at: 48 * day, windowStart: 11 * day),
            ]
        }
        try check(counts[0] == (0, 2), "two new recipients")
        try check(counts[1] == (2, 3), "a repeated recipient counts once")
        try check(counts[2] == (0, 1), "senders are counted apart")
        try check(counts[3] == (0, 1), "recipients outside the window drop out")
        try check(counts[4] == (3, 3), "a wider window takes them back")
    }
}

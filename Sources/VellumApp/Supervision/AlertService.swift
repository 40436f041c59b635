public import Foundation
public import VellumCore
import VellumCrypto
public import VellumStore
public import VellumSurveillance

/// How a reviewer closes an alert.
public enum AlertDisposition: String, Sendable, Codable, CaseIterable {
    case truePositive = "true_positive"
    case falsePositive = "false_positive"
    case needsAction = "needs_action"
}

/// An alert as the queue lists it.
public struct AlertSummary: Sendable, Codable, Hashable {
    public var id: Int64
    public var record: String
    public var rule: String
    public var severity: String
    public var status: String
    public var assignee: String?
    public var created_at: String
    public var updated_at: String
    /// The explanation's sentence; absent when the record's subject was erased.
    public var reason: String?
}

/// One reviewer action, opened.
public struct AlertActionView: Sendable, Codable, Hashable {
    public var at: String
    public var actor: String
    public var action: String
    public var disposition: String?
    public var note: String?
    public var ledger_index: UInt64
}

/// An alert with everything a reviewer needs: why, the message, and what was done so far.
public struct AlertDetail: Sendable, Codable, Hashable {
    public var alert: AlertSummary
    public var explanation: AlertExplanation?
    public var message: RecordView?
    public var actions: [AlertActionView]
}

/// The review queue (FINRA 3110 supervision): list, show, assign, review, escalate, close, reopen.
/// Every action is a ledger leaf naming the reviewer, the alert and the time; notes are sealed.
public struct AlertService: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    struct Note: Codable {
        var disposition: String?
        var note: String?
    }

    /// How many alerts the queue holds, in any state (counts only: no access event).
    public func count() throws -> Int {
        try archive.store.read { try $0.alertCounts() }.values.reduce(0, +)
    }

    public func list(_ query: AlertQuery, actor: String) throws -> [AlertSummary] {
        let alerts = try archive.store.read { try $0.alerts(query) }
        let out = alerts.map(summary)
        try AccessLog(archive: archive).record(
            actor: actor, action: "alerts.list", records: alerts.map(\.record.rawValue), count: alerts.count,
            detail: "alerts \(query.statuses.map { $0.map(\.rawValue).sorted().joined(separator: ",") } ?? "all")")
        return out
    }

    public func show(_ id: Int64, actor: String) throws -> AlertDetail {
        let (alert, actions) = try archive.store.read { tx in
            guard let alert = try tx.alert(id: id) else { throw VellumError(.notFound, "no alert \(id)") }
            return (alert, try tx.alertActions(alertID: id))
        }
        // The record view logs its own access; it is absent only if the record was erased.
        let message = try? RecordViewer(archive: archive).show(alert.record.rawValue, actor: actor)
        return AlertDetail(
            alert: summary(alert), explanation: explanation(alert), message: message,
            actions: actions.map { a in
                let note = try? openNote(a, alert: alert)
                return AlertActionView(
                    at: Self.time(a.at), actor: a.actor, action: a.action, disposition: note?.disposition,
                    note: note?.note, ledger_index: a.ledgerIndex)
            })
    }

    public func assign(_ id: Int64, to reviewer: String, actor: String) throws {
        try act(id, actor: actor, action: "assign", note: Note(note: "assigned to \(reviewer)")) { alert in
            guard alert.status != .closed else { throw Self.refused(alert, "assign") }
            return (alert.status, reviewer)
        }
    }

    public func review(_ id: Int64, actor: String) throws {
        try act(id, actor: actor, action: "review", note: nil) { alert in
            guard alert.status == .open || alert.status == .escalated else { throw Self.refused(alert, "start reviewing") }
            return (.inReview, alert.assignee ?? actor)
        }
    }

    public func escalate(_ id: Int64, note: String, actor: String) throws {
        try act(id, actor: actor, action: "escalate", note: Note(note: note)) { alert in
            guard alert.status != .closed else { throw Self.refused(alert, "escalate") }
            return (.escalated, alert.assignee)
        }
    }

    public func close(_ id: Int64, disposition: AlertDisposition, note: String, actor: String) throws {
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw VellumError(.invalidInput, "closing an alert needs a note saying why")
        }
        try act(id, actor: actor, action: "close", note: Note(disposition: disposition.rawValue, note: note)) { alert in
            guard alert.status != .closed else { throw Self.refused(alert, "close") }
            return (.closed, alert.assignee ?? actor)
        }
    }

    public func reopen(_ id: Int64, note: String, actor: String) throws {
        try act(id, actor: actor, action: "reopen", note: Note(note: note)) { alert in
            guard alert.status == .closed else { throw Self.refused(alert, "reopen") }
            return (.open, alert.assignee)
        }
    }

    static func refused(_ alert: StoredAlert, _ what: String) -> VellumError {
        VellumError(.refused, "alert \(alert.id) is \(alert.status.rawValue); cannot \(what) it")
    }

    /// One transaction: the status change, the action row and its ledger leaf.
    func act(
        _ id: Int64, actor: String, action: String, note: Note?,
        transition: (StoredAlert) throws -> (StoredAlert.Status, String?)
    ) throws {
        let now = archive.nowMilliseconds
        let current = try archive.store.read { tx in
            guard let alert = try tx.alert(id: id) else { throw VellumError(.notFound, "no alert \(id)") }
            return alert
        }
        let sealedNote = try note.map { n -> Data in
            guard let key = try archive.existingDataKey(scopeID: current.scope) else {
                throw VellumError(.notFound, "alert \(id)'s record was erased; its queue entry can only be closed by retention")
            }
            return try key.seal(try JSONEncoder().encode(n), context: Archive.alertNoteContext(id))
        }
        try archive.store.write { tx in
            guard let alert = try tx.alert(id: id) else { throw VellumError(.notFound, "no alert \(id)") }
            let (status, assignee) = try transition(alert)
            let index = try tx.ledgerSize()
            try tx.updateAlert(id: id, status: status, assignee: assignee, at: now)
            try tx.addAlertAction(StoredAlertAction(
                alertID: id, at: now, actor: actor, action: action, sealedNote: sealedNote, ledgerIndex: index))
            _ = try LedgerAppender(archive: archive, tx: tx).append([
                LedgerEvent(
                    type: .alertAction, at: now, record: alert.record.rawValue,
                    commitment: sealedNote.map { Digest.sha256($0).hexString }, actor: actor, action: action,
                    alert: id)
            ])
        }
        try archive.writeCheckpoint()
    }

    func summary(_ a: StoredAlert) -> AlertSummary {
        AlertSummary(
            id: a.id, record: a.record.rawValue, rule: a.rule, severity: a.severity, status: a.status.rawValue,
            assignee: a.assignee, created_at: Self.time(a.createdAt), updated_at: Self.time(a.updatedAt),
            reason: explanation(a)?.reason)
    }

    func explanation(_ a: StoredAlert) -> AlertExplanation? {
        // Sealed under the record's own key: gone once the record is disposed of or erased.
        guard !a.sealed.isEmpty, let record = try? archive.store.read({ try $0.record(id: a.record) }),
              let key = try? archive.recordDataKey(record),
              let plain = try? key.open(a.sealed, context: Archive.alertContext(a.record))
        else { return nil }
        return try? JSONDecoder().decode(AlertExplanation.self, from: plain)
    }

    func openNote(_ a: StoredAlertAction, alert: StoredAlert) throws -> Note? {
        guard let sealed = a.sealedNote, let key = try archive.existingDataKey(scopeID: alert.scope) else { return nil }
        return try JSONDecoder().decode(Note.self, from: try key.open(sealed, context: Archive.alertNoteContext(alert.id)))
    }

    static func time(_ ms: Int64) -> String { UsageService.time(ms) }
}

import Foundation
import VellumCore
import VellumCrypto
import VellumStore

/// Checks the review queue against the ledger: every alert and every reviewer action is the row
/// its ledger entry committed to, none is missing, and each alert's status is the one its
/// ledgered actions lead to. A supervisor's disposition is evidence (FINRA 3110): an alert closed
/// by editing the database, or a review note changed afterwards, must show.
struct AlertAudit {
    struct Leaf {
        var index: UInt64
        var record: String?
        var commitment: String?
        var rule: String?
    }

    struct ActionLeaf {
        var alert: Int64?
        var action: String?
        var actor: String?
        var commitment: String?
    }

    var leaves: [Int64: Leaf]
    var actionLeaves: [UInt64: ActionLeaf]
    /// Records the ledger says were removed: their alerts' sealed explanations were emptied.
    let removed: Set<String>
    var problems: [VerifyReport.Problem] = []
    var count = 0

    init(leaves: [Int64: Leaf], actionLeaves: [UInt64: ActionLeaf], removed: Set<String>) {
        self.leaves = leaves
        self.actionLeaves = actionLeaves
        self.removed = removed
    }

    mutating func problem(_ code: String, _ detail: String) {
        if problems.count < 1000 { problems.append(.init(code: code, detail: detail)) }
    }

    mutating func run(_ tx: any ArchiveReader) throws {
        var offset = 0
        while true {
            let page = try tx.alerts(AlertQuery(limit: 1000, offset: offset))
            if page.isEmpty { break }
            offset += page.count
            for alert in page {
                count += 1
                check(alert)
                check(alert, actions: try tx.alertActions(alertID: alert.id))
            }
        }
        for (id, leaf) in leaves.sorted(by: { $0.value.index < $1.value.index }) {
            problem("alert.missing", "ledger entry \(leaf.index) raised alert \(id), but the review queue has no such alert")
        }
        for (index, leaf) in actionLeaves.sorted(by: { $0.key < $1.key }) {
            problem("alert.action.missing",
                    "ledger entry \(index) records a review action (\(leaf.action ?? "?")) on alert \(leaf.alert.map(String.init) ?? "?") that the review queue does not have")
        }
    }

    mutating func check(_ a: StoredAlert) {
        guard let leaf = leaves.removeValue(forKey: a.id) else {
            problem("alert.unledgered", "alert \(a.id) is in the review queue but no ledger entry raised it")
            return
        }
        let record = a.record.rawValue
        // A removed record's alert keeps its trail; its sealed explanation went with the record's key.
        let sealedMatches = a.sealed.isEmpty
            ? removed.contains(record) : leaf.commitment == Digest.sha256(a.sealed).hexString
        if leaf.index != a.ledgerIndex || leaf.record != record || leaf.rule != a.rule || !sealedMatches {
            problem("alert.ledger", "alert \(a.id) does not match its ledger entry \(leaf.index)")
        }
    }

    mutating func check(_ a: StoredAlert, actions: [StoredAlertAction]) {
        var status = StoredAlert.Status.open
        for action in actions.sorted(by: { $0.ledgerIndex < $1.ledgerIndex }) {
            guard let leaf = actionLeaves.removeValue(forKey: action.ledgerIndex), leaf.alert == a.id else {
                problem("alert.action.unledgered",
                        "review action \(action.action) on alert \(a.id) (ledger entry \(action.ledgerIndex)) is not in the ledger")
                continue
            }
            if leaf.action != action.action || leaf.actor != action.actor
                || leaf.commitment != action.sealedNote.map({ Digest.sha256($0).hexString }) {
                problem("alert.action.ledger",
                        "review action \(action.action) on alert \(a.id) does not match its ledger entry \(action.ledgerIndex)")
            }
            status = Self.status(after: action.action, from: status)
        }
        if status != a.status {
            problem("alert.status",
                    "alert \(a.id) is \(a.status.rawValue) in the review queue, but its ledgered actions leave it \(status.rawValue)")
        }
    }

    /// The status an action leads to (as ``AlertService`` moves it).
    static func status(after action: String, from status: StoredAlert.Status) -> StoredAlert.Status {
        switch action {
        case "review": .inReview
        case "escalate": .escalated
        case "close": .closed
        case "reopen": .open
        default: status
        }
    }
}

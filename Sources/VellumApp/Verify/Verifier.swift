public import Foundation
import VellumCore
import VellumCrypto
import VellumStore

/// `vellum verify`: re-derives everything the archive promises and names every difference.
public struct Verifier: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    /// Checks the whole archive; `trustedHead` is a tree head kept outside it (a regulator's copy).
    public func verify(trustedHead: CheckpointFile? = nil) throws -> VerifyReport {
        let publicKey = archive.keys.signing.publicKey
        var ledger = LedgerAudit()
        var records = 0
        var removed = 0
        var problems: [VerifyReport.Problem] = []
        var wormCopies: Int?
        var alertCount = 0
        try archive.store.read { tx in
            try ledger.run(tx, publicKey: publicKey)
            if let url = archive.checkpoint {
                if let data = FileManager.default.contents(atPath: url.path) {
                    if let file = try? JSONDecoder().decode(CheckpointFile.self, from: data) {
                        ledger.checkAnchor(file, name: "the checkpoint file", publicKey: publicKey)
                    } else {
                        ledger.problem("anchor.unreadable", "the checkpoint file \(url.lastPathComponent) is not readable")
                    }
                } else {
                    ledger.problem("anchor.missing", "the checkpoint file \(url.lastPathComponent) is missing")
                }
            }
            if let trustedHead { ledger.checkAnchor(trustedHead, name: "the trusted tree head", publicKey: publicKey) }
            var audit = RecordAudit(archive: archive, captures: ledger.captures, removals: ledger.removals)
            try audit.run(tx)
            records = audit.count
            removed = audit.removed
            problems = ledger.problems + audit.problems
            problems += try quarantineProblems(tx, digests: ledger.quarantineDigests)
            var alerts = AlertAudit(
                leaves: ledger.alerts, actionLeaves: ledger.alertActions, removed: Set(ledger.removals.keys))
            try alerts.run(tx)
            problems += alerts.problems
            alertCount = alerts.count
            let copies = WormCopies(archive: archive)
            if copies.store != nil {
                let worm = try copies.audit(tx, now: archive.nowMilliseconds)
                wormCopies = worm.checked
                problems += worm.problems
            }
        }
        problems += try archive.store.write { try $0.indexIntegrityProblems() }.map {
            .init(code: "index.structure", detail: $0)
        }
        var report = VerifyReport(
            records: records, removed: removed, ledger_entries: ledger.size, tree_heads: ledger.heads.count, problems: problems)
        report.worm_copies = wormCopies
        report.alerts = alertCount
        return report
    }

    func quarantineProblems(_ tx: any ArchiveReader, digests: [UInt64: String]) throws -> [VerifyReport.Problem] {
        try tx.quarantineItems().compactMap { q in
            digests[q.ledgerIndex] == Digest.sha256(q.sealed).hexString ? nil
                : .init(code: "quarantine.sealed", detail: "quarantine item \(q.id) does not match its ledger entry \(q.ledgerIndex)")
        }
    }
}

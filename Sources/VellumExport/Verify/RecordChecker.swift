import Foundation
import VellumCore

/// Checks one manifest record at a time: its ledger leaf names it and its commitment, its proof
/// leads to the signed root, its files are listed, its id is not repeated.
struct RecordChecker {
    let files: Set<String>
    let head: ExportManifest.TreeHead
    /// The signed root, nil when the signature failed (proofs are then not checked).
    let root: Data?
    private var seen = Set<String>()
    private(set) var count = 0

    init(files: Set<String>, head: ExportManifest.TreeHead, root: Data?) {
        self.files = files
        self.head = head
        self.root = root
    }

    private struct Leaf: Decodable {
        var type: String
        var record: String?
        var commitment: String?
    }

    mutating func check(_ record: ExportManifest.Record, into report: inout ExportVerificationReport) {
        count += 1
        if !seen.insert(record.id).inserted { report.add(.duplicateRecord, record.id, "listed twice") }
        for file in record.files where !files.contains(file) {
            report.add(.recordFileUnlisted, record.id, "names \(file), which the manifest does not list")
        }
        guard let leaf = try? JSONDecoder().decode(Leaf.self, from: record.leaf) else {
            report.add(.leafMalformed, record.id, "the ledger leaf is not a JSON ledger event")
            return
        }
        if leaf.type != "capture" || leaf.record != record.id
            || leaf.commitment?.lowercased() != record.commitment.lowercased()
        {
            report.add(
                .leafMismatch, record.id,
                "the ledger leaf does not record the capture of this record with this commitment")
        }
        if record.proof.leafIndex != record.leafIndex || record.proof.treeSize != head.size {
            report.add(
                .proofMismatch, record.id,
                "the proof is for leaf \(record.proof.leafIndex) of \(record.proof.treeSize), not leaf \(record.leafIndex) of the signed \(head.size)"
            )
        }
        guard let root else { return }
        report.recordsChecked += 1
        let path = record.proof.auditPath.compactMap { HexDecoding.data($0) }
        if path.count != record.proof.auditPath.count
            || !MerkleVerification.verifyInclusion(
                leafHash: MerkleVerification.leafHash(record.leaf), index: record.leafIndex, size: head.size,
                path: path,
                root: root)
        {
            report.add(.proofInvalid, record.id, "the inclusion proof does not lead from the leaf to the signed root")
        }
    }
}

import Foundation
import VellumCore
import VellumPolicy
import VellumStore

/// What the policy and the legal holds say about records: the facts retention, disposition,
/// explanation and erasure all decide from. Loaded once per run.
struct RecordGovernance {
    let archive: Archive
    let policy: Policy
    let holds: [LegalHold]
    let directory: [String: Employee]

    init(archive: Archive) throws {
        guard let policy = try PolicyService(archive: archive).active() else {
            throw VellumError(.notFound, "no policy was applied to this archive; run `vellum policy apply`")
        }
        self.archive = archive
        self.policy = policy
        holds = try HoldService(archive: archive).list()
        directory = Dictionary(
            try DirectoryService(archive: archive).employees().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The retention decision for a record: the longest rule matching its channel and its employees.
    func retention(of m: ArchivedMessage, stored: StoredRecord) -> RetentionDecision {
        RetentionLookup(policy: policy, directory: directory).decision(for: m, stored: stored)
    }

    /// The holds whose scope covers the record, released and lapsed ones included.
    func holds(covering m: ArchivedMessage) -> [LegalHold] {
        let subject = HoldCoverage(archive: archive).subject(of: m, holds: holds)
        return holds.filter { $0.covers(subject) }
    }
}

import Foundation
import Synchronization

/// What the commit can know about the archive without asking it again: a batch's duplicates were
/// looked up while it was staged, at a ledger size; every record insert (and every removal)
/// appends to the ledger, so if the ledger has grown since only by this ingestor's own commits,
/// the records that arrived meanwhile are exactly the ones those commits inserted.
extension Ingestor {
    /// The ledger range one commit of this ingestor appended, and the source keys it inserted.
    struct CommittedRange: Sendable {
        var start: UInt64
        var end: UInt64
        var sourceKeys: Set<Data>
    }

    /// How many commits are remembered: an import has one in flight while the next is staged.
    static let rememberedCommits = 8

    /// Of `keys`, the ones the archive holds now, given that staging found none of them held
    /// when the ledger had `seen` entries and it has `now`: empty if it has not grown, the ones
    /// this ingestor's remembered commits inserted if those commits cover every entry since, and
    /// nil if anything else wrote (the caller then asks the store).
    func heldSinceStaging(_ keys: [Data], seen: UInt64?, now: UInt64) -> Set<Data>? {
        guard let seen, seen <= now else { return nil }
        if seen == now { return [] }
        return recentCommits.withLock { commits -> Set<Data>? in
            var at = seen
            var since: [Set<Data>] = []
            for c in commits.sorted(by: { $0.start < $1.start }) where c.end > seen {
                guard c.start == at else { return nil }
                since.append(c.sourceKeys)
                at = c.end
            }
            // Each key is looked up in each commit's own set: one or two commits, usually,
            // rather than copying all their keys into one set first.
            return at == now ? Set(keys.filter { key in since.contains { $0.contains(key) } }) : nil
        }
    }

    /// Remembers a commit once its transaction has committed (a rolled-back one inserted nothing).
    func remember(_ range: CommittedRange) {
        guard range.end > range.start else { return }
        recentCommits.withLock { commits in
            commits.append(range)
            if commits.count > Self.rememberedCommits { commits.removeFirst(commits.count - Self.rememberedCommits) }
        }
    }
}

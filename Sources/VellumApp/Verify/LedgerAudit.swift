import Foundation
import VellumCore
import VellumCrypto
import VellumStore

/// Re-derives the ledger from its leaves: hashes, order, stored nodes, every signed tree head.
struct LedgerAudit {
    var problems: [VerifyReport.Problem] = []
    /// Capture events by record id: (ledger index, commitment hex).
    var captures: [String: (UInt64, String)] = [:]
    var quarantineDigests: [UInt64: String] = [:]
    /// Disposition and erasure events by record id: (ledger index, commitment hex, reason).
    var removals: [String: (UInt64, String, RecordRemoval.Reason)] = [:]
    /// Alert events by alert id, and review-action events by ledger index (for ``AlertAudit``).
    var alerts: [Int64: AlertAudit.Leaf] = [:]
    var alertActions: [UInt64: AlertAudit.ActionLeaf] = [:]
    var size: UInt64 = 0
    var heads: [TreeHead] = []
    /// The recomputed root at every size a tree head names.
    var rootsAtHeadSizes: [UInt64: Data] = [:]

    mutating func problem(_ code: String, _ detail: String) {
        if problems.count < 1000 { problems.append(.init(code: code, detail: detail)) }
    }

    mutating func run(_ tx: any ArchiveReader, publicKey: Data) throws {
        heads = try tx.treeHeads()
        let headSizes = Set(heads.map(\.size))
        var frontier = CompactRange()
        var expected: UInt64 = 0
        while true {
            let page = try tx.ledgerEntries(from: expected, limit: 5000)
            if page.isEmpty { break }
            for e in page {
                if e.index != expected {
                    problem("ledger.gap", "ledger entries \(expected)..<\(e.index) are missing")
                    expected = e.index
                }
                var leaf = e.leafHash
                if !ConstantTime.equal(MerkleHash.leaf(e.payload), e.leafHash) {
                    problem("ledger.entry", "ledger entry \(e.index): its bytes do not match its leaf hash")
                    leaf = MerkleHash.leaf(e.payload)
                }
                for node in frontier.append(leafHash: leaf) {
                    let stored = try tx.ledgerNode(level: node.level, index: node.index)
                    if stored != node.hash {
                        problem("ledger.node", "stored ledger node (level \(node.level), index \(node.index)) is wrong")
                    }
                }
                if headSizes.contains(frontier.size) { rootsAtHeadSizes[frontier.size] = frontier.root() }
                note(e)
                expected += 1
            }
        }
        size = frontier.size
        try checkHeads(tx, frontier: frontier, publicKey: publicKey)
    }

    mutating func note(_ e: LedgerEntry) {
        guard let event = try? LedgerEvent.decode(e.payload) else {
            problem("ledger.entry", "ledger entry \(e.index) is not a readable event")
            return
        }
        switch event.type {
        case .capture:
            if let r = event.record, let c = event.commitment { captures[r] = (e.index, c) }
        case .quarantine:
            if let c = event.commitment { quarantineDigests[e.index] = c }
        case .alert:
            if let id = event.alert {
                alerts[id] = .init(index: e.index, record: event.record, commitment: event.commitment, rule: event.kind)
            }
        case .alertAction:
            alertActions[e.index] = .init(
                alert: event.alert, action: event.action, actor: event.actor, commitment: event.commitment)
        case .disposition, .erasure:
            if let r = event.record, let c = event.commitment {
                removals[r] = (e.index, c, event.type == .erasure ? .erasure : .retention)
            }
        default: break
        }
    }

    mutating func checkHeads(_ tx: any ArchiveReader, frontier: CompactRange, publicKey: Data) throws {
        if let stored = try tx.meta("tree_head_public_key"), stored != publicKey {
            problem("tree_head.key", "the tree-head public key in the store is not this archive's")
        }
        guard let latest = heads.last else {
            problem("tree_head.missing", "the ledger has no signed tree head")
            return
        }
        var previous: TreeHead?
        for (i, head) in heads.enumerated() {
            if !TreeHeadSigner.verify(head, publicKey: publicKey) {
                problem("tree_head.signature", "tree head #\(i + 1) (size \(head.size)) has a signature this archive's key did not make")
            }
            if let p = previous, head.size < p.size || head.timestamp < p.timestamp {
                problem("tree_head.rollback", "tree head #\(i + 1) (size \(head.size)) goes back from the one before it (size \(p.size))")
            }
            if head.size > size {
                problem("ledger.truncated", "tree head #\(i + 1) covers \(head.size) entries but the ledger has only \(size)")
            } else if let root = rootsAtHeadSizes[head.size], root != head.root {
                problem("tree_head.root", "tree head #\(i + 1) (size \(head.size)) does not match the ledger's root at that size")
            }
            previous = head
        }
        if latest.size < size {
            problem("tree_head.stale", "\(size - latest.size) ledger entries are not covered by a signed tree head (rolled-back head?)")
        }
        if try tx.ledgerFrontier() != frontier, latest.size == size {
            problem("ledger.frontier", "the saved ledger frontier does not match the ledger")
        }
    }

    /// Checks an outside copy of a tree head (the checkpoint file, or one the user kept) against the ledger.
    mutating func checkAnchor(_ file: CheckpointFile, name: String, publicKey: Data) {
        guard let head = file.head, TreeHeadSigner.verify(head, publicKey: publicKey) else {
            problem("anchor.signature", "\(name) holds a tree head this archive's key did not sign")
            return
        }
        guard let latest = heads.last else { return }
        if head.size > latest.size || head.size > size {
            problem("tree_head.rollback", "\(name) has a tree head of size \(head.size), newer than the archive's (\(latest.size)): the archive was rolled back")
        } else if let root = rootsAtHeadSizes[head.size], root != head.root {
            problem("anchor.root", "\(name) (size \(head.size)) does not match the ledger's root at that size")
        } else if rootsAtHeadSizes[head.size] == nil {
            problem("anchor.unknown", "\(name) names size \(head.size), at which the archive has no tree head")
        }
    }
}

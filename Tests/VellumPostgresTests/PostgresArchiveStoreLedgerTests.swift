import Dispatch
import Foundation
import Synchronization
import Testing
import VellumCore
import VellumCrypto
import VellumPostgres
import VellumStore

@Suite(
    "PostgresArchiveStore keeps one dense ledger with several writers",
    .enabled(if: PostgresTestEnvironment.isAvailable, PostgresTestEnvironment.skipReason))
struct PostgresArchiveStoreLedgerTests {
    /// One write as the application makes it (LedgerAppender): read the frontier and size, append
    /// a leaf with its nodes, add the signed head.
    static func appendOne(_ store: PostgresArchiveStore, payload: Data) throws {
        try store.write { tx throws in
            var frontier = try tx.ledgerFrontier()
            let size = try tx.ledgerSize()
            guard frontier.size == size else {
                throw VellumError(.integrity, "frontier \(frontier.size) behind ledger \(size)")
            }
            let leaf = MerkleHash.leaf(payload)
            let nodes = frontier.append(leafHash: leaf)
            try tx.appendLedger([LedgerEntry(index: size, payload: payload, leafHash: leaf)], nodes: nodes)
            try tx.addTreeHead(
                TreeHead(size: frontier.size, root: frontier.root(), timestamp: Int64(size), signature: Data()),
                frontier: frontier)
        }
    }

    @Test("two stores, four threads each, fifty writes per thread: indexes 0..<400, heads growing")
    func concurrentWriters() throws {
        try PostgresTestEnvironment.withPool { pool throws in
            let first = try PostgresArchiveStore.open(pool)
            let otherPool = PostgresPool(configuration: pool.configuration)
            defer { otherPool.close() }
            let second = try PostgresArchiveStore.open(otherPool)
            let stores = [first, second]
            let threads = 4
            let writes = 50
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: stores.count * threads) { worker in
                let store = stores[worker % stores.count]
                for n in 0 ..< writes {
                    do {
                        try Self.appendOne(store, payload: Data("worker \(worker) write \(n)".utf8))
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
            }
            #expect(failures.withLock { $0 } == [])
            let total = stores.count * threads * writes
            try first.read { tx throws in
                #expect(try tx.ledgerSize() == UInt64(total))
                let entries = try tx.ledgerEntries(from: 0, limit: total + 10)
                #expect(entries.map(\.index) == (0 ..< UInt64(total)).map { $0 })
                #expect(Set(entries.map(\.payload)).count == total, "every write's leaf is there once")
                let heads = try tx.treeHeads()
                #expect(heads.map(\.size) == (1 ... UInt64(total)).map { $0 }, "one head per write, sizes increasing")
                // The tree the heads sign is the tree of the stored leaves.
                var frontier = CompactRange()
                for e in entries {
                    #expect(e.leafHash == MerkleHash.leaf(e.payload))
                    frontier.append(leafHash: e.leafHash)
                }
                #expect(try tx.latestTreeHead()?.root == frontier.root())
                #expect(try tx.ledgerFrontier() == frontier)
            }
        }
    }
}

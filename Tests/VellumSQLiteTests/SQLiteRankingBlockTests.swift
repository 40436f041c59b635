import Foundation
import GRDB
import Testing
import VellumCore
import VellumStore
import VellumStoreTesting
@testable import VellumSQLite

@Suite("SQLite relevance ranks matches in blocks, newest block first (decision 0022)")
struct SQLiteRankingBlockTests {
    /// 35 matches of `w` whose bm25 scores do not follow their age: term counts and lengths vary.
    static func store() throws -> (SQLiteArchiveStore, URL) {
        let dir = try temporaryFolder()
        let store = try SQLiteArchiveStore(path: dir.appendingPathComponent("a.sqlite").path)
        try store.write { tx in
            for n in 1 ... 35 {
                let words = Array(repeating: "w", count: (n * 7) % 5 + 1) + Array(repeating: "f\(n)", count: (n * 3) % 11)
                try tx.insert(ArchiveStoreConformance.record(n), indexTokens: words.joined(separator: " "))
            }
            try tx.insert(ArchiveStoreConformance.record(36), indexTokens: "other")
        }
        return (store, dir)
    }

    /// Every match's bm25 score (lower is better), scored over the whole index.
    static func scores(_ store: SQLiteArchiveStore) throws -> [Int64: Double] {
        try store.pool.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(
                db, sql: "SELECT rowid, bm25(message_index) AS s FROM message_index WHERE message_index MATCH '\"w\"'"
            ).map { ($0["rowid"] as Int64, $0["s"] as Double) })
        }
    }

    /// A page of `w`'s matches with blocks of `block`; `filtered` adds a filter every record
    /// passes, so the page comes from the join of index and records instead of FTS5 alone.
    static func positions(
        _ store: SQLiteArchiveStore, limit: Int, offset: Int, block: Int = 10, filtered: Bool = false
    ) throws -> (total: Int, positions: [Int64]) {
        var q = IndexQuery(phrases: [["w"]], channels: filtered ? [.wecom] : [], limit: limit, offset: offset)
        q.rankingBlock = block
        let result = try store.read { try $0.search(q) }
        let byID = Dictionary(uniqueKeysWithValues: (1 ... 36).map { (ArchiveStoreConformance.id($0), Int64($0)) })
        return (result.total, result.hits.map { byID[$0.id]! })
    }

    @Test("pages that straddle blocks list every match once: newest ten by bm25, then the next ten, …")
    func blocks() throws {
        let (store, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scores = try Self.scores(store)
        var all: [Int64] = []
        for offset in stride(from: 0, to: 42, by: 7) {
            let page = try Self.positions(store, limit: 7, offset: offset)
            #expect(page.total == 35)
            all += page.positions
        }
        #expect(all.count == 35 && Set(all) == Set(1 ... 35))
        let blocks = [all[0 ..< 10], all[10 ..< 20], all[20 ..< 30], all[30...]]
        #expect(blocks.map { Set($0) } == [Set(26 ... 35), Set(16 ... 25), Set(6 ... 15), Set(1 ... 5)])
        for block in blocks {
            let s = block.map { scores[$0]! }
            #expect(zip(s, s.dropFirst()).allSatisfy { $0 <= $1 }, "each block is in bm25 order: \(s)")
        }
        // The data makes blocks matter: the best match overall is not in the newest block.
        let best = scores.min { $0.value < $1.value }!.key
        #expect(best < 26)
        // One page asked for across two blocks is the same as the pages that cover it.
        #expect(try Self.positions(store, limit: 15, offset: 5).positions == Array(all[5 ..< 20]))
        // With a filter beside the words (the join path) the blocks and their order are the same.
        var filtered: [Int64] = []
        for offset in stride(from: 0, to: 42, by: 7) {
            filtered += try Self.positions(store, limit: 7, offset: offset, filtered: true).positions
        }
        #expect(filtered == all)
    }

    @Test("with fewer matches than a block, relevance ranks them all")
    func oneBlock() throws {
        let (store, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scores = try Self.scores(store)
        let page = try Self.positions(store, limit: 50, offset: 0, block: IndexQuery.defaultRankingBlock)
        #expect(page.total == 35 && page.positions.count == 35)
        let s = page.positions.map { scores[$0]! }
        #expect(zip(s, s.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(page.positions.first == scores.min { $0.value < $1.value }!.key)
    }
}

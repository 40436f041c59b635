public import Foundation
public import VellumCore
import VellumCrypto
public import VellumStore

/// The behaviour every ``ArchiveStore`` driver must show. Each case gets a fresh, empty store.
public enum ArchiveStoreConformance {
    public static let cases: [String: @Sendable (any ArchiveStore) throws -> Void] = [
        "records round-trip by id, source key and position": recordsRoundTrip,
        "a known source key is refused and nothing changes": duplicateRefused,
        "a batch inserts its records in order, with participants, tags and index tokens": batchInsert,
        "a batch with a held, removed or repeated source key is refused whole, and the write goes on": batchRefused,
        "a write that throws leaves nothing behind": rollback,
        "edits and recalls are found by their target": targeting,
        "the ledger keeps leaves in order with their nodes": ledger,
        "tree heads and the frontier are kept": treeHeads,
        "search matches phrases by position and ANDs them": searchPhrases,
        "search filters by channel, participant, conversation and time": searchFilters,
        "search pages and counts all matches": searchPaging,
        "a scope keeps its first data key": keys,
        "quarantine items are held once and resolved": quarantine,
        "employees are found by any identifier key": employees,
        "alerts are added once per record and rule, filtered, updated and acted on": alerts,
        "usage counts and capture accounts add up": usage,
        "revisions without their target are counted as capture gaps": orphans,
        "a removed record leaves a removal, its index tokens and alert content go, and it is never captured again":
            removal,
        "restrictions are kept once and lifted": restriction,
        "search answers alternatives, exclusions, tags, revisions and alert states": booleanSearch,
        "relevance ranks matches in blocks, newest block first; pages list each match once": rankingBlocks,
        "distinct recipients are counted per sender within a window": recipientWindow,
    ]

    public static func key(_ s: String) -> Data { Digest.sha256(Data(s.utf8)).prefix(16) }

    /// The id of `record(n)`: derived from its source key, as every store may rely on.
    public static func id(_ n: Int) -> RecordID { RecordID(sourceKey: key("src\(n)")) }

    /// `m<n>` for the id of `record(n)`, so checks read as the records they name.
    static func label(_ id: RecordID) -> String { labels[id] ?? id.rawValue }
    private static let labels = Dictionary(uniqueKeysWithValues: (0 ..< 1000).map { (Self.id($0), "m\($0)") })

    public static func record(
        _ n: Int, channel: Channel = .wecom, kind: RecordKind = .message, target: String? = nil,
        conversation: String = "c1", sender: String = "alice", others: [String] = ["bob"], sentAt: Int64? = nil,
        ledgerIndex: UInt64? = nil
    ) -> StoredRecord {
        StoredRecord(
            id: id(n), sourceKey: key("src\(n)"), channel: channel, kind: kind, targetKey: target.map(key),
            conversationKey: key(conversation), senderKey: key(sender), participantKeys: ([sender] + others).map(key),
            sentAt: sentAt ?? Int64(1_700_000_000_000 + n * 1000), capturedAt: 1_800_000_000_000, scope: key("scope"),
            body: Data("sealed-\(n)".utf8), commitment: Digest.sha256(Data("c\(n)".utf8)),
            ledgerIndex: ledgerIndex ?? UInt64(n), blobRefs: n % 2 == 0 ? [] : [String(repeating: "a", count: 64)],
            recordKey: n % 2 == 0 ? nil : Data("wrapped-\(n)".utf8))
    }

    static func recordsRoundTrip(_ store: any ArchiveStore) throws {
        let rs = (1 ... 5).map { record($0) }
        try store.write { tx in for r in rs { try tx.insert(r, indexTokens: "t0 x") } }
        try store.read { tx in
            try check(try tx.recordCount() == 5, "count is 5")
            for r in rs {
                try check(try tx.record(id: r.id) == r, "record \(r.id) reads back equal by id")
                try check(try tx.record(sourceKey: r.sourceKey) == r, "record \(r.id) reads back by source key")
                try check(try tx.containsRecord(sourceKey: r.sourceKey), "record \(r.id) is contained")
            }
            try check(try tx.record(id: RecordID("nope")) == nil, "unknown id gives nil")
            // Ids that show only part of a record's key, or show it in capitals, name no record.
            let shorter = RecordID(sourceKey: rs[0].sourceKey.prefix(4))
            try check(try tx.record(id: shorter) == nil, "an id of a shorter key prefix gives nil")
            try check(try tx.record(id: RecordID(rs[0].id.rawValue.uppercased())) == nil, "an id in capitals gives nil")
            try check(try tx.record(id: RecordID(rs[0].id.rawValue + "00")) == nil, "an id one byte longer gives nil")
            try check(try !tx.containsRecord(sourceKey: key("nope")), "unknown source key is not contained")
            // Many keys at once, in no order, with repeats and keys that differ from held ones in
            // their last byte only: exactly the held ones come back.
            let held = Set(rs.map(\.sourceKey))
            let near = rs.map { r in var k = r.sourceKey; k[k.index(before: k.endIndex)] ^= 0x01; return k }
            let asked = (rs.map(\.sourceKey) + near + rs.prefix(2).map(\.sourceKey) + [key("nope"), Data()]).reversed()
            try check(try tx.containedRecords(sourceKeys: Array(asked)) == held, "many keys at once give exactly the held ones")
            try check(try tx.containedRecords(sourceKeys: []) == [], "no keys give none")
            let first = try tx.records(after: -1, limit: 3)
            try check(first.map(\.record.id) == rs.prefix(3).map(\.id), "records(after:) pages in insertion order")
            let rest = try tx.records(after: first.last!.position, limit: 10)
            try check(rest.map(\.record.id) == rs.suffix(2).map(\.id), "the next page continues after the last position")
            try check(try tx.indexTokens(of: rs[0].id) == "t0 x", "index tokens read back")
        }
    }

    static func duplicateRefused(_ store: any ArchiveStore) throws {
        try store.write { try $0.insert(record(1), indexTokens: "a") }
        var again = record(2)
        again.sourceKey = record(1).sourceKey
        again.id = record(1).id
        // Another source key with the same first ten bytes has the same id: refused too, never
        // stored under an id that already names a record.
        var twin = record(3)
        twin.sourceKey = record(1).sourceKey.prefix(RecordID.sourceKeyPrefixLength) + Data(repeating: 0x5A, count: 6)
        twin.id = RecordID(sourceKey: twin.sourceKey)
        try check(twin.id == record(1).id && twin.sourceKey != record(1).sourceKey, "the twin shares the id only")
        for (name, r) in [("a known source key", again), ("a known id", twin)] {
            do {
                try store.write { try $0.insert(r, indexTokens: "b") }
                throw ConformanceFailure("inserting \(name) must throw")
            } catch let e as VellumError {
                try check(e.code == .duplicate, "the error code for \(name) is duplicate, got \(e.code)")
            }
        }
        try store.read { tx in
            try check(try tx.recordCount() == 1, "still one record")
            try check(try tx.record(id: record(1).id) == record(1), "the first record is the one its id finds")
        }
    }

    static func rollback(_ store: any ArchiveStore) throws {
        struct Boom: Error {}
        do {
            try store.write { tx in
                try tx.insert(record(1), indexTokens: "a")
                try tx.setMeta("k", Data([1]))
                try tx.appendLedger([LedgerEntry(index: 0, payload: Data([1]), leafHash: MerkleHash.leaf(Data([1])))], nodes: [])
                throw Boom()
            }
        } catch is Boom {}
        try store.read { tx in
            try check(try tx.recordCount() == 0, "no record after a failed write")
            try check(try tx.meta("k") == nil, "no meta after a failed write")
            try check(try tx.ledgerSize() == 0, "no ledger entry after a failed write")
            try check(try tx.search(IndexQuery(phrases: [["a"]])).total == 0, "no index entry after a failed write")
        }
    }

    static func targeting(_ store: any ArchiveStore) throws {
        try store.write { tx in
            try tx.insert(record(3, kind: .recall, target: "src1", sentAt: 3000), indexTokens: "")
            try tx.insert(record(2, kind: .edit, target: "src1", sentAt: 2000), indexTokens: "")
            try tx.insert(record(1), indexTokens: "")
        }
        try store.read { tx in
            let versions = try tx.records(targeting: key("src1"))
            try check(versions.map { label($0.id) } == ["m2", "m3"], "versions come oldest first, got \(versions.map(\.id))")
            try check(try tx.records(targeting: key("src9")).isEmpty, "no versions of an unknown target")
        }
    }

    static func ledger(_ store: any ArchiveStore) throws {
        var frontier = CompactRange()
        var entries: [LedgerEntry] = []
        var nodes: [MerkleNode] = []
        for i in 0 ..< 11 {
            let payload = Data("event \(i)".utf8)
            let leaf = MerkleHash.leaf(payload)
            entries.append(LedgerEntry(index: UInt64(i), payload: payload, leafHash: leaf))
            nodes += frontier.append(leafHash: leaf)
        }
        try store.write { try $0.appendLedger(Array(entries.prefix(4)), nodes: nodes.filter { $0.index < 2 && $0.level == 1 } + nodes.filter { $0.level == 2 && $0.index == 0 }) }
        try store.write { try $0.appendLedger(Array(entries.dropFirst(4)), nodes: nodes) }
        do {
            try store.write { try $0.appendLedger([LedgerEntry(index: 20, payload: Data(), leafHash: MerkleHash.leaf(Data()))], nodes: []) }
            throw ConformanceFailure("a ledger entry that leaves a gap must be refused")
        } catch is VellumError {}
        try store.read { tx in
            try check(try tx.ledgerSize() == 11, "ledger size 11")
            try check(try tx.ledgerEntries(from: 0, limit: 100) == entries, "entries read back in order")
            try check(try tx.ledgerEntries(from: 9, limit: 100) == Array(entries.suffix(2)), "entries from an index")
            for n in nodes { try check(try tx.ledgerNode(level: n.level, index: n.index) == n.hash, "node \(n.level)/\(n.index)") }
            try check(try tx.ledgerNode(level: 0, index: 3) == entries[3].leafHash, "level 0 is the leaf hash")
            try check(try tx.ledgerNode(level: 3, index: 1) == nil, "an incomplete subtree has no node")
        }
    }

    static func treeHeads(_ store: any ArchiveStore) throws {
        var frontier = CompactRange()
        frontier.append(leafHash: MerkleHash.leaf(Data([1])))
        let h1 = TreeHead(size: 1, root: frontier.root(), timestamp: 10, signature: Data([1, 2]))
        try store.write { try $0.addTreeHead(h1, frontier: frontier) }
        frontier.append(leafHash: MerkleHash.leaf(Data([2])))
        let h2 = TreeHead(size: 2, root: frontier.root(), timestamp: 11, signature: Data([3]))
        try store.write { try $0.addTreeHead(h2, frontier: frontier) }
        try store.read { tx in
            try check(try tx.treeHeads() == [h1, h2], "heads in order")
            try check(try tx.latestTreeHead() == h2, "latest head")
            try check(try tx.ledgerFrontier() == frontier, "frontier saved with the latest head")
        }
    }

    static func searchPhrases(_ store: any ArchiveStore) throws {
        try store.write { tx in
            try tx.insert(record(1), indexTokens: "aa bb cc dd")
            try tx.insert(record(2), indexTokens: "bb aa cc")
            try tx.insert(record(3), indexTokens: "cc cc cc ee")
        }
        try store.read { tx in
            func ids(_ p: [[String]]) throws -> Set<String> { Set(try tx.search(IndexQuery(phrases: p)).hits.map { label($0.id) }) }
            try check(try ids([["aa", "bb"]]) == ["m1"], "phrase aa bb only where adjacent in order")
            try check(try ids([["aa"], ["bb"]]) == ["m1", "m2"], "two words anywhere")
            try check(try ids([["cc"]]) == ["m1", "m2", "m3"], "a common token")
            try check(try ids([["cc"], ["ee"]]) == ["m3"], "AND of phrases")
            try check(try ids([["zz"]]).isEmpty, "unknown token finds nothing")
            try check(try tx.search(IndexQuery(phrases: [["ee"]])).total == 1, "total counts matches")
        }
    }

    static func searchFilters(_ store: any ArchiveStore) throws {
        try store.write { tx in
            try tx.insert(record(1, channel: .wecom, conversation: "c1", sender: "alice", others: ["bob"], sentAt: 1000), indexTokens: "x")
            try tx.insert(record(2, channel: .whatsapp, conversation: "c2", sender: "carol", others: ["alice"], sentAt: 2000), indexTokens: "x")
            try tx.insert(record(3, channel: .signal, conversation: "c3", sender: "dave", others: ["erin"], sentAt: 3000), indexTokens: "x y")
        }
        try store.read { tx in
            func ids(_ q: IndexQuery) throws -> [String] { try tx.search(q).hits.map { label($0.id) } }
            try check(try ids(IndexQuery()) == ["m1", "m2", "m3"], "no query lists by time")
            try check(try ids(IndexQuery(order: .timeDescending)) == ["m3", "m2", "m1"], "newest first")
            try check(try ids(IndexQuery(channels: [.whatsapp, .signal])) == ["m2", "m3"], "channel filter")
            try check(try ids(IndexQuery(participantKeys: [key("alice")])) == ["m1", "m2"], "participant as sender or recipient")
            try check(try ids(IndexQuery(conversationKeys: [key("c3")])) == ["m3"], "conversation filter")
            try check(try ids(IndexQuery(since: 2000)) == ["m2", "m3"], "since is inclusive")
            try check(try ids(IndexQuery(until: 2000)) == ["m1", "m2"], "until is inclusive")
            try check(try ids(IndexQuery(phrases: [["x"]], channels: [.wecom])) == ["m1"], "words and filters together")
            try check(try ids(IndexQuery(phrases: [["x"]], participantKeys: [key("erin")], since: 0, until: 5000)) == ["m3"], "all filters")
            var q = IndexQuery()
            q.senderKeys = [key("alice"), key("dave")]
            try check(try ids(q) == ["m1", "m3"], "sender filter (from:)")
            q = IndexQuery()
            q.recipientKeys = [key("alice")]
            try check(try ids(q) == ["m2"], "recipient filter (to:) excludes what the person sent")
            q = IndexQuery()
            q.participantGroups = [[key("alice")], [key("carol")]]
            try check(try ids(q) == ["m2"], "every participant group must take part")
        }
    }

    static func searchPaging(_ store: any ArchiveStore) throws {
        try store.write { tx in for i in 1 ... 30 { try tx.insert(record(i), indexTokens: i % 3 == 0 ? "k k" : "k") } }
        try store.read { tx in
            let page = try tx.search(IndexQuery(phrases: [["k"]], limit: 7))
            try check(page.total == 30 && page.hits.count == 7, "total 30, 7 hits; got \(page.total), \(page.hits.count)")
            let all = try tx.search(IndexQuery(limit: 100)).hits.map { label($0.id) }
            let p2 = try tx.search(IndexQuery(limit: 10, offset: 10)).hits.map { label($0.id) }
            try check(p2 == Array(all[10 ..< 20]), "offset pages through the same order")
            let ranked = try tx.search(IndexQuery(phrases: [["k"]], limit: 10)).hits
            try check(ranked.first.map { Int(label($0.id).dropFirst())! % 3 == 0 } == true, "relevance ranks the denser match first")
        }
    }

    static func keys(_ store: any ArchiveStore) throws {
        try store.write { try $0.putWrappedKey(Data([1]), scope: key("s")) }
        try store.write { try $0.putWrappedKey(Data([2]), scope: key("s")) }
        try store.read { tx in
            try check(try tx.wrappedKey(scope: key("s")) == Data([1]), "the first key stays")
            try check(try tx.wrappedKey(scope: key("t")) == nil, "unknown scope has no key")
            try check(
                try tx.wrappedKeys(scopes: [key("t"), key("s")]) == [key("s"): Data([1])], "many scopes at once: the known ones")
            try check(try tx.wrappedKeys(scopes: []).isEmpty, "no scopes, no keys")
        }
    }

    static func quarantine(_ store: any ArchiveStore) throws {
        let item = QuarantineItem(
            id: 0, receivedAt: 5, format: "jsonl", reason: "field `sent_at`: bad", rawKey: key("raw"),
            sealed: Data([9]), status: .open, ledgerIndex: 4)
        let id = try store.write { try $0.addQuarantine(item) }
        try store.read { tx in
            let held = try tx.quarantineItem(rawKey: key("raw"))
            try check(held?.id == id && held?.reason == item.reason && held?.status == .open, "held item reads back")
            try check(try tx.quarantineItems().count == 1, "one item")
        }
        try store.write { try $0.resolveQuarantine(id: id, record: Self.id(1)) }
        try store.read { tx in
            let held = try tx.quarantineItems().first
            try check(held?.status == .resolved && held?.resolvedRecord == Self.id(1), "resolved with its record")
        }
        do {
            try store.write { try $0.resolveQuarantine(id: 999, record: nil) }
            throw ConformanceFailure("resolving an unknown item must throw")
        } catch is VellumError {}
    }

    static func employees(_ store: any ArchiveStore) throws {
        let e = StoredEmployee(key: key("E1"), sealed: Data([1]), identifierKeys: [key("tel"), key("mail")].sorted { $0.hexString < $1.hexString })
        try store.write { try $0.upsertEmployee(e) }
        try store.read { tx in
            try check(try tx.employee(identifierKey: key("tel")) == e, "found by phone key")
            try check(try tx.employee(identifierKey: key("mail")) == e, "found by email key")
            try check(try tx.employee(identifierKey: key("x")) == nil, "unknown key")
        }
        let changed = StoredEmployee(key: key("E1"), sealed: Data([2]), identifierKeys: [key("new")])
        try store.write { try $0.upsertEmployee(changed) }
        try store.read { tx in
            try check(try tx.employee(identifierKey: key("tel")) == nil, "old identifiers are dropped on update")
            try check(try tx.employee(identifierKey: key("new")) == changed, "new identifier finds the updated entry")
            try check(try tx.employees() == [changed], "one employee")
        }
    }
}

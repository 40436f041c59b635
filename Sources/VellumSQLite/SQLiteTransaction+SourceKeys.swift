import Foundation
import GRDB
import VellumCore

/// How many keys the two upper tiers of the source-key index hold before they move down
/// (decision 0029).
///
/// Source keys are keyed hashes, so a B-tree on them takes each new key on a random page: a batch
/// of 8,000 records dirtied most of the index's leaf pages, and the write-ahead log took about
/// 3 KB a record at a million records (growing with the archive), more than the record itself.
/// Here a record's key goes into a small recent tier, whose pages stay few; a full tier moves into
/// the next one in one sorted pass. The settled tier is written once per `middle` records.
struct SourceKeyTiers: Sendable, Equatable {
    /// Keys the recent tier (`source_keys_0`) holds before they move to the middle one.
    var recent: Int
    /// Keys the middle tier (`source_keys_1`) holds before they move to the settled one (`source_keys_2`).
    var middle: Int

    static let standard = SourceKeyTiers(recent: 65_536, middle: 1_048_576)
    static let tables = ["source_keys_0", "source_keys_1", "source_keys_2"]
}

extension SQLiteTransaction {
    /// Indexes an inserted record's key in the recent tier; its primary key refuses a key that
    /// tier already holds (``refuse(_:)`` has looked in all three).
    func indexSourceKey(_ key: Data, position: Int64) throws {
        try DirectSQL.run(
            db, "INSERT INTO source_keys_0(source_key, position) VALUES (?, ?)", [.blob(key), .integer(position)])
    }

    /// Moves the recent tier into the middle one once it is full, and then the middle one into
    /// the settled one once that is full, each in key order and within this transaction.
    func settleSourceKeys() throws {
        guard try tierCount(0) >= sourceKeyTiers.recent else { return }
        try moveTier(0)
        guard try tierCount(1) >= sourceKeyTiers.middle else { return }
        try moveTier(1)
    }

    func tierCount(_ tier: Int) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM \(SourceKeyTiers.tables[tier])") ?? 0
    }

    private func moveTier(_ tier: Int) throws {
        let from = SourceKeyTiers.tables[tier], to = SourceKeyTiers.tables[tier + 1]
        try db.execute(sql: """
            INSERT INTO \(to)(source_key, position) SELECT source_key, position FROM \(from) ORDER BY source_key;
            DELETE FROM \(from);
            """)
    }

    /// Forgets the key of the record at `position` (before the record goes), in whichever tier holds it.
    func unindexSourceKey(position: Int64) throws {
        guard let key = try Data.fetchOne(
            db.cachedStatement(sql: "SELECT source_key FROM records WHERE position = ?"), arguments: [position])
        else { return }
        for table in SourceKeyTiers.tables {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE source_key = ? AND position = ?")
                .execute(arguments: [key, position])
        }
    }

    /// What `verify` finds wrong with the tiers: each record must have exactly one entry, with its
    /// key and position, and no key may be in two tiers.
    func sourceKeyIndexProblems() throws -> [String] {
        var problems: [String] = []
        let records = try Int.fetchOne(db, sql: "SELECT count(*) FROM records") ?? 0
        let entries = try Int.fetchOne(db, sql: "SELECT count(*) FROM source_keys") ?? 0
        if entries != records {
            problems.append("the source-key index has \(entries) entries for \(records) records")
        }
        let missing = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM records r WHERE NOT EXISTS (
                SELECT 1 FROM source_keys k WHERE k.source_key = r.source_key AND k.position = r.position)
            """) ?? 0
        if missing > 0 { problems.append("the source-key index lacks the key of \(missing) records") }
        var repeated = 0
        for (a, b) in [(0, 1), (0, 2), (1, 2)] {
            repeated += try Int.fetchOne(db, sql: """
                SELECT count(*) FROM \(SourceKeyTiers.tables[a]) JOIN \(SourceKeyTiers.tables[b]) USING (source_key)
                """) ?? 0
        }
        if repeated > 0 { problems.append("the source-key index holds \(repeated) keys in two tiers") }
        return problems
    }
}

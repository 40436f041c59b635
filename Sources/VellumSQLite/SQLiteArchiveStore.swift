public import Foundation
import GRDB
import Synchronization
public import VellumStore
import VellumCore

/// The embedded default ``ArchiveStore``: one SQLite file in WAL mode, synced at every commit.
public final class SQLiteArchiveStore: ArchiveStore {
    let pool: DatabasePool
    public let path: String
    /// When the source-key index's upper tiers move down (tests make them small).
    let sourceKeyTiers: SourceKeyTiers
    /// Bulk loads running on this store (``bulkLoad(_:)``); the writer's checkpoint threshold is
    /// raised while there is at least one.
    let bulkLoads = Mutex(0)
    /// Bytes of the database file the writer maps into memory (address space, not RAM; SQLite
    /// caps it at its compile-time maximum, 2 GiB by default).
    static let mmapSize: Int64 = 1 << 32

    /// The page size of a new archive: 8 KiB rather than SQLite's 4 KiB. An import of 1,000,000
    /// messages took 12 % less CPU and ran 13–40 % faster (decision 0031).
    static let pageSize = 8192

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public convenience init(path: String) throws {
        try self.init(path: path, sourceKeyTiers: .standard)
    }

    init(path: String, sourceKeyTiers: SourceKeyTiers) throws {
        self.path = path
        self.sourceKeyTiers = sourceKeyTiers
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in
            // Only a new file takes it (before its first table); an archive keeps the page size it
            // was created with (decision 0031).
            try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // 64 MiB of page cache per connection (SQLite's default is 2 MiB): the keyed indexes
            // take random keys, and a small cache turns every insert into page reads at scale.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // The writer reads the pages it changes through a memory map of the database file.
            // Readers do not: in WAL mode a commit by another connection (each search writes its
            // access event; ingest commits all the time) makes a reader drop its page cache *and*
            // unmap the file at its next read, so every search re-faulted its pages into a fresh
            // 2 GiB map — a third of a search's CPU in the kernel at 1,000,000 records. Reading
            // them with pread is cheaper: p50 72 → 50 ms, p90 116 → 85 ms at 1M (decision 0020).
            try db.execute(sql: "PRAGMA mmap_size = \(db.configuration.readonly ? 0 : Self.mmapSize)")
            SQLiteTransaction.keyBoundFunctions.forEach(db.add(function:))
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try pool.writeWithoutTransaction { db in
                // DatabasePool sets NORMAL after prepareDatabase; an acknowledged batch must survive power loss.
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            try SQLiteSchema.migrator.migrate(pool)
            pageSize = try pool.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } ?? Self.pageSize
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(checkpointPages)")
            }
        } catch {
            throw VellumError(.storage, "cannot open the archive database \(path): \(error)")
        }
    }

    public func read<T>(_ body: (any ArchiveReader) throws -> T) throws -> T {
        try pool.read { db in try body(SQLiteTransaction(db: db, sourceKeyTiers: sourceKeyTiers)) }
    }

    public func write<T>(_ body: (any ArchiveWriter) throws -> T) throws -> T {
        try pool.write { db in try body(SQLiteTransaction(db: db, sourceKeyTiers: sourceKeyTiers)) }
    }

    /// Write-ahead log after which a commit checkpoints the log into the database: SQLite's
    /// default of 1,000 pages of 4 KiB, which keeps each checkpoint small for the webhooks a
    /// server commits. Set in bytes, so an archive checkpoints alike whatever its page size.
    static let checkpointBytes = 1000 * 4096
    /// The threshold while a bulk import runs (about 120 MB of log). A batch of 1,000 messages
    /// dirtied about 7,000 pages of 4 KiB, so at the default every commit also checkpointed; a
    /// larger log lets a page that several batches change be copied into the database once:
    /// 100,000 messages 8,200 → 10,100/s with 29 % fewer bytes written (decision 0024).
    static let bulkCheckpointBytes = 30_000 * 4096
    /// This archive's page size: ``pageSize`` unless the file was created before decision 0031.
    let pageSize: Int
    var checkpointPages: Int { Self.checkpointBytes / pageSize }
    var bulkCheckpointPages: Int { Self.bulkCheckpointBytes / pageSize }

    public func bulkLoad<T>(_ body: () throws -> T) throws -> T {
        try adjustBulkLoads(by: 1)
        defer { try? adjustBulkLoads(by: -1) }  // the threshold only tunes speed; never mask body's outcome
        return try body()
    }

    /// Counts bulk loads; the first raises the writer's checkpoint threshold, the last restores it.
    func adjustBulkLoads(by delta: Int) throws {
        try bulkLoads.withLock { count in
            let next = count + delta
            // A load that ends stops counting even if the pragma fails (the next load sets it
            // again); one that cannot raise the threshold never started.
            defer { if delta < 0 { count = next } }
            if (count == 0) != (next == 0) {
                let pages = next > 0 ? bulkCheckpointPages : checkpointPages
                try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = \(pages)") }
            }
            if delta > 0 { count = next }
        }
    }

    /// The writer's checkpoint threshold in pages (for tests).
    func writerCheckpointPages() throws -> Int {
        try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? -1 }
    }

    /// Rewrites the full-text indexes of words and facets (FTS5 keeps deleted documents' postings
    /// in old segments until a merge), then checkpoints and truncates the write-ahead log, which still holds the pages
    /// as they were before the removal. `secure_delete` has zeroed the freed pages themselves.
    @discardableResult
    public func reclaim() throws -> Bool {
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "INSERT INTO message_index(message_index) VALUES('optimize')")
            try db.execute(sql: "INSERT INTO record_facets(record_facets) VALUES('optimize')")
        }
        // A reader (another process) can hold the log; retry briefly before saying so.
        for attempt in 0 ..< 10 {
            let busy = try pool.writeWithoutTransaction { db in
                try Int.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") ?? 1
            }
            if busy == 0 { return true }
            if attempt < 9 { usleep(100_000) }
        }
        return false
    }

    /// Every keyed token the full-text index holds postings for (FTS5's vocabulary): for checks
    /// that a removal left no token behind.
    public func indexVocabulary() throws -> Set<String> {
        try pool.read { Set(try String.fetchAll($0, sql: "SELECT term FROM message_index_vocab")) }
    }

    /// The facet index's terms (``RecordFacets``), as tests need to show an erasure left none behind.
    public func facetVocabulary() throws -> Set<String> {
        try pool.read { Set(try String.fetchAll($0, sql: "SELECT term FROM record_facets_vocab")) }
    }

    /// Runs raw SQL: for tamper tests and maintenance tools only.
    public func executeUncheckedSQL(_ sql: String) throws {
        try pool.writeWithoutTransaction { try $0.execute(sql: sql) }
    }
}

public import Foundation
import Synchronization
public import VellumCore
public import VellumCrypto
public import VellumStore
import VellumSQLite

#if canImport(Glibc)
    import Glibc
#endif

/// An open archive: its stores, its keys and the clock, shared by every service of the app.
public final class Archive: Sendable {
    public let store: any ArchiveStore
    public let blobs: any BlobStore
    public let keys: KeyHierarchy
    /// Staff accounts, sessions and API tokens of the server.
    public let accounts: any AccountStore
    /// Which server runs the jobs that must not run twice (several servers on one archive).
    public let leases: any LeaseStore
    /// Where the latest tree head is mirrored outside the store (nil for in-memory archives).
    public let checkpoint: URL?
    let dataKeys = Mutex<[Data: DataKey]>([:])
    /// Keyed look-ups that repeat on message after message (scopes, conversations, accounts,
    /// tags), by domain and input: an HMAC each costs more than the memo's lock.
    let lookupMemo = Mutex<[LookupInput: Data]>([:])
    let now: @Sendable () -> Date

    static let formatVersion = "vellum-archive-1"

    /// Assembles an archive from parts; `initialize` it first if the store is empty.
    public init(
        store: any ArchiveStore, blobs: any BlobStore, master: MasterKey, checkpoint: URL? = nil,
        accounts: any AccountStore = InMemoryAccountStore(), leases: any LeaseStore = InMemoryLeaseStore(),
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.accounts = accounts
        self.leases = leases
        self.blobs = blobs
        self.keys = KeyHierarchy(master: master)
        self.checkpoint = checkpoint
        self.now = now
    }

    public var nowMilliseconds: Int64 { Int64((now().timeIntervalSince1970 * 1000).rounded()) }

    /// Writes the archive's identity (format, key check, public key) and its first ledger event.
    public func initialize() throws {
        try store.write { tx in
            guard try tx.meta("format") == nil else {
                throw VellumError(.alreadyExists, "the store already holds an archive")
            }
            try tx.setMeta("format", Data(Self.formatVersion.utf8))
            try tx.setMeta("key_check", keys.keyCheck)
            try tx.setMeta("tree_head_public_key", keys.signing.publicKey)
            _ = try LedgerAppender(archive: self, tx: tx).append([
                LedgerEvent(type: .archiveCreated, at: nowMilliseconds)
            ])
        }
        try writeCheckpoint()
    }

    /// Refuses to go on unless the store is an archive and the master key is the one that made it.
    public func checkKey() throws {
        let stored = try store.read { try ($0.meta("format"), $0.meta("key_check")) }
        guard stored.0 != nil, let check = stored.1 else {
            throw VellumError(.notFound, "this is not a Vellum archive (no format marker)")
        }
        guard keys.matchesKeyCheck(check) else {
            throw VellumError(.keyMismatch, "the master key does not open this archive (key check failed); nothing was changed")
        }
    }

    // MARK: embedded archives on disk

    /// Builds an archive's stores for a data directory and master key: the embedded SQLite store
    /// by default; VellumBackends gives one for the scale-out backends `storage.yaml` names.
    public typealias Assembler = (DataDirectory, MasterKey) throws -> Archive

    /// The embedded archive: SQLite and the blob folder inside the data directory.
    public static func embedded(_ dir: DataDirectory, _ master: MasterKey) throws -> Archive {
        let store = try SQLiteArchiveStore(path: dir.database.path)
        return Archive(
            store: store, blobs: try FileBlobStore(root: dir.blobs), master: master, checkpoint: dir.checkpoint,
            accounts: store, leases: store)
    }

    /// Creates a new archive; refuses an existing one. Returns the master key file used.
    /// `prepare` runs once the folder exists (before the stores are assembled); when anything
    /// fails, the folder and key this call made are removed again.
    @discardableResult
    public static func create(
        at dir: DataDirectory, masterKeyFile: URL? = nil, prepare: (DataDirectory) throws -> Void = { _ in },
        assemble: Assembler = embedded
    ) throws -> URL {
        let fm = FileManager.default
        let existing = (try? fm.contentsOfDirectory(atPath: dir.root.path)) ?? []
        if !existing.isEmpty {
            throw VellumError(.alreadyExists, "\(dir.root.path) already exists and is not empty; refusing to touch it")
        }
        let keyFile = masterKeyFile ?? dir.defaultMasterKey
        if fm.fileExists(atPath: keyFile.path) {
            throw VellumError(.alreadyExists, "the master key file \(keyFile.path) already exists; refusing to overwrite it")
        }
        let madeFolder = !fm.fileExists(atPath: dir.root.path)
        try fm.createDirectory(at: dir.root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let master = MasterKey.generate()
        var wroteKey = false
        do {
            try writePrivateFile(master.fileRepresentation, to: keyFile)
            wroteKey = true
            try prepare(dir)
            let archive = try assemble(dir, master)
            try archive.initialize()
        } catch {
            // Nothing was acknowledged: leave no half-made archive or orphan key behind.
            if wroteKey { try? fm.removeItem(at: keyFile) }
            if madeFolder { try? fm.removeItem(at: dir.root) } else {
                for name in (try? fm.contentsOfDirectory(atPath: dir.root.path)) ?? [] {
                    try? fm.removeItem(at: dir.root.appendingPathComponent(name))
                }
            }
            throw error
        }
        return keyFile
    }

    /// Opens an embedded archive with the master key from `masterKeyFile` (default: in the folder).
    public static func open(_ dir: DataDirectory, masterKeyFile: URL? = nil, assemble: Assembler = embedded) throws -> Archive {
        guard dir.exists else {
            throw VellumError(.notFound, "no archive at \(dir.root.path) (run `vellum init --data \(dir.root.path)`)")
        }
        let keyFile = masterKeyFile ?? dir.defaultMasterKey
        guard let contents = FileManager.default.contents(atPath: keyFile.path) else {
            throw VellumError(.notFound, "cannot read the master key file \(keyFile.path)")
        }
        let archive = try assemble(dir, try MasterKey(fileContents: contents))
        try archive.checkKey()
        return archive
    }

    /// Creates `url` readable by its owner only (0600), refusing one that exists, and syncs it:
    /// for master keys and storage files.
    public static func writePrivateFile(_ data: Data, to url: URL) throws {
        let fd = Glibc.open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw VellumError(.storage, "cannot create \(url.path): errno \(errno)") }
        defer { close(fd) }
        let n = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard n == data.count, fsync(fd) == 0 else { throw VellumError(.storage, "cannot write \(url.path)") }
    }
}

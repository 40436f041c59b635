public import Foundation
import VellumCore
import VellumCrypto
public import VellumStore

/// A ``BlobStore`` in an S3 bucket with Object Lock: sealed blobs are objects named by their
/// SHA-256, written in COMPLIANCE mode until the record's retention end, so the storage itself
/// refuses to destroy them early (SEC 17a-4(f)(2)(i)(B)).
///
/// Synchronous like the protocol; see ``S3Client`` for where it may be called from.
public final class S3BlobStore: LockingBlobStore {
    public struct Options: Sendable {
        /// Open a bucket without Object Lock. Deletion is then not refused by the storage: not WORM.
        public var allowWithoutObjectLock: Bool
        /// Retention given to blobs written through ``put(_:)`` (the protocol's call, which carries no
        /// date); nil writes them without a per-object retention (the bucket's default, if any, applies).
        public var defaultRetention: Duration?

        public init(allowWithoutObjectLock: Bool = false, defaultRetention: Duration? = nil) {
            self.allowWithoutObjectLock = allowWithoutObjectLock
            self.defaultRetention = defaultRetention
        }
    }

    public let client: S3Client
    public let options: Options
    /// Whether the start-up check found Object Lock enabled on the bucket.
    public let objectLockEnabled: Bool

    /// Opens the store after checking the bucket: it must have Object Lock enabled unless
    /// `options.allowWithoutObjectLock`. Unreachable endpoints and bad credentials fail here too.
    public init(client: S3Client, options: Options = Options()) throws {
        self.client = client
        self.options = options
        let enabled: Bool
        do {
            enabled = try client.getObjectLockConfiguration().enabled
        } catch let e as S3Error where e.code == .objectLockNotEnabled {
            enabled = false
        }
        if !enabled && !options.allowWithoutObjectLock {
            throw S3Error(
                .objectLockNotEnabled,
                "bucket has no Object Lock: objects could be deleted before their retention ends; "
                    + "create it with Object Lock, or set allowWithoutObjectLock to accept that",
                bucket: client.bucket)
        }
        self.objectLockEnabled = enabled
    }

    func key(_ ref: String) throws -> String {
        guard Self.isRef(ref) else {
            throw S3Error(.noSuchKey, "not a blob reference (64 lowercase hex)", bucket: client.bucket)
        }
        return client.configuration.keyPrefix + ref
    }

    static func isRef(_ s: String) -> Bool {
        s.utf8.count == 64 && s.utf8.allSatisfy { (48 ... 57).contains($0) || (97 ... 102).contains($0) }
    }

    public func put(_ sealed: Data) throws -> String {
        try put(sealed, retainUntil: defaultLockEnd)
    }

    /// Now plus `Options.defaultRetention`, for writes that carry no date of their own.
    var defaultLockEnd: Date? { options.defaultRetention.map { Date() + TimeInterval($0.components.seconds) } }

    /// Stores sealed bytes locked in COMPLIANCE mode until `retainUntil` (nil: no per-object lock).
    /// Idempotent: bytes already stored are not written again; their retention is extended if
    /// `retainUntil` is later, never shortened.
    @discardableResult
    public func put(_ sealed: Data, retainUntil: Date?) throws -> String {
        let ref = Digest.sha256(sealed).hexString
        let key = try key(ref)
        if let head = try client.headObject(key: key) {
            if let retainUntil, head.retainUntil.map({ $0 < retainUntil }) ?? true {
                try client.putObjectRetention(key: key, versionID: head.versionID, until: retainUntil)
            }
            return ref
        }
        try client.putObject(key: key, body: sealed, retainUntil: retainUntil)
        return ref
    }

    public func get(_ ref: String) throws -> Data? {
        guard Self.isRef(ref) else { return nil }
        return try client.getObject(key: key(ref))
    }

    /// Destroys every version of the blob. Before its retention ends, or under a legal hold, the
    /// bucket refuses and this throws ``BlobLockedError`` with the lock the bucket reports; a blob
    /// already gone is no error. (A plain `DeleteObject` would only hide a locked object behind a
    /// delete marker.)
    public func delete(_ ref: String) throws {
        let key = try key(ref)
        do {
            for version in try client.listObjectVersions(prefix: key) where version.key == key {
                try client.deleteObject(key: key, versionID: version.versionID)
            }
        } catch let e as S3Error where e.code == .objectLocked {
            throw BlobLockedError(ref: ref, lock: try? lock(of: ref))
        }
    }

    public func allRefs() throws -> [String] {
        let prefix = client.configuration.keyPrefix
        return try client.listObjects(prefix: prefix).compactMap { k in
            let ref = String(k.dropFirst(prefix.count))
            return Self.isRef(ref) ? ref : nil
        }.sorted()
    }

    /// Extends the blob's COMPLIANCE retention to `until`; a date not later than the current one is
    /// left alone (the bucket would refuse to shorten it anyway).
    public func extendRetention(_ ref: String, until: Date) throws { try extendRetention(key: key(ref), until: until) }

    /// Places (`on`) or lifts an object legal hold: while held, the blob cannot be destroyed even
    /// after its retention ends.
    public func setLegalHold(_ ref: String, on: Bool) throws { try setLegalHold(key: key(ref), on: on) }

    public func lock(ofObject name: String) throws -> BlobLock? {
        try client.headObject(key: client.configuration.keyPrefix + name).map { BlobLock(retainUntil: $0.retainUntil, legalHold: $0.legalHold) }
    }

    public func extendRetention(ofObject name: String, until: Date) throws {
        try extendRetention(key: client.configuration.keyPrefix + name, until: until)
    }

    public func setLegalHold(ofObject name: String, on: Bool) throws {
        try setLegalHold(key: client.configuration.keyPrefix + name, on: on)
    }

    /// Named objects live under the key prefix too (`blobs/segments/…`); ``allRefs()`` skips them.
    public func putObject(named name: String, _ data: Data, retainUntil: Date?) throws {
        let key = client.configuration.keyPrefix + name
        if try client.headObject(key: key) != nil { return }
        try client.putObject(key: key, body: data, retainUntil: retainUntil ?? defaultLockEnd)
    }

    public func object(named name: String) throws -> Data? { try client.getObject(key: client.configuration.keyPrefix + name) }

    public func objectNames(prefix: String) throws -> [String] {
        let base = client.configuration.keyPrefix
        return try client.listObjects(prefix: base + prefix).map { String($0.dropFirst(base.count)) }.sorted()
    }

    func extendRetention(key: String, until: Date) throws {
        guard let head = try client.headObject(key: key) else {
            throw S3Error(.noSuchKey, "no such object", bucket: client.bucket, key: key)
        }
        if let current = head.retainUntil, current >= until { return }
        try client.putObjectRetention(key: key, versionID: head.versionID, until: until)
    }

    func setLegalHold(key: String, on: Bool) throws {
        guard let head = try client.headObject(key: key) else {
            throw S3Error(.noSuchKey, "no such object", bucket: client.bucket, key: key)
        }
        try client.putObjectLegalHold(key: key, versionID: head.versionID, on: on)
    }

    /// The blob's lock as the bucket reports it; nil when the blob does not exist.
    public func lock(of ref: String) throws -> BlobLock? {
        try head(of: ref).map { BlobLock(retainUntil: $0.retainUntil, legalHold: $0.legalHold) }
    }

    /// The blob's object metadata (size, version, lock mode and lock); nil when it does not exist.
    public func head(of ref: String) throws -> S3ObjectHead? { try client.headObject(key: key(ref)) }
}

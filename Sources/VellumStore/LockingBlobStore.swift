public import Foundation

/// How the storage itself protects one blob: WORM retention and legal hold, as the storage reports them.
public struct BlobLock: Sendable, Hashable {
    /// Until when the storage refuses to destroy the blob or shorten this date (nil: no retention).
    public var retainUntil: Date?
    /// While on, the storage refuses to destroy the blob whatever the date.
    public var legalHold: Bool

    public init(retainUntil: Date?, legalHold: Bool) {
        self.retainUntil = retainUntil
        self.legalHold = legalHold
    }

    /// Moves the retention to `until` if that is later; never earlier (as the storage enforces).
    public mutating func extend(to until: Date) {
        if retainUntil.map({ $0 < until }) ?? true { retainUntil = until }
    }

    /// Whether the storage would refuse to destroy the blob at `now`.
    public func protects(at now: Date) -> Bool { legalHold || retainUntil.map { $0 > now } == true }
}

/// The storage refused to destroy a blob because it is under retention or a legal hold.
public struct BlobLockedError: Error, Sendable, CustomStringConvertible {
    public var ref: String
    public var lock: BlobLock?

    public init(ref: String, lock: BlobLock?) {
        self.ref = ref
        self.lock = lock
    }

    public var description: String {
        var why: [String] = []
        if let until = lock?.retainUntil { why.append("retained until \(until.ISO8601Format())") }
        if lock?.legalHold == true { why.append("under a legal hold") }
        return "the storage refuses to delete blob \(ref)" + (why.isEmpty ? "" : " (" + why.joined(separator: ", ") + ")")
    }
}

/// A ``BlobStore`` whose storage enforces retention itself (WORM, e.g. S3 Object Lock in COMPLIANCE
/// mode): a retention date can be set and extended but never shortened, a legal hold placed and
/// lifted, and ``BlobStore/delete(_:)`` throws ``BlobLockedError`` while either protects the blob.
///
/// Vellum keeps these locks in step with its policy and holds; the storage is the second line
/// that still holds if the application, its database or its operators are compromised.
public protocol LockingBlobStore: BlobStore {
    /// Stores sealed bytes locked until `retainUntil` (nil: no per-object date). Idempotent: bytes
    /// already stored keep their lock, extended to `retainUntil` if that is later.
    @discardableResult
    func put(_ sealed: Data, retainUntil: Date?) throws -> String
    /// The blob's lock as the storage reports it; nil when there is no such blob.
    func lock(of ref: String) throws -> BlobLock?
    /// Extends the retention to `until`; a date not later than the current one changes nothing.
    func extendRetention(_ ref: String, until: Date) throws
    /// Places (`on`) or lifts the blob's legal hold.
    func setLegalHold(_ ref: String, on: Bool) throws

    /// Writes an object under a name of Vellum's choosing (`segments/…`), locked until `retainUntil`;
    /// an object of that name already there is left as it is (names carry a digest of the content).
    func putObject(named name: String, _ data: Data, retainUntil: Date?) throws
    /// The object's bytes; nil when there is none.
    func object(named name: String) throws -> Data?
    /// The names under `prefix`, sorted.
    func objectNames(prefix: String) throws -> [String]
    /// A named object's lock; nil when there is no such object.
    func lock(ofObject name: String) throws -> BlobLock?
    /// Extends a named object's retention (never shortens it).
    func extendRetention(ofObject name: String, until: Date) throws
    /// Places or lifts a named object's legal hold.
    func setLegalHold(ofObject name: String, on: Bool) throws
}

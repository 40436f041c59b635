public import Foundation
import Synchronization
import VellumCrypto
import VellumCore

/// A ``LockingBlobStore`` in memory that enforces its locks as a WORM bucket does, against a
/// clock the test controls: for the application's lock logic without an S3 server.
public final class InMemoryLockingBlobStore: LockingBlobStore {
    struct Entry {
        var data: Data
        var lock: BlobLock
    }

    let entries = Mutex<[String: Entry]>([:])
    let named = Mutex<[String: Entry]>([:])
    /// Thrown by every lock change while set: a storage that refuses or cannot be reached.
    let changeFailure = Mutex<(any Error & Sendable)?>(nil)
    let clock: @Sendable () -> Date
    /// What ``put(_:)`` (the protocol's call without a date) locks for: like a bucket's default retention.
    let defaultRetention: TimeInterval?

    public init(defaultRetention: TimeInterval? = nil, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.defaultRetention = defaultRetention
        self.clock = clock
    }

    public func put(_ sealed: Data) throws -> String {
        try put(sealed, retainUntil: defaultRetention.map { clock() + $0 })
    }

    @discardableResult
    public func put(_ sealed: Data, retainUntil: Date?) throws -> String {
        let ref = Digest.sha256(sealed).hexString
        entries.withLock {
            if var e = $0[ref] {
                if let retainUntil { e.lock.extend(to: retainUntil) }
                $0[ref] = e
            } else {
                $0[ref] = Entry(data: sealed, lock: BlobLock(retainUntil: retainUntil, legalHold: false))
            }
        }
        return ref
    }

    public func get(_ ref: String) throws -> Data? { entries.withLock { $0[ref]?.data } }

    public func delete(_ ref: String) throws {
        let now = clock()
        try entries.withLock {
            guard let e = $0[ref] else { return }
            if e.lock.protects(at: now) { throw BlobLockedError(ref: ref, lock: e.lock) }
            $0[ref] = nil
        }
    }

    public func allRefs() throws -> [String] { entries.withLock { $0.keys.sorted() } }

    public func lock(of ref: String) throws -> BlobLock? { entries.withLock { $0[ref]?.lock } }

    public func extendRetention(_ ref: String, until: Date) throws {
        try entries.withLock { try change(ref, in: &$0) { $0.extend(to: until) } }
    }

    /// Makes every later lock change throw `error` (nil: succeed again), for failure tests.
    public func failLockChanges(with error: (any Error & Sendable)?) {
        changeFailure.withLock { $0 = error }
    }

    /// Changes the lock of `name` in `table`, or throws when there is no such object.
    func change(_ name: String, in table: inout [String: Entry], _ body: (inout BlobLock) -> Void) throws {
        if let failure = changeFailure.withLock({ $0 }) { throw failure }
        guard var e = table[name] else { throw BlobMissingError(ref: name) }
        body(&e.lock)
        table[name] = e
    }

    public func putObject(named name: String, _ data: Data, retainUntil: Date?) throws {
        named.withLock {
            let until = retainUntil ?? defaultRetention.map { clock() + $0 }
            if $0[name] == nil { $0[name] = Entry(data: data, lock: BlobLock(retainUntil: until, legalHold: false)) }
        }
    }

    public func object(named name: String) throws -> Data? { named.withLock { $0[name]?.data } }

    public func objectNames(prefix: String) throws -> [String] {
        named.withLock { $0.keys.filter { $0.hasPrefix(prefix) }.sorted() }
    }

    public func lock(ofObject name: String) throws -> BlobLock? { named.withLock { $0[name]?.lock } }

    public func extendRetention(ofObject name: String, until: Date) throws {
        try named.withLock { try change(name, in: &$0) { $0.extend(to: until) } }
    }

    public func setLegalHold(ofObject name: String, on: Bool) throws {
        try named.withLock { try change(name, in: &$0) { $0.legalHold = on } }
    }

    /// Changes a named object's bytes, as someone with access to the disks could: for tamper tests.
    public func corruptObject(named name: String, with data: Data) {
        named.withLock { $0[name]?.data = data }
    }

    public func setLegalHold(_ ref: String, on: Bool) throws {
        try entries.withLock { try change(ref, in: &$0) { $0.legalHold = on } }
    }
}

/// A lock change asked for a blob the store does not hold.
public struct BlobMissingError: Error, Sendable, CustomStringConvertible {
    public var ref: String
    public init(ref: String) { self.ref = ref }
    public var description: String { "no blob \(ref) in the store" }
}

public import Foundation
import Synchronization

/// Who runs a job that must not run twice at once — the WeCom puller, the retention sweep, media
/// downloads — when several servers share one archive.
///
/// A lease is a named claim that lasts until a time unless renewed. The holder renews it before
/// each run; a holder that dies loses it when it expires, and another server takes over. Claims
/// are atomic in the store, so two servers asking at once never both get it.
public protocol LeaseStore: Sendable {
    /// Gives `name` to `holder` until `until` (epoch milliseconds) when it is free, expired at
    /// `now`, or already `holder`'s (a renewal). Returns whether `holder` holds it afterwards.
    func claimLease(_ name: String, holder: String, now: Int64, until: Int64) throws -> Bool
    /// Gives the lease up, if `holder` holds it (at shutdown, so another server need not wait).
    func releaseLease(_ name: String, holder: String) throws
}

/// Leases for a single process (tests, in-memory archives).
public final class InMemoryLeaseStore: LeaseStore {
    let leases = Mutex<[String: (holder: String, until: Int64)]>([:])

    public init() {}

    public func claimLease(_ name: String, holder: String, now: Int64, until: Int64) throws -> Bool {
        leases.withLock { leases in
            if let current = leases[name], current.holder != holder, current.until > now { return false }
            leases[name] = (holder, until)
            return true
        }
    }

    public func releaseLease(_ name: String, holder: String) throws {
        leases.withLock { leases in
            if leases[name]?.holder == holder { leases[name] = nil }
        }
    }
}

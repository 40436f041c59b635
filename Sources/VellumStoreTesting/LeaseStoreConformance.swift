import Foundation
import Synchronization
import VellumCore
public import VellumStore

/// The behaviour every ``LeaseStore`` driver must show. Each case gets a fresh, empty store; the
/// second argument, when given, is another handle on the same store (another server's connection).
public enum LeaseStoreConformance {
    public static let cases: [String: @Sendable (any LeaseStore, any LeaseStore) throws -> Void] = [
        "a lease is held by one holder until it expires or is released": exclusive,
        "many claims at once from two handles: exactly one holder at any time": concurrent,
    ]

    static func exclusive(_ a: any LeaseStore, _ b: any LeaseStore) throws {
        try check(try a.claimLease("wecom-puller", holder: "host-a", now: 1_000, until: 61_000), "a free lease is given")
        try check(!(try b.claimLease("wecom-puller", holder: "host-b", now: 2_000, until: 62_000)), "a held lease is refused to another")
        try check(try b.claimLease("retention", holder: "host-b", now: 2_000, until: 62_000), "leases are independent by name")
        try check(try a.claimLease("wecom-puller", holder: "host-a", now: 30_000, until: 90_000), "the holder renews")
        try check(!(try b.claimLease("wecom-puller", holder: "host-b", now: 70_000, until: 130_000)), "a renewed lease is still held")
        try check(try b.claimLease("wecom-puller", holder: "host-b", now: 90_000, until: 150_000), "an expired lease passes on")
        try check(!(try a.claimLease("wecom-puller", holder: "host-a", now: 91_000, until: 151_000)), "the old holder has lost it")
        try a.releaseLease("wecom-puller", holder: "host-a")  // not its holder: nothing happens
        try check(!(try a.claimLease("wecom-puller", holder: "host-a", now: 92_000, until: 152_000)), "only the holder can release")
        try b.releaseLease("wecom-puller", holder: "host-b")
        try check(try a.claimLease("wecom-puller", holder: "host-a", now: 93_000, until: 153_000), "a released lease is free at once")
    }

    static func concurrent(_ a: any LeaseStore, _ b: any LeaseStore) throws {
        // Rounds of simultaneous claims on a fresh name: exactly one of the two wins each round.
        let failures = Counter()
        for round in 0 ..< 20 {
            let name = "job-\(round)"
            let wins = Counter()
            DispatchQueue.concurrentPerform(iterations: 8) { i in
                let store = i % 2 == 0 ? a : b
                do {
                    if try store.claimLease(name, holder: "host-\(i)", now: 1_000, until: 60_000) { wins.add() }
                } catch {
                    failures.add()
                }
            }
            try check(wins.value == 1, "round \(round): \(wins.value) holders at once")
        }
        try check(failures.value == 0, "\(failures.value) claims failed with an error")
    }

    final class Counter: Sendable {
        let count = Mutex(0)
        func add() { count.withLock { $0 += 1 } }
        var value: Int { count.withLock { $0 } }
    }
}

import Foundation
import Logging
import Synchronization
import Testing
import VellumStore
@testable import VellumServer

@Suite("Jobs that must not run twice run on the server holding their lease")
struct JobLeaseTests {
    final class Runs: Sendable {
        let count = Mutex(0)
        func add() { count.withLock { $0 += 1 } }
        var value: Int { count.withLock { $0 } }
    }

    static func job(_ store: any LeaseStore, holder: String, runs: Runs) -> PeriodicJob {
        PeriodicJob(
            name: "retention sweep", interval: .seconds(3600),
            lease: JobLease(store: store, name: "retention-sweep", holder: holder, duration: .seconds(7200)),
            logger: Logger(label: "test")
        ) {
            runs.add()
            return ""
        }
    }

    @Test("two servers on one store: only the holder runs; after it releases, the other takes over")
    func oneAtATime() async throws {
        let store = InMemoryLeaseStore()
        let runsA = Runs(), runsB = Runs()
        let a = Self.job(store, holder: "host-a", runs: runsA), b = Self.job(store, holder: "host-b", runs: runsB)
        #expect(await a.runOnce())
        #expect(await !b.runOnce())
        #expect(await a.runOnce())
        #expect((runsA.value, runsB.value) == (2, 0))
        await a.lease!.release()
        #expect(await b.runOnce())
        #expect(await !a.runOnce())
        #expect((runsA.value, runsB.value) == (2, 1))
    }

    @Test("a holder that stops renewing loses the lease when it expires")
    func expiry() async throws {
        let store = InMemoryLeaseStore()
        let dead = JobLease(store: store, name: "wecom-puller", holder: "host-a", duration: .seconds(120))
        let live = JobLease(store: store, name: "wecom-puller", holder: "host-b", duration: .seconds(120))
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(try await dead.claim(at: t0))
        #expect(try await !live.claim(at: t0.addingTimeInterval(119)))
        #expect(try await live.claim(at: t0.addingTimeInterval(120)))
        #expect(try await !dead.claim(at: t0.addingTimeInterval(121)))
    }

    @Test("the process's holder name says which host and process holds a lease")
    func holderName() {
        let parts = JobLease.processHolder.split(separator: ":")
        #expect(parts.count >= 3)
        #expect(parts[parts.count - 2] == "\(ProcessInfo.processInfo.processIdentifier)")
    }
}

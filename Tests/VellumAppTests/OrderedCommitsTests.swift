import Dispatch
import Foundation
import Synchronization
import Testing
@testable import VellumApp

@Suite("OrderedCommits")
struct OrderedCommitsTests {
    /// What the commits saw: the order they ran in, and how many ran at once at most.
    final class Log: Sendable {
        let order = Mutex<[Int]>([])
        let running = Atomic<Int>(0)
        let mostAtOnce = Atomic<Int>(0)

        func commit(_ n: Int) {
            let now = running.add(1, ordering: .sequentiallyConsistent).newValue
            mostAtOnce.max(now, ordering: .sequentiallyConsistent)
            usleep(UInt32(n % 3) * 300)  // vary how long a commit takes
            order.withLock { $0.append(n) }
            running.subtract(1, ordering: .sequentiallyConsistent)
        }
    }

    struct Boom: Error {}

    @Test("batches commit one at a time, in the order handed over, and come back in that order", arguments: [1, 2, 3])
    func inOrder(depth: Int) throws {
        let log = Log()
        var commits = OrderedCommits<Int, Int>(depth: depth) { n in
            log.commit(n)
            return n * 10
        }
        var outputs: [Int] = []
        for n in 1 ... 40 {
            try commits.submit(n) { outputs.append($0) }
            #expect(commits.count <= depth)
        }
        try commits.finish { outputs.append($0) }
        #expect(outputs == (1 ... 40).map { $0 * 10 })
        #expect(log.order.withLock { $0 } == Array(1 ... 40))
        #expect(log.mostAtOnce.load(ordering: .sequentiallyConsistent) == 1)
    }

    @Test("with two in flight, a second batch is handed over while the first still commits", .timeLimit(.minutes(1)))
    func secondWaitsBehindFirst() throws {
        let gate = DispatchSemaphore(value: 0)
        let log = Log()
        var commits = OrderedCommits<Int, Int>(depth: 2) { n in
            if n == 1 { gate.wait() }
            log.commit(n)
            return n
        }
        var outputs: [Int] = []
        try commits.submit(1) { outputs.append($0) }
        try commits.submit(2) { outputs.append($0) }
        #expect(outputs == [], "the second batch does not wait for the first commit")
        #expect(log.order.withLock { $0 } == [], "the first commit is still held")
        gate.signal()
        try commits.submit(3) { outputs.append($0) }
        #expect(outputs == [1], "a third waits for the oldest and passes its output on")
        try commits.finish { outputs.append($0) }
        #expect(outputs == [1, 2, 3])
    }

    @Test("after a failed commit, the batches behind it are not committed and the failure is thrown")
    func failureStopsTheRest() throws {
        let log = Log()
        var commits = OrderedCommits<Int, Int>(depth: 2) { n in
            if n == 3 { throw Boom() }
            log.commit(n)
            return n
        }
        var outputs: [Int] = []
        var thrown: (any Error)?
        do {
            for n in 1 ... 6 { try commits.submit(n) { outputs.append($0) } }
            try commits.finish { outputs.append($0) }
        } catch {
            thrown = error
            commits.abandon()
        }
        #expect(thrown is Boom)
        #expect(outputs == [1, 2])
        #expect(commits.count == 0, "nothing is left running")
        // Batch 4 may have been queued behind 3; it must not have committed.
        #expect(log.order.withLock { $0 } == [1, 2])
    }

    @Test("finishing passes on every commit before a failure, then throws it")
    func finishReportsBeforeFailure() throws {
        var commits = OrderedCommits<Int, Int>(depth: 2) { n in
            if n == 2 { throw Boom() }
            return n
        }
        var outputs: [Int] = []
        try commits.submit(1) { outputs.append($0) }
        try commits.submit(2) { outputs.append($0) }
        #expect(throws: Boom.self) { try commits.finish { outputs.append($0) } }
        #expect(outputs == [1], "the first batch committed and is acknowledged")
    }

    @Test("a failure while the caller stages is cleaned up: abandon waits for the commits in flight")
    func abandonWaits() throws {
        let log = Log()
        var commits = OrderedCommits<Int, Int>(depth: 2) { n in
            usleep(2_000)
            log.commit(n)
            return n
        }
        try commits.submit(1) { _ in }
        try commits.submit(2) { _ in }
        commits.abandon()
        #expect(log.order.withLock { $0 } == [1, 2], "both commits finished before abandon returned")
        #expect(commits.count == 0)
    }
}

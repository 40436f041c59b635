import Foundation
import Synchronization
import Testing
@testable import VellumApp

@Suite("BackgroundJob")
struct BackgroundJobTests {
    final class Log: Sendable {
        let threads = Mutex<[pthread_t]>([])
    }

    /// Records the thread it is freed on.
    final class Tracked: Sendable {
        let log: Log
        init(_ log: Log) { self.log = log }
        deinit { log.threads.withLock { $0.append(pthread_self()) } }
    }

    /// Frees `value` (the result) here, after the job's thread may or may not have finished.
    static func roundTrip(_ i: Int, _ log: Log) throws {
        let job = BackgroundJob(handing: Tracked(log)) { tracked -> Tracked in
            if i % 2 == 0 { usleep(50) }  // vary who finishes first
            return tracked
        }
        let value = try job.wait()
        if i % 3 == 0 { usleep(50) }
        _ = value
    }

    @Test("a value handed in and given back is freed by the waiting thread, never by the job's, over 300 runs")
    func freedByTheWaiter() throws {
        let log = Log()
        let me = pthread_self()
        for i in 0 ..< 300 { try Self.roundTrip(i, log) }
        let threads = log.threads.withLock { $0 }
        #expect(threads.count == 300)
        #expect(threads.allSatisfy { pthread_equal($0, me) != 0 }, "\(threads.filter { pthread_equal($0, me) == 0 }.count) freed elsewhere")
    }

    @Test("the result is moved out once: a second wait only waits, then throws; errors come through")
    func resultMovedOut() throws {
        let job = BackgroundJob { 42 }
        #expect(try job.wait() == 42)
        #expect(throws: (any Error).self) { try job.wait() }
        struct Boom: Error {}
        let failing = BackgroundJob<Int> { throw Boom() }
        #expect(throws: Boom.self) { try failing.wait() }
    }
}

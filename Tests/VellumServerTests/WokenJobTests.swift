import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Testing
@testable import VellumServer

@Suite("A periodic job woken early")
struct WokenJobTests {
    final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

    @Test("a wake runs the job at once, long before its interval; graceful shutdown stops it")
    func wakeRunsAtOnce() async throws {
        let runs = Counter()
        let job = PeriodicJob(name: "locks", interval: .seconds(3600), logger: Logger(label: "test")) {
            runs.value.add(1, ordering: .relaxed)
            return ""
        }
        let trigger = WakeTrigger()
        let group = ServiceGroup(services: [job, WokenJob(trigger: trigger, job: job)], logger: Logger(label: "test"))
        let running = Task { try await group.run() }
        try await Task.sleep(for: .milliseconds(100))
        #expect(runs.value.load(ordering: .relaxed) == 0, "nothing runs before the interval or a wake")
        trigger.wake()
        for _ in 0 ..< 100 where runs.value.load(ordering: .relaxed) < 1 { try await Task.sleep(for: .milliseconds(20)) }
        #expect(runs.value.load(ordering: .relaxed) == 1)
        trigger.wake()
        for _ in 0 ..< 100 where runs.value.load(ordering: .relaxed) < 2 { try await Task.sleep(for: .milliseconds(20)) }
        #expect(runs.value.load(ordering: .relaxed) == 2)
        await group.triggerGracefulShutdown()
        try await running.value
    }
}

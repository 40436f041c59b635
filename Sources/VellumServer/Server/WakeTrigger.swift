import ServiceLifecycle
import Synchronization

/// Wakes a background job at once instead of at its next interval: the WeCom session-archive
/// puller when a `msgaudit_notify` callback says new messages are waiting, the storage-lock sync
/// after a legal hold changes. Wakes that arrive while a run is in progress collapse into one more run.
public final class WakeTrigger: Sendable {
    let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation
    private let count = Atomic<Int>(0)

    public init() {
        (stream, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    public func wake() {
        count.add(1, ordering: .relaxed)
        continuation.yield()
    }

    /// How many times the job has been woken since start.
    public var wakes: Int { count.load(ordering: .relaxed) }
}

/// Runs `job` once each time `trigger` wakes it, beside the job's own periodic runs (same lease:
/// if another server holds it, that server's next run does the work).
struct WokenJob: Service {
    let trigger: WakeTrigger
    let job: PeriodicJob

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            for await _ in trigger.stream { await job.runOnce() }
        }
    }
}

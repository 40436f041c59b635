import Logging
public import ServiceLifecycle
import Synchronization

/// Wakes the WeCom session-archive puller when a `msgaudit_notify` callback says new messages
/// are waiting. Wakes that arrive while a pull runs collapse into one more pull.
public final class WeComPullTrigger: Sendable {
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

    /// How many notifications have woken the puller since start.
    public var wakes: Int { count.load(ordering: .relaxed) }
}

/// Runs the WeCom puller beside the server: one catch-up pull at start, then one per wake.
/// A failed pull is logged (and kept in capture health by the puller); the next wake tries again.
struct WeComPullService: Service {
    let trigger: WeComPullTrigger
    let logger: Logger
    /// Released at shutdown so another server can take the pulling over at once.
    var lease: JobLease?
    /// Pulls until caught up; returns a one-line summary for the log (never content).
    let pull: @Sendable () async throws -> String

    func run() async throws {
        await pullOnce()
        try await cancelWhenGracefulShutdown {
            for await _ in trigger.stream { await pullOnce() }
        }
        await lease?.release()
    }

    private func pullOnce() async {
        do {
            let summary = try await pull()
            logger.info("WeCom pull: \(summary)")
        } catch {
            logger.error("WeCom pull failed: \(error)")
        }
    }
}

import Logging
import ServiceLifecycle

/// Runs the WeCom puller beside the server: one catch-up pull at start, then one per wake.
/// A failed pull is logged (and kept in capture health by the puller); the next wake tries again.
struct WeComPullService: Service {
    let trigger: WakeTrigger
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

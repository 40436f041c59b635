public import Logging
public import ServiceLifecycle

/// Background work run every `interval` beside the HTTP server (retention sweeps, deferred
/// erasures, media retries). On shutdown the wait is cut short, but a run in progress finishes.
///
/// With a `lease`, a run happens only on the server holding it: several servers on one archive
/// run the job once, not once each.
public struct PeriodicJob: Service {
    public let name: String
    public let interval: Duration
    public let lease: JobLease?
    let logger: Logger
    let work: @Sendable () async throws -> String

    /// `work` returns a one-line summary for the log (never content); an empty one is not logged.
    public init(
        name: String, interval: Duration, lease: JobLease? = nil, logger: Logger,
        work: @escaping @Sendable () async throws -> String
    ) {
        self.name = name
        self.interval = interval
        self.lease = lease
        self.logger = logger
        self.work = work
    }

    /// One run, if this server holds the job's lease (or the job has none). Returns whether it ran.
    @discardableResult
    public func runOnce() async -> Bool {
        do {
            if let lease, try await !lease.claim() {
                logger.debug("\(name): another server holds the lease \(lease.name)")
                return false
            }
            let summary = try await work()
            if !summary.isEmpty { logger.info("\(name): \(summary)") }
        } catch {
            logger.error("\(name) failed: \(error)")
        }
        return true
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                break
            }
            guard !Task.isShuttingDownGracefully else { break }
            await runOnce()
        }
        await lease?.release()  // another server may take the job over at once
    }
}

public import Logging
public import ServiceLifecycle

/// Background work run every `interval` beside the HTTP server (retention sweeps, deferred
/// erasures, media retries). On shutdown the wait is cut short, but a run in progress finishes.
public struct PeriodicJob: Service {
    public let name: String
    public let interval: Duration
    let logger: Logger
    let work: @Sendable () async throws -> String

    /// `work` returns a one-line summary for the log (never content); an empty one is not logged.
    public init(name: String, interval: Duration, logger: Logger, work: @escaping @Sendable () async throws -> String) {
        self.name = name
        self.interval = interval
        self.logger = logger
        self.work = work
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
            guard !Task.isShuttingDownGracefully else { return }
            do {
                let summary = try await work()
                if !summary.isEmpty { logger.info("\(name): \(summary)") }
            } catch {
                logger.error("\(name) failed: \(error)")
            }
        }
    }
}

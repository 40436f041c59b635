import Foundation
public import Logging
public import ServiceLifecycle
public import VellumApp

/// The WeCom session-archive puller as a service of `vellum serve`: follows the saved cursor,
/// committing batch by batch. A fatal SDK error (IP not on the trusted list, a wrong secret) is
/// kept in capture health for the administrator and retried after `retryAfter`, without taking
/// the server down. On shutdown it stops between batches.
public struct WeComPullJob: Service {
    let archive: Archive
    let configuration: WeComCaptureConfiguration
    let logger: Logger
    let retryAfter: Duration

    public init(archive: Archive, configuration: WeComCaptureConfiguration, logger: Logger, retryAfter: Duration = .seconds(300)) {
        self.archive = archive
        self.configuration = configuration
        self.logger = logger
        self.retryAfter = retryAfter
    }

    public func run() async throws {
        let service = WeComCaptureService(archive: archive)
        while !Task.isShuttingDownGracefully {
            do {
                _ = try await cancelWhenGracefulShutdown {
                    try await service.pull(configuration, follow: true)
                }
            } catch is CancellationError {
                return
            } catch {
                guard !Task.isShuttingDownGracefully else { return }
                logger.error("WeCom capture for \(configuration.corp_id) stopped: \(error); retrying in \(retryAfter)")
                do { try await cancelWhenGracefulShutdown { try await Task.sleep(for: retryAfter) } } catch { return }
            }
        }
    }
}

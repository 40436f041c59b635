import Foundation
import Hummingbird
public import Logging
import ServiceLifecycle
public import VellumApp
import VellumCore
import VellumMediaFetch
import VellumPolicy

extension VellumHTTPServer {
    /// Runs the server with its background jobs until SIGINT or SIGTERM; in-flight requests and
    /// job runs finish first. `say` prints to the operator's terminal (the set-up link goes
    /// there and nowhere else: not to the log).
    public func run(logger: Logger, say: @escaping @Sendable (String) -> Void) async throws {
        if try !accounts.hasAdmin() {
            let token = setup.issue()
            say("No administrator yet. Create one (this link works once, until the server stops):")
            say("  http://\(displayHost):\(settings.port)/setup?token=\(token)")
        }
        vault.sweep()  // plain files a crash may have left mid-export
        var services: [any Service] = []
        if settings.retentionSweepHours > 0 {
            let archive = self.archive
            let interval = Duration.seconds(settings.retentionSweepHours * 3600)
            services.append(PeriodicJob(
                name: "retention sweep", interval: interval, lease: lease("retention-sweep", covering: interval), logger: logger
            ) {
                try await Offload.run {
                    guard try PolicyService(archive: archive).active() != nil else { return "no policy applied; nothing to do" }
                    let service = RetentionService(archive: archive)
                    let report = try service.run(on: CalendarDay(utc: Timestamp(date: Date())), dryRun: false, actor: "server:retention")
                    if report.disposed + report.erased > 0 { _ = try service.writeCertificate(report) }
                    return "examined \(report.examined), disposed \(report.disposed), erased \(report.erased)"
                }
            })
        }
        if ObjectLockService(archive: archive).lockingStore != nil {
            let locks = storageLockJob(logger: logger)
            services += [locks, WokenJob(trigger: lockSync, job: locks)]
        }
        let rejections = self.rejections
        let interval = settings.webhooks.rejectionLedgerInterval
        services.append(PeriodicJob(name: "refused deliveries", interval: interval, logger: logger) {
            let written = await rejections.flush(logger: logger)
            return written == 0 ? "" : "\(written) ledger event(s) written"
        })
        if let puller = settings.webhooks.wecom?.puller {
            let archive = self.archive
            let pollInterval = Duration.seconds(puller.poll_interval_seconds ?? 60)
            let pullLease = lease("wecom-puller", covering: pollInterval)
            services.append(WeComPullService(trigger: wecomPulls, logger: logger, lease: pullLease) {
                // One puller at a time across servers: the others skip until the holder's claim lapses.
                guard try await pullLease.claim() else { return "another server pulls (lease \(pullLease.name))" }
                let health = try await WeComCaptureService(archive: archive).pull(puller)
                return "corp \(health.corp) at seq \(health.cursor), \(health.records) records pulled"
            })
            // Callbacks wake it at once; without them (or if one is lost) it still polls.
            let pulls = wecomPulls
            services.append(PeriodicJob(
                name: "WeCom poll", interval: pollInterval, logger: logger
            ) {
                pulls.wake()
                return ""
            })
        }
        for connection in settings.signal.connections {
            services.append(SignalConnector(connection: connection, archive: archive, logger: logger))
        }
        var mediaClient: AsyncHTTPMediaClient?
        if let media = settings.media {
            let client = AsyncHTTPMediaClient(readTimeout: .seconds(media.configuration.timeout_seconds ?? 60))
            mediaClient = client
            services.append(try mediaDownloadJob(media, client: client, logger: logger))
        }
        let (router, _) = router()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            services: services,
            onServerRunning: { [settings, displayHost] channel in
                say("Vellum is serving http://\(displayHost):\(channel.localAddress?.port ?? settings.port)/ (Ctrl-C stops it)")
            },
            logger: logger)
        do { try await app.runService() } catch {
            try? await mediaClient?.shutdown()
            throw error
        }
        try? await mediaClient?.shutdown()
        // Refusals counted since the last event are written before the process ends, and the
        // tree-head file (written after webhook commits, off their path) is brought up to date.
        await rejections.flush(all: true, logger: logger)
        do { try archive.writeCheckpoint() } catch { logger.error("could not write the tree-head file: \(error)") }
    }

    /// Passes over the media queue: downloads run here, never on a webhook's acknowledgement path.
    func mediaDownloadJob(_ media: MediaSettings, client: AsyncHTTPMediaClient, logger: Logger) throws -> PeriodicJob {
        let fetcher = try media.configuration.fetcher(client: client)
        let service = MediaRetryService(archive: archive)
        return PeriodicJob(
            name: "media downloads", interval: media.retryInterval, lease: lease("media-downloads", covering: media.retryInterval),
            logger: logger
        ) {
            let report = try await service.run(fetcher: fetcher)
            return report.attempted == 0 ? "" : report.summary
        }
    }

    /// Keeps the bucket's Object Lock retention and legal holds in step with the policy and holds:
    /// hourly, and at once after a hold changes (``lockSync``).
    func storageLockJob(logger: Logger) -> PeriodicJob {
        let archive = self.archive
        let interval = Duration.seconds(3600)
        return PeriodicJob(name: "storage locks", interval: interval, lease: lease("storage-locks", covering: interval), logger: logger) {
            let r = try await Offload.run { try ObjectLockService(archive: archive).sync(on: CalendarDay(utc: Timestamp(date: Date()))) }
            return "\(r.blobs) attachments checked: retention extended on \(r.retention_extended), holds placed \(r.holds_placed), "
                + "lifted \(r.holds_lifted), missing \(r.missing); removed records' attachments deleted \(r.deferred_deleted), "
                + "still locked \(r.deferred_waiting)"
        }
    }

    /// A lease for a job run every `interval`: it lasts two intervals (at least two minutes), so the
    /// holder renews it in time and a dead holder's job is taken over within about two intervals.
    func lease(_ name: String, covering interval: Duration) -> JobLease {
        JobLease(store: archive.leases, name: name, holder: JobLease.processHolder, duration: max(interval * 2, .seconds(120)))
    }

    var displayHost: String { settings.host == "0.0.0.0" || settings.host == "::" ? "localhost" : settings.host }
}

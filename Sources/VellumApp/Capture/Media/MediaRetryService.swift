public import Foundation
public import VellumCapture
import VellumCore
import VellumStore

/// Downloads queued media: one pass over the jobs that are due. Each success is committed as a
/// media-arrival record (sealed, ledgered) before its job leaves the queue; a crash in between
/// only makes the next pass find the record already archived and drop the job. Failures stay in
/// the queue with their reason, retried on the schedule, or marked failed.
public struct MediaRetryService: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    /// What one pass did.
    public struct PassReport: Sendable, Codable, Hashable {
        /// Jobs tried in this pass.
        public var attempted = 0
        public var downloaded = 0
        /// Jobs whose file was archived already (an earlier pass committed it); dropped.
        public var already_archived = 0
        /// Failed for a retryable reason; tried again later.
        public var retry_later = 0
        /// Marked failed in this pass.
        public var failed = 0
        /// Still queued after the pass, by state.
        public var pending_left = 0
        public var failed_left = 0

        public var summary: String {
            "\(attempted) tried: \(downloaded) downloaded, \(already_archived) already archived, "
                + "\(retry_later) to retry later, \(failed) failed; queue: \(pending_left) pending, \(failed_left) failed"
        }
    }

    /// Every queued or failed download.
    public func jobs() throws -> [MediaJob] {
        try archive.store.read { try MediaQueue(archive: archive).jobs($0) }
    }

    /// Runs one pass: the pending jobs that are due (and with `includeFailed`, the failed ones too),
    /// at most `limit` of them.
    public func run(
        fetcher: MediaFetcher, includeFailed: Bool = false, limit: Int = 500, now: Int64? = nil
    ) async throws -> PassReport {
        let now = now ?? archive.nowMilliseconds
        let queue = MediaQueue(archive: archive)
        let due = try jobs().filter { job in
            switch job.state {
            case .pending: job.next_attempt_at <= now
            case .failed: includeFailed
            }
        }.prefix(max(0, limit))
        var report = PassReport()
        let ingestor = due.isEmpty ? nil : try Ingestor(archive: archive)
        for job in due {
            try Task.checkCancellation()
            report.attempted += 1
            let (archived, original) = try archive.store.read { tx in
                (try tx.containsRecord(sourceKey: archive.sourceKey(job.arrivalSource)),
                 try tx.record(sourceKey: archive.sourceKey(job.messageSource)))
            }
            if archived {
                try remove(job, queue)
                report.already_archived += 1
                continue
            }
            guard let original, let opened = try? archive.open(original).message else {
                try fail(job, reason: "the message is no longer in the archive (disposed or erased)", permanent: true, queue, now, fetcher.schedule)
                report.failed += 1
                continue
            }
            let fetched: FetchedMedia
            do {
                fetched = try await fetcher.fetch(job.target)
            } catch {
                let retry = try fail(job, reason: error.description, permanent: !error.code.isRetryable, queue, now, fetcher.schedule)
                if retry { report.retry_later += 1 } else { report.failed += 1 }
                continue
            }
            let arrival = MediaArrival.message(for: job, original: opened, sentAtMillis: original.sentAt, fetched: fetched)
            let outcome = try ingestor!.ingest([.message(arrival)])
            if case .quarantined(let reason) = outcome.first {
                try fail(job, reason: "the downloaded file was quarantined: \(reason)", permanent: true, queue, now, fetcher.schedule)
                report.failed += 1
                continue
            }
            try remove(job, queue)
            report.downloaded += 1
        }
        let left = try jobs()
        report.pending_left = left.filter { $0.state == .pending }.count
        report.failed_left = left.filter { $0.state == .failed }.count
        return report
    }

    func remove(_ job: MediaJob, _ queue: MediaQueue) throws {
        try archive.store.write { tx in try queue.update(tx) { $0.removeAll { $0.key == job.key } } }
    }

    /// Records a failed attempt; returns whether the job will be retried automatically.
    @discardableResult
    func fail(
        _ job: MediaJob, reason: String, permanent: Bool, _ queue: MediaQueue, _ now: Int64, _ schedule: MediaRetrySchedule
    ) throws -> Bool {
        try archive.store.write { tx in
            try queue.update(tx) { jobs in
                guard let i = jobs.firstIndex(where: { $0.key == job.key }) else { return false }
                jobs[i].attempts += 1
                jobs[i].last_error = reason
                let retry = !permanent && jobs[i].attempts < schedule.maxPasses
                jobs[i].state = retry ? .pending : .failed
                let wait = schedule.wait(afterFailedPasses: jobs[i].attempts).components
                jobs[i].next_attempt_at = now + wait.seconds * 1000 + wait.attoseconds / 1_000_000_000_000_000
                return retry
            }
        }
    }
}

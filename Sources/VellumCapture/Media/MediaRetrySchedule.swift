/// When to try a download again. Within one pass a failed request is retried a few times after
/// short pauses; a download still failing for a retryable reason waits for a later pass, each
/// wait twice the last (capped), and after ``maxPasses`` it is marked failed: visible, not retried
/// automatically (`vellum media retry --failed` tries again).
public struct MediaRetrySchedule: Sendable, Hashable {
    /// Requests per step within one pass (1 = no retry within the pass).
    public var attemptsPerPass: Int
    /// Pause before the second request of a pass; doubled for each further one.
    public var inPassDelay: Duration
    /// Wait after the first failed pass; doubled for each further one, up to ``maximumWait``.
    public var firstWait: Duration
    public var maximumWait: Duration
    /// Failed passes after which a retryable failure is given up as failed.
    public var maxPasses: Int

    public init(
        attemptsPerPass: Int = 3, inPassDelay: Duration = .milliseconds(500), firstWait: Duration = .seconds(60),
        maximumWait: Duration = .seconds(6 * 3600), maxPasses: Int = 12
    ) {
        self.attemptsPerPass = max(1, attemptsPerPass)
        self.inPassDelay = inPassDelay
        self.firstWait = firstWait
        self.maximumWait = maximumWait
        self.maxPasses = max(1, maxPasses)
    }

    /// The pause before request `attempt` (2, 3 …) of one pass.
    public func pause(beforeAttempt attempt: Int) -> Duration {
        inPassDelay * (1 << min(max(0, attempt - 2), 10))
    }

    /// How long to wait after `failedPasses` failed passes (1, 2 …).
    public func wait(afterFailedPasses failedPasses: Int) -> Duration {
        let doubled = firstWait * (1 << min(max(0, failedPasses - 1), 20))
        return min(doubled, maximumWait)
    }

    /// Whether a download that failed `failedPasses` times for `code` should be tried again.
    public func shouldRetry(_ code: MediaFetchError.Code, failedPasses: Int) -> Bool {
        code.isRetryable && failedPasses < maxPasses
    }
}

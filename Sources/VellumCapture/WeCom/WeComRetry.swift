/// Exponential backoff with jitter and a cap, for retryable ``WeComSDKError``s.
///
/// Attempt n (1-based) waits `min(maximum, initial × multiplier^(n-1))`, reduced by up to
/// `jitterFraction` of itself at random: `delay × (1 − jitterFraction × u)`, u ∈ [0, 1).
public struct WeComBackoff: Sendable, Hashable {
    public var initial: Duration
    public var maximum: Duration
    public var multiplier: Double
    public var jitterFraction: Double

    public init(
        initial: Duration = .seconds(1), maximum: Duration = .seconds(300), multiplier: Double = 2,
        jitterFraction: Double = 0.2
    ) {
        self.initial = initial
        self.maximum = maximum
        self.multiplier = max(1, multiplier)
        self.jitterFraction = min(max(jitterFraction, 0), 1)
    }

    /// The delay before retry number `attempt` (1-based); `unitRandom` ∈ [0, 1).
    public func delay(forAttempt attempt: Int, unitRandom: Double) -> Duration {
        let maximumSeconds = Self.seconds(maximum)
        var seconds = Self.seconds(initial)
        var step = 1
        while step < attempt, seconds < maximumSeconds {
            seconds *= multiplier
            step += 1
        }
        seconds = min(seconds, maximumSeconds)
        let u = min(max(unitRandom, 0), 1)
        seconds *= 1 - jitterFraction * u
        return .nanoseconds(Int64((seconds * 1e9).rounded()))
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (s, atto) = duration.components
        return Double(s) + Double(atto) / 1e18
    }
}

/// Sleeping, injectable so tests of backoff and polling run instantly.
public protocol WeComSleeper: Sendable {
    /// Sleeps; throws `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// Sleeps with `Task.sleep` on the continuous clock.
public struct WeComTaskSleeper: WeComSleeper {
    public init() {}

    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}

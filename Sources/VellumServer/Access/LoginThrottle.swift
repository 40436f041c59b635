import Synchronization

/// Slows password guessing: after 5 failed sign-ins for one username, or 20 from one address,
/// within 15 minutes, further attempts are refused until the window has passed.
public final class LoginThrottle: Sendable {
    struct Window {
        var failures: [Int64] = []
    }

    let perUser: Int
    let perAddress: Int
    let window: Int64
    let state = Mutex<[String: Window]>([:])

    public init(perUser: Int = 5, perAddress: Int = 20, windowMilliseconds: Int64 = 15 * 60 * 1000) {
        self.perUser = perUser
        self.perAddress = perAddress
        self.window = windowMilliseconds
    }

    /// Seconds to wait before another attempt is allowed, or nil when one may be made now.
    public func retryAfter(username: String, address: String, now: Int64) -> Int? {
        state.withLock { s in
            let waits = [("u:" + username, perUser), ("a:" + address, perAddress)].compactMap { key, limit -> Int64? in
                let recent = (s[key]?.failures ?? []).filter { now - $0 < window }
                s[key]?.failures = recent
                guard recent.count >= limit, let oldest = recent.first else { return nil }
                return oldest + window - now
            }
            return waits.max().map { Int(($0 + 999) / 1000) }
        }
    }

    public func failed(username: String, address: String, now: Int64) {
        state.withLock { s in
            for key in ["u:" + username, "a:" + address] { s[key, default: Window()].failures.append(now) }
        }
    }

    public func succeeded(username: String) {
        _ = state.withLock { $0.removeValue(forKey: "u:" + username) }
    }
}
